import path from 'node:path'
import { CheckpointFile, type LogManager, topicPartitionOffsetFormatter } from '@samsa/storage'
import type { Logger } from './logger.js'
import { partitionKey } from './partition-state.js'

/** Kafka's name for the per-log-dir file of high watermarks. */
export const HIGH_WATERMARK_CHECKPOINT_FILE = 'replication-offset-checkpoint'

/**
 * The high watermarks of the hosted partitions, one `replication-offset-checkpoint` per log dir
 * in Kafka's format (version 0, count, `topic partition offset` lines; written atomically). A
 * restarted broker starts each partition from its checkpointed high watermark rather than its
 * log start offset, so a leader that comes back does not hide records it had acknowledged, and
 * consumers never see the high watermark go back across a restart.
 */
export class HighWatermarkCheckpoints {
  readonly #logManager: LogManager
  readonly #log: Logger

  constructor(logManager: LogManager, logger: Logger) {
    this.#logManager = logManager
    this.#log = logger
  }

  /** Every log dir's checkpointed high watermarks, by partition key; unreadable files are skipped. */
  read(): Map<string, number> {
    const out = new Map<string, number>()
    for (const dir of this.#logManager.logDirs) {
      try {
        for (const e of this.#file(dir).read())
          out.set(partitionKey(e.topic, e.partition), e.offset)
      } catch (err) {
        // Safe to fall back: the HW then starts at the log start offset and moves up with fetches.
        this.#log.warn({ err, logDir: dir }, 'ignoring an unreadable high watermark checkpoint')
      }
    }
    return out
  }

  /** Writes every log dir's file from `highWatermark` of each open log (undefined skips it). */
  write(highWatermark: (topic: string, partition: number) => number | undefined): void {
    const byDir = new Map<string, Array<{ topic: string; partition: number; offset: number }>>()
    for (const dir of this.#logManager.logDirs) byDir.set(dir, [])
    for (const { topic, partition, log, logDir } of this.#logManager.allLogs()) {
      if (log.isClosed) continue
      const offset = highWatermark(topic, partition)
      if (offset === undefined) continue
      byDir.get(logDir)?.push({ topic, partition, offset })
    }
    for (const [dir, entries] of byDir) this.#file(dir).write(entries)
  }

  #file(dir: string) {
    return new CheckpointFile(
      path.join(dir, HIGH_WATERMARK_CHECKPOINT_FILE),
      topicPartitionOffsetFormatter,
    )
  }
}
