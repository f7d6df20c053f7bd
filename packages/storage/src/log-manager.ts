import fs from 'node:fs'
import path from 'node:path'
import {
  childLogger,
  InvalidTopicError,
  isLegalTopicName,
  KafkaStorageError,
  type Logger,
  noopLogger,
} from '@samsa/protocol'
import {
  CheckpointFile,
  type TopicPartitionOffset,
  topicPartitionOffsetFormatter,
} from './checkpoint-file.js'
import { LogClosedError } from './errors.js'
import { fsyncDir, unlinkIfExists } from './file-io.js'
import { Log } from './log.js'
import type { LogConfig } from './log-config.js'
import { resolveLogConfig } from './log-config.js'
import { CLEAN_SHUTDOWN_FILE } from './log-loader.js'
import { SegmentCache, type SegmentCacheOptions } from './segment-cache.js'
import { systemTime, type Time } from './time.js'
import {
  parseTopicPartitionDirName,
  type TopicPartition,
  topicPartitionDirName,
  topicPartitionKey,
} from './topic-partition.js'

/** Per-log-dir checkpoint of each log's recovery point (Kafka's name). */
export const RECOVERY_POINT_CHECKPOINT_FILE = 'recovery-point-offset-checkpoint'
/** Per-log-dir checkpoint of each log's start offset (Kafka's name). */
export const LOG_START_OFFSET_CHECKPOINT_FILE = 'log-start-offset-checkpoint'

/** Broker-level storage settings (Kafka's names in the doc comments). */
export interface LogManagerConfig {
  /** `log.dirs`: directories holding partition directories `<topic>-<partition>`. Required. */
  logDirs: readonly string[]
  /** Broker defaults every log inherits (`log.segment.bytes`, `log.retention.ms`, ...). Default: Kafka's. */
  defaultConfig?: Partial<LogConfig>
  /** `log.retention.check.interval.ms`: how often retention runs. Default 300000 (5 minutes). */
  retentionCheckIntervalMs?: number
  /** `log.flush.offset.checkpoint.interval.ms`: how often recovery points are checkpointed. Default 60000. */
  recoveryPointCheckpointIntervalMs?: number
  /** `log.flush.start.offset.checkpoint.interval.ms`: how often log start offsets are checkpointed. Default 60000. */
  logStartOffsetCheckpointIntervalMs?: number
  /** `log.flush.scheduler.interval.ms`: how often logs are checked against their `flush.ms`. Default 1000. */
  flushSchedulerIntervalMs?: number
}

/** Options of {@link LogManager.open}. */
export interface LogManagerOptions {
  /** Gets child loggers per log (`topic`, `partition`). Default: no-op. */
  logger?: Logger
  /** Clock for every log. Default: `Date.now`. */
  time?: Time
  /** Topic-level overrides for the logs found at start-up (from cluster metadata). */
  topicConfig?: (topic: string) => Partial<LogConfig> | undefined
  /** Bounds of the segment cache shared by every log (open fds, index memory). */
  segmentCache?: SegmentCacheOptions
}

interface ManagedLog extends TopicPartition {
  log: Log
  logDir: string
}

/**
 * Owns every partition log of a broker, as Kafka's `LogManager`: opens each `<topic>-<partition>`
 * directory under every `log.dirs` entry at start (recovering after an unclean stop; a directory
 * whose name does not parse is skipped with a warning), creates and deletes logs, runs retention,
 * the `flush.ms` scheduler and the checkpoints on timers it owns and clears on {@link close},
 * and keeps per-log-dir `recovery-point-offset-checkpoint`, `log-start-offset-checkpoint` and a
 * clean-shutdown marker.
 */
export class LogManager {
  private readonly logs = new Map<string, ManagedLog>()
  /** Creations in progress, so concurrent callers share one Log per partition. */
  private readonly creating = new Map<string, Promise<Log>>()
  private readonly timers: NodeJS.Timeout[] = []
  private closed = false

  private constructor(
    readonly logDirs: readonly string[],
    private readonly defaultConfig: LogConfig,
    private readonly options: LogManagerOptions,
    private readonly logger: Logger,
    private readonly time: Time,
    private readonly cache: SegmentCache,
  ) {}

  /** Opens (creating missing directories) and loads every log, then starts the background tasks. */
  static async open(
    config: LogManagerConfig,
    options: LogManagerOptions = {},
  ): Promise<LogManager> {
    if (config.logDirs.length === 0) throw new KafkaStorageError('log.dirs is empty')
    const logDirs = config.logDirs.map((d) => path.resolve(d))
    const logger = options.logger ?? noopLogger
    const manager = new LogManager(
      logDirs,
      resolveLogConfig(config.defaultConfig),
      options,
      logger,
      options.time ?? systemTime,
      new SegmentCache(options.segmentCache),
    )
    try {
      for (const dir of logDirs) await manager.loadLogDir(dir)
    } catch (err) {
      await manager.closeLogs()
      throw err
    }
    manager.schedule(config.retentionCheckIntervalMs ?? 300_000, 'retention', () =>
      manager.runRetention(),
    )
    manager.schedule(
      config.recoveryPointCheckpointIntervalMs ?? 60_000,
      'recovery-point checkpoint',
      () => manager.checkpointRecoveryPoints(),
    )
    manager.schedule(
      config.logStartOffsetCheckpointIntervalMs ?? 60_000,
      'log-start-offset checkpoint',
      () => manager.checkpointLogStartOffsets(),
    )
    manager.schedule(config.flushSchedulerIntervalMs ?? 1000, 'flush', () => {
      for (const { log } of manager.logs.values()) log.maybeFlush()
    })
    return manager
  }

  private async loadLogDir(dir: string): Promise<void> {
    fs.mkdirSync(dir, { recursive: true })
    const marker = path.join(dir, CLEAN_SHUTDOWN_FILE)
    const hadCleanShutdown = fs.existsSync(marker)
    const recoveryPoints = this.readCheckpoint(dir, RECOVERY_POINT_CHECKPOINT_FILE)
    const logStartOffsets = this.readCheckpoint(dir, LOG_START_OFFSET_CHECKPOINT_FILE)
    let loaded = 0
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue
      const name = entry.name
      if (name.endsWith('-delete')) {
        fs.rmSync(path.join(dir, name), { recursive: true, force: true })
        this.logger.info({ dir: name }, 'finished deleting a partition directory')
        continue
      }
      const tp = parseTopicPartitionDirName(name)
      if (tp === undefined) {
        this.logger.warn(
          { logDir: dir, dir: name },
          'skipping a directory whose name is not <topic>-<partition>',
        )
        continue
      }
      const key = topicPartitionKey(tp.topic, tp.partition)
      const existing = this.logs.get(key)
      if (existing !== undefined) {
        throw new KafkaStorageError(
          `partition ${key} has a directory in both ${existing.logDir} and ${dir}; remove one before starting`,
        )
      }
      const log = await Log.open(path.join(dir, name), this.configFor(tp.topic), {
        logger: childLogger(this.logger, { topic: tp.topic, partition: tp.partition }),
        time: this.time,
        recoveryPoint: recoveryPoints.get(key) ?? 0,
        ...(logStartOffsets.has(key) ? { logStartOffset: logStartOffsets.get(key)! } : {}),
        ...(hadCleanShutdown ? { hadCleanShutdown: true } : {}),
        segmentCache: this.cache,
        onTruncate: () => this.onTruncate(dir),
      })
      this.logs.set(key, { ...tp, log, logDir: dir })
      loaded++
    }
    this.writeCheckpoints(dir)
    if (unlinkIfExists(marker)) fsyncDir(dir)
    this.logger.info({ logDir: dir, logs: loaded, hadCleanShutdown }, 'loaded log directory')
  }

  private configFor(topic: string, overrides?: Partial<LogConfig>): LogConfig {
    return resolveLogConfig({
      ...this.defaultConfig,
      ...this.options.topicConfig?.(topic),
      ...overrides,
    })
  }

  private readCheckpoint(dir: string, file: string): Map<string, number> {
    const result = new Map<string, number>()
    try {
      for (const e of new CheckpointFile(
        path.join(dir, file),
        topicPartitionOffsetFormatter,
      ).read()) {
        result.set(topicPartitionKey(e.topic, e.partition), e.offset)
      }
    } catch (err) {
      // Falling back is safe: recovery re-validates everything, the start offset comes from segments.
      this.logger.warn({ err, logDir: dir, file }, 'ignoring an unreadable checkpoint file')
    }
    return result
  }

  /** The log of a partition, if this broker has it. */
  getLog(topic: string, partition: number): Log | undefined {
    return this.logs.get(topicPartitionKey(topic, partition))?.log
  }

  /** Every log, with its topic, partition and log dir. */
  allLogs(): Array<TopicPartition & { log: Log; logDir: string }> {
    return [...this.logs.values()].map((m) => ({ ...m }))
  }

  /**
   * The log of a partition, created empty in the log dir holding the fewest logs if it does not
   * exist. `config` overrides the broker defaults (topic configs); for an existing log it is
   * applied with {@link Log.updateConfig}.
   */
  async getOrCreateLog(
    topic: string,
    partition: number,
    config?: Partial<LogConfig>,
  ): Promise<Log> {
    this.ensureOpen()
    const key = topicPartitionKey(topic, partition)
    const existing = this.logs.get(key)
    if (existing !== undefined) {
      if (config !== undefined) existing.log.updateConfig(this.configFor(topic, config))
      return existing.log
    }
    const inFlight = this.creating.get(key)
    if (inFlight !== undefined) return inFlight
    const creation = this.createLog(topic, partition, config)
    this.creating.set(key, creation)
    try {
      return await creation
    } finally {
      this.creating.delete(key)
    }
  }

  private async createLog(
    topic: string,
    partition: number,
    config: Partial<LogConfig> | undefined,
  ): Promise<Log> {
    if (!isLegalTopicName(topic)) throw new InvalidTopicError(`illegal topic name '${topic}'`)
    if (!Number.isSafeInteger(partition) || partition < 0 || partition > 999_999_999) {
      throw new InvalidTopicError(`illegal partition ${partition} of '${topic}'`)
    }
    const logDir = this.leastLoadedLogDir()
    const log = await Log.open(
      path.join(logDir, topicPartitionDirName(topic, partition)),
      this.configFor(topic, config),
      {
        logger: childLogger(this.logger, { topic, partition }),
        time: this.time,
        segmentCache: this.cache,
        onTruncate: () => this.onTruncate(logDir),
      },
    )
    fsyncDir(logDir)
    this.logs.set(topicPartitionKey(topic, partition), { topic, partition, log, logDir })
    this.logger.info({ topic, partition, logDir }, 'created log')
    // No checkpoint write here: a new log's recovery point and start offset are the defaults an
    // absent entry means, and rewriting the dir's checkpoints per create costs O(logs) each.
    return log
  }

  /** Closes and removes a partition's log and directory. Returns whether it existed. */
  async deleteLog(topic: string, partition: number): Promise<boolean> {
    this.ensureOpen()
    const key = topicPartitionKey(topic, partition)
    const managed = this.logs.get(key)
    if (managed === undefined) return false
    this.logs.delete(key)
    await managed.log.delete()
    this.writeCheckpoints(managed.logDir)
    this.logger.info({ topic, partition }, 'deleted log')
    return true
  }

  /** Runs retention on every log now (what the timer does); checkpoints start offsets if any moved. */
  runRetention(): number {
    this.ensureOpen()
    let deleted = 0
    for (const { log, topic, partition } of this.logs.values()) {
      try {
        deleted += log.deleteOldSegments()
      } catch (err) {
        this.logger.error({ err, topic, partition }, 'retention failed')
      }
    }
    if (deleted > 0) this.checkpointLogStartOffsets()
    return deleted
  }

  /** A truncation lowered a recovery point: checkpoint it now, not at the next interval. */
  private onTruncate(dir: string): void {
    try {
      this.writeCheckpoint(dir, RECOVERY_POINT_CHECKPOINT_FILE, (log) => log.recoveryPoint)
    } catch (err) {
      this.logger.error(
        { err, logDir: dir },
        'could not checkpoint recovery points after a truncation',
      )
    }
  }

  /** Writes every log dir's `recovery-point-offset-checkpoint`. */
  checkpointRecoveryPoints(): void {
    for (const dir of this.logDirs)
      this.writeCheckpoint(dir, RECOVERY_POINT_CHECKPOINT_FILE, (log) => log.recoveryPoint)
  }

  /** Writes every log dir's `log-start-offset-checkpoint`. */
  checkpointLogStartOffsets(): void {
    for (const dir of this.logDirs)
      this.writeCheckpoint(dir, LOG_START_OFFSET_CHECKPOINT_FILE, (log) => log.logStartOffset)
  }

  private writeCheckpoints(dir: string): void {
    this.writeCheckpoint(dir, RECOVERY_POINT_CHECKPOINT_FILE, (log) => log.recoveryPoint)
    this.writeCheckpoint(dir, LOG_START_OFFSET_CHECKPOINT_FILE, (log) => log.logStartOffset)
  }

  private writeCheckpoint(dir: string, file: string, offsetOf: (log: Log) => number): void {
    const entries: TopicPartitionOffset[] = []
    for (const m of this.logs.values()) {
      if (m.logDir === dir && !m.log.isClosed)
        entries.push({ topic: m.topic, partition: m.partition, offset: offsetOf(m.log) })
    }
    new CheckpointFile(path.join(dir, file), topicPartitionOffsetFormatter).write(entries)
  }

  /**
   * Stops the timers, closes every log (each fsynced and marked clean), writes the checkpoints
   * and each log dir's clean-shutdown marker. Idempotent.
   */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const timer of this.timers.splice(0)) clearInterval(timer)
    for (const dir of this.logDirs) {
      this.writeCheckpoint(dir, RECOVERY_POINT_CHECKPOINT_FILE, (log) => log.logEndOffset)
      this.writeCheckpoint(dir, LOG_START_OFFSET_CHECKPOINT_FILE, (log) => log.logStartOffset)
    }
    await this.closeLogs()
    for (const dir of this.logDirs) {
      fs.writeFileSync(path.join(dir, CLEAN_SHUTDOWN_FILE), '')
      fsyncDir(dir)
    }
    this.logger.info({ logDirs: this.logDirs }, 'log manager closed cleanly')
  }

  private async closeLogs(): Promise<void> {
    for (const { log } of this.logs.values()) await log.close()
    this.logs.clear()
    this.cache.clear()
  }

  private leastLoadedLogDir(): string {
    const counts = new Map(this.logDirs.map((d) => [d, 0]))
    for (const m of this.logs.values()) counts.set(m.logDir, (counts.get(m.logDir) ?? 0) + 1)
    let best = this.logDirs[0]!
    for (const [dir, count] of counts) if (count < counts.get(best)!) best = dir
    return best
  }

  /** An interval timer owned by this manager: unref'd, errors logged, cleared on close. */
  private schedule(intervalMs: number, task: string, fn: () => void): void {
    // setInterval cannot wait longer than 2^31-1 ms; longer intervals mean "never".
    if (!(intervalMs > 0) || intervalMs > 2 ** 31 - 1) return
    const timer = setInterval(() => {
      if (this.closed) return
      try {
        fn()
      } catch (err) {
        this.logger.error({ err, task }, 'background storage task failed')
      }
    }, intervalMs)
    timer.unref()
    this.timers.push(timer)
  }

  private ensureOpen(): void {
    if (this.closed) throw new LogClosedError('log manager is closed')
  }
}
