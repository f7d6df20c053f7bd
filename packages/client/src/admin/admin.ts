import { setTimeout as sleep } from 'node:timers/promises'
import { errorFromInfo, SamsaError, throwIfError } from '@samsa/protocol'
import type { Cluster } from '../cluster.js'
import type { TopicMetadata } from '../cluster-metadata.js'
import { throwErrors } from '../errors.js'
import { EARLIEST_OFFSET, LATEST_OFFSET, listOffsets, partitionKey } from '../offsets.js'
import {
  type AlterConfigsOptions,
  type AlterConfigsResult,
  type ClusterDescription,
  ConfigResourceTypes,
  ConfigSource,
  type CreatePartitionsOptions,
  type CreateTopicsOptions,
  type DeleteTopicsOptions,
  type DescribeConfigsOptions,
  type DescribeConfigsResult,
  type FetchTopicMetadataOptions,
  type PartitionOffsets,
  type TopicsMetadata,
} from './types.js'

const DEFAULT_TIMEOUT_MS = 5_000

/**
 * The admin client (KafkaJS's `admin()`): topic and cluster administration. Every request goes
 * to a live bootstrap broker, which answers metadata from its cache and forwards changes to the
 * controller; changes resolve once that broker's metadata shows them (bounded by `timeout`), so
 * a describe right after sees them.
 */
export class Admin {
  readonly #cluster: Cluster

  constructor(cluster: Cluster) {
    this.#cluster = cluster
  }

  /** Finds a live bootstrap broker and loads the cluster metadata. */
  async connect(): Promise<void> {
    await this.#cluster.refreshMetadata()
  }

  /** Closes every connection; the admin cannot be used afterwards. */
  async disconnect(): Promise<void> {
    this.#cluster.close()
  }

  /** Every topic's name, sorted. */
  async listTopics(): Promise<string[]> {
    const { topics } = await this.#cluster.refreshMetadata()
    return topics.map((t) => t.name).sort()
  }

  /**
   * Partitions, leaders, replicas and ISRs of `topics` (default every topic), as the answering
   * broker's metadata has them. Throws UNKNOWN_TOPIC_OR_PARTITION for a topic that does not exist.
   */
  async fetchTopicMetadata(options: FetchTopicMetadataOptions = {}): Promise<TopicsMetadata> {
    const { topics, errors } = await this.#cluster.refreshMetadata(options.topics)
    throwErrors([...errors.values()])
    return { topics: [...topics].sort((a, b) => a.name.localeCompare(b.name)) }
  }

  /**
   * Creates topics. Resolves true once they exist (with leaders, unless `waitForLeaders` is
   * false), false when every topic that failed already existed (KafkaJS's contract); any other
   * failure rejects with the topic's typed error (a SamsaAggregateError for several).
   */
  async createTopics(options: CreateTopicsOptions): Promise<boolean> {
    const { topics, validateOnly = false, waitForLeaders = true } = options
    const response = await this.#cluster.request(async (broker) => {
      const res = await broker.unary(broker.client.createTopics, {
        validateOnly,
        topics: topics.map((t) => ({
          name: t.topic,
          numPartitions: t.numPartitions ?? -1,
          replicationFactor: t.replicationFactor ?? -1,
          configs: Object.fromEntries((t.configEntries ?? []).map((e) => [e.name, e.value])),
        })),
      })
      throwIfError(res.error)
      return res
    })
    const errors: SamsaError[] = []
    const created = new Map<string, number>()
    for (const result of response.results) {
      const error = errorFromInfo(result.error)
      if (error) errors.push(error)
      else created.set(result.name, result.numPartitions)
    }
    if (errors.some((e) => e.code !== 'TOPIC_ALREADY_EXISTS')) throwErrors(errors)
    if (!validateOnly && waitForLeaders && created.size > 0) {
      await this.#awaitMetadata(
        [...created.keys()],
        (name, topic) =>
          topic !== undefined &&
          topic.partitions.length >= (created.get(name) ?? 0) &&
          topic.partitions.every((p) => p.leader >= 0),
        options.timeout,
        true,
      )
    }
    return errors.length === 0
  }

  /** Deletes topics; rejects with UNKNOWN_TOPIC_OR_PARTITION for one that does not exist. */
  async deleteTopics(options: DeleteTopicsOptions): Promise<void> {
    const response = await this.#cluster.request(async (broker) => {
      const res = await broker.unary(broker.client.deleteTopics, { names: [...options.topics] })
      throwIfError(res.error)
      return res
    })
    throwErrors(response.results.flatMap((r) => errorFromInfo(r.error) ?? []))
    await this.#awaitMetadata(options.topics, (_, topic) => topic === undefined, options.timeout)
  }

  /** Raises topics' partition counts to `count` (never lowers them: INVALID_PARTITIONS). */
  async createPartitions(options: CreatePartitionsOptions): Promise<void> {
    const { topicPartitions, validateOnly = false } = options
    const response = await this.#cluster.request(async (broker) => {
      const res = await broker.unary(broker.client.createPartitions, {
        validateOnly,
        topics: topicPartitions.map((t) => ({ name: t.topic, count: t.count })),
      })
      throwIfError(res.error)
      return res
    })
    throwErrors(response.results.flatMap((r) => errorFromInfo(r.error) ?? []))
    if (validateOnly) return
    const counts = new Map(topicPartitions.map((t) => [t.topic, t.count]))
    await this.#awaitMetadata(
      [...counts.keys()],
      (name, topic) => (topic?.partitions.length ?? 0) >= (counts.get(name) ?? 0),
      options.timeout,
    )
  }

  /** Sets or removes topic config overrides (incrementally; see AlterConfigsOptions). */
  async alterConfigs(options: AlterConfigsOptions): Promise<AlterConfigsResult> {
    const { resources, validateOnly = false } = options
    for (const r of resources) assertTopicResource(r.type)
    const response = await this.#cluster.request(async (broker) => {
      const res = await broker.unary(broker.client.alterConfigs, {
        validateOnly,
        resources: resources.map((r) => ({
          topic: r.name,
          configs: r.configEntries.map((e) =>
            e.value === null
              ? { name: e.name, operation: 'CONFIG_OPERATION_DELETE' as const }
              : { name: e.name, operation: 'CONFIG_OPERATION_SET' as const, value: e.value },
          ),
        })),
      })
      throwIfError(res.error)
      return res
    })
    throwErrors(response.results.flatMap((r) => errorFromInfo(r.error) ?? []))
    if (!validateOnly) {
      const wanted = new Map(resources.map((r) => [r.name, r.configEntries]))
      await this.#awaitMetadata(
        [...wanted.keys()],
        (name, topic) =>
          topic !== undefined &&
          (wanted.get(name) ?? []).every((e) =>
            e.value === null ? !(e.name in topic.configs) : topic.configs[e.name] === e.value,
          ),
        options.timeout,
      )
    }
    return {
      resources: response.results.map((r) => ({
        errorCode: 0,
        errorMessage: null,
        resourceName: r.topic,
        resourceType: ConfigResourceTypes.TOPIC,
      })),
    }
  }

  /**
   * Topics' config overrides. Brokers report overrides only, so keys that take the broker
   * default are absent (rather than reported with a value this client cannot know).
   */
  async describeConfigs(options: DescribeConfigsOptions): Promise<DescribeConfigsResult> {
    for (const r of options.resources) assertTopicResource(r.type)
    const { topics, errors } = await this.#cluster.refreshMetadata(
      options.resources.map((r) => r.name),
    )
    throwErrors([...errors.values()])
    const byName = new Map(topics.map((t) => [t.name, t]))
    return {
      resources: options.resources.map((r) => {
        const configs = byName.get(r.name)?.configs ?? {}
        const names = r.configNames ?? Object.keys(configs).sort()
        return {
          errorCode: 0,
          errorMessage: null,
          resourceName: r.name,
          resourceType: ConfigResourceTypes.TOPIC,
          configEntries: names
            .filter((name) => Object.hasOwn(configs, name))
            .map((name) => ({
              configName: name,
              configValue: configs[name]!,
              isDefault: false,
              configSource: ConfigSource.TOPIC_CONFIG,
              isSensitive: false,
              readOnly: false,
            })),
        }
      }),
    }
  }

  /** Every registered broker (fenced ones too) and the controller, as the controller knows them. */
  async describeCluster(): Promise<ClusterDescription> {
    const res = await this.#cluster.request(async (broker) => {
      const r = await broker.unary(broker.client.describeCluster, {})
      throwIfError(r.error)
      return r
    })
    return {
      clusterId: res.clusterId,
      controller: res.controllerId >= 0 ? res.controllerId : null,
      metadataVersion: BigInt(res.metadataVersion || '0'),
      brokers: res.brokers
        .map((b) => ({
          nodeId: b.brokerId,
          host: b.endpoint?.host ?? '',
          port: b.endpoint?.port ?? 0,
          httpPort: b.endpoint?.httpPort ?? 0,
          rack: b.rack === '' ? null : b.rack,
          fenced: b.fenced,
          brokerEpoch: BigInt(b.brokerEpoch || '0'),
          incarnationId: b.incarnationId,
        }))
        .sort((a, b) => a.nodeId - b.nodeId),
    }
  }

  /**
   * Each partition's offsets (KafkaJS's fetchTopicOffsets): `offset` and `high` are the high
   * watermark (the next offset a consumer will see), `low` the log start offset. Asked of each
   * partition's leader with ListOffsets.
   */
  async fetchTopicOffsets(topic: string): Promise<PartitionOffsets[]> {
    const partitions = await this.#partitionIds(topic)
    const [latest, earliest] = await Promise.all(
      [LATEST_OFFSET, EARLIEST_OFFSET].map((timestamp) =>
        listOffsets(
          this.#cluster,
          partitions.map((partition) => ({ topic, partition, timestamp })),
        ),
      ),
    )
    return partitions.map((partition) => {
      const key = partitionKey(topic, partition)
      const high = latest!.get(key)!.offset
      return { partition, offset: high, high, low: earliest!.get(key)!.offset }
    })
  }

  /**
   * Per partition, the first offset whose record timestamp is at or after `timestamp` (ms), or
   * the high watermark when no record is that recent (KafkaJS's fetchTopicOffsetsByTimestamp).
   * Without `timestamp`, the high watermark.
   */
  async fetchTopicOffsetsByTimestamp(
    topic: string,
    timestamp?: number,
  ): Promise<{ partition: number; offset: bigint }[]> {
    const partitions = await this.#partitionIds(topic)
    const queries = (at: bigint) =>
      partitions.map((partition) => ({ topic, partition, timestamp: at }))
    const [found, latest] = await Promise.all([
      timestamp === undefined ? undefined : listOffsets(this.#cluster, queries(BigInt(timestamp))),
      listOffsets(this.#cluster, queries(LATEST_OFFSET)),
    ])
    return partitions.map((partition) => {
      const key = partitionKey(topic, partition)
      const offset = found?.get(key)?.offset ?? -1n
      return { partition, offset: offset >= 0n ? offset : latest.get(key)!.offset }
    })
  }

  /** The partition ids of `topic`; UNKNOWN_TOPIC_OR_PARTITION when it does not exist. */
  async #partitionIds(topic: string): Promise<number[]> {
    const { topics, errors } = await this.#cluster.refreshMetadata([topic])
    throwErrors([...errors.values()])
    return topics.find((t) => t.name === topic)?.partitions.map((p) => p.partitionId) ?? []
  }

  /**
   * Polls the answering broker's metadata until `done` holds for every topic, for up to
   * `timeoutMs`. Brokers learn changes from the controller's metadata stream a moment after the
   * controller commits them. When `required`, running out of time rejects with
   * REQUEST_TIMED_OUT; otherwise the change is committed and the wait simply ends.
   */
  async #awaitMetadata(
    names: readonly string[],
    done: (name: string, topic: TopicMetadata | undefined) => boolean,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    required = false,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs
    for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
      await this.#cluster.refreshMetadata(names)
      if (names.every((name) => done(name, this.#cluster.metadata.topic(name)))) return
      if (Date.now() + pause > deadline) {
        if (!required) return
        throw new SamsaError(
          'REQUEST_TIMED_OUT',
          `The brokers did not show ${names.join(', ')} ready within ${timeoutMs} ms`,
        )
      }
      await sleep(pause)
    }
  }
}

function assertTopicResource(type: number): void {
  if (type !== ConfigResourceTypes.TOPIC) {
    throw new SamsaError(
      'INVALID_REQUEST',
      `Config resource type ${type} is not supported: topics only`,
    )
  }
}
