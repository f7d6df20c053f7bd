import type { TopicPartition } from '@samsa/storage'
import type { Logger } from './logger.js'

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
