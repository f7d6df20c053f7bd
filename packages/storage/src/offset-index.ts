import { floorSearch } from './binary-search.js'
import { CorruptIndexError } from './errors.js'
import { IndexFile } from './index-file.js'

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
 * written on {@link flush} (see {@link IndexFile}).
 */
export class OffsetIndex extends IndexFile {
  private constructor(path: string, baseOffset: number, maxIndexSize: number, loaded?: Buffer) {
    super(path, baseOffset, OFFSET_INDEX_ENTRY_SIZE, maxIndexSize, 1, loaded)
  }

  /** A new, empty index; its file is created by the first {@link flush}. */
  static create(path: string, baseOffset: number, maxIndexSize: number): OffsetIndex {
    return new OffsetIndex(path, baseOffset, maxIndexSize)
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
    const buf = IndexFile.readEntries(path, OFFSET_INDEX_ENTRY_SIZE, 'offset index')
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
    return new OffsetIndex(path, baseOffset, maxIndexSize, buf)
  }

  /**
   * Reads only the last entry of an index file (a positioned read, nothing kept), or returns
   * undefined when the file is missing, empty or has a partial entry.
   */
  static readLastEntry(path: string, baseOffset: number): OffsetPosition | undefined {
    const entry = IndexFile.readLastEntryBytes(path, OFFSET_INDEX_ENTRY_SIZE)
    if (entry === undefined) return undefined
    return { offset: baseOffset + entry.readUInt32BE(0), position: entry.readUInt32BE(4) }
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
    return this.entries === 0
      ? { offset: this.baseOffset, position: 0 }
      : this.entry(this.entries - 1)
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
    if (this.entries > 0) {
      const last = this.entry(this.entries - 1)
      if (offset <= last.offset || position <= last.position) {
        throw new CorruptIndexError(
          `entry (${offset}, ${position}) is not after the last entry (${last.offset}, ${last.position}) of ${this.path}`,
        )
      }
    }
    this.appendEntry((buf, at) => {
      buf.writeUInt32BE(rel, at)
      buf.writeUInt32BE(position, at + 4)
    })
  }

  /**
   * The last entry whose offset is <= `target`, or (baseOffset, 0) when there is none: the batch
   * holding `target` starts at or after the returned position. Binary search, O(log entries).
   */
  lookup(target: number): OffsetPosition {
    const slot = this.floorRelativeOffset(target - this.baseOffset)
    return slot < 0 ? { offset: this.baseOffset, position: 0 } : this.entry(slot)
  }

  /** Removes every entry whose offset is >= `offset`. */
  truncateTo(offset: number): void {
    this.truncateToEntries(this.floorRelativeOffset(offset - this.baseOffset - 1) + 1)
  }

  /** The last slot whose relative offset is <= `rel`, or -1. */
  private floorRelativeOffset(rel: number): number {
    return floorSearch(this.entries, rel, (i) => this.buf.readUInt32BE(i * OFFSET_INDEX_ENTRY_SIZE))
  }
}
