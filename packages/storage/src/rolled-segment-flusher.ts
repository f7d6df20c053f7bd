import type { Logger } from '@samsa/protocol'
import type { Segment } from './segment.js'

/**
 * fsyncs rolled segments off the event loop, as Kafka's roll schedules `flush-log` on its
 * scheduler, and says how far the recovery point may move: up to the end of the rolled segments
 * whose fsync finished, but never past one still pending (fsyncs may finish out of order). A
 * truncation {@link invalidate}s the fsyncs in flight, since the data they cover may be gone or
 * rewritten.
 */
export class RolledSegmentFlusher {
  private readonly pending = new Map<Segment, Promise<void>>()
  private generation = 0
  private flushedUpTo = 0

  /** @param advance called with the offset below which every rolled segment is on disk. */
  constructor(
    private readonly logger: Logger,
    private readonly advance: (offset: number) => void,
  ) {}

  /** Starts fsyncing `segment`, whose last offset is `endOffset - 1`. */
  schedule(segment: Segment, endOffset: number): void {
    const generation = this.generation
    const done = segment.fsyncFiles().then(
      () => this.onFlushed(segment, endOffset, generation),
      (err: unknown) => {
        this.pending.delete(segment)
        this.logger.error(
          { err, segment: segment.logPath },
          'background fsync of a rolled segment failed',
        )
      },
    )
    this.pending.set(segment, done)
  }

  private onFlushed(segment: Segment, endOffset: number, generation: number): void {
    if (!this.pending.delete(segment)) return // flushed synchronously meanwhile
    if (generation !== this.generation) return
    this.flushedUpTo = Math.max(this.flushedUpTo, endOffset)
    let limit = this.flushedUpTo
    for (const other of this.pending.keys()) limit = Math.min(limit, other.baseOffset)
    this.advance(limit)
  }

  /** After a truncation: fsyncs already in flight no longer move the recovery point. */
  invalidate(): void {
    this.generation++
    this.flushedUpTo = 0
  }

  /** fsyncs every pending segment now, blocking (an explicit flush of the whole log). */
  flushSync(): void {
    for (const segment of this.pending.keys()) segment.fsyncFilesSync()
    this.pending.clear()
  }

  /** Resolves when every background fsync has finished. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending.values())
  }
}
