import fs from 'node:fs'
import { CorruptIndexError } from './errors.js'
import { unlinkIfExists, writeAt } from './file-io.js'

/** Bytes per offset-index entry: relative offset uint32 + file position uint32, big-endian. */
export const OFFSET_INDEX_ENTRY_SIZE = 8

/** An offset and the file position of the batch that starts at it. */
export interface OffsetPosition {
  offset: number
  position: number
}

const UINT32_MAX = 0xffffffff

/**
 * The sparse offset index of one segment (`<base>.index`), as Kafka's `OffsetIndex`: one entry
 * (batch base offset - segment base offset, byte position of that batch in the `.log`) about
 * every `index.interval.bytes` of log. Lookup of offset N finds the last entry <= N; the batch
 * holding N starts at or after that position, found by a short forward scan of batch headers.
 *
 * Entries live in memory (8 bytes per ~4 KiB of log: 2 MiB for a full 1 GiB segment); the file is
 * written on {@link flush} (segment roll and log close). It does not need to be durable between
 * those points: after an unclean stop the segments past the recovery point are re-scanned and
 * their indexes rebuilt, and segments before it were flushed when they rolled.
 */
export class OffsetIndex {
  /** Entries the index may hold before it is full (`segment.index.bytes / 8`). */
  readonly maxEntries: number
  private buf: Buffer
  private count: number
  /** Leading entries known to be identical in the file. */
  private persisted: number
  /** Entries the file currently holds. */
  private fileEntries: number

  private constructor(
    readonly path: string,
    readonly baseOffset: number,
    maxIndexSize: number,
    buf: Buffer,
    count: number,
  ) {
    this.maxEntries = Math.max(1, Math.floor(maxIndexSize / OFFSET_INDEX_ENTRY_SIZE))
    this.buf = buf
    this.count = count
    this.persisted = count
    this.fileEntries = count
  }

  /** A new, empty index; its file is created by the first {@link flush}. */
  static create(path: string, baseOffset: number, maxIndexSize: number): OffsetIndex {
    const index = new OffsetIndex(path, baseOffset, maxIndexSize, Buffer.alloc(0), 0)
    index.fileEntries = -1 // unknown: flush truncates whatever is there
    return index
  }

  /**
   * Loads an index file and checks it against its log: whole entries, offsets and positions
   * strictly increasing, every position inside the log. Throws {@link CorruptIndexError} when
   * the file is missing or fails a check (the caller rebuilds it from the log).
   */
  static load(
    path: string,
    baseOffset: number,
    maxIndexSize: number,
    logSize: number,
  ): OffsetIndex {
    let buf: Buffer
    try {
      buf = fs.readFileSync(path)
    } catch (err) {
      throw new CorruptIndexError(`cannot read offset index ${path}`, { cause: err })
    }
    if (buf.length % OFFSET_INDEX_ENTRY_SIZE !== 0) {
      throw new CorruptIndexError(`offset index ${path} has a partial entry (${buf.length} bytes)`)
    }
    const count = buf.length / OFFSET_INDEX_ENTRY_SIZE
    let lastRel = -1
    let lastPos = -1
    for (let i = 0; i < count; i++) {
      const rel = buf.readUInt32BE(i * OFFSET_INDEX_ENTRY_SIZE)
      const pos = buf.readUInt32BE(i * OFFSET_INDEX_ENTRY_SIZE + 4)
      if (rel <= lastRel || pos <= lastPos || pos >= logSize) {
        throw new CorruptIndexError(
          `offset index ${path} entry ${i} (${rel}, ${pos}) is out of order or past the log (${logSize} bytes)`,
        )
      }
      lastRel = rel
      lastPos = pos
    }
    return new OffsetIndex(path, baseOffset, maxIndexSize, buf, count)
  }

  /**
   * Reads only the last entry of an index file (a positioned read, nothing kept), or returns
   * undefined when the file is missing, empty or has a partial entry.
   */
  static readLastEntry(path: string, baseOffset: number): OffsetPosition | undefined {
    let fd: number
    try {
      fd = fs.openSync(path, 'r')
    } catch {
      return undefined
    }
    try {
      const size = fs.fstatSync(fd).size
      if (size === 0 || size % OFFSET_INDEX_ENTRY_SIZE !== 0) return undefined
      const entry = Buffer.allocUnsafe(OFFSET_INDEX_ENTRY_SIZE)
      if (
        fs.readSync(fd, entry, 0, OFFSET_INDEX_ENTRY_SIZE, size - OFFSET_INDEX_ENTRY_SIZE) !== 8
      ) {
        return undefined
      }
      return { offset: baseOffset + entry.readUInt32BE(0), position: entry.readUInt32BE(4) }
    } finally {
      fs.closeSync(fd)
    }
  }

  /** Number of entries. */
  get entries(): number {
    return this.count
  }

  /** Bytes of memory the entries take. */
  get sizeInBytes(): number {
    return this.buf.length
  }

  /** True when no entry can be added: the segment must roll. */
  isFull(): boolean {
    return this.count >= this.maxEntries
  }

  /** Entry `i` (0-based) with the absolute offset. */
  entry(i: number): OffsetPosition {
    const at = i * OFFSET_INDEX_ENTRY_SIZE
    return {
      offset: this.baseOffset + this.buf.readUInt32BE(at),
      position: this.buf.readUInt32BE(at + 4),
    }
  }

  /** The last entry, or (baseOffset, 0) when empty. */
  lastEntry(): OffsetPosition {
    return this.count === 0 ? { offset: this.baseOffset, position: 0 } : this.entry(this.count - 1)
  }

  /**
   * Adds an entry. Offsets and positions must grow strictly and the offset must fit in a
   * uint32 relative to the base (the segment rolls before it would not).
   */
  append(offset: number, position: number): void {
    const rel = offset - this.baseOffset
    if (this.isFull()) throw new CorruptIndexError(`offset index ${this.path} is full`)
    if (rel < 0 || rel > UINT32_MAX || position < 0 || position > UINT32_MAX) {
      throw new CorruptIndexError(
        `entry (${offset}, ${position}) does not fit offset index ${this.path}`,
      )
    }
    if (this.count > 0) {
      const last = this.entry(this.count - 1)
      if (offset <= last.offset || position <= last.position) {
        throw new CorruptIndexError(
          `entry (${offset}, ${position}) is not after the last entry (${last.offset}, ${last.position}) of ${this.path}`,
        )
      }
    }
    const at = this.count * OFFSET_INDEX_ENTRY_SIZE
    if (at + OFFSET_INDEX_ENTRY_SIZE > this.buf.length) this.grow()
    this.buf.writeUInt32BE(rel, at)
    this.buf.writeUInt32BE(position, at + 4)
    this.count++
  }

  /**
   * The last entry whose offset is <= `target`, or (baseOffset, 0) when there is none: the batch
   * holding `target` starts at or after the returned position. Binary search, O(log entries).
   */
  lookup(target: number): OffsetPosition {
    const slot = this.largestLowerBound(target - this.baseOffset)
    return slot < 0 ? { offset: this.baseOffset, position: 0 } : this.entry(slot)
  }

  /** Removes every entry whose offset is >= `offset`. */
  truncateTo(offset: number): void {
    const slot = this.largestLowerBound(offset - this.baseOffset - 1)
    this.truncateToEntries(slot + 1)
  }

  /** Keeps the first `entries` entries. */
  truncateToEntries(entries: number): void {
    if (entries >= this.count) return
    this.count = Math.max(0, entries)
    this.persisted = Math.min(this.persisted, this.count)
  }

  /** Removes every entry. */
  reset(): void {
    this.truncateToEntries(0)
  }

  /**
   * Brings the file up to date with memory (only what changed is written) and, when `sync`,
   * fsyncs it. Creates the file if needed.
   */
  flush(sync = true): void {
    if (this.persisted === this.count && this.fileEntries === this.count) return
    const fd = fs.openSync(this.path, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644)
    try {
      if (this.fileEntries !== this.count)
        fs.ftruncateSync(fd, this.persisted * OFFSET_INDEX_ENTRY_SIZE)
      const from = this.persisted * OFFSET_INDEX_ENTRY_SIZE
      const to = this.count * OFFSET_INDEX_ENTRY_SIZE
      if (to > from) writeAt(fd, this.buf, from, to - from, from)
      if (sync) fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    this.persisted = this.count
    this.fileEntries = this.count
  }

  /** Deletes the file (the in-memory entries stay usable until dropped). */
  deleteFile(): void {
    unlinkIfExists(this.path)
    this.persisted = 0
    this.fileEntries = -1
  }

  private largestLowerBound(rel: number): number {
    let lo = 0
    let hi = this.count - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      if (this.buf.readUInt32BE(mid * OFFSET_INDEX_ENTRY_SIZE) <= rel) {
        found = mid
        lo = mid + 1
      } else {
        hi = mid - 1
      }
    }
    return found
  }

  private grow(): void {
    const capacity =
      Math.min(Math.max(64, this.count * 2), this.maxEntries) * OFFSET_INDEX_ENTRY_SIZE
    const next = Buffer.alloc(Math.max(capacity, (this.count + 1) * OFFSET_INDEX_ENTRY_SIZE))
    this.buf.copy(next, 0, 0, this.count * OFFSET_INDEX_ENTRY_SIZE)
    this.buf = next
  }
}
