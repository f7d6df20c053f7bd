import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { type Logger, noopLogger, OffsetOutOfRangeError } from '@samsa/protocol'
import { LogClosedError } from './errors.js'
import { fsyncDir, storageError } from './file-io.js'
import type { EpochEndOffset, LeaderEpochCache } from './leader-epoch-cache.js'
import {
  appendInfo,
  assignBatchEpochs,
  checkAppendSize,
  checkLeaderEpoch,
  type LogAppendInfo,
  shouldRoll,
  stampBatches,
  summarizeBatches,
  validateFollowerBatches,
  validateLeaderBatches,
} from './log-append.js'
import { type LogConfig, resolveLogConfig } from './log-config.js'
import { CLEAN_SHUTDOWN_FILE, type LoadedLog, type LogLoadReport, loadLog } from './log-loader.js'
import { findOffsetForTimestamp, readFromSegments, type TimestampAndOffset } from './log-read.js'
import { segmentsToDelete } from './log-retention.js'
import { RolledSegmentFlusher } from './rolled-segment-flusher.js'
import { Segment, type SegmentConfig } from './segment.js'
import { SegmentCache } from './segment-cache.js'
import { systemTime, type Time } from './time.js'

/*
 * Offsets, positions and timestamps are JS numbers here, not bigint: an internal shortcut that is
 * exact up to 2^53 (285 years at a million records a second), far cheaper on the hot path, and
 * guarded where bytes come in (@samsa/protocol refuses an int64 beyond the safe range). Public
 * client surfaces expose exact bigint offsets.
 */

/** Options of {@link Log.open}. */
export interface LogOptions {
  /** Where start-up repairs, rolls and deletions are reported. Default: no-op. */
  logger?: Logger
  /** Clock for `segment.ms`, `retention.ms` and `flush.ms`. Default: `Date.now`. */
  time?: Time
  /**
   * Offset up to which the log is known to be flushed (from the log dir's
   * `recovery-point-offset-checkpoint`). After an unclean stop, segments from the one holding it
   * on are re-validated. Default 0: re-validate everything.
   */
  recoveryPoint?: number
  /**
   * Log start offset from `log-start-offset-checkpoint`. Default: the first segment's base offset.
   * Also the base offset of the first segment of a new, empty log.
   */
  logStartOffset?: number
  /**
   * Whether the owner knows the last stop was clean (its own marker). Default: whether this
   * partition directory holds the marker that {@link Log.close} writes.
   */
  hadCleanShutdown?: boolean
  /** Bounds fds and index memory of inactive segments; share one across logs. Default: one per log. */
  segmentCache?: SegmentCache
  /**
   * Called after {@link Log.truncateTo} or {@link Log.truncateFullyAndStartAt} lowered the
   * recovery point, so its owner can checkpoint it at once (as Kafka's LogManager does).
   */
  onTruncate?: (log: Log) => void
}

export type { TimestampAndOffset } from './log-read.js'

/**
 * The log of one partition: a directory of segments `<base>.log` (+ `.index`, `.timeindex`) and
 * a `leader-epoch-checkpoint`, as Kafka's `UnifiedLog` + `LocalLog`.
 *
 * Appends are whole RecordBatch v2 batches: the leader path validates and stamps offsets and its
 * epoch in place; the follower path keeps the leader's offsets. Reads return whole batches as one
 * Buffer straight from the files. Lookup of an offset is a binary search over segment base
 * offsets, a binary search in that segment's index, then a short forward scan of batch headers;
 * records are never decoded on these paths.
 *
 * Not thread-safe by design: one Node.js thread owns a Log, and every method runs to completion.
 */
export class Log {
  private _config: LogConfig
  private segments: Segment[]
  private _logStartOffset: number
  private _recoveryPoint: number
  private unflushedMessages = 0
  private lastFlushTime: number
  private closed = false
  private readonly ownsCache: boolean
  private readonly flusher: RolledSegmentFlusher
  private readonly epochCache: LeaderEpochCache
  /** What start-up found and repaired. */
  readonly loadReport: LogLoadReport

  private constructor(
    readonly dir: string,
    config: LogConfig,
    loaded: LoadedLog,
    private readonly cache: SegmentCache,
    ownsCache: boolean,
    private readonly time: Time,
    private readonly logger: Logger,
    private readonly onTruncate: ((log: Log) => void) | undefined,
  ) {
    this._config = config
    this.epochCache = loaded.epochCache
    this.segments = loaded.segments
    this._logStartOffset = loaded.logStartOffset
    this._recoveryPoint = loaded.logEndOffset
    this.loadReport = loaded.report
    this.ownsCache = ownsCache
    this.lastFlushTime = time.now()
    this.flusher = new RolledSegmentFlusher(logger, (offset) => {
      if (!this.closed) this._recoveryPoint = Math.max(this._recoveryPoint, offset)
    })
  }

  /**
   * Opens (creating if needed) the log in `dir`. After an unclean stop, batches after the
   * recovery point are re-validated, the log is cut at the first torn or corrupt byte and
   * indexes are rebuilt; everything repaired is logged at warn. A clean-shutdown marker (written
   * by {@link close}) skips that scan. A damaged file is repaired, never fatal.
   *
   * @param config per-log settings; missing fields take Kafka's defaults ({@link resolveLogConfig}).
   */
  static async open(
    dir: string,
    config: Partial<LogConfig> = {},
    options: LogOptions = {},
  ): Promise<Log> {
    const resolved = resolveLogConfig(config)
    const logger = options.logger ?? noopLogger
    const time = options.time ?? systemTime
    const loaded = loadLog(dir, segmentConfigOf(resolved), options, time, logger)
    const cache = options.segmentCache ?? new SegmentCache()
    return new Log(
      dir,
      resolved,
      loaded,
      cache,
      options.segmentCache === undefined,
      time,
      logger,
      options.onTruncate,
    )
  }

  /** The log's settings. */
  get config(): Readonly<LogConfig> {
    return this._config
  }

  /** Changes settings (e.g. an altered topic config); they apply from the next append or retention run. */
  updateConfig(overrides: Partial<LogConfig>): void {
    this._config = resolveLogConfig({ ...this._config, ...overrides })
    const segmentConfig = segmentConfigOf(this._config)
    for (const segment of this.segments) segment.updateConfig(segmentConfig)
  }

  /** First offset that can be read. */
  get logStartOffset(): number {
    return this._logStartOffset
  }

  /** Offset the next record will get (LEO). */
  get logEndOffset(): number {
    return this.activeSegment.nextOffset!
  }

  /** Offset below which the log is known to be on disk (fsynced). */
  get recoveryPoint(): number {
    return this._recoveryPoint
  }

  /** Bytes of all segments. */
  get size(): number {
    let total = 0
    for (const segment of this.segments) total += segment.size
    return total
  }

  get numberOfSegments(): number {
    return this.segments.length
  }

  /** Base offsets of the segments, oldest first. */
  segmentBaseOffsets(): number[] {
    return this.segments.map((s) => s.baseOffset)
  }

  /** The epoch history (KIP-101); updated by appends and truncations. */
  get leaderEpochCache(): LeaderEpochCache {
    return this.epochCache
  }

  /** The latest leader epoch written to the log, or undefined. */
  latestEpoch(): number | undefined {
    return this.epochCache.latestEpoch()
  }

  /** The end offset of `epoch` for a follower's OffsetForLeaderEpoch question (KIP-279). */
  endOffsetForEpoch(epoch: number): EpochEndOffset {
    return this.epochCache.endOffsetFor(epoch, this.logEndOffset)
  }

  /**
   * Leader append. Validates every batch (`validateProducedBatch`: whole header, length within
   * the buffer, magic 2, CRC, at least one record, consistent lastOffsetDelta), then assigns
   * offsets from the log end offset by stamping each batch's baseOffset and partitionLeaderEpoch
   * in place (outside the CRC; the caller's buffer is modified), appends, and records the epoch's
   * start offset in the epoch cache. A bad batch throws (CorruptRecordError, InvalidRecordError,
   * MessageTooLargeError when larger than `segment.bytes`, FencedLeaderEpochError for an epoch
   * older than the log's latest) and nothing at all is written.
   */
  append(batches: Buffer, options: { leaderEpoch: number }): LogAppendInfo {
    this.ensureOpen()
    const { leaderEpoch } = options
    checkLeaderEpoch(leaderEpoch, this.epochCache.latestEpoch())
    checkAppendSize(batches, this._config.segmentBytes)
    validateLeaderBatches(batches)
    const firstOffset = this.logEndOffset
    stampBatches(batches, firstOffset, leaderEpoch)
    const info = this.appendValidated(batches, firstOffset)
    this.epochCache.assign(leaderEpoch, firstOffset)
    return info
  }

  /**
   * Follower append: batches keep the leader's offsets and epochs. Each is integrity-checked
   * (checkBatch); the first must start at the log end offset and each next one after the
   * previous one's last offset, else {@link UnexpectedAppendOffsetError}. Nothing is written
   * unless every batch passes. The epoch cache learns each new epoch's start offset.
   */
  appendAsFollower(batches: Buffer): LogAppendInfo {
    this.ensureOpen()
    checkAppendSize(batches, this._config.segmentBytes)
    validateFollowerBatches(batches, this.logEndOffset)
    const info = this.appendValidated(batches, this.logEndOffset)
    assignBatchEpochs(batches, this.epochCache)
    return info
  }

  /** Appends batches that passed validation and carry their final offsets. */
  private appendValidated(batches: Buffer, firstOffset: number): LogAppendInfo {
    const summary = summarizeBatches(batches)
    const now = this.time.now()
    const active = this.activeSegment
    const segment = shouldRoll(active, this._config, batches.length, summary.lastOffset, now)
      ? this.roll()
      : active
    segment.append(batches, summary.lastOffset, now)
    this.unflushedMessages += summary.recordCount
    const config = this._config
    if (this.unflushedMessages >= config.flushMessages) this.flush()
    else if (
      config.flushMs !== Number.MAX_SAFE_INTEGER &&
      now - this.lastFlushTime >= config.flushMs
    ) {
      this.flush()
    }
    return appendInfo(summary, firstOffset, this._logStartOffset, batches.length)
  }

  /**
   * Closes the active segment (final time-index entry, index files written) and starts a new one
   * at the log end offset. The old segment is fsynced in the background, as Kafka does, so a
   * roll never blocks appends on the disk; the recovery point moves past it once that is done
   * ({@link flush} and {@link close} wait for it). A no-op on an empty segment.
   */
  roll(): Segment {
    this.ensureOpen()
    const old = this.activeSegment
    if (old.size === 0) return old
    const baseOffset = this.logEndOffset
    try {
      old.seal(false)
    } catch (err) {
      throw storageError(`roll of ${old.logPath} failed`, err)
    }
    const segment = Segment.create(this.dir, baseOffset, segmentConfigOf(this._config), this.logger)
    this.segments.push(segment)
    this.cache.touch(old)
    this.flusher.schedule(old, baseOffset)
    this.unflushedMessages = 0
    this.logger.info(
      { baseOffset, previous: old.baseOffset, previousBytes: old.size },
      'rolled log segment',
    )
    return segment
  }

  /** Resolves when the background fsyncs of rolled segments have finished. */
  async awaitBackgroundFlushes(): Promise<void> {
    await this.flusher.drain()
  }

  /**
   * Whole batches from the one holding `fetchOffset`, as one Buffer read straight from the segment
   * file: at least one whole batch even if it is larger than `maxBytes` (so consumers always make
   * progress, as in Kafka), then as many more whole batches as fit in `maxBytes`, from one
   * segment. Nothing at or after `upperBound` (default: the log end offset; the broker passes the
   * high watermark): a batch that reaches it is left out. An empty Buffer when there is nothing
   * yet. Throws OffsetOutOfRangeError when `fetchOffset` is below the log start offset or above
   * the log end offset.
   */
  read(fetchOffset: number, maxBytes: number, upperBound?: number): Buffer {
    this.ensureOpen()
    const logEndOffset = this.logEndOffset
    if (fetchOffset < this._logStartOffset || fetchOffset > logEndOffset) {
      throw new OffsetOutOfRangeError(
        `offset ${fetchOffset} is out of range [${this._logStartOffset}, ${logEndOffset}] of ${this.dir}`,
      )
    }
    const bound = upperBound === undefined ? logEndOffset : Math.min(upperBound, logEndOffset)
    return readFromSegments(this.segments, fetchOffset, maxBytes, bound, logEndOffset, (segment) =>
      this.touch(segment),
    )
  }

  /**
   * The first record whose timestamp is >= `timestamp` (Kafka's ListOffsets by time), through the
   * segments' largest timestamps and time indexes; undefined when no record is that recent.
   */
  offsetForTimestamp(timestamp: number): TimestampAndOffset | undefined {
    this.ensureOpen()
    return findOffsetForTimestamp(this.segments, timestamp, this._logStartOffset, (segment) =>
      this.touch(segment),
    )
  }

  /**
   * Retention: deletes whole non-active segments, oldest first, while they are entirely below the
   * log start offset, older than `retention.ms` (by their largest timestamp; the file's mtime when
   * no batch has one) or beyond `retention.bytes`. The log start offset moves to the first
   * remaining segment and the epoch cache forgets what fell off. Returns the segments deleted.
   */
  deleteOldSegments(): number {
    this.ensureOpen()
    const reasons = segmentsToDelete(
      this.segments,
      this._config,
      this._logStartOffset,
      this.time.now(),
    )
    if (reasons.length === 0) return 0
    for (const reason of reasons) {
      const segment = this.segments.shift()!
      this.cache.remove(segment)
      segment.deleteFiles()
      this.logger.info(
        { baseOffset: segment.baseOffset, bytes: segment.size, reason },
        'deleted log segment',
      )
    }
    this._logStartOffset = Math.max(this._logStartOffset, this.segments[0]!.baseOffset)
    this.epochCache.truncateFromStart(this._logStartOffset)
    fsyncDir(this.dir)
    return reasons.length
  }

  /**
   * Follower truncation: removes every batch from the one holding `offset` on (whole batches, so
   * the new log end offset is the largest batch boundary <= `offset`), and the epochs that
   * started there. A no-op when `offset` >= the log end offset. Below the first segment, the log
   * is emptied and restarted at `offset`. Returns the new log end offset.
   */
  truncateTo(offset: number): number {
    this.ensureOpen()
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new OffsetOutOfRangeError(`cannot truncate ${this.dir} to offset ${offset}`)
    }
    if (offset >= this.logEndOffset) return this.logEndOffset
    if (offset < this.segments[0]!.baseOffset) {
      this.truncateFullyAndStartAt(offset)
      return offset
    }
    this.flusher.invalidate()
    const removed = this.removeSegmentsAfter(offset)
    const segment = this.activeSegment
    this.cache.remove(segment)
    const bytes = segment.truncateTo(offset, this.time.now())
    const logEndOffset = this.logEndOffset
    this._logStartOffset = Math.min(this._logStartOffset, logEndOffset)
    this._recoveryPoint = Math.min(this._recoveryPoint, logEndOffset)
    this.epochCache.truncateFromEnd(logEndOffset)
    this.logger.info({ offset, logEndOffset, segmentsDeleted: removed, bytes }, 'truncated log')
    this.onTruncate?.(this)
    return logEndOffset
  }

  /**
   * Deletes every segment and restarts the log, empty, at `offset` (a follower whose fetch offset
   * fell below the leader's log start offset). The epoch cache is cleared.
   */
  truncateFullyAndStartAt(offset: number): void {
    this.ensureOpen()
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new OffsetOutOfRangeError(`cannot restart ${this.dir} at offset ${offset}`)
    }
    this.flusher.invalidate()
    const removed = this.removeSegmentsAfter(-1)
    this.segments = [Segment.create(this.dir, offset, segmentConfigOf(this._config), this.logger)]
    this.activeSegment.initAppendState(this.time.now())
    fsyncDir(this.dir)
    this._logStartOffset = offset
    this._recoveryPoint = offset
    this.unflushedMessages = 0
    this.epochCache.clear()
    this.logger.info({ offset, segmentsDeleted: removed }, 'emptied log and restarted it')
    this.onTruncate?.(this)
  }

  /** Deletes segments whose base offset is > `offset`, newest first (a crash leaves a prefix). */
  private removeSegmentsAfter(offset: number): number {
    let count = 0
    while (this.segments.length > 0 && this.segments.at(-1)!.baseOffset > offset) {
      const segment = this.segments.pop()!
      this.cache.remove(segment)
      segment.deleteFiles()
      count++
    }
    return count
  }

  /**
   * fsyncs the active segment, and any rolled segment whose background fsync is still pending;
   * the recovery point becomes the log end offset.
   */
  flush(): void {
    this.ensureOpen()
    try {
      this.flusher.flushSync()
      this.activeSegment.flush()
    } catch (err) {
      throw storageError(`flush of ${this.dir} failed`, err)
    }
    this._recoveryPoint = this.logEndOffset
    this.unflushedMessages = 0
    this.lastFlushTime = this.time.now()
  }

  /** Flushes if `flush.ms` has passed since the last flush and something is unflushed. */
  maybeFlush(): void {
    if (this.closed || this._recoveryPoint === this.logEndOffset) return
    if (this.time.now() - this.lastFlushTime >= this._config.flushMs) this.flush()
  }

  /**
   * Closes the log: seals the active segment (final time-index entry, fsync of data and
   * indexes), closes every fd, and writes the clean-shutdown marker so the next open skips
   * recovery. Further calls on the log throw LogClosedError; closing twice is a no-op.
   */
  async close(): Promise<void> {
    if (this.closed) return
    await this.awaitBackgroundFlushes()
    if (this.closed) return
    this.activeSegment.seal()
    this.releaseAll()
    this._recoveryPoint = this.logEndOffset
    this.closed = true
    fs.writeFileSync(path.join(this.dir, CLEAN_SHUTDOWN_FILE), '')
    fsyncDir(this.dir)
  }

  /**
   * Closes the log without a marker and removes its directory: renamed first to
   * `<dir>.<unique>-delete` (which a start-up finishes removing if a crash interrupts), then
   * removed recursively.
   */
  async delete(): Promise<void> {
    await this.awaitBackgroundFlushes()
    if (!this.closed) {
      this.releaseAll()
      this.closed = true
    }
    const doomed = `${this.dir}.${randomUUID().replaceAll('-', '')}-delete`
    try {
      fs.renameSync(this.dir, doomed)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
      throw err
    }
    fsyncDir(path.dirname(this.dir))
    fs.rmSync(doomed, { recursive: true, force: true })
  }

  /** Whether {@link close} or {@link delete} was called. */
  get isClosed(): boolean {
    return this.closed
  }

  private releaseAll(): void {
    for (const segment of this.segments) {
      this.cache.remove(segment)
      segment.releaseResources()
    }
    if (this.ownsCache) this.cache.clear()
  }

  private get activeSegment(): Segment {
    return this.segments.at(-1)!
  }

  private touch(segment: Segment): void {
    if (segment !== this.activeSegment) this.cache.touch(segment)
  }

  private ensureOpen(): void {
    if (this.closed) throw new LogClosedError(`log ${this.dir} is closed`)
  }
}

function segmentConfigOf(config: LogConfig): SegmentConfig {
  return { maxIndexSize: config.segmentIndexBytes, indexIntervalBytes: config.indexIntervalBytes }
}
