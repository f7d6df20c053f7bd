import { type ErrorName, errorInfo, type pb } from '@samsa/protocol'
import type { Logger } from './logger.js'
import {
  isFailure,
  isStorageFailure,
  logErrorInfo,
  type PartitionResolver,
} from './partition-resolver.js'
import type { Partition } from './partition-state.js'

/** ListOffsets' special timestamps (Kafka's ListOffsetsRequest constants). */
export const EARLIEST_TIMESTAMP = -2
export const LATEST_TIMESTAMP = -1
export const MAX_TIMESTAMP = -3

export interface ListOffsetsHandlerOptions {
  readonly resolver: PartitionResolver
  readonly logger: Logger
}

type Answer = Omit<pb.ListOffsetsPartitionResponse, 'partition' | 'error'>

const NOT_FOUND: Answer = { timestamp: '-1', offset: '-1', leaderEpoch: -1 }

/**
 * ListOffsets, answered by the leader (Kafka's Partition.fetchOffsetForTimestamp):
 * - -2 (earliest): the log start offset;
 * - -1 (latest): the high watermark for consumers (`replica_id` -1), the log end offset for
 *   replicas; OFFSET_NOT_AVAILABLE (retriable) while a new leader's high watermark is still below
 *   the start of its epoch (KIP-207), so a consumer never resets to an offset that moves back;
 * - a timestamp >= 0: the first batch whose timestamp is >= it, found through the time indexes,
 *   if it is readable (below the high watermark for consumers); offset -1 when none;
 * - -3 (max timestamp, KIP-734): UNSUPPORTED_VERSION for now (the log offers no lookup for it).
 * Partition checks as for Fetch (unknown, not the leader, `current_leader_epoch`).
 */
export class ListOffsetsHandler {
  readonly #o: ListOffsetsHandlerOptions
  readonly #log: Logger

  constructor(options: ListOffsetsHandlerOptions) {
    this.#o = options
    this.#log = options.logger
  }

  handle(request: pb.ListOffsetsRequest__Output): pb.ListOffsetsResponse {
    const isConsumer = request.replicaId < 0
    return {
      error: null,
      topics: request.topics.map((t) => ({
        topic: t.topic,
        partitions: t.partitions.map((p) => this.#listOffset(t.topic, p, isConsumer)),
      })),
    }
  }

  #listOffset(
    topic: string,
    p: pb.ListOffsetsPartition__Output,
    isConsumer: boolean,
  ): pb.ListOffsetsPartitionResponse {
    const resolved = this.#o.resolver.leader(topic, p.partition, p.currentLeaderEpoch)
    if (isFailure(resolved)) {
      return { partition: p.partition, error: resolved.error, ...NOT_FOUND }
    }
    const refuse = (code: ErrorName, message: string): pb.ListOffsetsPartitionResponse => ({
      partition: p.partition,
      error: errorInfo(code, message),
      ...NOT_FOUND,
    })
    const timestamp = Number(p.timestamp)
    const where = `${topic}-${p.partition}`
    try {
      const answer = offsetFor(resolved, timestamp, isConsumer)
      if (typeof answer === 'string') {
        return answer === 'not-available'
          ? refuse(
              'OFFSET_NOT_AVAILABLE',
              `The high watermark of ${where} has not reached the start of leader epoch ${resolved.leaderEpoch} yet`,
            )
          : refuse(
              answer === 'max-timestamp' ? 'UNSUPPORTED_VERSION' : 'INVALID_REQUEST',
              answer === 'max-timestamp'
                ? 'ListOffsets by max timestamp (-3) is not supported yet'
                : `Timestamp ${p.timestamp} is neither a time in ms nor -1 (latest) or -2 (earliest)`,
            )
      }
      return { partition: p.partition, error: null, ...answer }
    } catch (err) {
      if (isStorageFailure(err))
        this.#log.error({ err, topic, partition: p.partition }, 'list offsets failed')
      return { partition: p.partition, error: logErrorInfo(err), ...NOT_FOUND }
    }
  }
}

function offsetFor(
  replica: Partition,
  timestamp: number,
  isConsumer: boolean,
): Answer | 'not-available' | 'max-timestamp' | 'invalid' {
  const log = replica.log
  const highWatermark = replica.highWatermark
  const lastReadable = isConsumer ? highWatermark : log.logEndOffset
  const epochOf = (offset: number) => log.leaderEpochCache.epochForOffset(offset) ?? -1
  if (timestamp === EARLIEST_TIMESTAMP) {
    const offset = log.logStartOffset
    return { timestamp: '-1', offset: String(offset), leaderEpoch: epochOf(offset) }
  }
  if (timestamp === LATEST_TIMESTAMP) {
    const epochStart = log.leaderEpochCache.latestEntry()
    if (
      isConsumer &&
      epochStart !== undefined &&
      epochStart.epoch === replica.leaderEpoch &&
      epochStart.startOffset > highWatermark
    ) {
      return 'not-available'
    }
    return { timestamp: '-1', offset: String(lastReadable), leaderEpoch: replica.leaderEpoch }
  }
  if (timestamp === MAX_TIMESTAMP) return 'max-timestamp'
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) return 'invalid'
  const found = log.offsetForTimestamp(timestamp)
  if (found === undefined || found.offset >= lastReadable) return NOT_FOUND
  return {
    timestamp: String(found.timestamp),
    offset: String(found.offset),
    leaderEpoch: epochOf(found.offset),
  }
}
