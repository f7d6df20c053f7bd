import { BATCH_HEADER_SIZE, batchMagic, batchSize, LOG_OVERHEAD, MAGIC_V2 } from '@samsa/protocol'
import { readAt } from './file-io.js'

/**
 * Header-only walks over a segment file. Offset lookups end in a short forward scan from an index
 * entry (at most about `index.interval.bytes` plus one batch), so headers are read in small
 * chunks into one shared scratch buffer: storage is synchronous and single-threaded, so a visitor
 * is never interleaved with another scan. Visitors must not keep the buffer they are handed.
 */
const SCAN_CHUNK = 8 * 1024
const scratch = Buffer.allocUnsafe(SCAN_CHUNK)

/** Why a scan stopped. */
export type ScanStop = 'end' | 'visitor' | 'torn' | 'corrupt'

export interface ScanResult {
  /** Position where the scan stopped: the batch the visitor chose, or the first bad byte. */
  position: number
  stop: ScanStop
}

/**
 * Called for each batch header: `buf[at, at + 61)` holds the header of the batch that starts at
 * file `position` and takes `size` bytes. Return true to stop the scan at this batch.
 */
export type BatchVisitor = (
  buf: Buffer,
  at: number,
  position: number,
  size: number,
) => boolean | undefined

/**
 * Walks the batch headers of `fd` in [start, end). Stops at `end` ('end'), when the visitor says
 * so ('visitor'), at a header or batch that runs past `end` ('torn'), or at a header with a wrong
 * magic or impossible length ('corrupt'). No CRC is checked.
 */
export function scanBatchHeaders(
  fd: number,
  start: number,
  end: number,
  visit: BatchVisitor,
): ScanResult {
  let chunkStart = 0
  let chunkLength = 0
  let pos = start
  while (pos < end) {
    if (end - pos < BATCH_HEADER_SIZE) return { position: pos, stop: 'torn' }
    if (pos < chunkStart || pos + BATCH_HEADER_SIZE > chunkStart + chunkLength) {
      chunkStart = pos
      chunkLength = readAt(fd, scratch, 0, Math.min(SCAN_CHUNK, end - pos), pos)
      if (chunkLength < BATCH_HEADER_SIZE) return { position: pos, stop: 'torn' }
    }
    const at = pos - chunkStart
    const size = batchSize(scratch, at)
    if (size < BATCH_HEADER_SIZE || batchMagic(scratch, at) !== MAGIC_V2) {
      return { position: pos, stop: 'corrupt' }
    }
    if (size > end - pos) return { position: pos, stop: 'torn' }
    if (visit(scratch, at, pos, size) === true) return { position: pos, stop: 'visitor' }
    pos += size
  }
  return { position: pos, stop: 'end' }
}

/**
 * Length of the leading whole batches in `buf` (length fields only): where to cut a read that
 * ended inside a batch.
 */
export function wholeBatchesLength(buf: Buffer, end = buf.length): number {
  let pos = 0
  while (end - pos >= LOG_OVERHEAD) {
    const size = batchSize(buf, pos)
    if (size < BATCH_HEADER_SIZE || size > end - pos) break
    pos += size
  }
  return pos
}
