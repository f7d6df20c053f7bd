import type { Log, TopicPartition } from '@samsa/storage'
import type { CachedPartition } from './metadata-cache.js'

/** What this broker is for a partition it hosts. */
export type ReplicaRole = 'leader' | 'follower'

/**
 * What a metadata change means for the local replica (Kafka's Partition.makeLeader /
 * makeFollower outcomes):
 * - `became-leader` / `became-follower`: the role changed (or the replica is new);
 * - `new-leader-epoch`: still the leader, under a higher epoch (e.g. after an offline spell);
 * - `new-leader`: still a follower, of another leader or under a new epoch;
 * - `isr-changed`: only the ISR or partition epoch moved;
 * - `unchanged`; `stale`: the state is older than the one already applied, and was ignored.
 */
export type PartitionTransition =
  | 'became-leader'
  | 'became-follower'
  | 'new-leader-epoch'
  | 'new-leader'
  | 'isr-changed'
  | 'unchanged'
  | 'stale'

/**
 * A partition this broker hosts a replica of: its log and the replication state the controller
 * last committed for it. The data-path issue adds the leader's follower states, high watermark
 * and ISR proposals here.
 */
export class Partition implements TopicPartition {
  readonly topic: string
  readonly partition: number
  /** A topic deleted and created again gets a new id and a new Partition. */
  readonly topicId: string
  readonly log: Log
  #role: ReplicaRole | undefined
  #state: CachedPartition | undefined

  constructor(topic: string, partition: number, topicId: string, log: Log) {
    this.topic = topic
    this.partition = partition
    this.topicId = topicId
    this.log = log
  }

  /** Undefined until the first state is applied. */
  get role(): ReplicaRole | undefined {
    return this.#role
  }

  /** -1 when offline or unknown. */
  get leader(): number {
    return this.#state?.leader ?? -1
  }

  get leaderEpoch(): number {
    return this.#state?.leaderEpoch ?? -1
  }

  get partitionEpoch(): number {
    return this.#state?.partitionEpoch ?? -1
  }

  get replicas(): readonly number[] {
    return this.#state?.replicas ?? []
  }

  get isr(): readonly number[] {
    return this.#state?.isr ?? []
  }

  /** Applies the committed state and says what it means for this replica. */
  update(state: CachedPartition, localBrokerId: number): PartitionTransition {
    const previous = this.#state
    if (
      previous !== undefined &&
      (state.leaderEpoch < previous.leaderEpoch || state.partitionEpoch < previous.partitionEpoch)
    ) {
      return 'stale'
    }
    const role: ReplicaRole = state.leader === localBrokerId ? 'leader' : 'follower'
    const roleBefore = this.#role
    this.#state = state
    this.#role = role
    if (roleBefore !== role) return role === 'leader' ? 'became-leader' : 'became-follower'
    if (previous!.leaderEpoch !== state.leaderEpoch || previous!.leader !== state.leader) {
      return role === 'leader' ? 'new-leader-epoch' : 'new-leader'
    }
    if (previous!.partitionEpoch !== state.partitionEpoch) return 'isr-changed'
    return 'unchanged'
  }
}
