import {
  batchBaseOffset,
  batchLastOffset,
  batchMaxTimestamp,
  decodeRecordBatch,
  type Logger,
} from '@samsa/protocol'
import { scanBatchHeaders } from './batch-scan.js'
import { readExactly } from './file-io.js'
import type { BatchLocation } from './segment.js'
import type { TimestampOffset } from './time-index.js'

/*
 * Timestamp reads over a segment's `.log`: header walks from a position the indexes gave, and the
 * decoding of the one batch that answers a lookup by time.
 */

/**
 * The first record at or after `startingOffset` whose timestamp is >= `timestamp`, walking batch
 * headers of `fd` from `from` to `end`; undefined if there is none. Only the one matching batch
 * is decoded (a batch that cannot be, e.g. an unsupported codec, answers with its base offset).
 */
export function findRecordByTimestamp(
  fd: number,
  file: string,
  from: number,
  end: number,
  timestamp: number,
  startingOffset: number,
  logger: Logger,
): { offset: number; timestamp: number } | undefined {
  let hit = undefined as BatchLocation | undefined
  let hitMaxTimestamp = -1
  scanBatchHeaders(fd, from, end, (buf, at, position, size) => {
    const lastOffset = batchLastOffset(buf, at)
    const maxTimestamp = batchMaxTimestamp(buf, at)
    if (lastOffset < startingOffset || maxTimestamp < timestamp) return false
    hit = { baseOffset: batchBaseOffset(buf, at), lastOffset, position, size }
    hitMaxTimestamp = maxTimestamp
    return true
  })
  if (hit === undefined) return undefined
  const batch = readExactly(fd, hit.size, hit.position, file)
  try {
    for (const record of decodeRecordBatch(batch).records) {
      const offset = Number(record.offset)
      if (offset >= startingOffset && record.timestamp >= timestamp) {
        return { offset, timestamp: record.timestamp }
      }
    }
  } catch (err) {
    logger.debug({ err, segment: file }, 'cannot decode batch for a timestamp lookup')
  }
  return { offset: Math.max(hit.baseOffset, startingOffset), timestamp: hitMaxTimestamp }
}

/**
 * Walks batch headers of `fd` from `from` to `end`, carrying on from `start` (the max timestamp
 * so far and the base offset of the batch that first reached it). Returns the max timestamp and
 * its batch at the end of the walk, and the offset after the last batch walked (`nextOffset` when
 * there is none).
 */
export function scanMaxTimestamp(
  fd: number,
  from: number,
  end: number,
  start: TimestampOffset,
  nextOffset: number,
): { max: TimestampOffset; nextOffset: number } {
  const max = { ...start }
  let next = nextOffset
  scanBatchHeaders(fd, from, end, (buf, at) => {
    const maxTimestamp = batchMaxTimestamp(buf, at)
    if (maxTimestamp > max.timestamp) {
      max.timestamp = maxTimestamp
      max.offset = batchBaseOffset(buf, at)
    }
    next = batchLastOffset(buf, at) + 1
    return false
  })
  return { max, nextOffset: next }
}

/** The max timestamp of the first batch of `fd` (whose size is `end`), or -1 when it has none. */
export function firstBatchMaxTimestamp(fd: number, end: number): number {
  let first = -1
  if (end > 0) {
    scanBatchHeaders(fd, 0, end, (buf, at) => {
      first = batchMaxTimestamp(buf, at)
      return true
    })
  }
  return first
}
