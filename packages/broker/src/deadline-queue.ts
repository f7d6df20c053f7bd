/** An entry of a {@link DeadlineQueue}: its deadline and where the queue keeps it. */
export interface Deadlined {
  /** When the entry expires, on the queue's clock (ms). */
  readonly deadlineMs: number
  /** Position in the queue's heap; -1 when not queued. Owned by the queue. */
  heapIndex: number
}

/** setTimeout's largest delay (about 24.8 days); longer waits re-arm on the way. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * The expiry side of the purgatory: entries ordered by deadline in an indexed binary min-heap,
 * with ONE timer armed for the earliest deadline (not a timer per request). Adding and removing
 * are O(log n); a completed request leaves at once instead of lingering until its deadline.
 * Kafka uses a hierarchical timing wheel (`SystemTimer`) for the same job; a heap gives the same
 * "one timer, cheap insert and cancel" at the request counts a broker holds, with exact
 * deadlines. The timer is unref'd: pending deadlines alone do not keep a process alive.
 */
export class DeadlineQueue<T extends Deadlined> {
  readonly #heap: T[] = []
  readonly #onExpire: (entry: T) => void
  readonly #now: () => number
  #timer: NodeJS.Timeout | undefined
  /** The deadline the timer is armed for. */
  #armedFor = Number.POSITIVE_INFINITY

  /**
   * @param onExpire called for each entry whose deadline passed (already removed from the queue)
   * @param now the clock deadlines are measured on; default `performance.now()` (monotonic)
   */
  constructor(onExpire: (entry: T) => void, now: () => number = () => performance.now()) {
    this.#onExpire = onExpire
    this.#now = now
  }

  get size(): number {
    return this.#heap.length
  }

  add(entry: T): void {
    if (entry.heapIndex >= 0) return
    entry.heapIndex = this.#heap.length
    this.#heap.push(entry)
    this.#up(entry.heapIndex)
    this.#arm()
  }

  /** Removes the entry (a no-op when it is not queued). */
  remove(entry: T): void {
    const i = entry.heapIndex
    if (i < 0 || this.#heap[i] !== entry) return
    const last = this.#heap.pop()!
    entry.heapIndex = -1
    if (last !== entry) {
      this.#heap[i] = last
      last.heapIndex = i
      this.#down(i)
      this.#up(last.heapIndex)
    }
    // The timer stays armed for a deadline that may now be gone: it then fires early, finds
    // nothing due and re-arms, which is cheaper than re-arming on every removal.
    if (this.#heap.length === 0) this.#disarm()
  }

  /** Removes and returns every entry, earliest deadline first, and stops the timer. */
  drain(): T[] {
    this.#disarm()
    const all = [...this.#heap].sort((a, b) => a.deadlineMs - b.deadlineMs)
    for (const e of all) e.heapIndex = -1
    this.#heap.length = 0
    return all
  }

  /** Expires every entry whose deadline has passed, then re-arms for the next one. */
  #fire(): void {
    this.#timer = undefined
    this.#armedFor = Number.POSITIVE_INFINITY
    const now = this.#now()
    while (this.#heap.length > 0 && this.#heap[0]!.deadlineMs <= now) {
      const entry = this.#heap[0]!
      this.remove(entry)
      this.#onExpire(entry)
    }
    this.#arm()
  }

  #arm(): void {
    const first = this.#heap[0]
    if (first === undefined || first.deadlineMs >= this.#armedFor) return
    this.#disarm()
    this.#armedFor = first.deadlineMs
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, Math.ceil(first.deadlineMs - this.#now())))
    this.#timer = setTimeout(() => this.#fire(), delay)
    this.#timer.unref()
  }

  #disarm(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
    this.#armedFor = Number.POSITIVE_INFINITY
  }

  #up(i: number): void {
    const heap = this.#heap
    const entry = heap[i]!
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (heap[parent]!.deadlineMs <= entry.deadlineMs) break
      heap[i] = heap[parent]!
      heap[i]!.heapIndex = i
      i = parent
    }
    heap[i] = entry
    entry.heapIndex = i
  }

  #down(i: number): void {
    const heap = this.#heap
    const n = heap.length
    const entry = heap[i]!
    for (;;) {
      const left = 2 * i + 1
      if (left >= n) break
      const right = left + 1
      const child = right < n && heap[right]!.deadlineMs < heap[left]!.deadlineMs ? right : left
      if (heap[child]!.deadlineMs >= entry.deadlineMs) break
      heap[i] = heap[child]!
      heap[i]!.heapIndex = i
      i = child
    }
    heap[i] = entry
    entry.heapIndex = i
  }
}
