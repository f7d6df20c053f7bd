import { SamsaError, topicNameProblem, topicNamesCollide } from '@samsa/protocol'
import type { CommandContext } from './command-context.js'
import type { MetadataImage } from './metadata-image.js'
import type { MetadataRecord, PartitionCreatedRecord } from './metadata-records.js'
import { assignReplicas, rackAlternatedBrokers } from './replica-placement.js'
import { isTopicConfig, validateTopicConfig, validateTopicConfigs } from './topic-configs.js'

/** What planning a command produced: records to commit, and one result per request item. */
export interface Plan<R> {
  readonly records: MetadataRecord[]
  readonly results: R[]
}

export interface CreateTopicRequest {
  readonly name: string
  /** -1 for `num.partitions`. */
  readonly numPartitions: number
  /** -1 for `default.replication.factor`. */
  readonly replicationFactor: number
  readonly configs?: Readonly<Record<string, string>>
}

export interface CreateTopicResult {
  readonly name: string
  readonly error?: SamsaError
  readonly topicId?: string
  readonly numPartitions?: number
  readonly replicationFactor?: number
  readonly configs?: Readonly<Record<string, string>>
}

/**
 * Validates and places new topics. Each topic fails or succeeds on its own, with Kafka's
 * codes: INVALID_TOPIC_EXCEPTION (name rules, or a '.'/'_' collision), INVALID_REQUEST (named
 * twice), TOPIC_ALREADY_EXISTS, INVALID_PARTITIONS, INVALID_REPLICATION_FACTOR (above the
 * unfenced brokers), INVALID_CONFIG. Replicas go to unfenced brokers only; every replica
 * starts in the ISR and the first one leads (epochs 0).
 */
export function planCreateTopics(
  image: MetadataImage,
  requests: readonly CreateTopicRequest[],
  ctx: CommandContext,
): Plan<CreateTopicResult> {
  const records: MetadataRecord[] = []
  const results: CreateTopicResult[] = []
  const counts = new Map<string, number>()
  for (const r of requests) counts.set(r.name, (counts.get(r.name) ?? 0) + 1)
  const accepted: string[] = []
  const brokers = image.unfencedBrokers()

  for (const request of requests) {
    const { name } = request
    try {
      const problem = topicNameProblem(name)
      if (problem !== undefined) throw new SamsaError('INVALID_TOPIC_EXCEPTION', problem)
      if ((counts.get(name) ?? 0) > 1) {
        throw new SamsaError(
          'INVALID_REQUEST',
          `Topic ${name} appears more than once in the request`,
        )
      }
      if (image.topic(name))
        throw new SamsaError('TOPIC_ALREADY_EXISTS', `Topic ${name} already exists`)
      const collision = [...image.topics.keys(), ...accepted].find((t) =>
        topicNamesCollide(t, name),
      )
      if (collision !== undefined) {
        throw new SamsaError(
          'INVALID_TOPIC_EXCEPTION',
          `Topic ${name} collides with existing topic ${collision} ('.' and '_' are interchangeable in metric names)`,
        )
      }
      const numPartitions =
        request.numPartitions === -1 ? ctx.defaults.numPartitions : request.numPartitions
      const replicationFactor =
        request.replicationFactor === -1
          ? ctx.defaults.defaultReplicationFactor
          : request.replicationFactor
      const configs = { ...(request.configs ?? {}) }
      validateTopicConfigs(configs)
      const assignment = assignReplicas(brokers, numPartitions, replicationFactor, {
        random: ctx.random,
      })
      const topicId = ctx.newTopicId()
      records.push({ type: 'topic-created', name, topicId, configs })
      assignment.forEach((replicas, partition) => {
        records.push(newPartition(name, topicId, partition, replicas))
      })
      accepted.push(name)
      results.push({ name, topicId, numPartitions, replicationFactor, configs })
    } catch (err) {
      results.push({ name, error: asSamsaError(err) })
    }
  }
  return { records, results }
}

export interface DeleteTopicResult {
  readonly name: string
  readonly topicId?: string
  readonly error?: SamsaError
}

/** Deletes topics by name; UNKNOWN_TOPIC_OR_PARTITION for a name that does not exist. */
export function planDeleteTopics(
  image: MetadataImage,
  names: readonly string[],
): Plan<DeleteTopicResult> {
  const records: MetadataRecord[] = []
  const results: DeleteTopicResult[] = []
  const seen = new Set<string>()
  for (const name of names) {
    const topic = image.topic(name)
    if (!topic || seen.has(name)) {
      results.push({
        name,
        error: new SamsaError('UNKNOWN_TOPIC_OR_PARTITION', `Topic ${name} does not exist`),
      })
      continue
    }
    seen.add(name)
    records.push({ type: 'topic-deleted', name, topicId: topic.topicId })
    results.push({ name, topicId: topic.topicId })
  }
  return { records, results }
}

export interface CreatePartitionsRequest {
  readonly name: string
  /** The new total. */
  readonly count: number
}

export interface TopicResult {
  readonly name: string
  readonly error?: SamsaError
}

/**
 * Grows topics to `count` partitions, placing the new ones as Kafka does (continuing the
 * round robin from the topic's first partition). INVALID_PARTITIONS unless count grows,
 * INVALID_REPLICATION_FACTOR when too few brokers are unfenced for the topic's factor.
 */
export function planCreatePartitions(
  image: MetadataImage,
  requests: readonly CreatePartitionsRequest[],
  ctx: CommandContext,
): Plan<TopicResult> {
  const records: MetadataRecord[] = []
  const results: TopicResult[] = []
  const brokers = image.unfencedBrokers()
  for (const { name, count } of requests) {
    try {
      const topic = image.topic(name)
      if (!topic) throw new SamsaError('UNKNOWN_TOPIC_OR_PARTITION', `Topic ${name} does not exist`)
      const current = topic.partitions.length
      if (!Number.isInteger(count) || count <= current) {
        throw new SamsaError(
          'INVALID_PARTITIONS',
          `Topic ${name} has ${current} partitions; the new count must be larger, got ${count}`,
        )
      }
      const rf = topic.partitions[0]?.replicas.length ?? 1
      const firstLeader = topic.partitions[0]?.replicas[0]
      // Continue the topic's round robin where partition 0 started it (Kafka does the same).
      const arrangedIndex =
        firstLeader === undefined ? -1 : rackAlternatedBrokers(brokers).indexOf(firstLeader)
      const assignment = assignReplicas(brokers, count - current, rf, {
        startPartition: current,
        ...(arrangedIndex >= 0 ? { startIndex: arrangedIndex } : {}),
        random: ctx.random,
      })
      assignment.forEach((replicas, i) => {
        records.push(newPartition(name, topic.topicId, current + i, replicas))
      })
      results.push({ name })
    } catch (err) {
      results.push({ name, error: asSamsaError(err) })
    }
  }
  return { records, results }
}

export interface AlterConfigsRequest {
  readonly topic: string
  /** null removes the override. */
  readonly configs: Readonly<Record<string, string | null>>
}

/** Sets or removes topic config overrides; INVALID_CONFIG names the bad key. */
export function planAlterConfigs(
  image: MetadataImage,
  requests: readonly AlterConfigsRequest[],
): Plan<TopicResult> {
  const records: MetadataRecord[] = []
  const results: TopicResult[] = []
  for (const { topic, configs } of requests) {
    try {
      if (!image.topic(topic)) {
        throw new SamsaError('UNKNOWN_TOPIC_OR_PARTITION', `Topic ${topic} does not exist`)
      }
      const changes: MetadataRecord[] = []
      for (const [name, value] of Object.entries(configs)) {
        if (value !== null) validateTopicConfig(name, value)
        else if (!isTopicConfig(name)) {
          throw new SamsaError('INVALID_CONFIG', `Unknown topic config "${name}"`)
        }
        changes.push({ type: 'config-changed', topic, name, value })
      }
      records.push(...changes)
      results.push({ name: topic })
    } catch (err) {
      results.push({ name: topic, error: asSamsaError(err) })
    }
  }
  return { records, results }
}

function newPartition(
  topic: string,
  topicId: string,
  partition: number,
  replicas: readonly number[],
): PartitionCreatedRecord {
  return {
    type: 'partition-created',
    topic,
    topicId,
    partition,
    replicas: [...replicas],
    isr: [...replicas],
    leader: replicas[0]!,
    leaderEpoch: 0,
    partitionEpoch: 0,
  }
}

export function asSamsaError(err: unknown): SamsaError {
  if (err instanceof SamsaError) return err
  return new SamsaError('UNKNOWN_SERVER_ERROR', err instanceof Error ? err.message : String(err), {
    cause: err,
  })
}
