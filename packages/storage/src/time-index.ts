import fs from 'node:fs'
import { CorruptIndexError } from './errors.js'
import { unlinkIfExists, writeAt } from './file-io.js'

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
export class TimeIndex {
  /** `segment.index.bytes / 12`. */
  readonly maxEntries: number
  private buf: Buffer
  private count: number
  private persisted: number
  private fileEntries: number

  private constructor(
    readonly path: string,
    readonly baseOffset: number,
    maxIndexSize: number,
    buf: Buffer,
    count: number,
  ) {
    this.maxEntries = Math.max(2, Math.floor(maxIndexSize / TIME_INDEX_ENTRY_SIZE))
    this.buf = buf
    this.count = count
    this.persisted = count
    this.fileEntries = count
  }

  /** A new, empty index; its file is created by the first {@link flush}. */
  static create(path: string, baseOffset: number, maxIndexSize: number): TimeIndex {
    const index = new TimeIndex(path, baseOffset, maxIndexSize, Buffer.alloc(0), 0)
    index.fileEntries = -1
    return index
  }

  /**
   * Loads a time-index file. Throws {@link CorruptIndexError} when it is missing, has a partial
   * entry or goes backwards (the caller rebuilds it from the log).
   */
  static load(path: string, baseOffset: number, maxIndexSize: number): TimeIndex {
    let buf: Buffer
    try {
      buf = fs.readFileSync(path)
    } catch (err) {
      throw new CorruptIndexError(`cannot read time index ${path}`, { cause: err })
    }
    if (buf.length % TIME_INDEX_ENTRY_SIZE !== 0) {
      throw new CorruptIndexError(`time index ${path} has a partial entry (${buf.length} bytes)`)
    }
    const index = new TimeIndex(
      path,
      baseOffset,
      maxIndexSize,
      buf,
      buf.length / TIME_INDEX_ENTRY_SIZE,
    )
    let last: TimestampOffset | undefined
    for (let i = 0; i < index.count; i++) {
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
    let fd: number
    try {
      fd = fs.openSync(path, 'r')
    } catch {
      return undefined
    }
    try {
      const size = fs.fstatSync(fd).size
      if (size === 0 || size % TIME_INDEX_ENTRY_SIZE !== 0) return undefined
      const buf = Buffer.allocUnsafe(TIME_INDEX_ENTRY_SIZE)
      if (fs.readSync(fd, buf, 0, TIME_INDEX_ENTRY_SIZE, size - TIME_INDEX_ENTRY_SIZE) !== 12) {
        return undefined
      }
      return decode(buf, 0, baseOffset)
    } finally {
      fs.closeSync(fd)
    }
  }

  get entries(): number {
    return this.count
  }

  get sizeInBytes(): number {
    return this.buf.length
  }

  /** True one entry early: the last slot is kept for the entry written on roll. */
  isFull(): boolean {
    return this.count >= this.maxEntries - 1
  }

  entry(i: number): TimestampOffset {
    return decode(this.buf, i * TIME_INDEX_ENTRY_SIZE, this.baseOffset)
  }

  /** The last entry, or (-1, baseOffset) when empty. */
  lastEntry(): TimestampOffset {
    return this.count === 0
      ? { timestamp: -1, offset: this.baseOffset }
      : this.entry(this.count - 1)
  }

  /**
   * Appends (timestamp, offset) if the timestamp is larger than the last entry's. With
   * `skipFullCheck` (the final entry on roll/close) the reserved last slot may be used.
   */
  maybeAppend(timestamp: number, offset: number, skipFullCheck = false): void {
    if (timestamp < 0) return
    const last = this.lastEntry()
    if (this.count > 0 && timestamp <= last.timestamp) return
    if (this.count >= this.maxEntries || (!skipFullCheck && this.isFull())) {
      if (skipFullCheck) return
      throw new CorruptIndexError(`time index ${this.path} is full`)
    }
    const rel = offset - this.baseOffset
    if (rel < 0 || rel > UINT32_MAX || (this.count > 0 && offset < last.offset)) {
      throw new CorruptIndexError(
        `entry (${timestamp}, ${offset}) does not fit time index ${this.path}`,
      )
    }
    const at = this.count * TIME_INDEX_ENTRY_SIZE
    if (at + TIME_INDEX_ENTRY_SIZE > this.buf.length) this.grow()
    this.buf.writeInt32BE(Math.floor(timestamp / TWO_32), at)
    this.buf.writeUInt32BE(timestamp % TWO_32, at + 4)
    this.buf.writeUInt32BE(rel, at + 8)
    this.count++
  }

  /**
   * The last entry whose timestamp is <= `target`, or (-1, baseOffset) if none: the first batch
   * with max timestamp >= `target` is at or after that entry's offset.
   */
  lookup(target: number): TimestampOffset {
    let lo = 0
    let hi = this.count - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      if (this.entry(mid).timestamp <= target) {
        found = mid
        lo = mid + 1
      } else {
        hi = mid - 1
      }
    }
    return found < 0 ? { timestamp: -1, offset: this.baseOffset } : this.entry(found)
  }

  /** Removes every entry whose offset is >= `offset`. */
  truncateTo(offset: number): void {
    let keep = this.count
    while (keep > 0 && this.entry(keep - 1).offset >= offset) keep--
    this.truncateToEntries(keep)
  }

  truncateToEntries(entries: number): void {
    if (entries >= this.count) return
    this.count = Math.max(0, entries)
    this.persisted = Math.min(this.persisted, this.count)
  }

  reset(): void {
    this.truncateToEntries(0)
  }

  /** Writes what changed to the file and, when `sync`, fsyncs it. */
  flush(sync = true): void {
    if (this.persisted === this.count && this.fileEntries === this.count) return
    const fd = fs.openSync(this.path, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644)
    try {
      if (this.fileEntries !== this.count)
        fs.ftruncateSync(fd, this.persisted * TIME_INDEX_ENTRY_SIZE)
      const from = this.persisted * TIME_INDEX_ENTRY_SIZE
      const to = this.count * TIME_INDEX_ENTRY_SIZE
      if (to > from) writeAt(fd, this.buf, from, to - from, from)
      if (sync) fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    this.persisted = this.count
    this.fileEntries = this.count
  }

  deleteFile(): void {
    unlinkIfExists(this.path)
    this.persisted = 0
    this.fileEntries = -1
  }

  private grow(): void {
    const capacity = Math.min(Math.max(64, this.count * 2), this.maxEntries) * TIME_INDEX_ENTRY_SIZE
    const next = Buffer.alloc(Math.max(capacity, (this.count + 1) * TIME_INDEX_ENTRY_SIZE))
    this.buf.copy(next, 0, 0, this.count * TIME_INDEX_ENTRY_SIZE)
    this.buf = next
  }
}

function decode(buf: Buffer, at: number, baseOffset: number): TimestampOffset {
  return {
    timestamp: buf.readInt32BE(at) * TWO_32 + buf.readUInt32BE(at + 4),
    offset: baseOffset + buf.readUInt32BE(at + 8),
  }
}
