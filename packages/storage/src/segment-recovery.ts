import {
  BATCH_HEADER_SIZE,
  batchBaseOffset,
  batchLastOffset,
  batchSize,
  checkBatch,
  LOG_OVERHEAD,
} from '@samsa/protocol'
import { scanBatchHeaders } from './batch-scan.js'
import { fileSizeOrMissing, readAt, readExactly } from './file-io.js'
import { OFFSET_INDEX_ENTRY_SIZE, OffsetIndex } from './offset-index.js'
import type { Segment } from './segment.js'
import { TIME_INDEX_ENTRY_SIZE } from './time-index.js'

/*
 * How a segment found on disk is judged at start-up: a cheap walk over its tail ({@link
 * checkSegmentTail}), or a full re-validation of every batch ({@link validateSegmentBatches})
 * that finds where the sound part of the `.log` ends. Both only read; the segment applies what
 * they find (its next offset, rebuilt indexes, a cut tail).
 */

const UINT32_MAX = 0xffffffff
const RECOVERY_CHUNK = 1024 * 1024

/** What {@link Segment.recover} found. */
export interface SegmentRecovery {
  validBytes: number
  truncatedBytes: number
  batches: number
  /** Why the tail was cut, when it was. */
  reason?: string
}

/** What a header walk over the tail of a segment found: its next offset, or why it is unsound. */
export type TailCheck = { ok: true; nextOffset: number } | { ok: false; reason: string }

/** The files of a segment and the size of its `.log`. */
type SegmentFiles = Pick<Segment, 'baseOffset' | 'logPath' | 'indexPath' | 'timeIndexPath' | 'size'>

/**
 * Walks the batch headers after the last offset-index entry to the end of the file: cheap, and
 * enough to find a torn or truncated tail, garbage appended, or index files that are missing,
 * partial or point past the log. With `crc`, the batches walked are also CRC-checked. `openFd`
 * is called only once the index files pass.
 */
export function checkSegmentTail(
  segment: SegmentFiles,
  openFd: () => number,
  crc: boolean,
): TailCheck {
  const { baseOffset, size } = segment
  const indexSize = fileSizeOrMissing(segment.indexPath)
  const timeIndexSize = fileSizeOrMissing(segment.timeIndexPath)
  if (indexSize < 0 || timeIndexSize < 0) return { ok: false, reason: 'index file missing' }
  if (indexSize % OFFSET_INDEX_ENTRY_SIZE !== 0 || timeIndexSize % TIME_INDEX_ENTRY_SIZE !== 0) {
    return { ok: false, reason: 'index file has a partial entry' }
  }
  const last = OffsetIndex.readLastEntry(segment.indexPath, baseOffset) ?? {
    offset: baseOffset,
    position: 0,
  }
  if (last.position > size || (last.position === size && size > 0)) {
    return { ok: false, reason: `index points past the log (${last.position} >= ${size})` }
  }
  const fd = openFd()
  let expected = last.offset
  let bad = undefined as string | undefined
  const scan = scanBatchHeaders(fd, last.position, size, (buf, at, position, batchBytes) => {
    try {
      bad = misplacedOffsets(buf, at, position, expected, baseOffset)
      if (bad !== undefined) return true
      if (crc) checkBatch(readExactly(fd, batchBytes, position, segment.logPath), 0)
      expected = batchLastOffset(buf, at) + 1
      return false
    } catch (err) {
      bad = `batch at ${position}: ${(err as Error).message}`
      return true
    }
  })
  if (bad !== undefined) return { ok: false, reason: bad }
  if (scan.stop !== 'end') {
    return { ok: false, reason: `${scan.stop} batch at position ${scan.position} of ${size}` }
  }
  return { ok: true, nextOffset: last.position === 0 && size === 0 ? baseOffset : expected }
}

/** How far {@link validateSegmentBatches} found the `.log` sound. */
export interface ValidatedBatches {
  /** Bytes of whole, valid batches from the start of the file. */
  validBytes: number
  batches: number
  /** The offset after the last valid batch (the base offset when there is none). */
  nextOffset: number
  /** Why the scan stopped before the end of the file, when it did. */
  reason?: string
}

/**
 * Re-validates every batch of a segment's `.log` of `size` bytes (checkBatch: length, magic,
 * CRC; offsets increasing and within the segment's uint32 range), in chunks, stopping at the
 * first torn or corrupt byte. `visit` sees each valid batch (`buf[at, ...)`, at file `position`);
 * an error it throws also stops the scan there.
 */
export function validateSegmentBatches(
  fd: number,
  baseOffset: number,
  size: number,
  visit: (buf: Buffer, at: number, position: number) => void,
): ValidatedBatches {
  let chunk = Buffer.allocUnsafe(Math.min(RECOVERY_CHUNK, Math.max(size, 1)))
  let chunkStart = 0
  let chunkLength = 0
  let pos = 0
  let expected = baseOffset
  let batches = 0
  let reason: string | undefined
  while (pos < size) {
    const left = size - pos
    if (left < LOG_OVERHEAD) {
      reason = `torn batch header at ${pos} (${left} bytes left)`
      break
    }
    if (pos + BATCH_HEADER_SIZE > chunkStart + chunkLength) {
      chunkStart = pos
      chunkLength = readAt(fd, chunk, 0, Math.min(chunk.length, left), pos)
    }
    let at = pos - chunkStart
    const batchBytes =
      left >= LOG_OVERHEAD && chunkLength - at >= LOG_OVERHEAD ? batchSize(chunk, at) : -1
    if (batchBytes < BATCH_HEADER_SIZE || batchBytes > left) {
      reason = `batch at ${pos} declares ${batchBytes} bytes; ${left} are left`
      break
    }
    if (pos + batchBytes > chunkStart + chunkLength) {
      if (batchBytes > chunk.length) chunk = Buffer.allocUnsafe(batchBytes)
      chunkStart = pos
      chunkLength = readAt(fd, chunk, 0, Math.min(chunk.length, left), pos)
      at = 0
    }
    try {
      checkBatch(chunk, at, at + batchBytes)
      reason = misplacedOffsets(chunk, at, pos, expected, baseOffset)
      if (reason !== undefined) break
      visit(chunk, at, pos)
      expected = batchLastOffset(chunk, at) + 1
    } catch (err) {
      reason = `batch at ${pos}: ${(err as Error).message}`
      break
    }
    batches++
    pos += batchBytes
  }
  return reason === undefined
    ? { validBytes: pos, batches, nextOffset: expected }
    : { validBytes: pos, batches, nextOffset: expected, reason }
}

/**
 * Why the batch whose header is at `buf[at, ...)` (file `position`) cannot follow in a segment
 * based at `baseOffset` whose next offset is `expected`: offsets going backwards, or past the
 * segment's uint32 relative range. Undefined when it can.
 */
function misplacedOffsets(
  buf: Buffer,
  at: number,
  position: number,
  expected: number,
  baseOffset: number,
): string | undefined {
  const base = batchBaseOffset(buf, at)
  const last = batchLastOffset(buf, at)
  if (base < expected || last < base || last - baseOffset > UINT32_MAX) {
    return `batch at ${position} has offsets ${base}..${last}, expected >= ${expected}`
  }
  return undefined
}
