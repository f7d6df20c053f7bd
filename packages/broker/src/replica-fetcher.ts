import { createBrokerClient, errorNameOf, type pb, unary } from '@samsa/protocol'
import { Backoff, Sleeper } from './backoff.js'
import type { Logger } from './logger.js'
import { type Partition, partitionKey } from './partition-state.js'

/** How followers fetch (Kafka's `replica.fetch.*` settings). */
export interface ReplicaFetchSettings {
  /** `replica.fetch.wait.max.ms`: how long the leader may hold a fetch waiting for data. */
  readonly maxWaitMs: number
  /** `replica.fetch.min.bytes`: the bytes a fetch waits for before the leader answers. */
  readonly minBytes: number
  /** `replica.fetch.max.bytes`: per partition (the first batch comes whatever its size, KIP-74). */
  readonly partitionMaxBytes: number
  /** Bound on a whole response (Kafka's `replica.fetch.response.max.bytes`). */
  readonly responseMaxBytes: number
  /** Backoff after a failed fetch or a partition error (Kafka's `replica.fetch.backoff.ms`). */
  readonly backoffMs: number
}

/** Kafka's defaults. */
export const DEFAULT_REPLICA_FETCH_SETTINGS: ReplicaFetchSettings = {
  maxWaitMs: 500,
  minBytes: 1,
  partitionMaxBytes: 1024 * 1024,
  responseMaxBytes: 10 * 1024 * 1024,
  backoffMs: 1_000,
}

export interface ReplicaFetcherOptions {
  readonly brokerId: number
  /** The source leader this fetcher pulls from. */
  readonly leaderId: number
  /** This broker's epoch (FetchRequest.replica_epoch); -1 while not registered. */
  readonly brokerEpoch: () => number
  /** The leader's `host:port` as the metadata has it now; undefined when unknown. */
  readonly leaderAddress: () => string | undefined
  readonly settings: ReplicaFetchSettings
  readonly logger: Logger
}

/** One followed partition, under the leader epoch it is fetched with. */
class FetchState {
  /** No fetch before this time (ms since the epoch): backing off after an error. */
  delayedUntil = 0
  readonly backoff: Backoff

  constructor(
    readonly replica: Partition,
    readonly leaderEpoch: number,
    backoffMs: number,
  ) {
    this.backoff = new Backoff({ initialMs: Math.min(50, backoffMs), maxMs: backoffMs })
  }

  get key(): string {
    return partitionKey(this.replica.topic, this.replica.partition)
  }

  delay(): void {
    this.delayedUntil = Date.now() + this.backoff.next()
  }
}

/**
 * Pulls every partition this broker follows from one leader in one long-polling Fetch at a time
 * (Kafka's ReplicaFetcherThread): each partition asks from its log end offset, with the epoch of
 * its last batch so the leader can say where the logs diverged (KIP-320/KIP-595), and under the
 * leader epoch it follows. The leader's batches are appended as they are (`appendAsFollower`:
 * no re-encoding, same offsets and epochs); the follower's high watermark becomes
 * min(leader's, own log end offset). A diverged partition is truncated (see
 * {@link divergenceTruncationOffset}) and fetched again at once.
 *
 * Errors: a partition refused with NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH,
 * UNKNOWN_LEADER_EPOCH, ... backs off until the metadata moves it (the manager then replaces its
 * state); a failed request (leader down) is retried with backoff. Owns its gRPC client, its loop
 * and the request in flight; {@link close} ends all three.
 */
export class ReplicaFetcher {
  readonly #o: ReplicaFetcherOptions
  readonly #log: Logger
  readonly #states = new Map<string, FetchState>()
  readonly #sleeper = new Sleeper()
  readonly #requestBackoff: Backoff
  #client: pb.BrokerServiceClient | undefined
  #clientAddress: string | undefined
  #inFlight: AbortController | undefined
  #loop: Promise<void> | undefined
  #closed = false
  #paused = false

  constructor(options: ReplicaFetcherOptions) {
    this.#o = options
    this.#log = options.logger.child({ leaderId: options.leaderId })
    const backoffMs = options.settings.backoffMs
    this.#requestBackoff = new Backoff({ initialMs: Math.min(50, backoffMs), maxMs: backoffMs })
  }

  get leaderId(): number {
    return this.#o.leaderId
  }

  /** How many partitions it fetches. */
  get size(): number {
    return this.#states.size
  }

  /** The partitions fetched, by key, with the leader epoch each follows. */
  partitions(): Array<{ key: string; leaderEpoch: number }> {
    return [...this.#states.values()].map((s) => ({ key: s.key, leaderEpoch: s.leaderEpoch }))
  }

  /** Starts (or restarts, under a new epoch) fetching these partitions. */
  addPartitions(list: ReadonlyArray<{ replica: Partition; leaderEpoch: number }>): void {
    for (const { replica, leaderEpoch } of list) {
      const state = new FetchState(replica, leaderEpoch, this.#o.settings.backoffMs)
      this.#states.set(state.key, state)
    }
    if (list.length > 0) this.#sleeper.wake()
    this.#start()
  }

  /** Stops fetching these partitions; an answer in flight for them is dropped. */
  removePartitions(keys: readonly string[]): void {
    for (const key of keys) this.#states.delete(key)
  }

  /** Stops fetching without forgetting anything (a stalled follower, for tests and operators). */
  pause(): void {
    this.#paused = true
    this.#inFlight?.abort()
  }

  resume(): void {
    this.#paused = false
    this.#sleeper.wake()
  }

  /** Stops the loop, cancels the fetch in flight and closes the client. Idempotent. */
  async close(): Promise<void> {
    this.#closed = true
    this.#sleeper.close()
    this.#inFlight?.abort()
    await this.#loop
    this.#client?.close()
    this.#client = undefined
  }

  #start(): void {
    if (this.#loop !== undefined || this.#closed) return
    this.#loop = this.#run().catch((err: unknown) => {
      this.#log.error({ err }, 'replica fetcher loop failed')
    })
  }

  async #run(): Promise<void> {
    while (!this.#closed) {
      if (this.#paused || this.#states.size === 0) {
        await this.#sleeper.sleep(60_000)
        continue
      }
      const now = Date.now()
      const ready = [...this.#states.values()].filter((s) => s.delayedUntil <= now)
      if (ready.length === 0) {
        const next = Math.min(...[...this.#states.values()].map((s) => s.delayedUntil))
        await this.#sleeper.sleep(Math.max(1, next - now))
        continue
      }
      const client = this.#clientFor(this.#o.leaderAddress())
      if (client === undefined) {
        await this.#sleeper.sleep(this.#requestBackoff.next())
        continue
      }
      const sent = ready.filter((s) => !s.replica.log.isClosed)
      const abort = new AbortController()
      this.#inFlight = abort
      let response: pb.FetchResponse__Output
      try {
        response = await unary(client, client.fetch, this.#request(sent), {
          timeoutMs: this.#o.settings.maxWaitMs + 10_000,
          signal: abort.signal,
        })
      } catch (err) {
        if (this.#closed || this.#paused) continue
        const wait = this.#requestBackoff.next()
        const level = this.#requestBackoff.attempts === 1 ? 'info' : 'debug'
        this.#log[level]({ err, retryInMs: wait }, 'replica fetch failed; retrying')
        await this.#sleeper.sleep(wait)
        continue
      } finally {
        this.#inFlight = undefined
      }
      this.#requestBackoff.reset()
      if (this.#closed || this.#paused) continue
      if (response.error !== null && response.error.code !== 0) {
        // STALE_BROKER_EPOCH: this broker re-registered and the leader has not seen it yet.
        this.#log.info({ error: response.error }, 'replica fetch refused; backing off')
        for (const s of sent) s.delay()
        continue
      }
      const byKey = new Map(sent.map((s) => [s.key, s]))
      for (const t of response.topics) {
        for (const p of t.partitions) {
          const state = byKey.get(partitionKey(t.topic, p.partition))
          if (state !== undefined) await this.#handle(client, state, p)
        }
      }
    }
  }

  /** Whether `state` is still what this fetcher follows (not removed, replaced or led here). */
  #current(state: FetchState): boolean {
    const r = state.replica
    return (
      !this.#closed &&
      this.#states.get(state.key) === state &&
      !r.isRemoved &&
      !r.isLeader &&
      !r.log.isClosed
    )
  }

  async #handle(
    client: pb.BrokerServiceClient,
    state: FetchState,
    p: pb.FetchPartitionResponse__Output,
  ): Promise<void> {
    if (!this.#current(state)) return
    const r = state.replica
    const fields = { topic: r.topic, partition: r.partition, leaderEpoch: state.leaderEpoch }
    const code = p.error?.code ?? 0
    if (code !== 0) {
      const name = errorNameOf(code)
      if (name === 'OFFSET_OUT_OF_RANGE') {
        await this.#handleOutOfRange(client, state)
        return
      }
      // NOT_LEADER_OR_FOLLOWER / FENCED_LEADER_EPOCH / UNKNOWN_LEADER_EPOCH /
      // UNKNOWN_TOPIC_OR_PARTITION: the metadata will move this partition; meanwhile back off.
      this.#log.debug({ ...fields, error: name, message: p.error?.message }, 'fetch refused')
      state.delay()
      return
    }
    if (p.divergingEpoch !== null) {
      const leo = r.log.logEndOffset
      const target = divergenceTruncationOffset(r, p.divergingEpoch)
      if (target >= leo) {
        state.delay() // nothing to cut: the leader will say where to go next
        return
      }
      this.#truncate(state, target, `diverged from the leader at epoch ${p.divergingEpoch.epoch}`)
      return
    }
    try {
      if (p.records.length > 0) r.log.appendAsFollower(p.records)
    } catch (err) {
      this.#log.warn({ ...fields, err }, 'could not append the leader batches; backing off')
      state.delay()
      return
    }
    r.updateFollowerHighWatermark(Number(p.highWatermark))
    state.backoff.reset()
  }

  #truncate(state: FetchState, offset: number, why: string): void {
    const r = state.replica
    const from = r.log.logEndOffset
    const hw = r.highWatermark
    const leo = r.truncateTo(offset)
    const fields = { topic: r.topic, partition: r.partition, leaderEpoch: state.leaderEpoch }
    if (leo < hw) {
      this.#log.warn({ ...fields, from, to: leo, highWatermark: hw, why }, 'truncated below HW')
    } else {
      this.#log.info({ ...fields, from, to: leo, why }, 'truncated log to the leader')
    }
  }

  /**
   * The leader could not serve the fetch offset (Kafka's handleOffsetOutOfRange): past the
   * leader's log end, truncate to it; below the leader's log start, restart the log there.
   */
  async #handleOutOfRange(client: pb.BrokerServiceClient, state: FetchState): Promise<void> {
    const r = state.replica
    let leaderEnd: number
    let leaderStart: number
    try {
      leaderEnd = await this.#listOffset(client, state, -1)
      leaderStart = await this.#listOffset(client, state, -2)
    } catch (err) {
      this.#log.debug({ err, topic: r.topic, partition: r.partition }, 'ListOffsets failed')
      state.delay()
      return
    }
    if (!this.#current(state)) return
    const leo = r.log.logEndOffset
    if (leaderEnd < leo) {
      this.#truncate(state, leaderEnd, 'the leader log ends before this one')
    } else if (leo < leaderStart) {
      this.#log.info(
        { topic: r.topic, partition: r.partition, from: leo, to: leaderStart },
        'log behind the leader log start: restarting it there',
      )
      r.truncateFullyAndStartAt(leaderStart)
    } else {
      state.delay()
    }
  }

  async #listOffset(
    client: pb.BrokerServiceClient,
    state: FetchState,
    timestamp: number,
  ): Promise<number> {
    const r = state.replica
    const res = await unary(
      client,
      client.listOffsets,
      {
        replicaId: this.#o.brokerId,
        topics: [
          {
            topic: r.topic,
            partitions: [
              {
                partition: r.partition,
                currentLeaderEpoch: state.leaderEpoch,
                timestamp: String(timestamp),
              },
            ],
          },
        ],
      },
      { timeoutMs: 10_000 },
    )
    const p = res.topics[0]?.partitions[0]
    if (p === undefined || (p.error !== null && p.error.code !== 0)) {
      throw new Error(`ListOffsets ${timestamp}: ${p?.error?.message ?? 'no answer'}`)
    }
    return Number(p.offset)
  }

  #request(states: readonly FetchState[]): pb.FetchRequest {
    const s = this.#o.settings
    const topics = new Map<string, pb.FetchPartition[]>()
    for (const state of states) {
      const log = state.replica.log
      let list = topics.get(state.replica.topic)
      if (list === undefined) {
        list = []
        topics.set(state.replica.topic, list)
      }
      list.push({
        partition: state.replica.partition,
        currentLeaderEpoch: state.leaderEpoch,
        fetchOffset: String(log.logEndOffset),
        lastFetchedEpoch: log.latestEpoch() ?? -1,
        logStartOffset: String(log.logStartOffset),
        partitionMaxBytes: s.partitionMaxBytes,
      })
    }
    return {
      replicaId: this.#o.brokerId,
      replicaEpoch: String(this.#o.brokerEpoch()),
      maxWaitMs: s.maxWaitMs,
      minBytes: s.minBytes,
      maxBytes: Math.max(s.responseMaxBytes, s.partitionMaxBytes),
      topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })),
    }
  }

  /** The client for the leader's address, replaced when the leader moved (a restart). */
  #clientFor(address: string | undefined): pb.BrokerServiceClient | undefined {
    if (address === undefined) return undefined
    if (this.#client !== undefined && this.#clientAddress === address) return this.#client
    this.#client?.close()
    this.#client = createBrokerClient(address)
    this.#clientAddress = address
    return this.#client
  }
}

/**
 * Where a follower truncates when the leader reports a diverging epoch (KIP-320, Kafka's
 * getOffsetTruncationState): the smaller of the leader's end offset for that epoch and the
 * follower's own end offset for it (the largest epoch it has at or below it); when the follower
 * has no such epoch at all, the smaller of the leader's end offset and its log end offset. A
 * truncation that stops at a smaller epoch of its own is not final: the next fetch, sent with
 * that epoch, tells whether it must go further.
 */
export function divergenceTruncationOffset(
  replica: Partition,
  diverging: pb.EpochEndOffset__Output,
): number {
  const leaderEnd = Number(diverging.endOffset)
  const log = replica.log
  const own = log.endOffsetForEpoch(diverging.epoch)
  if (own.epoch < 0 || own.endOffset < 0) return Math.min(leaderEnd, log.logEndOffset)
  return Math.min(leaderEnd, own.endOffset)
}
