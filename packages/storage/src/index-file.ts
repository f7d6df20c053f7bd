import fs from 'node:fs'
import { CorruptIndexError } from './errors.js'
import { unlinkIfExists, writeAt } from './file-io.js'

/**
 * What the offset and time indexes of a segment share: fixed-size entries kept in a memory
 * buffer that grows on demand, and a file that is brought up to date on {@link flush} (segment
 * roll and log close). The file does not need to be durable between those points: after an
 * unclean stop the segments past the recovery point are re-scanned and their indexes rebuilt, and
 * segments before it were flushed when they rolled.
 *
 * A subclass defines the entry layout, the lookups and the rules for appending; it writes an
 * entry through {@link appendEntry} and reads entries from {@link buf}.
 */
export abstract class IndexFile {
  /** Entries the index may hold: `segment.index.bytes / entrySize`, at least `minEntries`. */
  readonly maxEntries: number
  /** The entries, `entrySize` bytes each; may be longer than the entries it holds. */
  protected buf: Buffer
  private count: number
  /** Leading entries known to be identical in the file. */
  private persisted: number
  /** Entries the file currently holds; -1 when unknown (flush truncates whatever is there). */
  private fileEntries: number

  /**
   * @param maxIndexSize `segment.index.bytes`
   * @param loaded the file's bytes (whole entries); undefined for a new, empty index whose file
   *   is created by the first {@link flush}.
   */
  protected constructor(
    readonly path: string,
    readonly baseOffset: number,
    private readonly entrySize: number,
    maxIndexSize: number,
    minEntries: number,
    loaded?: Buffer,
  ) {
    this.maxEntries = Math.max(minEntries, Math.floor(maxIndexSize / entrySize))
    this.buf = loaded ?? Buffer.alloc(0)
    this.count = this.buf.length / entrySize
    this.persisted = this.count
    this.fileEntries = loaded === undefined ? -1 : this.count
  }

  /**
   * Reads a whole index file. Throws {@link CorruptIndexError} when it is missing or ends in a
   * partial entry; `kind` names the index in the message.
   */
  protected static readEntries(path: string, entrySize: number, kind: string): Buffer {
    let buf: Buffer
    try {
      buf = fs.readFileSync(path)
    } catch (err) {
      throw new CorruptIndexError(`cannot read ${kind} ${path}`, { cause: err })
    }
    if (buf.length % entrySize !== 0) {
      throw new CorruptIndexError(`${kind} ${path} has a partial entry (${buf.length} bytes)`)
    }
    return buf
  }

  /**
   * The bytes of the last entry of an index file (one positioned read, nothing kept), or
   * undefined when the file is missing, empty or has a partial entry.
   */
  protected static readLastEntryBytes(path: string, entrySize: number): Buffer | undefined {
    let fd: number
    try {
      fd = fs.openSync(path, 'r')
    } catch {
      return undefined
    }
    try {
      const size = fs.fstatSync(fd).size
      if (size === 0 || size % entrySize !== 0) return undefined
      const entry = Buffer.allocUnsafe(entrySize)
      if (fs.readSync(fd, entry, 0, entrySize, size - entrySize) !== entrySize) return undefined
      return entry
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
      if (this.fileEntries !== this.count) fs.ftruncateSync(fd, this.persisted * this.entrySize)
      const from = this.persisted * this.entrySize
      const to = this.count * this.entrySize
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

  /**
   * Adds one entry after the last: `write` fills `buf[at, at + entrySize)`. The caller has
   * checked that the entry is in order and that there is room.
   */
  protected appendEntry(write: (buf: Buffer, at: number) => void): void {
    const at = this.count * this.entrySize
    if (at + this.entrySize > this.buf.length) this.grow()
    write(this.buf, at)
    this.count++
  }

  private grow(): void {
    const capacity = Math.min(Math.max(64, this.count * 2), this.maxEntries) * this.entrySize
    const next = Buffer.alloc(Math.max(capacity, (this.count + 1) * this.entrySize))
    this.buf.copy(next, 0, 0, this.count * this.entrySize)
    this.buf = next
  }
}
