/** Retry timing in KafkaJS's vocabulary (`initialRetryTime`, `maxRetryTime`, `multiplier`). */
export interface BackoffOptions {
  /** First delay, in ms. */
  readonly initialMs: number
  /** Largest delay, in ms. */
  readonly maxMs: number
  /** Growth per attempt. Default 2. */
  readonly multiplier?: number
  /** Random spread as a fraction of the delay (0.2 = +/-20%), so brokers do not retry in step. */
  readonly jitter?: number
}

/** Exponential backoff with jitter: `next()` gives the delay before the next attempt. */
export class Backoff {
  readonly #options: Required<BackoffOptions>
  #attempts = 0

  constructor(options: BackoffOptions) {
    this.#options = { multiplier: 2, jitter: 0.2, ...options }
  }

  /** Attempts since the last reset. */
  get attempts(): number {
    return this.#attempts
  }

  next(): number {
    const { initialMs, maxMs, multiplier, jitter } = this.#options
    const base = Math.min(maxMs, initialMs * multiplier ** this.#attempts)
    this.#attempts++
    const spread = base * jitter * (2 * Math.random() - 1)
    return Math.max(0, Math.round(Math.min(maxMs, base + spread)))
  }

  reset(): void {
    this.#attempts = 0
  }
}

/**
 * An interruptible sleep owned by one loop: `sleep(ms)` resolves after `ms`, or as soon as
 * `wake()` is called (to act on news now; a wake that comes while the loop is busy ends its next
 * sleep at once, so news is never lost), or once the sleeper is closed. Never rejects: loops
 * check their own `closed` flag after waking.
 */
export class Sleeper {
  #wake: (() => void) | undefined
  #pending = false
  #closed = false

  sleep(ms: number): Promise<void> {
    if (this.#closed || this.#pending) {
      this.#pending = false
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        if (this.#wake === done) this.#wake = undefined
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.#wake = done
    })
  }

  /** Ends the current sleep, or the next one if the loop is not sleeping. */
  wake(): void {
    if (this.#wake) this.#wake()
    else this.#pending = true
  }

  /** Ends the current sleep and makes every later one return at once. */
  close(): void {
    this.#closed = true
    this.#wake?.()
  }
}
