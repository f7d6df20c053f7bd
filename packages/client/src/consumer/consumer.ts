import { AsyncLocalStorage } from 'node:async_hooks'
import { SamsaError } from '@samsa/protocol'
import type { Cluster } from '../cluster.js'
import { Instrumentation } from '../events.js'
import { partitionKey, toOffset } from '../offsets.js'
import type { RetryOptions } from '../options.js'
import { retry } from '../retry.js'
import { FetchRunner } from './fetch-runner.js'
import { PartitionState, type ResetPolicy } from './partition-state.js'
import {
  type AssignedPartition,
  type AssignOptions,
  type ConsumerEventName,
  type ConsumerEventPayloads,
  ConsumerEvents,
  type ConsumerOptions,
  type ConsumerRunConfig,
  type ConsumerSubscribeTopics,
  type SeekEntry,
  type TopicPartition,
  type TopicPartitions,
} from './types.js'

/** ConsumerOptions with every default filled in. */
export interface ResolvedConsumerOptions {
  readonly maxWaitTimeInMs: number
  readonly minBytes: number
  readonly maxBytes: number
  readonly maxBytesPerPartition: number
  readonly retry: Readonly<Required<RetryOptions>>
}

function nonNegative(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new TypeError(`${name} must be a non-negative integer, not ${value}`)
  }
  return value
}

/** Set while a handler runs, so `stop()` called from inside it does not wait for itself. */
const insideHandler = new AsyncLocalStorage<true>()

/**
 * The consumer (KafkaJS's `consumer()`), without a group for now: it reads the partitions it is
 * given by `assign()` or `subscribe()` (every partition of the topics), from each partition's
 * leader, with one long-polling Fetch per broker carrying all of that broker's partitions. It
 * follows leader changes (NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH: re-route to the leader
 * the broker names or a metadata refresh finds) and restarts a partition whose offset left the
 * log (OFFSET_OUT_OF_RANGE) at its log start or high watermark, per `fromBeginning`.
 *
 * Records reach `eachMessage` (or `eachBatch`) one partition batch at a time, in offset order
 * per partition, never above the high watermark. A handler that throws gets the same record
 * again after backoff; after `retry.retries` failures in a row the consumer crashes (a
 * `consumer.crash` event) and stops. Retriable broker errors never stop it.
 */
export class Consumer {
  /** Event names for {@link on}. */
  readonly events = ConsumerEvents
  readonly #cluster: Cluster
  readonly #options: ResolvedConsumerOptions
  readonly #partitions = new Map<string, PartitionState>()
  readonly #subscribed = new Map<string, ResetPolicy>()
  readonly #pendingSeeks = new Map<string, bigint>()
  readonly #pausedTopics = new Set<string>()
  readonly #paused = new Set<string>()
  readonly #instrumentation = new Instrumentation<ConsumerEventPayloads>()
  #runner: FetchRunner | undefined
  #runnerDone: Promise<void> = Promise.resolve()
  #closed = false

  constructor(cluster: Cluster, options: ConsumerOptions = {}) {
    if (options.groupId !== undefined) {
      throw new SamsaError(
        'UNSUPPORTED_VERSION',
        `Consumer groups (groupId "${options.groupId}") arrive with the consumer-group work; ` +
          'until then create the consumer without a groupId and read with assign() or subscribe()',
      )
    }
    this.#cluster = cluster
    this.#options = {
      maxWaitTimeInMs: nonNegative(options.maxWaitTimeInMs ?? 5_000, 'maxWaitTimeInMs'),
      minBytes: nonNegative(options.minBytes ?? 1, 'minBytes'),
      maxBytes: nonNegative(options.maxBytes ?? 50 * 1024 * 1024, 'maxBytes'),
      maxBytesPerPartition: nonNegative(
        options.maxBytesPerPartition ?? 1024 * 1024,
        'maxBytesPerPartition',
      ),
      retry: { ...cluster.config.retry, ...options.retry },
    }
  }

  /** The options in force (defaults filled in). */
  get options(): ResolvedConsumerOptions {
    return this.#options
  }

  /** Finds a live bootstrap broker and loads the cluster metadata. */
  async connect(): Promise<void> {
    this.#assertOpen()
    await this.#cluster.refreshMetadata()
  }

  /** Stops consuming and closes every connection; the consumer cannot be used afterwards. */
  async disconnect(): Promise<void> {
    if (this.#closed) return
    await this.stop()
    this.#closed = true
    this.#cluster.close()
  }

  /** Listens to an instrumentation event; returns the function that stops listening. */
  on<E extends ConsumerEventName>(
    name: E,
    listener: (event: { type: E; timestamp: number; payload: ConsumerEventPayloads[E] }) => void,
  ): () => void {
    return this.#instrumentation.on(name, listener)
  }

  /**
   * Adds every partition of `topics` (names, or patterns matched against the topics that exist
   * now) to what the consumer reads, starting at the log start (`fromBeginning`) or the high
   * watermark. Partitions added to a subscribed topic later are picked up as the metadata is
   * refreshed. Rejects with UNKNOWN_TOPIC_OR_PARTITION for a name that does not exist.
   */
  async subscribe(subscription: ConsumerSubscribeTopics): Promise<void> {
    this.#assertOpen()
    const patterns =
      subscription.topics ?? (subscription.topic === undefined ? [] : [subscription.topic])
    if (patterns.length === 0) throw new TypeError('subscribe() needs topics')
    const reset: ResetPolicy = subscription.fromBeginning ? 'earliest' : 'latest'
    const names = new Set(patterns.filter((p): p is string => typeof p === 'string'))
    const regexes = patterns.filter((p): p is RegExp => p instanceof RegExp)
    if (regexes.length > 0) {
      const { topics } = await this.#cluster.refreshMetadata()
      for (const t of topics) if (regexes.some((r) => r.test(t.name))) names.add(t.name)
    }
    await this.#knownTopics([...names])
    for (const name of names) {
      this.#subscribed.set(name, reset)
      this.#addPartitionsOf(name)
    }
    this.#runner?.wake()
  }

  /**
   * Reads exactly these partitions from now on (Kafka's `assign()`; it replaces any earlier
   * assignment or subscription). A partition with an `offset` starts there (see `seek`), the
   * others per `fromBeginning`. Rejects with UNKNOWN_TOPIC_OR_PARTITION for a partition that
   * does not exist.
   */
  async assign(
    partitions: readonly AssignedPartition[],
    options: AssignOptions = {},
  ): Promise<void> {
    this.#assertOpen()
    const reset: ResetPolicy = options.fromBeginning ? 'earliest' : 'latest'
    const offsets = partitions.map((p) =>
      p.offset === undefined
        ? undefined
        : toOffset(p.offset, `offset of ${p.topic}-${p.partition}`),
    )
    await this.#knownTopics([...new Set(partitions.map((p) => p.topic))], partitions)
    const wanted = new Set(partitions.map((p) => partitionKey(p.topic, p.partition)))
    for (const [key, state] of this.#partitions) {
      if (!wanted.has(key)) {
        state.generation++
        this.#partitions.delete(key)
      }
    }
    this.#subscribed.clear()
    partitions.forEach((p, i) => {
      const state = this.#addPartition(p.topic, p.partition, reset)
      const offset = offsets[i]
      if (offset !== undefined) state.seek(offset)
    })
    this.#runner?.wake()
  }

  /** The partitions being read, by topic and partition. */
  assignment(): TopicPartition[] {
    return [...this.#partitions.values()]
      .map((s) => ({ topic: s.topic, partition: s.partition }))
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
  }

  /**
   * Reads `partition` from `offset` next (-2: the log start, -1: the high watermark). Records
   * fetched or being delivered from the old position are dropped. A seek on a partition not
   * (yet) assigned applies when it is.
   */
  seek({ topic, partition, offset }: SeekEntry): void {
    this.#assertOpen()
    const value = toOffset(offset)
    if (value < -2n) throw new TypeError(`offset ${value} is not an offset, -1 or -2`)
    const state = this.#partitions.get(partitionKey(topic, partition))
    if (state === undefined) this.#pendingSeeks.set(partitionKey(topic, partition), value)
    else state.seek(value)
    this.#runner?.wake()
  }

  /** Stops fetching these partitions (all of a topic's when `partitions` is left out). */
  pause(topics: readonly TopicPartitions[]): void {
    for (const { topic, partitions } of topics) {
      if (partitions === undefined) this.#pausedTopics.add(topic)
      else for (const p of partitions) this.#paused.add(partitionKey(topic, p))
    }
  }

  /** Fetches these partitions again. */
  resume(topics: readonly TopicPartitions[]): void {
    for (const { topic, partitions } of topics) {
      if (partitions === undefined) {
        this.#pausedTopics.delete(topic)
        for (const key of [...this.#paused]) {
          if (key.startsWith(`${topic}\u0000`)) this.#paused.delete(key)
        }
        continue
      }
      if (this.#pausedTopics.delete(topic)) {
        // The whole topic was paused: keep its other partitions paused.
        for (const s of this.#partitions.values()) {
          if (s.topic === topic) this.#paused.add(partitionKey(topic, s.partition))
        }
      }
      for (const p of partitions) this.#paused.delete(partitionKey(topic, p))
    }
    this.#runner?.wake()
  }

  /** The paused partitions, by topic. */
  paused(): { topic: string; partitions: number[] }[] {
    const byTopic = new Map<string, number[]>()
    for (const s of this.#partitions.values()) {
      if (!this.isPaused(s.topic, s.partition)) continue
      byTopic.set(s.topic, [...(byTopic.get(s.topic) ?? []), s.partition])
    }
    return [...byTopic].map(([topic, partitions]) => ({
      topic,
      partitions: partitions.sort((a, b) => a - b),
    }))
  }

  isPaused(topic: string, partition: number): boolean {
    return this.#pausedTopics.has(topic) || this.#paused.has(partitionKey(topic, partition))
  }

  /**
   * Starts consuming and resolves once started; records then reach `eachMessage` (or
   * `eachBatch`) until `stop()`, `disconnect()` or a crash.
   */
  async run(config: ConsumerRunConfig): Promise<void> {
    this.#assertOpen()
    if (this.#runner !== undefined) throw new Error('The consumer is already running')
    if (typeof config.eachMessage !== 'function' && typeof config.eachBatch !== 'function') {
      throw new TypeError('run() needs an eachMessage or eachBatch handler')
    }
    this.#runner = new FetchRunner({
      cluster: this.#cluster,
      options: this.#options,
      config,
      partitions: this.#partitions,
      isPaused: (s) => this.isPaused(s.topic, s.partition),
      pause: ({ topic, partition }) => {
        this.pause([{ topic, partitions: [partition] }])
        return () => this.resume([{ topic, partitions: [partition] }])
      },
      refresh: () => this.#refresh(),
      emit: (name, payload) => this.#instrumentation.emit(name, payload),
      runHandler: (fn) => insideHandler.run(true, fn),
      crash: (error) => {
        this.#instrumentation.emit(ConsumerEvents.CRASH, { error, groupId: null, restart: false })
        void this.stop()
      },
    })
    const runner = this.#runner
    runner.start()
    // However it ends (stop(), disconnect(), a crash), the consumer can run() again afterwards.
    this.#runnerDone = runner.done().then(() => {
      if (this.#runner === runner) {
        this.#runner = undefined
        this.#instrumentation.emit(ConsumerEvents.STOP, {})
      }
    })
  }

  /**
   * Stops fetching and delivering; resolves once the handler in progress has returned. Called
   * from inside a handler, it resolves at once (the consumer stops after that handler).
   */
  async stop(): Promise<void> {
    const runner = this.#runner
    if (runner === undefined) return
    runner.stop()
    if (insideHandler.getStore()) return
    await this.#runnerDone
  }

  /** Refreshes metadata when due and picks up partitions added to subscribed topics. */
  async #refresh(): Promise<void> {
    const topics = new Set([...this.#subscribed.keys()])
    for (const s of this.#partitions.values()) topics.add(s.topic)
    await this.#cluster.ensureTopics(topics)
    for (const name of this.#subscribed.keys()) this.#addPartitionsOf(name)
  }

  /**
   * Waits (with the retry policy) until the metadata knows `topics` and, when given, these
   * partitions: a topic just created may take a moment to reach every broker.
   */
  async #knownTopics(topics: readonly string[], partitions: readonly TopicPartition[] = []) {
    await retry(async () => {
      const errors = await this.#cluster.ensureTopics(topics)
      for (const name of topics) {
        const error = errors.get(name)
        if (error !== undefined) throw error
      }
      for (const { topic, partition } of partitions) {
        const count = this.#cluster.metadata.topic(topic)?.partitions.length ?? 0
        if (!Number.isInteger(partition) || partition < 0 || partition >= count) {
          this.#cluster.metadata.invalidate()
          throw new SamsaError(
            'UNKNOWN_TOPIC_OR_PARTITION',
            `Topic ${topic} has ${count} partitions; there is no partition ${partition}`,
          )
        }
      }
    }, this.#options.retry)
  }

  #addPartitionsOf(topic: string): void {
    const reset = this.#subscribed.get(topic) ?? 'latest'
    for (const p of this.#cluster.metadata.topic(topic)?.partitions ?? []) {
      this.#addPartition(topic, p.partitionId, reset)
    }
  }

  #addPartition(topic: string, partition: number, reset: ResetPolicy): PartitionState {
    const key = partitionKey(topic, partition)
    let state = this.#partitions.get(key)
    if (state === undefined) {
      state = new PartitionState(topic, partition, reset, this.#options.maxBytesPerPartition)
      const seek = this.#pendingSeeks.get(key)
      if (seek !== undefined) {
        this.#pendingSeeks.delete(key)
        state.seek(seek)
      }
      this.#partitions.set(key, state)
    }
    return state
  }

  #assertOpen(): void {
    // A programming error, not a broker's: not a (retriable) SamsaError.
    if (this.#closed) throw new Error('The consumer is disconnected')
  }
}
