import fs from 'node:fs'
import type { Segment } from './segment.js'

/** Bounds of a {@link SegmentCache}. */
export interface SegmentCacheOptions {
  /**
   * Inactive segments that may keep their `.log` fd open at once. Default: a quarter of the
   * process's open-file limit, between 64 and 1024 (1024 when the limit cannot be read).
   */
  maxOpenSegments?: number
  /** Memory the loaded indexes of inactive segments may take. Default 64 MiB. */
  maxIndexBytes?: number
}

/**
 * Two LRUs over the inactive segments of one or more logs: one of open `.log` fds, bounded in
 * number, and one of loaded indexes, bounded in bytes. Reading an inactive segment opens what it
 * needs and touches the cache; the least recently used segments close their fd or drop their
 * indexes past a bound. So fds and index memory stay bounded however many segments (and
 * partitions) exist, while the segments being read stay open. Indexes are small (8 bytes per
 * ~4 KiB of log), so far more segments keep an index than an fd, and a segment whose fd was
 * closed costs one open() to read again. The active segment of each log is never in the cache.
 * One cache may be shared by every log of a {@link LogManager}; its creator calls {@link clear}.
 */
export class SegmentCache {
  readonly maxOpenSegments: number
  readonly maxIndexBytes: number
  private readonly fds = new Set<Segment>()
  private readonly indexes = new Map<Segment, number>()
  private indexBytes = 0

  constructor(options: SegmentCacheOptions = {}) {
    this.maxOpenSegments = Math.max(1, options.maxOpenSegments ?? defaultMaxOpenSegments())
    this.maxIndexBytes = Math.max(0, options.maxIndexBytes ?? 64 * 1024 * 1024)
  }

  /** Segments currently holding an fd or indexes. */
  get size(): number {
    const all = new Set(this.fds)
    for (const s of this.indexes.keys()) all.add(s)
    return all.size
  }

  /** Marks `segment` most recently used (after it loaded what it needed) and evicts past the bounds. */
  touch(segment: Segment): void {
    this.fds.delete(segment)
    if (segment.hasOpenFd) this.fds.add(segment)
    const previous = this.indexes.get(segment)
    if (previous !== undefined) {
      this.indexes.delete(segment)
      this.indexBytes -= previous
    }
    const weight = segment.resourceBytes
    if (weight > 0) {
      this.indexes.set(segment, weight)
      this.indexBytes += weight
    }
    for (const victim of this.fds) {
      if (this.fds.size <= this.maxOpenSegments) break
      if (victim === segment) continue
      this.fds.delete(victim)
      victim.closeFd()
    }
    for (const [victim, bytes] of this.indexes) {
      if (this.indexBytes <= this.maxIndexBytes) break
      if (victim === segment) continue
      this.indexes.delete(victim)
      this.indexBytes -= bytes
      victim.releaseIndexes()
    }
  }

  /** Forgets `segment` without releasing it (it became active, or is being deleted or closed). */
  remove(segment: Segment): void {
    this.fds.delete(segment)
    const bytes = this.indexes.get(segment)
    if (bytes === undefined) return
    this.indexes.delete(segment)
    this.indexBytes -= bytes
  }

  /** Releases every cached segment's fd and indexes. */
  clear(): void {
    for (const segment of this.fds) segment.releaseResources()
    for (const segment of this.indexes.keys()) segment.releaseResources()
    this.fds.clear()
    this.indexes.clear()
    this.indexBytes = 0
  }
}

/**
 * A quarter of the soft open-file limit (Linux `/proc/self/limits`), clamped to [64, 1024]; the
 * rest is left to active segments, sockets and everything else the process opens.
 */
function defaultMaxOpenSegments(): number {
  try {
    const limits = fs.readFileSync('/proc/self/limits', 'utf8')
    const soft = /^Max open files\s+(\d+)/m.exec(limits)?.[1]
    if (soft !== undefined) return Math.min(1024, Math.max(64, Math.floor(Number(soft) / 4)))
  } catch {
    // Not Linux: fall through.
  }
  return 1024
}
