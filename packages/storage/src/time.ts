/** A clock in epoch milliseconds. Inject one in tests (segment.ms, retention.ms, flush.ms). */
export interface Time {
  now(): number
}

/** The wall clock (`Date.now()`). */
export const systemTime: Time = Object.freeze({ now: () => Date.now() })
