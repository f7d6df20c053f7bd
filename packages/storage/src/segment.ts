import fs from 'node:fs'
import path from 'node:path'
import {
  BATCH_HEADER_SIZE,
  batchBaseOffset,
  batchLastOffset,
  batchMaxTimestamp,
  batchPartitionLeaderEpoch,
  batchSize,
  checkBatch,
  decodeRecordBatch,
  LOG_OVERHEAD,
  type Logger,
  noopLogger,
} from '@samsa/protocol'
import { scanBatchHeaders, wholeBatchesLength } from './batch-scan.js'
import { CorruptIndexError } from './errors.js'
import {
  fileSizeOrMissing,
  fsyncDir,
  readAt,
  readExactly,
  storageError,
  unlinkIfExists,
  writeAt,
} from './file-io.js'
import { OFFSET_INDEX_ENTRY_SIZE, OffsetIndex } from './offset-index.js'
import { TIME_INDEX_ENTRY_SIZE, TimeIndex } from './time-index.js'

export const LOG_FILE_SUFFIX = '.log'
export const INDEX_FILE_SUFFIX = '.index'
export const TIME_INDEX_FILE_SUFFIX = '.timeindex'
/** Suffix a segment's `.log` gets just before it is unlinked, so a crash mid-delete is visible. */
export const DELETED_FILE_SUFFIX = '.deleted'

const UINT32_MAX = 0xffffffff
const RECOVERY_CHUNK = 1024 * 1024
const EMPTY = Buffer.alloc(0)

/** `<baseOffset as 20 digits><suffix>`, Kafka's segment file name. */
export function segmentFileName(baseOffset: number, suffix: string): string {
  return `${String(baseOffset).padStart(20, '0')}${suffix}`
}

/** Settings a segment reads from its log's config. */
export interface SegmentConfig {
  /** `segment.index.bytes`. */
  maxIndexSize: number
  /** `index.interval.bytes`. */
  indexIntervalBytes: number
}

/** Where a batch is: its offsets and its byte range in the `.log`. */
export interface BatchLocation {
  baseOffset: number
  lastOffset: number
  position: number
  size: number
}

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

/**
 * One segment of a partition log: `<base>.log` holding RecordBatch v2 batches back to back, with
 * its sparse `.index` and `.timeindex`.
 *
 * The active (last) segment keeps its `.log` fd open and its indexes in memory. An inactive
 * segment opens its fd and loads its indexes lazily, on the first read that needs them, and
 * drops them in {@link releaseResources} when the log's {@link SegmentCache} evicts it, so memory
 * and fds stay bounded whatever the number of segments. Log data itself is never kept: reads go
 * to the file (the page cache is the cache).
 */
export class Segment {
  readonly logPath: string
  readonly indexPath: string
  readonly timeIndexPath: string
  private _size: number
  private fd: number | undefined
  private offsetIdx: OffsetIndex | undefined
  private timeIdx: TimeIndex | undefined
  /** Known for the active segment and after a tail check or recovery. */
  private _nextOffset: number | undefined
  private maxTimestampSoFar = -1
  private offsetOfMaxTimestampSoFar: number
  private bytesSinceLastIndexEntry = 0
  private cachedLargestTimestamp: number | undefined
  /** When the segment's age for `segment.ms` started (first append, or first batch on load). */
  rollingBasedTimestamp: number | undefined

  private constructor(
    readonly dir: string,
    readonly baseOffset: number,
    private config: SegmentConfig,
    size: number,
    private readonly logger: Logger,
  ) {
    this.logPath = path.join(dir, segmentFileName(baseOffset, LOG_FILE_SUFFIX))
    this.indexPath = path.join(dir, segmentFileName(baseOffset, INDEX_FILE_SUFFIX))
    this.timeIndexPath = path.join(dir, segmentFileName(baseOffset, TIME_INDEX_FILE_SUFFIX))
    this._size = size
    this.offsetOfMaxTimestampSoFar = baseOffset
  }

  /** Creates an empty segment (replacing any leftover files of that name) and opens it for append. */
  static create(
    dir: string,
    baseOffset: number,
    config: SegmentConfig,
    logger = noopLogger,
  ): Segment {
    const segment = new Segment(dir, baseOffset, config, 0, logger)
    unlinkIfExists(segment.indexPath)
    unlinkIfExists(segment.timeIndexPath)
    segment.fd = fs.openSync(
      segment.logPath,
      fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC,
      0o644,
    )
    segment.offsetIdx = OffsetIndex.create(segment.indexPath, baseOffset, config.maxIndexSize)
    segment.timeIdx = TimeIndex.create(segment.timeIndexPath, baseOffset, config.maxIndexSize)
    segment._nextOffset = baseOffset
    return segment
  }

  /** An existing segment; nothing is opened or read until needed. */
  static open(
    dir: string,
    baseOffset: number,
    config: SegmentConfig,
    logger = noopLogger,
  ): Segment {
    const size = fs.statSync(path.join(dir, segmentFileName(baseOffset, LOG_FILE_SUFFIX))).size
    return new Segment(dir, baseOffset, config, size, logger)
  }

  /** Bytes in the `.log`. */
  get size(): number {
    return this._size
  }

  /** The offset after the last batch (the base offset when empty), once known. */
  get nextOffset(): number | undefined {
    return this._nextOffset
  }

  /** Memory the loaded indexes take (what the segment cache weighs). */
  get resourceBytes(): number {
    return (this.offsetIdx?.sizeInBytes ?? 0) + (this.timeIdx?.sizeInBytes ?? 0)
  }

  /** Whether an fd or an index is loaded. */
  get hasResources(): boolean {
    return this.fd !== undefined || this.offsetIdx !== undefined || this.timeIdx !== undefined
  }

  /** Whether the `.log` fd is open. */
  get hasOpenFd(): boolean {
    return this.fd !== undefined
  }

  updateConfig(config: SegmentConfig): void {
    this.config = config
  }

  /** The segment's offset index, loaded (and checked) on first use; rebuilt if unsound. */
  offsetIndex(): OffsetIndex {
    if (this.offsetIdx === undefined) {
      try {
        this.offsetIdx = OffsetIndex.load(
          this.indexPath,
          this.baseOffset,
          this.config.maxIndexSize,
          this._size,
        )
      } catch (err) {
        if (!(err instanceof CorruptIndexError)) throw err
        this.logger.warn({ err, segment: this.logPath }, 'rebuilding unsound offset index')
        this.rebuildIndexes()
      }
    }
    return this.offsetIdx!
  }

  /** The segment's time index, loaded on first use; rebuilt if unsound. */
  timeIndex(): TimeIndex {
    if (this.timeIdx === undefined) {
      try {
        this.timeIdx = TimeIndex.load(this.timeIndexPath, this.baseOffset, this.config.maxIndexSize)
      } catch (err) {
        if (!(err instanceof CorruptIndexError)) throw err
        this.logger.warn({ err, segment: this.logPath }, 'rebuilding unsound time index')
        this.rebuildIndexes()
      }
    }
    return this.timeIdx!
  }

  /** Closes the fd and drops loaded indexes (flushing any unwritten entries first). */
  releaseResources(): void {
    this.releaseIndexes()
    this.closeFd()
  }

  /** Drops loaded indexes (flushing any unwritten entries first); they reload on demand. */
  releaseIndexes(): void {
    this.offsetIdx?.flush(false)
    this.timeIdx?.flush(false)
    this.offsetIdx = undefined
    this.timeIdx = undefined
  }

  /**
   * Appends batches that were already validated and stamped, ending at `lastOffset`, in one
   * write; adds index entries every `index.interval.bytes`. An I/O failure cuts the file back to
   * its previous size and throws KafkaStorageError. `now` starts the `segment.ms` clock.
   */
  append(batches: Buffer, lastOffset: number, now: number): void {
    const fd = this.openFd()
    const start = this._size
    try {
      writeAt(fd, batches, 0, batches.length, start)
    } catch (err) {
      try {
        fs.ftruncateSync(fd, start)
      } catch {
        // The disk is failing; recovery cuts the tail at the next start.
      }
      throw storageError(`append to ${this.logPath} failed`, err)
    }
    const offsetIndex = this.offsetIndex()
    const timeIndex = this.timeIndex()
    let pos = 0
    while (pos < batches.length) {
      const size = batchSize(batches, pos)
      this.onBatch(batches, pos, start + pos, offsetIndex, timeIndex)
      pos += size
    }
    this._size = start + batches.length
    this._nextOffset = lastOffset + 1
    this.rollingBasedTimestamp ??= now
  }

  /** Index bookkeeping for one batch at file `position`, shared by append and rebuilds. */
  private onBatch(buf: Buffer, at: number, position: number, oi: OffsetIndex, ti: TimeIndex): void {
    const baseOffset = batchBaseOffset(buf, at)
    const maxTimestamp = batchMaxTimestamp(buf, at)
    if (maxTimestamp > this.maxTimestampSoFar) {
      this.maxTimestampSoFar = maxTimestamp
      this.offsetOfMaxTimestampSoFar = baseOffset
    }
    if (this.bytesSinceLastIndexEntry > this.config.indexIntervalBytes) {
      // A full index skips entries (lookups just scan further); the log rolls before the next append.
      if (!oi.isFull()) oi.append(baseOffset, position)
      if (!ti.isFull()) ti.maybeAppend(this.maxTimestampSoFar, this.offsetOfMaxTimestampSoFar)
      this.bytesSinceLastIndexEntry = 0
    }
    this.bytesSinceLastIndexEntry += batchSize(buf, at)
  }

  /** Whether either index is full (the log rolls). */
  indexIsFull(): boolean {
    return this.offsetIndex().isFull() || this.timeIndex().isFull()
  }

  /**
   * The first batch at or after `startingPosition` whose last offset is >= `target`: an index
   * lookup, then a forward scan of batch headers. Undefined when the segment has none.
   */
  translateOffset(target: number, startingPosition = 0): BatchLocation | undefined {
    const fd = this.openFd()
    const start = Math.max(this.offsetIndex().lookup(target).position, startingPosition)
    let found = undefined as BatchLocation | undefined
    scanBatchHeaders(fd, start, this._size, (buf, at, position, size) => {
      const lastOffset = batchLastOffset(buf, at)
      if (lastOffset < target) return false
      found = { baseOffset: batchBaseOffset(buf, at), lastOffset, position, size }
      return true
    })
    return found
  }

  /**
   * Whole batches from `position` (a batch boundary): the first one (`firstSize` bytes) even if
   * larger than `maxBytes`, then as many more whole batches as fit in `maxBytes`, never past
   * `maxPosition` (a batch boundary). One positioned read; the result is a fresh Buffer.
   */
  readBatches(position: number, firstSize: number, maxBytes: number, maxPosition: number): Buffer {
    const available = Math.min(maxPosition, this._size) - position
    if (available < firstSize) return EMPTY
    const length = Math.max(firstSize, Math.min(Math.floor(maxBytes), available))
    const buf = readExactly(this.openFd(), length, position, this.logPath)
    if (length === available || length === firstSize) return buf
    return buf.subarray(0, wholeBatchesLength(buf))
  }

  /**
   * The first record at or after `startingOffset` whose timestamp is >= `timestamp`, found
   * through the time index; undefined if the segment has none. Only the one matching batch is
   * decoded (a batch that cannot be, e.g. an unsupported codec, answers with its base offset).
   */
  findOffsetByTimestamp(
    timestamp: number,
    startingOffset: number,
  ): { offset: number; timestamp: number } | undefined {
    const fd = this.openFd()
    const entry = this.timeIndex().lookup(timestamp)
    const from = this.offsetIndex().lookup(Math.max(entry.offset, startingOffset)).position
    let hit = undefined as BatchLocation | undefined
    let hitMaxTimestamp = -1
    scanBatchHeaders(fd, from, this._size, (buf, at, position, size) => {
      const lastOffset = batchLastOffset(buf, at)
      const maxTimestamp = batchMaxTimestamp(buf, at)
      if (lastOffset < startingOffset || maxTimestamp < timestamp) return false
      hit = { baseOffset: batchBaseOffset(buf, at), lastOffset, position, size }
      hitMaxTimestamp = maxTimestamp
      return true
    })
    if (hit === undefined) return undefined
    const batch = readExactly(fd, hit.size, hit.position, this.logPath)
    try {
      for (const record of decodeRecordBatch(batch).records) {
        const offset = Number(record.offset)
        if (offset >= startingOffset && record.timestamp >= timestamp) {
          return { offset, timestamp: record.timestamp }
        }
      }
    } catch (err) {
      this.logger.debug(
        { err, segment: this.logPath },
        'cannot decode batch for a timestamp lookup',
      )
    }
    return { offset: Math.max(hit.baseOffset, startingOffset), timestamp: hitMaxTimestamp }
  }

  /**
   * The largest batch timestamp in the segment (-1 when no batch has one). In memory for the
   * active segment; for an inactive one the time index's last entry, which roll writes.
   */
  largestTimestamp(): number {
    if (this.timeIdx !== undefined) {
      return Math.max(this.maxTimestampSoFar, this.timeIdx.lastEntry().timestamp)
    }
    this.cachedLargestTimestamp ??=
      TimeIndex.readLastEntry(this.timeIndexPath, this.baseOffset)?.timestamp ?? -1
    return Math.max(this.maxTimestampSoFar, this.cachedLargestTimestamp)
  }

  /** The `.log` file's modification time (retention's fallback when batches carry no timestamp). */
  lastModified(): number {
    return fs.statSync(this.logPath).mtimeMs
  }

  /**
   * Removes every batch from the one holding `offset` on (whole batches only), and the index
   * entries that pointed at them. Returns the bytes removed. The segment is ready for appends
   * afterwards (it becomes the active one).
   */
  truncateTo(offset: number, now: number): number {
    const loc = this.translateOffset(offset)
    if (loc === undefined) {
      this.initAppendState(now)
      return 0
    }
    const fd = this.openFd()
    const removed = this._size - loc.position
    fs.ftruncateSync(fd, loc.position)
    this._size = loc.position
    this.offsetIndex().truncateTo(loc.baseOffset)
    this.timeIndex().truncateTo(loc.baseOffset)
    this.cachedLargestTimestamp = undefined
    this.initAppendState(now, Math.min(offset, loc.baseOffset))
    return removed
  }

  /**
   * Prepares a loaded segment to be the active one: indexes in memory, the next offset, the max
   * timestamp so far (a header scan from the last time-index entry) and the `segment.ms` start.
   */
  initAppendState(now: number, nextOffset?: number): void {
    const fd = this.openFd()
    const offsetIndex = this.offsetIndex()
    const lastTime = this.timeIndex().lastEntry()
    this.maxTimestampSoFar = lastTime.timestamp
    this.offsetOfMaxTimestampSoFar = lastTime.offset
    let next = this.baseOffset
    const from = offsetIndex.lookup(lastTime.offset).position
    scanBatchHeaders(fd, from, this._size, (buf, at) => {
      const maxTimestamp = batchMaxTimestamp(buf, at)
      if (maxTimestamp > this.maxTimestampSoFar) {
        this.maxTimestampSoFar = maxTimestamp
        this.offsetOfMaxTimestampSoFar = batchBaseOffset(buf, at)
      }
      next = batchLastOffset(buf, at) + 1
      return false
    })
    this._nextOffset = nextOffset ?? next
    this.bytesSinceLastIndexEntry = this._size - offsetIndex.lastEntry().position
    let first = -1
    if (this._size > 0) {
      scanBatchHeaders(fd, 0, this._size, (buf, at) => {
        first = batchMaxTimestamp(buf, at)
        return true
      })
    }
    // Kafka starts the segment.ms clock at the first batch's timestamp; a future one is capped.
    this.rollingBasedTimestamp =
      this._size > 0 ? (first >= 0 ? Math.min(first, now) : now) : undefined
  }

  /**
   * Walks the batch headers after the last offset-index entry to the end of the file: cheap, and
   * enough to find a torn or truncated tail, garbage appended, or index files that are missing,
   * partial or point past the log. With `crc`, the batches walked are also CRC-checked.
   */
  checkTail(crc: boolean): TailCheck {
    const indexSize = fileSizeOrMissing(this.indexPath)
    const timeIndexSize = fileSizeOrMissing(this.timeIndexPath)
    if (indexSize < 0 || timeIndexSize < 0) return { ok: false, reason: 'index file missing' }
    if (indexSize % OFFSET_INDEX_ENTRY_SIZE !== 0 || timeIndexSize % TIME_INDEX_ENTRY_SIZE !== 0) {
      return { ok: false, reason: 'index file has a partial entry' }
    }
    const last = OffsetIndex.readLastEntry(this.indexPath, this.baseOffset) ?? {
      offset: this.baseOffset,
      position: 0,
    }
    if (last.position > this._size || (last.position === this._size && this._size > 0)) {
      return { ok: false, reason: `index points past the log (${last.position} >= ${this._size})` }
    }
    const fd = this.openFd()
    let expected = last.offset
    let bad = undefined as string | undefined
    const scan = scanBatchHeaders(fd, last.position, this._size, (buf, at, position, size) => {
      try {
        const base = batchBaseOffset(buf, at)
        const lastOffset = batchLastOffset(buf, at)
        if (base < expected || lastOffset < base || lastOffset - this.baseOffset > UINT32_MAX) {
          bad = `batch at ${position} has offsets ${base}..${lastOffset}, expected >= ${expected}`
          return true
        }
        if (crc) checkBatch(readExactly(fd, size, position, this.logPath), 0)
        expected = lastOffset + 1
        return false
      } catch (err) {
        bad = `batch at ${position}: ${(err as Error).message}`
        return true
      }
    })
    if (bad !== undefined) return { ok: false, reason: bad }
    if (scan.stop !== 'end') {
      return {
        ok: false,
        reason: `${scan.stop} batch at position ${scan.position} of ${this._size}`,
      }
    }
    this._nextOffset = last.position === 0 && this._size === 0 ? this.baseOffset : expected
    return { ok: true, nextOffset: this._nextOffset }
  }

  /**
   * Re-validates every batch (checkBatch: length, magic, CRC; offsets increasing and within the
   * segment's uint32 range), rebuilds both indexes, and cuts the file at the first torn or
   * corrupt byte. `onBatch` sees each valid batch's (leaderEpoch, baseOffset).
   */
  recover(onBatch?: (leaderEpoch: number, baseOffset: number) => void): SegmentRecovery {
    const fd = this.openFd()
    const oi = OffsetIndex.create(this.indexPath, this.baseOffset, this.config.maxIndexSize)
    const ti = TimeIndex.create(this.timeIndexPath, this.baseOffset, this.config.maxIndexSize)
    this.maxTimestampSoFar = -1
    this.offsetOfMaxTimestampSoFar = this.baseOffset
    this.bytesSinceLastIndexEntry = 0
    let chunk = Buffer.allocUnsafe(Math.min(RECOVERY_CHUNK, Math.max(this._size, 1)))
    let chunkStart = 0
    let chunkLength = 0
    let pos = 0
    let expected = this.baseOffset
    let batches = 0
    let reason: string | undefined
    while (pos < this._size) {
      const left = this._size - pos
      if (left < LOG_OVERHEAD) {
        reason = `torn batch header at ${pos} (${left} bytes left)`
        break
      }
      if (pos + BATCH_HEADER_SIZE > chunkStart + chunkLength) {
        chunkStart = pos
        chunkLength = readAt(fd, chunk, 0, Math.min(chunk.length, left), pos)
      }
      let at = pos - chunkStart
      const size =
        left >= LOG_OVERHEAD && chunkLength - at >= LOG_OVERHEAD ? batchSize(chunk, at) : -1
      if (size < BATCH_HEADER_SIZE || size > left) {
        reason = `batch at ${pos} declares ${size} bytes; ${left} are left`
        break
      }
      if (pos + size > chunkStart + chunkLength) {
        if (size > chunk.length) chunk = Buffer.allocUnsafe(size)
        chunkStart = pos
        chunkLength = readAt(fd, chunk, 0, Math.min(chunk.length, left), pos)
        at = 0
      }
      try {
        checkBatch(chunk, at, at + size)
        const base = batchBaseOffset(chunk, at)
        const last = batchLastOffset(chunk, at)
        if (base < expected || last < base || last - this.baseOffset > UINT32_MAX) {
          reason = `batch at ${pos} has offsets ${base}..${last}, expected >= ${expected}`
          break
        }
        this.onBatch(chunk, at, pos, oi, ti)
        onBatch?.(batchPartitionLeaderEpoch(chunk, at), base)
        expected = last + 1
      } catch (err) {
        reason = `batch at ${pos}: ${(err as Error).message}`
        break
      }
      batches++
      pos += size
    }
    const truncatedBytes = this._size - pos
    if (truncatedBytes > 0) fs.ftruncateSync(fd, pos)
    this._size = pos
    this._nextOffset = expected
    this.offsetIdx = oi
    this.timeIdx = ti
    this.cachedLargestTimestamp = undefined
    oi.flush(false)
    ti.flush(false)
    return reason === undefined
      ? { validBytes: pos, truncatedBytes, batches }
      : { validBytes: pos, truncatedBytes, batches, reason }
  }

  /** Rebuilds indexes from the log without cutting anything (a lazily found unsound index). */
  private rebuildIndexes(): void {
    const result = this.recover()
    if (result.truncatedBytes > 0) {
      this.logger.warn({ segment: this.logPath, ...result }, 'truncated corrupt segment tail')
    }
    this.timeIdx!.maybeAppend(this.maxTimestampSoFar, this.offsetOfMaxTimestampSoFar, true)
    this.offsetIdx!.flush(false)
    this.timeIdx!.flush(false)
  }

  /**
   * Makes the segment inactive-ready: writes the final time-index entry (the segment's largest
   * timestamp, in the slot the time index reserves for it) and both index files. With `sync`,
   * the log and both indexes are fsynced too (close); a roll fsyncs them in the background with
   * {@link fsyncFiles} instead.
   */
  seal(sync = true): void {
    const ti = this.timeIndex()
    ti.maybeAppend(this.maxTimestampSoFar, this.offsetOfMaxTimestampSoFar, true)
    if (sync) this.flush()
    this.offsetIndex().flush(sync)
    ti.flush(sync)
  }

  /** fsyncs the `.log` (indexes are rebuilt by recovery, so only data needs to be durable). */
  flush(): void {
    if (this.fd !== undefined) fs.fsyncSync(this.fd)
  }

  /**
   * fsyncs the segment's three files and its directory off the event loop, through fds of its
   * own (so the segment cache may close the segment's fd meanwhile). A file deleted in the
   * meantime (retention, truncation) is skipped.
   */
  async fsyncFiles(): Promise<void> {
    for (const file of [this.logPath, this.indexPath, this.timeIndexPath, this.dir]) {
      let handle: fs.promises.FileHandle
      try {
        handle = await fs.promises.open(file, 'r')
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue
        throw err
      }
      try {
        await handle.sync()
      } catch (err) {
        // Some filesystems refuse fsync on a directory; the file fsyncs above still count.
        if (file !== this.dir) throw err
      } finally {
        await handle.close()
      }
    }
  }

  /** The same as {@link fsyncFiles}, blocking: for an explicit flush of the whole log. */
  fsyncFilesSync(): void {
    for (const file of [this.logPath, this.indexPath, this.timeIndexPath]) {
      let fd: number
      try {
        fd = fs.openSync(file, 'r')
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue
        throw err
      }
      try {
        fs.fsyncSync(fd)
      } finally {
        fs.closeSync(fd)
      }
    }
    fsyncDir(this.dir)
  }

  /** Closes the fd (indexes stay as they are). */
  closeFd(): void {
    if (this.fd !== undefined) {
      const fd = this.fd
      this.fd = undefined
      fs.closeSync(fd)
    }
  }

  /**
   * Deletes the segment's files: the `.log` is renamed to `.deleted` first, so a crash in
   * between leaves a name that start-up recognises and finishes deleting.
   */
  deleteFiles(): void {
    this.closeFd()
    this.offsetIdx = undefined
    this.timeIdx = undefined
    const deleted = this.logPath + DELETED_FILE_SUFFIX
    try {
      fs.renameSync(this.logPath, deleted)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    }
    unlinkIfExists(this.indexPath)
    unlinkIfExists(this.timeIndexPath)
    unlinkIfExists(deleted)
  }

  private openFd(): number {
    if (this.fd === undefined) this.fd = fs.openSync(this.logPath, fs.constants.O_RDWR)
    return this.fd
  }
}
