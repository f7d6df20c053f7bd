import { floorSearch } from './binary-search.js'
import type { Segment } from './segment.js'

/*
 * The read path of a log over its segments, oldest first: find the segment by a binary search
 * over base offsets, then let the segment find the batch through its index. Records are never
 * decoded here. `touch` is told of every segment read, so the log's segment cache keeps the
 * segments being read open.
 */

/** Result of {@link Log.offsetForTimestamp}. */
export interface TimestampAndOffset {
  offset: number
  timestamp: number
}

const EMPTY = Buffer.alloc(0)

/**
 * Whole batches from the one holding `fetchOffset`, read from one segment: at least one whole
 * batch even if it is larger than `maxBytes`, then as many more whole batches as fit in
 * `maxBytes`. Nothing at or after `bound` (<= `logEndOffset`): a batch that reaches it is left
 * out. An empty Buffer when there is nothing.
 */
export function readFromSegments(
  segments: readonly Segment[],
  fetchOffset: number,
  maxBytes: number,
  bound: number,
  logEndOffset: number,
  touch: (segment: Segment) => void,
): Buffer {
  if (fetchOffset >= bound) return EMPTY
  for (let i = Math.max(0, floorSegment(segments, fetchOffset)); i < segments.length; i++) {
    const segment = segments[i]!
    const location = segment.translateOffset(fetchOffset)
    if (location === undefined) {
      touch(segment)
      continue
    }
    if (location.lastOffset >= bound) {
      touch(segment)
      return EMPTY
    }
    const segmentEnd = segments[i + 1]?.baseOffset ?? logEndOffset
    const maxPosition =
      bound >= segmentEnd
        ? segment.size
        : (segment.translateOffset(bound, location.position)?.position ?? segment.size)
    const data = segment.readBatches(location.position, location.size, maxBytes, maxPosition)
    touch(segment)
    return data
  }
  return EMPTY
}

/**
 * The first record at or after `logStartOffset` whose timestamp is >= `timestamp`, through the
 * segments' largest timestamps and time indexes; undefined when no record is that recent.
 */
export function findOffsetForTimestamp(
  segments: readonly Segment[],
  timestamp: number,
  logStartOffset: number,
  touch: (segment: Segment) => void,
): TimestampAndOffset | undefined {
  for (let i = Math.max(0, floorSegment(segments, logStartOffset)); i < segments.length; i++) {
    const segment = segments[i]!
    if (segment.largestTimestamp() < timestamp) continue
    const found = segment.findOffsetByTimestamp(timestamp, logStartOffset)
    touch(segment)
    if (found !== undefined) return found
  }
  return undefined
}

/** Index of the last segment whose base offset is <= `offset`, or -1. O(log segments). */
function floorSegment(segments: readonly Segment[], offset: number): number {
  return floorSearch(segments.length, offset, (i) => segments[i]!.baseOffset)
}
