import type { PartitionMetadata } from '../cluster-metadata.js'
import type { Message } from '../messages.js'
import type { RetryOptions } from '../options.js'

/** Required acknowledgements: -1 every in-sync replica, 1 the leader, 0 none. */
export type Acks = -1 | 0 | 1

/** Batch compression the producer can apply (snappy, lz4 and zstd are not built in). */
export type ProducerCompression = 'none' | 'gzip'

/** What a partitioner sees for one record (KafkaJS's PartitionerArgs). */
export interface PartitionerArgs {
  topic: string
  /** The topic's partitions, ordered by id; `leader` is -1 for an offline one. */
  partitionMetadata: readonly PartitionMetadata[]
  message: Message
}

/** Picks a partition id for a record without an explicit `partition`. */
export type Partitioner = (args: PartitionerArgs) => number

/** KafkaJS's ICustomPartitioner: called once per producer to make its partitioner. */
export type PartitionerFactory = () => Partitioner

/** What `samsa.producer(options)` takes (KafkaJS's ProducerConfig plus Kafka's batching knobs). */
export interface ProducerOptions {
  /** Default acks of `send()`: -1 (all in-sync replicas), 1 (leader) or 0 (none). Default -1. */
  acks?: Acks
  /**
   * How long the leader may wait for the in-sync replicas when acks is -1, in ms, before it
   * answers REQUEST_TIMED_OUT (Kafka's request `timeout`). Default 30000.
   */
  timeoutMs?: number
  /**
   * Upper bound of one record batch, in bytes of records (Kafka's `batch.size`). A record
   * larger than this gets a batch of its own. Default 16384.
   */
  batchSize?: number
  /**
   * How long a batch that is not full waits for more records before it is sent, in ms
   * (Kafka's `linger.ms`). Default 5.
   */
  lingerMs?: number
  /**
   * Produce requests in flight to one broker at a time (Kafka's
   * `max.in.flight.requests.per.connection`). Default 5. Whatever its value, a partition has at
   * most one request in flight, so retries never reorder a partition's records.
   */
  maxInFlightRequests?: number
  /** Batch compression. Default 'none'. */
  compression?: ProducerCompression
  /**
   * How records without a key or partition are spread: 'default' is round-robin over the
   * partitions that have a leader (keyed records go to murmur2(key) % partitions, as Kafka's
   * and KafkaJS's default partitioners do); 'sticky' fills one partition's batch before moving
   * to another (KIP-480); or a KafkaJS-style partitioner factory. Default 'default'.
   */
  partitioner?: 'default' | 'sticky' | PartitionerFactory
  /** Retries of retriable errors (per batch). Default: the client's `retry`. */
  retry?: RetryOptions
}

/** `send()`'s argument (KafkaJS's ProducerRecord). */
export interface ProducerRecord {
  topic: string
  messages: readonly Message[]
  /** Default: the producer's `acks`. */
  acks?: Acks
  /** Default: the producer's `timeoutMs`. */
  timeout?: number
  /** Default: the producer's `compression`. */
  compression?: ProducerCompression
}

/** `sendBatch()`'s argument (KafkaJS's ProducerBatch). */
export interface ProducerBatch {
  topicMessages: readonly { topic: string; messages: readonly Message[] }[]
  acks?: Acks
  timeout?: number
  compression?: ProducerCompression
}

/**
 * Where a `send()`'s records for one partition went (KafkaJS's RecordMetadata): `baseOffset` is
 * the exact offset of the first of them (their offsets follow one by one), -1 with acks=0.
 */
export interface RecordMetadata {
  /** The topic (KafkaJS's name for it). */
  topicName: string
  /** The same topic, under the name DESIGN.md §6 uses. */
  topic: string
  partition: number
  /** Always 0: a failed partition rejects the whole `send()` with its typed error. */
  errorCode: number
  baseOffset: bigint
  /** The broker's append time in ms on a LogAppendTime topic; -1 otherwise. */
  logAppendTime: number
  /** The partition's log start offset when it answered; -1 when unknown (acks=0). */
  logStartOffset: bigint
}
