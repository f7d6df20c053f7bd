import { setTimeout as sleep } from 'node:timers/promises'
import { SamsaError } from '@samsa/protocol'
import type { RetryOptions } from './options.js'

/** Hooks for {@link retry}; tests inject `random`. */
export interface RetryHooks {
  /** Called before each wait: the error that failed attempt `attempt` (0-based). */
  onRetry?(error: SamsaError, attempt: number, waitMs: number): void
  /** Ends the waiting early; the last error is thrown. */
  signal?: AbortSignal
  /** Random number in [0, 1). Default Math.random. */
  random?: () => number
}

/**
 * The wait before retry number `retry` (1-based), KafkaJS's formula: the base time grows by
 * `multiplier` per retry from `initialRetryTime`, is randomised by ±`factor`, and is capped at
 * `maxRetryTime`.
 */
export function retryDelay(
  retry: number,
  options: Readonly<Required<RetryOptions>>,
  random: () => number = Math.random,
): number {
  const base = options.initialRetryTime * options.multiplier ** (retry - 1)
  const delta = options.factor * base
  const randomised = Math.ceil(base - delta + random() * 2 * delta)
  return Math.max(0, Math.min(randomised, options.maxRetryTime))
}

/** Whether an error may go away if the request is sent again. */
export function isRetriable(err: unknown): err is SamsaError {
  return err instanceof SamsaError && err.retriable
}

/**
 * Runs `fn` until it resolves, retrying retriable errors with backoff (KafkaJS's retrier).
 * A non-retriable error, or the last error once `retries` are used up, is thrown as is, so
 * callers see the typed error with its Kafka name.
 */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  options: Readonly<Required<RetryOptions>>,
  hooks: RetryHooks = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (err) {
      if (!isRetriable(err) || attempt >= options.retries || hooks.signal?.aborted) throw err
      const waitMs = retryDelay(attempt + 1, options, hooks.random)
      hooks.onRetry?.(err, attempt, waitMs)
      try {
        await sleep(waitMs, undefined, hooks.signal ? { signal: hooks.signal } : undefined)
      } catch {
        throw err
      }
    }
  }
}
