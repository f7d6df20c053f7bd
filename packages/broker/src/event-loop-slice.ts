import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * A long loop of synchronous work (opening a thousand partition logs) would hold the event loop
 * for seconds: heartbeats miss their turn and the controller fences the broker. A slice gives
 * timers and I/O a turn whenever the loop has run for `sliceMs` since the last one.
 */
export class EventLoopSlice {
  #since = performance.now()

  constructor(private readonly sliceMs = 20) {}

  /** Yields to the event loop once this slice is used up; otherwise returns at once. */
  async yieldIfDue(): Promise<void> {
    if (performance.now() - this.#since < this.sliceMs) return
    await nextTurn()
    this.#since = performance.now()
  }
}
