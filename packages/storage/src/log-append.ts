import {
  batchBaseOffset,
  batchLastOffset,
  batchLastOffsetDelta,
  batchMaxTimestamp,
  batchPartitionLeaderEpoch,
  batchRecordCount,
  batchSize,
  checkBatch,
  InvalidRecordError,
  MessageTooLargeError,
  stampBaseOffset,
  stampPartitionLeaderEpoch,
  validateProducedBatch,
} from '@samsa/protocol'
import { FencedLeaderEpochError, UnexpectedAppendOffsetError } from './errors.js'
import type { LeaderEpochCache } from './leader-epoch-cache.js'
import type { LogConfig } from './log-config.js'
import type { Segment } from './segment.js'

/*
 * The checks and decisions that come before an append touches the disk, and what the log learns
 * from the batches after. Every batch of an append is checked before anything is written, so a
 * bad batch anywhere in the buffer (or a stale leader epoch) means nothing is written at all.
 * Header fields only: records are never decoded.
 */

const UINT32_MAX = 0xffffffff

/** What an append did. */
export interface LogAppendInfo {
  /** Offset of the first record appended. */
  firstOffset: number
  /** Offset of the last record appended. */
  lastOffset: number
  /** Largest batch timestamp appended (-1 if none). */
  maxTimestamp: number
  /** Base offset of the batch that holds `maxTimestamp`. */
  offsetOfMaxTimestamp: number
  /** Always -1: log-append-time batches are not rewritten. */
  logAppendTime: number
  /** The log start offset after the append. */
  logStartOffset: number
  /** Records and batches appended, and their bytes. */
  recordCount: number
  batchCount: number
  validBytes: number
}

/** Header totals of batches about to be appended. */
export interface BatchesSummary {
  lastOffset: number
  maxTimestamp: number
  offsetOfMaxTimestamp: number
  recordCount: number
  batchCount: number
}

/**
 * Refuses a leader epoch that is not an int32 >= 0 (InvalidRecordError), or that is older than
 * the log's latest epoch (FencedLeaderEpochError): a stale leader must not write.
 */
export function checkLeaderEpoch(leaderEpoch: number, latestEpoch: number | undefined): void {
  if (!Number.isInteger(leaderEpoch) || leaderEpoch < 0 || leaderEpoch > 0x7fffffff) {
    throw new InvalidRecordError(`invalid leader epoch ${leaderEpoch}`)
  }
  if (latestEpoch !== undefined && leaderEpoch < latestEpoch) {
    throw new FencedLeaderEpochError(
      `leader epoch ${leaderEpoch} is older than the log's latest epoch ${latestEpoch}`,
    )
  }
}

/** Refuses an empty append, or one larger than a segment may be. */
export function checkAppendSize(batches: Buffer, segmentBytes: number): void {
  if (batches.length === 0) throw new InvalidRecordError('append of zero batches')
  if (batches.length > segmentBytes) {
    throw new MessageTooLargeError(
      `append of ${batches.length} bytes exceeds segment.bytes (${segmentBytes})`,
    )
  }
}

/**
 * What a leader accepts from a producer, for every batch of the buffer (`validateProducedBatch`:
 * whole header, a length within the buffer, magic 2, CRC, at least one record, a lastOffsetDelta
 * that agrees with the record count).
 */
export function validateLeaderBatches(batches: Buffer): void {
  for (let pos = 0; pos < batches.length; ) pos += validateProducedBatch(batches, pos)
}

/**
 * Assigns offsets from `firstOffset` and the leader epoch by overwriting each batch's baseOffset
 * and partitionLeaderEpoch in place; both are outside the CRC, so the batches stay valid.
 */
export function stampBatches(batches: Buffer, firstOffset: number, leaderEpoch: number): void {
  let next = firstOffset
  for (let pos = 0; pos < batches.length; pos += batchSize(batches, pos)) {
    stampBaseOffset(batches, pos, next)
    stampPartitionLeaderEpoch(batches, pos, leaderEpoch)
    next += batchLastOffsetDelta(batches, pos) + 1
  }
}

/**
 * What a follower accepts from its leader: every batch intact (`checkBatch`), the first starting
 * at `logEndOffset`, each next one after the previous one's last offset.
 */
export function validateFollowerBatches(batches: Buffer, logEndOffset: number): void {
  let expected = logEndOffset
  for (let pos = 0; pos < batches.length; ) {
    const size = checkBatch(batches, pos)
    const base = batchBaseOffset(batches, pos)
    const last = batchLastOffset(batches, pos)
    if (last < base) throw new InvalidRecordError(`batch at ${pos} has a negative lastOffsetDelta`)
    const first = pos === 0
    if (first ? base !== expected : base < expected) {
      throw new UnexpectedAppendOffsetError(
        first
          ? `follower append starts at offset ${base} but the log end offset is ${expected}`
          : `batch at ${pos} starts at offset ${base}, before ${expected}: offsets go backwards`,
        expected,
        base,
      )
    }
    expected = last + 1
    pos += size
  }
}

/** Last offset, max timestamp and counts of validated batches. */
export function summarizeBatches(batches: Buffer): BatchesSummary {
  const summary: BatchesSummary = {
    lastOffset: -1,
    maxTimestamp: -1,
    offsetOfMaxTimestamp: -1,
    recordCount: 0,
    batchCount: 0,
  }
  for (let pos = 0; pos < batches.length; pos += batchSize(batches, pos)) {
    const maxTimestamp = batchMaxTimestamp(batches, pos)
    if (maxTimestamp > summary.maxTimestamp) {
      summary.maxTimestamp = maxTimestamp
      summary.offsetOfMaxTimestamp = batchBaseOffset(batches, pos)
    }
    summary.lastOffset = batchLastOffset(batches, pos)
    summary.recordCount += batchRecordCount(batches, pos)
    summary.batchCount++
  }
  return summary
}

/** What an append of `validBytes` of batches summarized by `summary` did. */
export function appendInfo(
  summary: BatchesSummary,
  firstOffset: number,
  logStartOffset: number,
  validBytes: number,
): LogAppendInfo {
  return {
    firstOffset,
    lastOffset: summary.lastOffset,
    maxTimestamp: summary.maxTimestamp,
    offsetOfMaxTimestamp: summary.offsetOfMaxTimestamp,
    logAppendTime: -1,
    logStartOffset,
    recordCount: summary.recordCount,
    batchCount: summary.batchCount,
    validBytes,
  }
}

/**
 * Whether an append of `appendSize` bytes ending at `lastOffset` goes to a new segment (Kafka's
 * `shouldRoll`): it would pass `segment.bytes`, the active segment is older than `segment.ms`,
 * an index is full, or the last offset would not fit the segment's uint32 relative offsets. An
 * empty segment never rolls.
 */
export function shouldRoll(
  segment: Segment,
  config: Pick<LogConfig, 'segmentBytes' | 'segmentMs'>,
  appendSize: number,
  lastOffset: number,
  now: number,
): boolean {
  if (segment.size === 0) return false
  const reachedRollMs =
    segment.rollingBasedTimestamp !== undefined &&
    now - segment.rollingBasedTimestamp > config.segmentMs
  return (
    segment.size > config.segmentBytes - appendSize ||
    reachedRollMs ||
    segment.indexIsFull() ||
    lastOffset - segment.baseOffset > UINT32_MAX
  )
}

/** After a follower append: the epoch cache learns the start of each epoch the batches carry. */
export function assignBatchEpochs(batches: Buffer, epochCache: LeaderEpochCache): void {
  for (let pos = 0; pos < batches.length; pos += batchSize(batches, pos)) {
    const epoch = batchPartitionLeaderEpoch(batches, pos)
    if (epoch >= 0) epochCache.assign(epoch, batchBaseOffset(batches, pos))
  }
}
