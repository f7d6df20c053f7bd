import path from 'node:path'
import { type Logger, noopLogger } from '@samsa/protocol'
import { CheckpointFile, type CheckpointFormatter, parseSafeInt } from './checkpoint-file.js'
import { InvalidEpochEntryError } from './errors.js'

/** File name of the epoch checkpoint inside a partition directory (Kafka's name). */
export const LEADER_EPOCH_CHECKPOINT_FILE = 'leader-epoch-checkpoint'

/** Marks "no epoch" / "no offset", as Kafka's UNDEFINED_EPOCH and UNDEFINED_EPOCH_OFFSET. */
export const UNDEFINED_EPOCH = -1
export const UNDEFINED_EPOCH_OFFSET = -1

/** A leader epoch and the first offset written in it. */
export interface EpochEntry {
  epoch: number
  startOffset: number
}

/** Result of {@link LeaderEpochCache.endOffsetFor}: the epoch found and its end offset. */
export interface EpochEndOffset {
  epoch: number
  endOffset: number
}

const formatter: CheckpointFormatter<EpochEntry> = {
  toLine: (e) => `${e.epoch} ${e.startOffset}`,
  fromLine(line) {
    const parts = line.split(' ')
    if (parts.length !== 2) return undefined
    const epoch = parseSafeInt(parts[0])
    const startOffset = parseSafeInt(parts[1])
    if (epoch === undefined || epoch < 0 || startOffset === undefined || startOffset < 0)
      return undefined
    return { epoch, startOffset }
  },
}

/**
 * The leader-epoch history of a partition (Kafka's `LeaderEpochFileCache`, KIP-101/KIP-279):
 * for each leader epoch, the first offset appended in it. A follower asks the leader for the end
 * offset of its latest epoch and truncates its log there, instead of at its high watermark, which
 * is what keeps replicas from diverging across leader changes. Every change is checkpointed to
 * `leader-epoch-checkpoint` in the partition directory before the method returns.
 */
export class LeaderEpochCache {
  private entries: EpochEntry[]
  private readonly file: CheckpointFile<EpochEntry>

  private constructor(file: CheckpointFile<EpochEntry>, entries: EpochEntry[]) {
    this.file = file
    this.entries = entries
  }

  /**
   * Loads the cache from `<dir>/leader-epoch-checkpoint`. A missing file is an empty cache; a
   * malformed one is logged and treated as empty (replication falls back to the leader's answer).
   */
  static load(dir: string, logger: Logger = noopLogger): LeaderEpochCache {
    const file = new CheckpointFile(path.join(dir, LEADER_EPOCH_CHECKPOINT_FILE), formatter)
    let entries: EpochEntry[]
    try {
      entries = file.read()
    } catch (err) {
      logger.warn({ err, file: file.path }, 'ignoring unreadable leader-epoch checkpoint')
      entries = []
    }
    // Keep only a monotonic history (a hand-edited file could be out of order).
    const clean: EpochEntry[] = []
    for (const e of entries) {
      const last = clean.at(-1)
      if (last === undefined || (e.epoch > last.epoch && e.startOffset >= last.startOffset))
        clean.push(e)
    }
    return new LeaderEpochCache(file, clean)
  }

  /** The entries, oldest first (a copy). */
  epochEntries(): EpochEntry[] {
    return this.entries.map((e) => ({ ...e }))
  }

  /** The latest epoch, or undefined when empty. */
  latestEpoch(): number | undefined {
    return this.entries.at(-1)?.epoch
  }

  /** The earliest entry, or undefined when empty. */
  earliestEntry(): EpochEntry | undefined {
    const e = this.entries[0]
    return e && { ...e }
  }

  /** The latest entry, or undefined when empty. */
  latestEntry(): EpochEntry | undefined {
    const e = this.entries.at(-1)
    return e && { ...e }
  }

  /**
   * Records that `epoch` starts at `startOffset`. A no-op when it is already the latest epoch
   * (and does not move its start back). Entries that would break monotonicity (an epoch >=
   * `epoch`, or a start offset >= `startOffset`) are removed first, as Kafka does.
   */
  assign(epoch: number, startOffset: number): void {
    if (
      !Number.isSafeInteger(epoch) ||
      epoch < 0 ||
      !Number.isSafeInteger(startOffset) ||
      startOffset < 0
    ) {
      throw new InvalidEpochEntryError(`invalid leader epoch entry (${epoch}, ${startOffset})`)
    }
    const last = this.entries.at(-1)
    if (last !== undefined && last.epoch === epoch && startOffset >= last.startOffset) return
    while (this.entries.length > 0) {
      const e = this.entries.at(-1)!
      if (e.epoch >= epoch || e.startOffset >= startOffset) this.entries.pop()
      else break
    }
    this.entries.push({ epoch, startOffset })
    this.flush()
  }

  /**
   * The end offset of `requestedEpoch` (KIP-101/279): the start offset of the next higher epoch,
   * or `logEndOffset` when it is the latest epoch. Returns the largest epoch <= the requested one
   * that the cache knows, with that end offset; (UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET) when the
   * requested epoch is undefined or newer than every known epoch.
   */
  endOffsetFor(requestedEpoch: number, logEndOffset: number): EpochEndOffset {
    const undefinedResult = { epoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET }
    if (requestedEpoch === UNDEFINED_EPOCH || this.entries.length === 0) return undefinedResult
    const latest = this.entries.at(-1)!
    if (requestedEpoch === latest.epoch) return { epoch: requestedEpoch, endOffset: logEndOffset }
    // First entry with epoch > requested.
    const higher = this.entries.findIndex((e) => e.epoch > requestedEpoch)
    if (higher < 0) return undefinedResult
    if (higher === 0) {
      // Older than anything we know: the data is gone; the first known epoch's start is the
      // earliest offset the follower can agree with.
      return { epoch: requestedEpoch, endOffset: this.entries[0]!.startOffset }
    }
    return { epoch: this.entries[higher - 1]!.epoch, endOffset: this.entries[higher]!.startOffset }
  }

  /** The epoch that `offset` was written in, or undefined if it predates every entry. */
  epochForOffset(offset: number): number | undefined {
    let found: number | undefined
    for (const e of this.entries) {
      if (e.startOffset <= offset) found = e.epoch
      else break
    }
    return found
  }

  /** On log truncation to `endOffset`: removes entries starting at or after it. */
  truncateFromEnd(endOffset: number): void {
    if (endOffset < 0) return
    const before = this.entries.length
    while (this.entries.length > 0 && this.entries.at(-1)!.startOffset >= endOffset)
      this.entries.pop()
    if (this.entries.length !== before) this.flush()
  }

  /**
   * On retention moving the log start offset to `startOffset`: drops entries wholly before it and
   * moves the start of the epoch that holds it up to `startOffset`.
   */
  truncateFromStart(startOffset: number): void {
    let removed: EpochEntry | undefined
    let count = 0
    while (this.entries.length > 0 && this.entries[0]!.startOffset <= startOffset) {
      removed = this.entries.shift()
      count++
    }
    if (removed === undefined) return
    this.entries.unshift({ epoch: removed.epoch, startOffset })
    if (count > 1 || removed.startOffset !== startOffset) this.flush()
  }

  /** Removes every entry (used when the log is emptied and restarted at a new offset). */
  clear(): void {
    this.entries = []
    this.flush()
  }

  private flush(): void {
    this.file.write(this.entries)
  }
}
