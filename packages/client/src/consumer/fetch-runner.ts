import { decodeRecordBatches, type pb, type SamsaError, samsaErrorFromGrpc } from '@samsa/protocol'
import { type Cluster, STALE_METADATA_ERRORS } from '../cluster.js'
import { errorFromResponse } from '../errors.js'
import type { KafkaMessage } from '../messages.js'
import { EARLIEST_OFFSET, LATEST_OFFSET, listOffsets, partitionKey, toOffset } from '../offsets.js'
import { isRetriable, retryDelay } from '../retry.js'
import type { ResolvedConsumerOptions } from './consumer.js'
import { makeBatch, messagesFrom, type PartitionState } from './partition-state.js'
import type { ConsumerEventPayloads, ConsumerRunConfig } from './types.js'

/** What the runner needs from its consumer. */
export interface FetchRunnerDeps {
  readonly cluster: Cluster
  readonly options: ResolvedConsumerOptions
  readonly config: ConsumerRunConfig
  /** The assigned partitions; the consumer changes it, the runner reads it each round. */
  readonly partitions: ReadonlyMap<string, PartitionState>
  isPaused(state: PartitionState): boolean
  /** Pauses one partition; returns the function that resumes it. */
  pause(state: PartitionState): () => void
  /** Refreshes metadata when due (and picks up new partitions of subscribed topics). */
  refresh(): Promise<void>
  emit<E extends keyof ConsumerEventPayloads & string>(
    name: E,
    payload: ConsumerEventPayloads[E],
  ): void
  /** Runs a user handler (marked so that stop() from inside it does not wait for itself). */
  runHandler(fn: () => Promise<void>): Promise<void>
  /** Reports a fatal error; the consumer stops. */
  crash(error: Error): void
}

/** A partition in one Fetch: where it was read from, and under which generation. */
interface FetchEntry {
  readonly state: PartitionState
  readonly offset: bigint
  readonly generation: number
}

const heartbeat = async (): Promise<void> => {}

/**
 * The consumer's fetch loop while it runs. Each round it refreshes metadata when due, looks up
 * positions that are missing (ListOffsets, by the reset policy), and starts one Fetch for each
 * leader broker that has none in flight, carrying every fetchable partition it leads. Answers
 * are delivered to the handlers one at a time, in the order they arrive; a broker's next Fetch
 * starts once its answer is delivered, so a slow handler slows fetching down.
 */
export class FetchRunner {
  readonly #deps: FetchRunnerDeps
  readonly #abort = new AbortController()
  readonly #tasks = new Set<Promise<void>>()
  readonly #busyBrokers = new Set<number>()
  #running = false
  #loop: Promise<void> = Promise.resolve()
  #chain: Promise<void> = Promise.resolve()
  #woken = false
  #wakeUp: (() => void) | undefined
  #failures = 0

  constructor(deps: FetchRunnerDeps) {
    this.#deps = deps
  }

  start(): void {
    this.#running = true
    this.#loop = this.#run()
  }

  /** Ends the loop and cancels Fetches in flight; `done()` says when everything has stopped. */
  stop(): void {
    if (!this.#running) return
    this.#running = false
    this.#abort.abort()
    this.wake()
  }

  /** Resolves once the loop, every request and the handler in progress have finished. */
  async done(): Promise<void> {
    await this.#loop
    while (this.#tasks.size > 0) await Promise.allSettled([...this.#tasks])
    await this.#chain
  }

  /** Starts the next round now (after a seek, resume, assignment, or a finished request). */
  wake(): void {
    const wakeUp = this.#wakeUp
    if (wakeUp === undefined) this.#woken = true
    else wakeUp()
  }

  async #run(): Promise<void> {
    const { options } = this.#deps
    while (this.#running) {
      let wait = options.maxWaitTimeInMs
      try {
        await this.#deps.refresh()
        this.#failures = 0
        wait = Math.min(wait, this.#startResets(), this.#startFetches())
      } catch (err) {
        if (!this.#running) break
        if (!isRetriable(err)) {
          this.#deps.crash(err instanceof Error ? err : new Error(String(err)))
          break
        }
        this.#failures++
        wait = this.#backoff(this.#failures)
      }
      await this.#sleep(Math.max(0, wait))
    }
  }

  #sleep(ms: number): Promise<void> {
    if (this.#woken || !this.#running) {
      this.#woken = false
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#wakeUp?.(), ms)
      this.#wakeUp = () => {
        clearTimeout(timer)
        this.#wakeUp = undefined
        resolve()
      }
    })
  }

  /** The wait after `failures` failures in a row: the retry policy's, capped at its last retry. */
  #backoff(failures: number): number {
    const { retry } = this.#deps.options
    return retryDelay(Math.max(1, Math.min(failures, retry.retries)), retry)
  }

  #track(task: Promise<void>): void {
    this.#tasks.add(task)
    void task.finally(() => this.#tasks.delete(task))
  }

  #leaderOf(state: PartitionState): { leader: number; leaderEpoch: number } | undefined {
    const { cluster } = this.#deps
    const meta = cluster.metadata.topic(state.topic)?.partitions[state.partition]
    if (meta === undefined || meta.partitionId !== state.partition || meta.leader < 0) return
    if (cluster.brokerAddress(meta.leader) === undefined) return
    return { leader: meta.leader, leaderEpoch: meta.leaderEpoch }
  }

  /** Looks up the positions of partitions that have none; resolves the next backoff deadline. */
  #startResets(): number {
    const now = Date.now()
    let next = Number.POSITIVE_INFINITY
    const byPolicy = { earliest: [] as PartitionState[], latest: [] as PartitionState[] }
    for (const state of this.#deps.partitions.values()) {
      if (state.position !== null || state.resetting || state.fetching) continue
      if (state.backoffUntil > now) {
        next = Math.min(next, state.backoffUntil)
        continue
      }
      byPolicy[state.reset].push(state)
    }
    for (const [policy, states] of Object.entries(byPolicy)) {
      if (states.length > 0) this.#track(this.#reset(states, policy === 'earliest'))
    }
    return next
  }

  async #reset(states: readonly PartitionState[], earliest: boolean): Promise<void> {
    const generations = states.map((s) => s.generation)
    for (const s of states) s.resetting = true
    try {
      const answers = await listOffsets(
        this.#deps.cluster,
        states.map((s) => ({
          topic: s.topic,
          partition: s.partition,
          timestamp: earliest ? EARLIEST_OFFSET : LATEST_OFFSET,
        })),
        this.#abort.signal,
      )
      states.forEach((s, i) => {
        const offset = answers.get(partitionKey(s.topic, s.partition))?.offset
        if (s.generation === generations[i] && s.position === null && offset !== undefined) {
          s.position = offset >= 0n ? offset : 0n
        }
      })
    } catch (err) {
      if (!this.#running) return
      if (!isRetriable(err)) {
        this.#deps.crash(err instanceof Error ? err : new Error(String(err)))
        return
      }
      for (const s of states) {
        s.failures++
        s.backoffUntil = Date.now() + this.#backoff(s.failures)
      }
    } finally {
      for (const s of states) s.resetting = false
      this.wake()
    }
  }

  /** Starts a Fetch for each idle leader broker; resolves the next backoff deadline. */
  #startFetches(): number {
    const { partitions, isPaused, cluster } = this.#deps
    const now = Date.now()
    let next = Number.POSITIVE_INFINITY
    const resettingLeaders = new Set<number>()
    const byLeader = new Map<number, { entries: FetchEntry[]; epochs: number[] }>()
    for (const state of partitions.values()) {
      const leader = this.#leaderOf(state)
      if (state.resetting && leader !== undefined) resettingLeaders.add(leader.leader)
      if (state.position === null || state.fetching || state.resetting || isPaused(state)) continue
      if (state.backoffUntil > now) {
        next = Math.min(next, state.backoffUntil)
        continue
      }
      if (leader === undefined) {
        cluster.metadata.invalidate()
        state.failures++
        state.backoffUntil = now + this.#backoff(state.failures)
        next = Math.min(next, state.backoffUntil)
        continue
      }
      const group = byLeader.get(leader.leader) ?? { entries: [], epochs: [] }
      group.entries.push({ state, offset: state.position, generation: state.generation })
      group.epochs.push(leader.leaderEpoch)
      byLeader.set(leader.leader, group)
    }
    for (const [broker, { entries, epochs }] of byLeader) {
      // Partitions whose position is being looked up on this broker join its next Fetch.
      if (this.#busyBrokers.has(broker) || resettingLeaders.has(broker)) continue
      this.#track(this.#fetch(broker, entries, epochs))
    }
    return next
  }

  async #fetch(broker: number, entries: readonly FetchEntry[], epochs: number[]): Promise<void> {
    const { cluster, options } = this.#deps
    for (const { state } of entries) state.fetching = true
    this.#busyBrokers.add(broker)
    const started = Date.now()
    try {
      const topics = new Map<string, pb.FetchPartition[]>()
      entries.forEach(({ state, offset }, i) => {
        const list = topics.get(state.topic) ?? []
        list.push({
          partition: state.partition,
          currentLeaderEpoch: epochs[i]!,
          fetchOffset: offset.toString(),
          lastFetchedEpoch: -1,
          logStartOffset: '-1',
          partitionMaxBytes: state.maxBytes,
        })
        topics.set(state.topic, list)
      })
      this.#deps.emit('consumer.fetch_start', { nodeId: broker })
      const response = await cluster.brokerRequest(
        broker,
        (client) => client.fetch,
        {
          replicaId: -1,
          replicaEpoch: '-1',
          maxWaitMs: options.maxWaitTimeInMs,
          minBytes: options.minBytes,
          maxBytes: options.maxBytes,
          isolationLevel: 'ISOLATION_LEVEL_READ_UNCOMMITTED',
          topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })),
        },
        {
          timeoutMs: cluster.config.requestTimeoutMs + options.maxWaitTimeInMs,
          signal: this.#abort.signal,
        },
      )
      if (!this.#running) return
      const requestError = errorFromResponse(response.error)
      if (requestError !== undefined) throw requestError
      const answers = new Map<string, pb.FetchPartitionResponse__Output>()
      for (const t of response.topics) {
        for (const p of t.partitions) answers.set(partitionKey(t.topic, p.partition), p)
      }
      this.#deps.emit('consumer.fetch', {
        nodeId: broker,
        numberOfBatches: [...answers.values()].filter((a) => a.records.length > 0).length,
        duration: Date.now() - started,
      })
      await this.#serially(() => this.#process(entries, answers))
    } catch (err) {
      if (!this.#running) return
      const error = samsaErrorFromGrpc(err)
      if (!error.retriable) {
        this.#deps.crash(error)
        return
      }
      for (const { state, generation } of entries) {
        if (state.generation !== generation) continue
        state.failures++
        state.backoffUntil = Date.now() + this.#backoff(state.failures)
      }
    } finally {
      for (const { state } of entries) state.fetching = false
      this.#busyBrokers.delete(broker)
      this.wake()
    }
  }

  /** Runs `fn` after every earlier delivery: handlers are never called concurrently. */
  #serially(fn: () => Promise<void>): Promise<void> {
    const next = this.#chain.then(fn)
    this.#chain = next.catch(() => undefined)
    return next
  }

  async #process(
    entries: readonly FetchEntry[],
    answers: ReadonlyMap<string, pb.FetchPartitionResponse__Output>,
  ): Promise<void> {
    const { partitions, options } = this.#deps
    for (const { state, offset, generation } of entries) {
      if (!this.#running) return
      const key = partitionKey(state.topic, state.partition)
      if (state.generation !== generation || partitions.get(key) !== state) continue
      const answer = answers.get(key)
      if (answer === undefined) continue
      const error = errorFromResponse(answer.error)
      if (error !== undefined) {
        this.#partitionError(state, error, answer.currentLeader)
        continue
      }
      state.highWatermark = BigInt(answer.highWatermark || '-1')
      state.logStartOffset = BigInt(answer.logStartOffset || '-1')
      if (answer.records.length === 0) {
        state.failures = 0
        continue
      }
      let decoded: ReturnType<typeof decodeRecordBatches>
      try {
        decoded = decodeRecordBatches(answer.records)
      } catch (err) {
        // Corrupt data does not heal by fetching it again.
        this.#deps.crash(err instanceof Error ? err : new Error(String(err)))
        return
      }
      if (decoded.length === 0) {
        // Only part of the next batch fit: ask for more bytes of this partition next time.
        state.maxBytes = Math.min(state.maxBytes * 2, Math.max(options.maxBytes, state.maxBytes))
        continue
      }
      state.maxBytes = options.maxBytesPerPartition
      const { messages, nextOffset } = messagesFrom(decoded, offset)
      await this.#deliver(state, generation, messages, nextOffset)
    }
  }

  async #deliver(
    state: PartitionState,
    generation: number,
    messages: KafkaMessage[],
    nextOffset: bigint,
  ): Promise<void> {
    const { config, partitions, isPaused, runHandler } = this.#deps
    const { topic, partition } = state
    const current = () =>
      this.#running &&
      state.generation === generation &&
      !isPaused(state) &&
      partitions.get(partitionKey(topic, partition)) === state
    const pause = () => this.#deps.pause(state)
    if (config.eachMessage !== undefined) {
      const eachMessage = config.eachMessage
      for (const message of messages) {
        if (!current()) return
        try {
          await runHandler(() => eachMessage({ topic, partition, message, heartbeat, pause }))
        } catch (err) {
          this.#handlerFailed(state, generation, err)
          return
        }
        if (state.generation !== generation) return
        state.position = message.offset + 1n
      }
    } else if (config.eachBatch !== undefined && messages.length > 0) {
      const eachBatch = config.eachBatch
      let resolved: bigint | undefined
      const batch = makeBatch(topic, partition, state.highWatermark, messages)
      try {
        await runHandler(() =>
          eachBatch({
            batch,
            resolveOffset: (offset) => {
              resolved = toOffset(offset)
            },
            heartbeat,
            pause,
            isRunning: () => this.#running,
            isStale: () => !current(),
          }),
        )
      } catch (err) {
        if (resolved !== undefined && state.generation === generation) {
          state.position = resolved + 1n
        }
        this.#handlerFailed(state, generation, err)
        return
      }
      if (state.generation !== generation) return
      const last = messages.at(-1)!.offset
      if (config.eachBatchAutoResolve ?? true) state.position = last + 1n
      else {
        if (resolved !== undefined) state.position = resolved + 1n
        if (resolved === undefined || resolved < last) return
      }
    }
    // Every record was delivered: continue after the last batch (past control records too).
    if (state.generation === generation && state.position !== null) {
      if (nextOffset > state.position) state.position = nextOffset
      state.failures = 0
    }
  }

  #handlerFailed(state: PartitionState, generation: number, err: unknown): void {
    if (state.generation !== generation || !this.#running) return
    const { retry } = this.#deps.options
    state.failures++
    if (state.failures > retry.retries) {
      this.#deps.crash(err instanceof Error ? err : new Error(String(err)))
      return
    }
    state.backoffUntil = Date.now() + retryDelay(state.failures, retry)
  }

  #partitionError(
    state: PartitionState,
    error: SamsaError,
    currentLeader: pb.LeaderIdAndEpoch__Output | null,
  ): void {
    if (error.code === 'OFFSET_OUT_OF_RANGE') {
      // Kafka's auto.offset.reset: start again at the log start or the high watermark.
      state.seek(state.reset === 'earliest' ? EARLIEST_OFFSET : LATEST_OFFSET)
      return
    }
    if (!error.retriable) {
      this.#deps.crash(error)
      return
    }
    state.failures++
    let delay = this.#backoff(state.failures)
    if (STALE_METADATA_ERRORS.has(error.code)) {
      const { metadata } = this.#deps.cluster
      const redirected =
        currentLeader !== null &&
        currentLeader.leaderId >= 0 &&
        metadata.updateLeader(
          state.topic,
          state.partition,
          currentLeader.leaderId,
          currentLeader.leaderEpoch,
        )
      // The broker named the new leader (KIP-951): fetch from it at once.
      if (redirected) delay = 0
      else metadata.invalidate()
    }
    state.backoffUntil = Date.now() + delay
  }
}
