import fs from 'node:fs'
import path from 'node:path'
import {
  batchBaseOffset,
  batchLastOffset,
  batchMaxTimestamp,
  batchPartitionLeaderEpoch,
  batchSize,
  type Logger,
  noopLogger,
} from '@samsa/protocol'
import { scanBatchHeaders, wholeBatchesLength } from './batch-scan.js'
import { CorruptIndexError } from './errors.js'
import {
  fsyncFilesAndDir,
  fsyncFilesAndDirSync,
  readExactly,
  storageError,
  unlinkIfExists,
  writeAt,
} from './file-io.js'
import { OffsetIndex } from './offset-index.js'
import {
  checkSegmentTail,
  type SegmentRecovery,
  type TailCheck,
  validateSegmentBatches,
} from './segment-recovery.js'
import {
  findRecordByTimestamp,
  firstBatchMaxTimestamp,
  scanMaxTimestamp,
} from './segment-timestamps.js'
import { TimeIndex } from './time-index.js'

export const LOG_FILE_SUFFIX = '.log'
export const INDEX_FILE_SUFFIX = '.index'
export const TIME_INDEX_FILE_SUFFIX = '.timeindex'
/** Suffix a segment's `.log` gets just before it is unlinked, so a crash mid-delete is visible. */
export const DELETED_FILE_SUFFIX = '.deleted'

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
    return findRecordByTimestamp(
      fd,
      this.logPath,
      from,
      this._size,
      timestamp,
      startingOffset,
      this.logger,
    )
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
    const from = offsetIndex.lookup(lastTime.offset).position
    const tail = scanMaxTimestamp(fd, from, this._size, lastTime, this.baseOffset)
    this.maxTimestampSoFar = tail.max.timestamp
    this.offsetOfMaxTimestampSoFar = tail.max.offset
    this._nextOffset = nextOffset ?? tail.nextOffset
    this.bytesSinceLastIndexEntry = this._size - offsetIndex.lastEntry().position
    const first = firstBatchMaxTimestamp(fd, this._size)
    // Kafka starts the segment.ms clock at the first batch's timestamp; a future one is capped.
    this.rollingBasedTimestamp =
      this._size > 0 ? (first >= 0 ? Math.min(first, now) : now) : undefined
  }

  /**
   * The start-up check of a segment that was flushed: a walk over the batch headers after the
   * last offset-index entry ({@link checkSegmentTail}). With `crc`, those batches are also
   * CRC-checked. Learns the next offset when the tail is sound.
   */
  checkTail(crc: boolean): TailCheck {
    const check = checkSegmentTail(this, () => this.openFd(), crc)
    if (check.ok) this._nextOffset = check.nextOffset
    return check
  }

  /**
   * Re-validates every batch ({@link validateSegmentBatches}), rebuilds both indexes, and cuts
   * the file at the first torn or corrupt byte. `onBatch` sees each valid batch's
   * (leaderEpoch, baseOffset).
   */
  recover(onBatch?: (leaderEpoch: number, baseOffset: number) => void): SegmentRecovery {
    const fd = this.openFd()
    const oi = OffsetIndex.create(this.indexPath, this.baseOffset, this.config.maxIndexSize)
    const ti = TimeIndex.create(this.timeIndexPath, this.baseOffset, this.config.maxIndexSize)
    this.maxTimestampSoFar = -1
    this.offsetOfMaxTimestampSoFar = this.baseOffset
    this.bytesSinceLastIndexEntry = 0
    const valid = validateSegmentBatches(fd, this.baseOffset, this._size, (buf, at, position) => {
      this.onBatch(buf, at, position, oi, ti)
      onBatch?.(batchPartitionLeaderEpoch(buf, at), batchBaseOffset(buf, at))
    })
    const { validBytes, batches, reason } = valid
    const truncatedBytes = this._size - validBytes
    if (truncatedBytes > 0) fs.ftruncateSync(fd, validBytes)
    this._size = validBytes
    this._nextOffset = valid.nextOffset
    this.offsetIdx = oi
    this.timeIdx = ti
    this.cachedLargestTimestamp = undefined
    oi.flush(false)
    ti.flush(false)
    return reason === undefined
      ? { validBytes, truncatedBytes, batches }
      : { validBytes, truncatedBytes, batches, reason }
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
    await fsyncFilesAndDir([this.logPath, this.indexPath, this.timeIndexPath], this.dir)
  }

  /** The same as {@link fsyncFiles}, blocking: for an explicit flush of the whole log. */
  fsyncFilesSync(): void {
    fsyncFilesAndDirSync([this.logPath, this.indexPath, this.timeIndexPath], this.dir)
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
