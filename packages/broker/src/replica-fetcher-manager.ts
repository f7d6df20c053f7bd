import type { TopicPartition } from '@samsa/storage'
import type { Logger } from './logger.js'
import type { MetadataCache } from './metadata-cache.js'
import { type Partition, partitionKey } from './partition-state.js'
import { ReplicaFetcher, type ReplicaFetchSettings } from './replica-fetcher.js'

/** A partition this broker follows, and where its leader is. */
export interface FollowerAssignment extends TopicPartition {
  /** The leader's broker id; its endpoint comes from the MetadataCache when fetching starts. */
  readonly leaderId: number
  /** The leader epoch the follower fetches under (FetchPartition.current_leader_epoch). */
  readonly leaderEpoch: number
  /** Where fetching starts: the follower's log end offset. */
  readonly fetchOffset: number
}

/**
 * The seam between the control plane and replication (Kafka's ReplicaFetcherManager): the
 * ReplicaManager adds a partition when this broker becomes (or stays, under a new leader or
 * epoch) its follower, and removes it when the broker becomes its leader, stops being a replica or
 * shuts down. The replication issue plugs in the real one: one fetcher per source leader, carrying
 * every partition followed from that leader in one long-polling Fetch (DESIGN.md §5).
 */
export interface ReplicaFetcherManager {
  /** Starts (or moves) fetching of these partitions; replaces any earlier assignment of each. */
  addFetcherForPartitions(assignments: readonly FollowerAssignment[]): void
  /** Stops fetching these partitions (no-op for partitions not being fetched). */
  removeFetcherForPartitions(partitions: readonly TopicPartition[]): void
  /** Stops every fetcher. */
  shutdown(): Promise<void>
}

/**
 * Replication is not part of the control plane: this manager fetches nothing. It only says, at
 * debug, what a real fetcher would now do, so the state transitions can be followed in the logs.
 */
export class NoopReplicaFetcherManager implements ReplicaFetcherManager {
  readonly #log: Logger

  constructor(logger: Logger) {
    this.#log = logger
  }

  addFetcherForPartitions(assignments: readonly FollowerAssignment[]): void {
    if (assignments.length === 0) return
    this.#log.debug(
      { partitions: assignments.length },
      'would start fetching (replication arrives with the replication issue)',
    )
  }

  removeFetcherForPartitions(partitions: readonly TopicPartition[]): void {
    if (partitions.length === 0) return
    this.#log.debug({ partitions: partitions.length }, 'would stop fetching')
  }

  async shutdown(): Promise<void> {}
}

export interface DefaultReplicaFetcherManagerOptions {
  readonly brokerId: number
  /** This broker's epoch (sent with every fetch); -1 while not registered. */
  readonly brokerEpoch: () => number
  /** Where the leaders' endpoints come from. */
  readonly cache: MetadataCache
  /** The hosted replica of a partition (the ReplicaManager's). */
  readonly partition: (topic: string, partition: number) => Partition | undefined
  readonly settings: ReplicaFetchSettings
  readonly logger: Logger
}

/**
 * The real fetcher manager (Kafka's AbstractFetcherManager): one {@link ReplicaFetcher} per
 * source leader, carrying every partition followed from it. Adding a partition moves it to its
 * leader's fetcher (a new leader or epoch replaces its state, so the first fetch under the new
 * leadership checks divergence again); a fetcher left with no partitions is closed.
 */
export class DefaultReplicaFetcherManager implements ReplicaFetcherManager {
  readonly #o: DefaultReplicaFetcherManagerOptions
  readonly #log: Logger
  readonly #fetchers = new Map<number, ReplicaFetcher>()
  /** Fetchers being closed, awaited by {@link shutdown}. */
  readonly #closing = new Set<Promise<void>>()
  #paused = false
  #stopped = false

  constructor(options: DefaultReplicaFetcherManagerOptions) {
    this.#o = options
    this.#log = options.logger
  }

  /** Which leader each fetched partition is fetched from, by partition key (for tests). */
  assignments(): Map<string, { leaderId: number; leaderEpoch: number }> {
    const out = new Map<string, { leaderId: number; leaderEpoch: number }>()
    for (const f of this.#fetchers.values()) {
      for (const { key, leaderEpoch } of f.partitions()) {
        out.set(key, { leaderId: f.leaderId, leaderEpoch })
      }
    }
    return out
  }

  addFetcherForPartitions(assignments: readonly FollowerAssignment[]): void {
    if (this.#stopped || assignments.length === 0) return
    const byLeader = new Map<number, Array<{ replica: Partition; leaderEpoch: number }>>()
    const moved: string[] = []
    for (const a of assignments) {
      const replica = this.#o.partition(a.topic, a.partition)
      if (replica === undefined || a.leaderId < 0 || a.leaderId === this.#o.brokerId) continue
      moved.push(partitionKey(a.topic, a.partition))
      let list = byLeader.get(a.leaderId)
      if (list === undefined) {
        list = []
        byLeader.set(a.leaderId, list)
      }
      list.push({ replica, leaderEpoch: a.leaderEpoch })
    }
    this.#removeKeys(moved, new Set(byLeader.keys()))
    for (const [leaderId, list] of byLeader) {
      let fetcher = this.#fetchers.get(leaderId)
      if (fetcher === undefined) {
        fetcher = new ReplicaFetcher({
          brokerId: this.#o.brokerId,
          leaderId,
          brokerEpoch: this.#o.brokerEpoch,
          leaderAddress: () => {
            const b = this.#o.cache.broker(leaderId)
            return b === undefined ? undefined : `${b.endpoint.host}:${b.endpoint.port}`
          },
          settings: this.#o.settings,
          logger: this.#log,
        })
        if (this.#paused) fetcher.pause()
        this.#fetchers.set(leaderId, fetcher)
        this.#log.info({ leaderId }, 'started a replica fetcher')
      }
      fetcher.addPartitions(list)
    }
    this.#log.debug({ partitions: moved.length }, 'fetching partitions')
  }

  removeFetcherForPartitions(partitions: readonly TopicPartition[]): void {
    this.#removeKeys(partitions.map((p) => partitionKey(p.topic, p.partition)))
  }

  /** Stops fetching (every fetcher, and those started later) until {@link resume}. */
  pause(): void {
    this.#paused = true
    for (const f of this.#fetchers.values()) f.pause()
  }

  resume(): void {
    this.#paused = false
    for (const f of this.#fetchers.values()) f.resume()
  }

  async shutdown(): Promise<void> {
    this.#stopped = true
    for (const [leaderId, f] of this.#fetchers) this.#close(leaderId, f)
    await Promise.all(this.#closing)
  }

  /** Removes the partitions from every fetcher, closing those left empty unless kept. */
  #removeKeys(keys: readonly string[], keep: ReadonlySet<number> = new Set()): void {
    if (keys.length === 0) return
    for (const [leaderId, f] of this.#fetchers) {
      f.removePartitions(keys)
      if (f.size === 0 && !keep.has(leaderId)) this.#close(leaderId, f)
    }
  }

  #close(leaderId: number, f: ReplicaFetcher): void {
    this.#fetchers.delete(leaderId)
    const closed = f.close().finally(() => this.#closing.delete(closed))
    this.#closing.add(closed)
    this.#log.info({ leaderId }, 'stopped a replica fetcher')
  }
}
