import { type Deadlined, DeadlineQueue } from './deadline-queue.js'
import type { Logger } from './logger.js'

/**
 * A request that waits for a condition (Kafka's DelayedOperation): an acks=-1 produce waits for
 * the high watermark, a long-poll fetch for bytes. It completes exactly once: when
 * {@link tryComplete} finds its condition met (checked when one of its watch keys changes),
 * when its deadline passes, when its purgatory shuts down, or never (it is cancelled) when the
 * caller went away.
 */
export abstract class DelayedOperation implements Deadlined {
  readonly deadlineMs: number
  heapIndex = -1
  #completed = false
  #purgatory: DelayedOperationPurgatory<DelayedOperation> | undefined
  #keys: readonly string[] = []

  /** @param deadlineMs when it expires, on its purgatory's clock */
  constructor(deadlineMs: number) {
    this.deadlineMs = deadlineMs
  }

  get isCompleted(): boolean {
    return this.#completed
  }

  /**
   * Checks the condition and, when it is met, calls {@link forceComplete}; returns whether the
   * operation completed. Called on registration and whenever a watch key changes; must be cheap
   * when nothing is new.
   */
  abstract tryComplete(): boolean

  /** Sends the answer: the condition was met, or time ran out (the subclass tells which). */
  protected abstract onComplete(): void

  /** {@link onComplete} threw (a bug): answer the caller with this error instead. */
  protected abstract onCompleteFailed(err: unknown): void

  /**
   * Completes now, whatever the condition: stops watching and expiring, then answers once.
   * Returns false when it had already completed (or was cancelled).
   */
  forceComplete(): boolean {
    if (this.#completed) return false
    this.#completed = true
    this.#detach()
    try {
      this.onComplete()
    } catch (err) {
      this.onCompleteFailed(err)
    }
    return true
  }

  /** The caller went away: stop watching and expiring, and never answer. */
  cancel(): void {
    if (this.#completed) return
    this.#completed = true
    this.#detach()
  }

  /** @internal Registration by the purgatory. */
  attach(purgatory: DelayedOperationPurgatory<DelayedOperation>, keys: readonly string[]): void {
    this.#purgatory = purgatory
    this.#keys = keys
  }

  #detach(): void {
    const purgatory = this.#purgatory
    if (purgatory === undefined) return
    this.#purgatory = undefined
    purgatory.unwatch(this, this.#keys)
  }
}

/**
 * Where delayed operations wait (Kafka's DelayedOperationPurgatory): each is watched under keys
 * (a partition) and kept in a deadline queue with one timer. `checkAndComplete(key)` re-checks
 * the operations watching a key when something about it changed (the partition's high watermark
 * moved, its log grew, its leadership changed). A completed operation leaves every watch list and
 * the deadline queue at once, so nothing lingers and no periodic purge is needed.
 */
export class DelayedOperationPurgatory<T extends DelayedOperation> {
  readonly name: string
  readonly #watchers = new Map<string, Set<T>>()
  readonly #deadlines: DeadlineQueue<T>
  readonly #log: Logger
  readonly #now: () => number
  #closed = false

  /** @param now the clock deadlines are measured on; default `performance.now()` (monotonic) */
  constructor(name: string, logger: Logger, now: () => number = () => performance.now()) {
    this.name = name
    this.#log = logger
    this.#now = now
    this.#deadlines = new DeadlineQueue<T>((op) => this.#expire(op), now)
  }

  /** The purgatory's clock, for computing deadlines. */
  now(): number {
    return this.#now()
  }

  /** Operations waiting. */
  get size(): number {
    return this.#deadlines.size
  }

  /** Operations watching `key`. */
  watching(key: string): number {
    return this.#watchers.get(key)?.size ?? 0
  }

  /**
   * Completes the operation at once if it can; otherwise watches it under `keys` until it
   * completes or expires. Returns whether it completed now. After {@link shutdown}, an
   * operation that cannot complete at once is completed anyway (it never waits).
   */
  tryCompleteElseWatch(op: T, keys: readonly string[]): boolean {
    if (this.#safeTryComplete(op)) return true
    if (this.#closed || op.deadlineMs <= this.#now()) {
      op.forceComplete()
      return true
    }
    op.attach(this as unknown as DelayedOperationPurgatory<DelayedOperation>, keys)
    for (const key of keys) {
      let set = this.#watchers.get(key)
      if (set === undefined) {
        set = new Set()
        this.#watchers.set(key, set)
      }
      set.add(op)
    }
    this.#deadlines.add(op)
    return false
  }

  /** Re-checks the operations watching `key`; returns how many completed. */
  checkAndComplete(key: string): number {
    const set = this.#watchers.get(key)
    if (set === undefined) return 0
    let completed = 0
    // Completing removes an operation from this set while we iterate it, which a JS Set allows.
    for (const op of set) {
      if (!op.isCompleted && this.#safeTryComplete(op)) completed++
    }
    return completed
  }

  /** Completes every waiting operation now (they answer with what they have) and stops the timer. */
  shutdown(): void {
    this.#closed = true
    for (const op of this.#deadlines.drain()) op.forceComplete()
    this.#watchers.clear()
  }

  /** @internal Called by an operation that completed or was cancelled. */
  unwatch(op: DelayedOperation, keys: readonly string[]): void {
    for (const key of keys) {
      const set = this.#watchers.get(key)
      if (set === undefined) continue
      set.delete(op as T)
      if (set.size === 0) this.#watchers.delete(key)
    }
    this.#deadlines.remove(op as T)
  }

  #expire(op: T): void {
    op.forceComplete()
  }

  /** tryComplete must never break the loop that called it: a throw completes the operation. */
  #safeTryComplete(op: T): boolean {
    try {
      return op.tryComplete()
    } catch (err) {
      this.#log.error({ err, purgatory: this.name }, 'delayed operation check failed')
      op.forceComplete()
      return true
    }
  }
}
