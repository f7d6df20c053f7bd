import type { KafkaMessage } from '../messages.js'
import type { OffsetInput } from '../offsets.js'
import type { RetryOptions } from '../options.js'

/** What `samsa.consumer(options)` takes (KafkaJS's ConsumerConfig, the parts without a group). */
export interface ConsumerOptions {
  /**
   * Consumer groups arrive with the consumer-group work; until then a `groupId` is refused
   * (UNSUPPORTED_VERSION) rather than ignored. Use `assign()` or `subscribe()` without one.
   */
  groupId?: string
  /** Longest time a broker holds a Fetch waiting for `minBytes`, in ms. Default 5000. */
  maxWaitTimeInMs?: number
  /** Bytes a Fetch waits for before the broker answers. Default 1. */
  minBytes?: number
  /** Bound on one Fetch answer, in bytes (at least one batch comes regardless). Default 50 MiB. */
  maxBytes?: number
  /**
   * Bound on one partition's share of a Fetch answer, in bytes. Doubled for a partition whose
   * next batch is larger, up to `maxBytes`. Default 1 MiB.
   */
  maxBytesPerPartition?: number
  /** Backoff after retriable errors and failed handlers. Default: the client's `retry`. */
  retry?: RetryOptions
}

/** A topic and some of its partitions (all of them when `partitions` is left out). */
export interface TopicPartitions {
  topic: string
  partitions?: number[]
}

export interface TopicPartition {
  topic: string
  partition: number
}

/** A partition to read, optionally from a given offset (see `seek` for its meaning). */
export interface AssignedPartition extends TopicPartition {
  offset?: OffsetInput
}

export interface AssignOptions {
  /**
   * Where partitions without an offset start, and where one whose offset falls outside the log
   * restarts (OFFSET_OUT_OF_RANGE): the log start if true, else the high watermark (only records
   * produced from now on). Default false.
   */
  fromBeginning?: boolean
}

/** `subscribe()`'s argument: `topics` (or KafkaJS's older single `topic`), names or patterns. */
export interface ConsumerSubscribeTopics {
  topics?: readonly (string | RegExp)[]
  topic?: string | RegExp
  /** As AssignOptions.fromBeginning. Default false. */
  fromBeginning?: boolean
}

export interface SeekEntry extends TopicPartition {
  /** The next offset to read; -2 means the log start and -1 the high watermark. */
  offset: OffsetInput
}

/** The records of one partition from one Fetch (KafkaJS's Batch), offsets exact. */
export interface Batch {
  topic: string
  partition: number
  /** The partition's high watermark when the broker answered. */
  highWatermark: bigint
  messages: KafkaMessage[]
  isEmpty(): boolean
  firstOffset(): bigint | null
  lastOffset(): bigint
  /** Records after this batch up to the high watermark. */
  offsetLag(): bigint
  /** Records from this batch's first up to the high watermark. */
  offsetLagLow(): bigint
}

export interface EachMessagePayload {
  topic: string
  partition: number
  message: KafkaMessage
  /** Nothing to do without a group; kept for KafkaJS code. */
  heartbeat(): Promise<void>
  /** Pauses this partition (the rest of its batch is not delivered); returns the resume function. */
  pause(): () => void
}

export interface EachBatchPayload {
  batch: Batch
  /** Marks records up to `offset` processed: with `eachBatchAutoResolve: false`, reading resumes after it. */
  resolveOffset(offset: OffsetInput): void
  /** Nothing to do without a group; kept for KafkaJS code. */
  heartbeat(): Promise<void>
  pause(): () => void
  /** False once `stop()` was called. */
  isRunning(): boolean
  /** True once the partition was sought elsewhere, paused or unassigned: stop processing it. */
  isStale(): boolean
}

export interface ConsumerRunConfig {
  eachMessage?: (payload: EachMessagePayload) => Promise<void>
  eachBatch?: (payload: EachBatchPayload) => Promise<void>
  /** After `eachBatch` resolves, continue after the batch's last record. Default true. */
  eachBatchAutoResolve?: boolean
  /**
   * Accepted for KafkaJS code; without a group there is nowhere to commit, so nothing is
   * committed whatever its value.
   */
  autoCommit?: boolean
}

/** Instrumentation event names (KafkaJS's consumer.events, the ones a groupless consumer has). */
export const ConsumerEvents = {
  FETCH_START: 'consumer.fetch_start',
  FETCH: 'consumer.fetch',
  CRASH: 'consumer.crash',
  STOP: 'consumer.stop',
} as const

export type ConsumerEventName = (typeof ConsumerEvents)[keyof typeof ConsumerEvents]

export interface ConsumerEventPayloads {
  'consumer.fetch_start': { nodeId: number }
  'consumer.fetch': { nodeId: number; numberOfBatches: number; duration: number }
  /** The consumer stopped on a non-retriable error (or a handler that kept failing). */
  'consumer.crash': { error: Error; groupId: null; restart: false }
  'consumer.stop': Record<string, never>
}

export interface ConsumerEvent<E extends ConsumerEventName> {
  type: E
  timestamp: number
  payload: ConsumerEventPayloads[E]
}
