import fs from 'node:fs'
import path from 'node:path'
import type { Logger } from '@samsa/protocol'
import { fsyncDir, unlinkIfExists } from './file-io.js'
import { LeaderEpochCache } from './leader-epoch-cache.js'
import type { LogOptions } from './log.js'
import {
  DELETED_FILE_SUFFIX,
  INDEX_FILE_SUFFIX,
  LOG_FILE_SUFFIX,
  Segment,
  type SegmentConfig,
  TIME_INDEX_FILE_SUFFIX,
} from './segment.js'
import type { Time } from './time.js'

/** Marker file written by a clean close; its presence at open skips recovery (Kafka's `.kafka_cleanshutdown`). */
export const CLEAN_SHUTDOWN_FILE = '.samsa_cleanshutdown'

const SEGMENT_FILE = /^(\d{20})(\.log|\.index|\.timeindex)$/

/** What start-up found and repaired; logged, and returned for tests and operators. */
export interface LogLoadReport {
  hadCleanShutdown: boolean
  segments: number
  /** Segments whose batches were re-validated. */
  recoveredSegments: number
  /** Bytes cut from torn or corrupt tails. */
  truncatedBytes: number
  /** Segments deleted because they followed a corrupt point in the unflushed part of the log. */
  deletedSegments: number
  /** Stray files removed (orphan indexes, half-deleted segments, temp files). */
  removedFiles: number
}

export interface LoadedSegments {
  segments: Segment[]
  report: LogLoadReport
}

/** A partition directory loaded by {@link loadLog}, ready for a Log. */
export interface LoadedLog extends LoadedSegments {
  epochCache: LeaderEpochCache
  logStartOffset: number
  /** Also the recovery point: everything below it is validated and on disk. */
  logEndOffset: number
}

/**
 * Loads the partition directory `dir` (creating it if needed) for a Log: the leader-epoch cache,
 * the segments ({@link loadSegments}; recovery unless the last stop was clean), the last segment
 * made ready for appends (`time` starts its `segment.ms` clock), the log start and end offsets,
 * and the epoch cache cut to them. The clean-shutdown marker is consumed.
 */
export function loadLog(
  dir: string,
  segmentConfig: SegmentConfig,
  options: Pick<LogOptions, 'hadCleanShutdown' | 'recoveryPoint' | 'logStartOffset'>,
  time: Time,
  logger: Logger,
): LoadedLog {
  fs.mkdirSync(dir, { recursive: true })
  const markerPath = path.join(dir, CLEAN_SHUTDOWN_FILE)
  const hadCleanShutdown = options.hadCleanShutdown === true || fs.existsSync(markerPath)
  const epochCache = LeaderEpochCache.load(dir, logger)
  const { segments, report } = loadSegments(dir, segmentConfig, {
    hadCleanShutdown,
    recoveryPoint: options.recoveryPoint ?? 0,
    initialBaseOffset: options.logStartOffset ?? 0,
    epochCache,
    logger,
  })
  const active = segments.at(-1)!
  active.initAppendState(time.now())
  const logEndOffset = active.nextOffset!
  const logStartOffset = Math.min(
    Math.max(options.logStartOffset ?? 0, segments[0]!.baseOffset),
    logEndOffset,
  )
  epochCache.truncateFromEnd(logEndOffset)
  epochCache.truncateFromStart(logStartOffset)
  // Everything below the log end is now validated; make it durable so it is the recovery point.
  // An empty active segment (a new log) holds nothing to make durable.
  if (!hadCleanShutdown && active.size > 0) active.flush()
  if (unlinkIfExists(markerPath)) fsyncDir(dir)
  return { segments, report, epochCache, logStartOffset, logEndOffset }
}

/**
 * Loads a partition directory's segments, repairing what an unclean stop (or a damaged disk)
 * left, as Kafka's `LogLoader`:
 *  - stray files are removed: `.deleted` segments, orphan indexes, temp files;
 *  - after an unclean stop, every segment from the one holding the recovery point on is
 *    re-validated batch by batch (checkBatch) with its indexes rebuilt; at the first torn or
 *    corrupt byte the segment is cut there and every later segment is deleted;
 *  - every other segment (all of them after a clean shutdown) gets a cheap check: a header walk
 *    from its last index entry to the end of the file (the active one also CRC-checked). One that
 *    fails is re-validated and cut at its last valid batch, so a truncated or garbage-extended
 *    file never stops start-up.
 * Inactive segments are left with no fd open and no index loaded.
 */
export function loadSegments(
  dir: string,
  segmentConfig: SegmentConfig,
  options: {
    hadCleanShutdown: boolean
    recoveryPoint: number
    initialBaseOffset: number
    epochCache: LeaderEpochCache
    logger: Logger
  },
): LoadedSegments {
  const { logger, hadCleanShutdown } = options
  const report: LogLoadReport = {
    hadCleanShutdown,
    segments: 0,
    recoveredSegments: 0,
    truncatedBytes: 0,
    deletedSegments: 0,
    removedFiles: 0,
  }
  const bases = cleanDirectory(dir, report, logger)
  let segments = bases.map((base) => Segment.open(dir, base, segmentConfig, logger))
  if (segments.length === 0) {
    segments = [Segment.create(dir, options.initialBaseOffset, segmentConfig, logger)]
    fsyncDir(dir)
    report.segments = 1
    return { segments, report }
  }

  // Segments from the one holding the recovery point on were not known to be flushed.
  let firstUnflushed = segments.length
  if (!hadCleanShutdown) {
    firstUnflushed = 0
    for (let i = 0; i < segments.length; i++) {
      if (segments[i]!.baseOffset <= options.recoveryPoint) firstUnflushed = i
    }
  }
  const onBatch = (epoch: number, baseOffset: number): void => {
    const latest = options.epochCache.latestEpoch()
    if (epoch >= 0 && (latest === undefined || epoch > latest))
      options.epochCache.assign(epoch, baseOffset)
  }
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    const isLast = i === segments.length - 1
    let needsRecovery = i >= firstUnflushed
    if (!needsRecovery) {
      const check = segment.checkTail(isLast)
      if (!check.ok) {
        logger.warn(
          { segment: segment.logPath, reason: check.reason },
          'segment failed its start-up check; re-validating it',
        )
        needsRecovery = true
      }
    }
    if (needsRecovery) {
      const result = segment.recover(i >= firstUnflushed ? onBatch : undefined)
      report.recoveredSegments++
      report.truncatedBytes += result.truncatedBytes
      if (result.truncatedBytes > 0) {
        logger.warn(
          { segment: segment.logPath, ...result },
          'truncated a torn or corrupt segment tail on recovery',
        )
        if (i >= firstUnflushed && !isLast) {
          const dropped = segments.splice(i + 1)
          for (let j = dropped.length - 1; j >= 0; j--) dropped[j]!.deleteFiles()
          report.deletedSegments += dropped.length
          logger.warn(
            { from: dropped[0]!.baseOffset, segments: dropped.length },
            'deleted the segments after the corrupt point',
          )
        }
      }
      if (i < segments.length - 1) segment.seal()
    }
    if (i < segments.length - 1) segment.releaseResources()
  }
  report.segments = segments.length
  if (report.recoveredSegments > 0 || report.removedFiles > 0) {
    logger.info(
      { ...report },
      hadCleanShutdown ? 'repaired log at start-up' : 'recovered log after an unclean shutdown',
    )
  }
  return { segments, report }
}

/** Removes stray files and returns the base offsets of the segments (sorted). */
function cleanDirectory(dir: string, report: LogLoadReport, logger: Logger): number[] {
  const names = fs.readdirSync(dir)
  const logs = new Set<string>()
  const indexes: Array<[string, string]> = []
  for (const name of names) {
    if (
      name.endsWith(DELETED_FILE_SUFFIX) ||
      name.endsWith('.tmp') ||
      name.endsWith('.cleaned') ||
      name.endsWith('.swap')
    ) {
      removeStray(dir, name, report, logger)
      continue
    }
    const m = SEGMENT_FILE.exec(name)
    if (m === null) continue
    if (m[2] === LOG_FILE_SUFFIX) logs.add(m[1]!)
    else if (m[2] === INDEX_FILE_SUFFIX || m[2] === TIME_INDEX_FILE_SUFFIX)
      indexes.push([m[1]!, name])
  }
  for (const [digits, name] of indexes) {
    if (!logs.has(digits)) removeStray(dir, name, report, logger)
  }
  const bases: number[] = []
  for (const digits of logs) {
    const base = Number(digits)
    if (Number.isSafeInteger(base)) bases.push(base)
    else
      logger.warn(
        { file: digits + LOG_FILE_SUFFIX },
        'ignoring a segment whose base offset is out of range',
      )
  }
  return bases.sort((a, b) => a - b)
}

function removeStray(dir: string, name: string, report: LogLoadReport, logger: Logger): void {
  if (unlinkIfExists(path.join(dir, name))) {
    report.removedFiles++
    logger.debug({ file: name }, 'removed stray file')
  }
}
