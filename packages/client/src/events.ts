/**
 * Instrumentation events as KafkaJS has them: `on(name, listener)` returns the function that
 * removes the listener. A listener that throws does not disturb the client.
 */
export class Instrumentation<Payloads extends object> {
  readonly #listeners = new Map<keyof Payloads, Set<(event: unknown) => void>>()

  on<E extends keyof Payloads & string>(
    name: E,
    listener: (event: { type: E; timestamp: number; payload: Payloads[E] }) => void,
  ): () => void {
    const set = this.#listeners.get(name) ?? new Set()
    const wrapped = listener as (event: unknown) => void
    set.add(wrapped)
    this.#listeners.set(name, set)
    return () => {
      set.delete(wrapped)
    }
  }

  emit<E extends keyof Payloads & string>(name: E, payload: Payloads[E]): void {
    const set = this.#listeners.get(name)
    if (set === undefined || set.size === 0) return
    const event = { type: name, timestamp: Date.now(), payload }
    for (const listener of [...set]) {
      try {
        listener(event)
      } catch {
        // An observer's bug must not stop the consumer or producer.
      }
    }
  }
}
