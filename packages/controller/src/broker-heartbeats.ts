/**
 * Broker liveness, in memory only (Kafka's BrokerHeartbeatManager): when each broker was last
 * heard from. Not in the metadata log because it changes every second; what it decides
 * (fencing) is.
 */
export class BrokerHeartbeats {
  readonly #sessionTimeoutMs: number
  readonly #clock: () => number
  /** brokerId -> last contact (ms) and whether that contact reached this controller. */
  readonly #sessions = new Map<number, { lastContactMs: number; contacted: boolean }>()

  constructor(sessionTimeoutMs: number, clock: () => number = Date.now) {
    this.#sessionTimeoutMs = sessionTimeoutMs
    this.#clock = clock
  }

  /** A registration or heartbeat from `brokerId` arrived now. */
  touch(brokerId: number): void {
    this.#sessions.set(brokerId, { lastContactMs: this.#clock(), contacted: true })
  }

  /**
   * Starts a session for a broker known from the log but not yet heard from (after a
   * controller restart): it is fenced if it stays silent for a whole session, but does not
   * count as alive for duplicate-registration checks.
   */
  track(brokerId: number): void {
    if (!this.#sessions.has(brokerId)) {
      this.#sessions.set(brokerId, { lastContactMs: this.#clock(), contacted: false })
    }
  }

  /** Heard from by this controller within the session timeout. */
  isAlive(brokerId: number): boolean {
    const session = this.#sessions.get(brokerId)
    if (!session?.contacted) return false
    return this.#clock() - session.lastContactMs < this.#sessionTimeoutMs
  }

  /** Brokers silent for longer than the session timeout; their sessions end. */
  takeExpired(): number[] {
    const now = this.#clock()
    const expired: number[] = []
    for (const [brokerId, session] of this.#sessions) {
      if (now - session.lastContactMs >= this.#sessionTimeoutMs) expired.push(brokerId)
    }
    for (const brokerId of expired) this.#sessions.delete(brokerId)
    return expired.sort((a, b) => a - b)
  }

  /**
   * Ends a broker's session: it no longer counts as alive, and is not checked for expiry.
   * Used when the broker is fenced for a controlled shutdown, as Kafka's heartbeat manager does
   * not count a fenced broker's session as valid: its restart can register at once.
   */
  remove(brokerId: number): void {
    this.#sessions.delete(brokerId)
  }

  /**
   * Moves every session's last contact `byMs` later, but never past now: the time this
   * controller was not running (e.g. SIGSTOP) does not count as the brokers' silence, since no
   * heartbeat could have reached it. A session touched after the pause keeps its contact time.
   */
  extendSessions(byMs: number): void {
    if (!(byMs > 0)) return
    const now = this.#clock()
    for (const session of this.#sessions.values()) {
      session.lastContactMs = Math.min(now, session.lastContactMs + byMs)
    }
  }
}
