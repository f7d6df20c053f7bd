import { type RecordInput, SamsaError } from '@samsa/protocol'
import type { Cluster } from '../cluster.js'
import type { PartitionMetadata } from '../cluster-metadata.js'
import { headersToList, type Message } from '../messages.js'
import type { RetryOptions } from '../options.js'
import { retry } from '../retry.js'
import { type BatchProfile, Delivery, RecordAccumulator } from './accumulator.js'
import { createDefaultPartitioner, createStickyPartitioner } from './partitioners.js'
import { ProduceSender } from './sender.js'
import type {
  Acks,
  Partitioner,
  ProducerBatch,
  ProducerCompression,
  ProducerOptions,
  ProducerRecord,
  RecordMetadata,
} from './types.js'

/** ProducerOptions with every default filled in. */
export interface ResolvedProducerOptions {
  readonly acks: Acks
  readonly timeoutMs: number
  readonly batchSize: number
  readonly lingerMs: number
  readonly maxInFlightRequests: number
  readonly compression: ProducerCompression
  readonly retry: Readonly<Required<RetryOptions>>
}

const ACKS: readonly number[] = [-1, 0, 1]
const COMPRESSIONS: readonly string[] = ['none', 'gzip']

function checkAcks(acks: number): Acks {
  if (!ACKS.includes(acks)) throw new TypeError(`acks must be -1, 0 or 1, not ${acks}`)
  return acks as Acks
}

function checkCompression(compression: string): ProducerCompression {
  if (!COMPRESSIONS.includes(compression)) {
    throw new TypeError(`compression must be 'none' or 'gzip', not ${JSON.stringify(compression)}`)
  }
  return compression as ProducerCompression
}

function positiveInteger(value: number, name: string, min = 1): number {
  if (!Number.isInteger(value) || value < min) {
    throw new TypeError(`${name} must be an integer >= ${min}, not ${value}`)
  }
  return value
}

export function resolveProducerOptions(
  options: ProducerOptions,
  clientRetry: Readonly<Required<RetryOptions>>,
): ResolvedProducerOptions {
  return {
    acks: checkAcks(options.acks ?? -1),
    timeoutMs: positiveInteger(options.timeoutMs ?? 30_000, 'timeoutMs', 0),
    batchSize: positiveInteger(options.batchSize ?? 16_384, 'batchSize'),
    lingerMs: positiveInteger(options.lingerMs ?? 5, 'lingerMs', 0),
    maxInFlightRequests: positiveInteger(options.maxInFlightRequests ?? 5, 'maxInFlightRequests'),
    compression: checkCompression(options.compression ?? 'none'),
    retry: { ...clientRetry, ...options.retry },
  }
}

function toBytes(data: Buffer | string | null | undefined): Buffer | null {
  if (data === null || data === undefined) return null
  if (typeof data === 'string') return Buffer.from(data, 'utf8')
  if (Buffer.isBuffer(data)) return data
  throw new TypeError(`a record key, value or header value must be a Buffer or string`)
}

function toTimestamp(value: number | string | undefined, now: number): number {
  if (value === undefined || value === null) return now
  const ms = typeof value === 'string' ? Number(value.trim()) : value
  if (!Number.isSafeInteger(ms) || ms < 0) {
    throw new TypeError(`timestamp ${JSON.stringify(value)} is not a time in ms since the epoch`)
  }
  return ms
}

/** A Message as the batch builder takes it: bytes, headers as a list, a timestamp. */
function toRecordInput(message: Message, now: number): RecordInput {
  if (message === null || typeof message !== 'object') {
    throw new TypeError('each message must be an object with a value')
  }
  return {
    key: toBytes(message.key),
    value: toBytes(message.value),
    headers: headersToList(message.headers).map((h) => ({ key: h.key, value: toBytes(h.value) })),
    timestamp: toTimestamp(message.timestamp, now),
  }
}

/**
 * The producer (KafkaJS's `producer()`), with Kafka's batching: records are partitioned (an
 * explicit partition wins, else murmur2 of the key, else round-robin or sticky), appended to
 * their partition's batch, and sent when the batch is full (`batchSize`) or has waited
 * `lingerMs`; a broker that has one batch ready gets every partition it leads that has records,
 * in one Produce request. `send()` resolves once its records are acknowledged with `acks`.
 *
 * Retriable errors are retried per batch with the retry policy's backoff; errors that mean the
 * metadata is stale (NOT_LEADER_OR_FOLLOWER, ...) first re-route to the leader the broker names
 * (KIP-951) or found by a metadata refresh. A partition has at most one request in flight and a
 * failed batch goes back to the front of its queue, so retries never reorder a partition's
 * records (Kafka needs `max.in.flight.requests.per.connection=1` or idempotence for that).
 * Without idempotence, a retry after a lost answer may write a batch twice.
 */
export class Producer {
  readonly #cluster: Cluster
  readonly #options: ResolvedProducerOptions
  readonly #accumulator: RecordAccumulator
  readonly #partitioner: Partitioner
  readonly #sender: ProduceSender
  readonly #sticky: boolean
  readonly #lookups = new Set<Promise<unknown>>()
  #state: 'open' | 'disconnecting' | 'closed' = 'open'

  constructor(cluster: Cluster, options: ProducerOptions = {}) {
    this.#cluster = cluster
    this.#options = resolveProducerOptions(options, cluster.config.retry)
    this.#accumulator = new RecordAccumulator(this.#options.batchSize)
    const partitioner = options.partitioner ?? 'default'
    this.#sticky = partitioner === 'sticky'
    if (partitioner === 'default') this.#partitioner = createDefaultPartitioner()
    else if (partitioner === 'sticky') {
      this.#partitioner = createStickyPartitioner((topic, partition) =>
        this.#accumulator.generation(topic, partition),
      )
    } else if (typeof partitioner === 'function') this.#partitioner = partitioner()
    else throw new TypeError(`partitioner must be 'default', 'sticky' or a partitioner factory`)
    this.#sender = new ProduceSender(cluster, this.#accumulator, this.#options)
  }

  /** The options in force (defaults filled in). */
  get options(): ResolvedProducerOptions {
    return this.#options
  }

  /** Finds a live bootstrap broker and loads the cluster metadata. */
  async connect(): Promise<void> {
    this.#assertOpen()
    await this.#cluster.refreshMetadata()
  }

  /**
   * Sends every batch still waiting (without lingering), waits for every `send()` to settle,
   * then closes the connections. `send()` after this rejects.
   */
  async disconnect(): Promise<void> {
    if (this.#state !== 'open') return
    this.#state = 'disconnecting'
    try {
      await Promise.allSettled([...this.#lookups])
      await this.#sender.flush()
    } finally {
      this.#state = 'closed'
      this.#sender.close()
      this.#cluster.close()
    }
  }

  /** Sends every waiting batch now and resolves once nothing is queued or in flight. */
  flush(): Promise<void> {
    return this.#sender.flush()
  }

  /**
   * Produces `messages` to `topic`; resolves once they are acknowledged, with one entry per
   * partition written (KafkaJS's RecordMetadata[]). Rejects with the typed error of a
   * partition that failed for good (a SamsaAggregateError when several did), or a TypeError for
   * a malformed message.
   */
  send(record: ProducerRecord): Promise<RecordMetadata[]> {
    const { topic, messages, ...rest } = record
    return this.sendBatch({ topicMessages: [{ topic, messages }], ...rest })
  }

  /** `send()` for several topics at once (KafkaJS's sendBatch). */
  async sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    this.#assertOpen()
    const profile: BatchProfile = {
      acks: checkAcks(batch.acks ?? this.#options.acks),
      timeoutMs: positiveInteger(batch.timeout ?? this.#options.timeoutMs, 'timeout', 0),
      compression: checkCompression(batch.compression ?? this.#options.compression),
    }
    const topicMessages = batch.topicMessages ?? []
    for (const { topic, messages } of topicMessages) {
      if (typeof topic !== 'string' || topic === '') throw new TypeError('a topic name is needed')
      if (!Array.isArray(messages)) throw new TypeError(`messages for ${topic} must be an array`)
    }
    // disconnect() waits for sends that started before it, metadata lookups included.
    const lookup = this.#partitionsOf(topicMessages)
    this.#lookups.add(lookup)
    let partitions: Map<string, readonly PartitionMetadata[]>
    try {
      partitions = await lookup
    } finally {
      this.#lookups.delete(lookup)
    }
    const delivery = new Delivery()
    const now = Date.now()
    let full = false
    try {
      for (const { topic, messages } of topicMessages) {
        const metadata = partitions.get(topic)!
        for (const message of messages) {
          const record = toRecordInput(message, now)
          let partition = this.#choosePartition(topic, metadata, message)
          if (this.#sticky && this.#accumulator.closeIfFull(topic, partition, record, profile)) {
            // That batch is complete: the sticky partitioner picks the next partition.
            partition = this.#choosePartition(topic, metadata, message)
          }
          full = this.#accumulator.append(topic, partition, record, profile, delivery, now) || full
        }
      }
      delivery.seal()
    } catch (err) {
      // Records appended before a malformed one are sent; the send() rejects all the same.
      delivery.seal(err instanceof Error ? err : new Error(String(err)))
    }
    this.#sender.wake()
    return delivery.promise
  }

  /**
   * The partitions of every topic written to, from the metadata cache (fetched when missing or
   * stale). An unknown topic, or an explicit partition beyond the known ones, is asked about
   * again with the retry policy: it may have just been created or grown.
   */
  async #partitionsOf(
    topicMessages: ProducerBatch['topicMessages'],
  ): Promise<Map<string, readonly PartitionMetadata[]>> {
    const names = [...new Set(topicMessages.map((t) => t.topic))]
    return retry(async () => {
      const errors = await this.#cluster.ensureTopics(names)
      const found = new Map<string, readonly PartitionMetadata[]>()
      for (const name of names) {
        const error = errors.get(name)
        if (error !== undefined) throw error
        const topic = this.#cluster.metadata.topic(name)
        if (topic === undefined) {
          throw new SamsaError('UNKNOWN_TOPIC_OR_PARTITION', `Topic ${name} is not known`)
        }
        found.set(name, topic.partitions)
      }
      for (const { topic, messages } of topicMessages) {
        const count = found.get(topic)!.length
        for (const { partition } of messages) {
          if (partition === undefined || partition === null) continue
          if (!Number.isInteger(partition) || partition < 0) {
            throw new TypeError(`partition ${partition} is not a partition id`)
          }
          if (partition >= count) {
            this.#cluster.metadata.invalidate()
            throw new SamsaError(
              'UNKNOWN_TOPIC_OR_PARTITION',
              `Topic ${topic} has ${count} partitions; there is no partition ${partition}`,
            )
          }
        }
      }
      return found
    }, this.#options.retry)
  }

  #choosePartition(
    topic: string,
    partitionMetadata: readonly PartitionMetadata[],
    message: Message,
  ): number {
    if (message.partition !== undefined && message.partition !== null) return message.partition
    const partition = this.#partitioner({ topic, partitionMetadata, message })
    if (!Number.isInteger(partition) || partition < 0 || partition >= partitionMetadata.length) {
      throw new TypeError(
        `The partitioner chose partition ${partition} of ${topic}, which has ${partitionMetadata.length}`,
      )
    }
    return partition
  }

  #assertOpen(): void {
    // A programming error, not a broker's: not a (retriable) SamsaError.
    if (this.#state !== 'open') throw new Error('The producer is disconnected')
  }
}
