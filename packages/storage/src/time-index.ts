import { floorSearch } from './binary-search.js'
import { CorruptIndexError } from './errors.js'
import { IndexFile } from './index-file.js'

/** Bytes per time-index entry: timestamp int64 + relative offset uint32, big-endian. */
export const TIME_INDEX_ENTRY_SIZE = 12

/** A timestamp and the offset of the batch where the segment's max timestamp first reached it. */
export interface TimestampOffset {
  timestamp: number
  offset: number
}

const UINT32_MAX = 0xffffffff
const TWO_32 = 2 ** 32

/**
 * The time index of one segment (`<base>.timeindex`), as Kafka's `TimeIndex`. At each offset-index
 * point the segment's max timestamp so far is appended, with the base offset of the batch where
 * it was first reached, when it grew. Entries are therefore strictly increasing in timestamp, and
 * every batch before an entry's offset has a smaller max timestamp, which is what makes the
 * lookup for `offsetForTimestamp` correct.
 *
 * As Kafka does, the last slot is reserved ({@link isFull} is true one entry early) for the final
 * entry written when the segment rolls or the log closes, so an inactive segment's largest
 * timestamp is always its last entry. Kept in memory like {@link OffsetIndex}; written on flush.
 */
export class TimeIndex extends IndexFile {
  private constructor(path: string, baseOffset: number, maxIndexSize: number, loaded?: Buffer) {
    // At least one entry and the slot reserved for the final one.
    super(path, baseOffset, TIME_INDEX_ENTRY_SIZE, maxIndexSize, 2, loaded)
  }

  /** A new, empty index; its file is created by the first {@link flush}. */
  static create(path: string, baseOffset: number, maxIndexSize: number): TimeIndex {
    return new TimeIndex(path, baseOffset, maxIndexSize)
  }

  /**
   * Loads a time-index file. Throws {@link CorruptIndexError} when it is missing, has a partial
   * entry or goes backwards (the caller rebuilds it from the log).
   */
  static load(path: string, baseOffset: number, maxIndexSize: number): TimeIndex {
    const buf = IndexFile.readEntries(path, TIME_INDEX_ENTRY_SIZE, 'time index')
    const index = new TimeIndex(path, baseOffset, maxIndexSize, buf)
    let last: TimestampOffset | undefined
    for (let i = 0; i < index.entries; i++) {
      const e = index.entry(i)
      if (last !== undefined && (e.timestamp <= last.timestamp || e.offset < last.offset)) {
        throw new CorruptIndexError(`time index ${path} entry ${i} goes backwards`)
      }
      last = e
    }
    return index
  }

  /** The last entry of a time-index file by one positioned read, or undefined if none/unreadable. */
  static readLastEntry(path: string, baseOffset: number): TimestampOffset | undefined {
    const entry = IndexFile.readLastEntryBytes(path, TIME_INDEX_ENTRY_SIZE)
    return entry === undefined ? undefined : decode(entry, 0, baseOffset)
  }

  /** True one entry early: the last slot is kept for the entry written on roll. */
  override isFull(): boolean {
    return this.entries >= this.maxEntries - 1
  }

  entry(i: number): TimestampOffset {
    return decode(this.buf, i * TIME_INDEX_ENTRY_SIZE, this.baseOffset)
  }

  /** The last entry, or (-1, baseOffset) when empty. */
  lastEntry(): TimestampOffset {
    return this.entries === 0
      ? { timestamp: -1, offset: this.baseOffset }
      : this.entry(this.entries - 1)
  }

  /**
   * Appends (timestamp, offset) if the timestamp is larger than the last entry's. With
   * `skipFullCheck` (the final entry on roll/close) the reserved last slot may be used.
   */
  maybeAppend(timestamp: number, offset: number, skipFullCheck = false): void {
    if (timestamp < 0) return
    const count = this.entries
    const last = this.lastEntry()
    if (count > 0 && timestamp <= last.timestamp) return
    if (count >= this.maxEntries || (!skipFullCheck && this.isFull())) {
      if (skipFullCheck) return
      throw new CorruptIndexError(`time index ${this.path} is full`)
    }
    const rel = offset - this.baseOffset
    if (rel < 0 || rel > UINT32_MAX || (count > 0 && offset < last.offset)) {
      throw new CorruptIndexError(
        `entry (${timestamp}, ${offset}) does not fit time index ${this.path}`,
      )
    }
    this.appendEntry((buf, at) => {
      buf.writeInt32BE(Math.floor(timestamp / TWO_32), at)
      buf.writeUInt32BE(timestamp % TWO_32, at + 4)
      buf.writeUInt32BE(rel, at + 8)
    })
  }

  /**
   * The last entry whose timestamp is <= `target`, or (-1, baseOffset) if none: the first batch
   * with max timestamp >= `target` is at or after that entry's offset.
   */
  lookup(target: number): TimestampOffset {
    const slot = floorSearch(this.entries, target, (i) => this.entry(i).timestamp)
    return slot < 0 ? { timestamp: -1, offset: this.baseOffset } : this.entry(slot)
  }

  /** Removes every entry whose offset is >= `offset`. */
  truncateTo(offset: number): void {
    let keep = this.entries
    while (keep > 0 && this.entry(keep - 1).offset >= offset) keep--
    this.truncateToEntries(keep)
  }
}

function decode(buf: Buffer, at: number, baseOffset: number): TimestampOffset {
  return {
    timestamp: buf.readInt32BE(at) * TWO_32 + buf.readUInt32BE(at + 4),
    offset: baseOffset + buf.readUInt32BE(at + 8),
  }
}
