import { type ErrorName, SamsaError } from '@samsa/protocol'
import type { Log, LogAppendInfo, TopicPartition } from '@samsa/storage'
import {
  type FollowerState,
  followerStateAfterFetch,
  initialFollowerState,
} from './follower-state.js'
import { canJoinIsr, type IsrPolicy, isFollowerOutOfSync } from './isr-policy.js'
import type { CachedPartition } from './metadata-cache.js'
import {
  checkBatchSizes,
  DEFAULT_PARTITION_CONFIG,
  type PartitionConfig,
} from './partition-config.js'

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
 * Who wants to know when a partition moves: the purgatories, whose waiting requests complete on
 * these events. Called synchronously, after the partition's state is updated.
 */
export interface PartitionListener {
  /** The leader's high watermark moved forward (acks=-1 produces, consumer fetches). */
  highWatermarkAdvanced(p: Partition): void
  /** The leader appended to its log (follower fetches). */
  appended(p: Partition): void
  /** Role, leader, epoch or ISR changed, or the replica was removed: waiting requests re-check. */
  stateChanged(p: Partition): void
  /**
   * A follower outside the ISR caught up with the high watermark: the ISR may grow now rather
   * than at the next periodic check (Kafka's maybeExpandIsr on every follower fetch).
   */
  followerCaughtUp?(p: Partition): void
}

/** Tells each listener in turn. */
export function combineListeners(...listeners: PartitionListener[]): PartitionListener {
  return {
    highWatermarkAdvanced: (p) => {
      for (const l of listeners) l.highWatermarkAdvanced(p)
    },
    appended: (p) => {
      for (const l of listeners) l.appended(p)
    },
    stateChanged: (p) => {
      for (const l of listeners) l.stateChanged(p)
    },
    followerCaughtUp: (p) => {
      for (const l of listeners) l.followerCaughtUp?.(p)
    },
  }
}

/** The committed fields an AlterPartition answer carries. */
export interface CommittedIsr {
  readonly leader: number
  readonly leaderEpoch: number
  readonly partitionEpoch: number
  readonly isr: readonly number[]
}

/** The key a partition is known by in maps and purgatory watch lists. */
export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`
}

const NO_LISTENER: PartitionListener = {
  highWatermarkAdvanced() {},
  appended() {},
  stateChanged() {},
}

export interface PartitionOptions {
  /** Default {@link DEFAULT_PARTITION_CONFIG}. */
  readonly config?: PartitionConfig
  readonly listener?: PartitionListener
  /** Where the high watermark starts (e.g. from a checkpoint); default the log start offset. */
  readonly highWatermark?: number
  /** Wall clock for the follower states; default `Date.now`. */
  readonly now?: () => number
}

/**
 * A partition this broker hosts a replica of: its log, the replication state the controller last
 * committed for it, and, while this broker leads it, the leader's view of replication (Kafka's
 * Partition): each follower's log end offset from its fetches and the high watermark, the minimum
 * log end offset over the ISR, which never goes back and below which consumers read.
 */
export class Partition implements TopicPartition {
  readonly topic: string
  readonly partition: number
  /** A topic deleted and created again gets a new id and a new Partition. */
  readonly topicId: string
  readonly log: Log
  config: PartitionConfig
  #role: ReplicaRole | undefined
  #state: CachedPartition | undefined
  #localBrokerId = -1
  #removed = false
  #highWatermark: number
  /** The ISR proposed to the controller and not answered yet (KIP-497), if any. */
  #pendingIsr: readonly number[] | undefined
  /** The log end offset when this leadership began: a joining follower must have reached it. */
  #leaderEpochStartOffset = -1
  readonly #followers = new Map<number, FollowerState>()
  readonly #listener: PartitionListener
  readonly #now: () => number

  constructor(
    topic: string,
    partition: number,
    topicId: string,
    log: Log,
    options: PartitionOptions = {},
  ) {
    this.topic = topic
    this.partition = partition
    this.topicId = topicId
    this.log = log
    this.config = options.config ?? DEFAULT_PARTITION_CONFIG
    this.#listener = options.listener ?? NO_LISTENER
    this.#now = options.now ?? Date.now
    // A checkpointed HW beyond this log (a log lost or replaced) must not expose what follows.
    this.#highWatermark = log.isClosed
      ? (options.highWatermark ?? log.logStartOffset)
      : Math.min(
          Math.max(options.highWatermark ?? log.logStartOffset, log.logStartOffset),
          log.logEndOffset,
        )
  }

  /** Undefined until the first state is applied. */
  get role(): ReplicaRole | undefined {
    return this.#role
  }

  /** Whether this broker leads the partition now (and the replica was not removed). */
  get isLeader(): boolean {
    return this.#role === 'leader' && !this.#removed
  }

  /** Whether the replica was removed (topic deleted, reassigned away, ...). */
  get isRemoved(): boolean {
    return this.#removed
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

  /**
   * The ISR that the high watermark and acks=-1 count (KIP-497): the committed ISR, or, while an
   * ISR change is pending at the controller, the union of the committed and proposed sets. A
   * follower being removed still holds the HW back until the removal is committed; one being
   * added holds it back at once, since the controller may already count it as in sync.
   */
  get maximalIsr(): readonly number[] {
    const pending = this.#pendingIsr
    if (pending === undefined) return this.isr
    const union = [...this.isr]
    for (const id of pending) if (!union.includes(id)) union.push(id)
    return union
  }

  /** The ISR proposed to the controller and not yet answered, if any. */
  get pendingIsr(): readonly number[] | undefined {
    return this.#pendingIsr
  }

  /**
   * The high watermark: the first offset not yet on every ISR member. Consumers read below it.
   * Within [log start offset, log end offset].
   */
  get highWatermark(): number {
    if (this.log.isClosed) return this.#highWatermark
    return Math.min(Math.max(this.#highWatermark, this.log.logStartOffset), this.log.logEndOffset)
  }

  /** The leader's view of each follower, by broker id (empty unless this broker leads). */
  followerStates(): FollowerState[] {
    return [...this.#followers.values()].map((f) => ({ ...f }))
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
    this.#localBrokerId = localBrokerId
    let transition: PartitionTransition
    if (roleBefore !== role) transition = role === 'leader' ? 'became-leader' : 'became-follower'
    else if (previous!.leaderEpoch !== state.leaderEpoch || previous!.leader !== state.leader) {
      transition = role === 'leader' ? 'new-leader-epoch' : 'new-leader'
    } else if (previous!.partitionEpoch !== state.partitionEpoch) transition = 'isr-changed'
    else transition = 'unchanged'

    // Any committed change answers (or overrides) a pending proposal.
    if (transition !== 'unchanged') this.#pendingIsr = undefined
    if (role === 'leader') {
      const newLeadership = transition === 'became-leader' || transition === 'new-leader-epoch'
      if (newLeadership) {
        this.#leaderEpochStartOffset = this.log.isClosed ? -1 : this.log.logEndOffset
      }
      this.#resetFollowers(newLeadership)
      this.maybeIncrementHighWatermark()
    } else {
      this.#followers.clear()
      this.#leaderEpochStartOffset = -1
    }
    if (transition !== 'unchanged') this.#listener.stateChanged(this)
    return transition
  }

  /** The replica is gone from this broker: it leads nothing; waiting requests are told. */
  markRemoved(): void {
    if (this.#removed) return
    this.#removed = true
    this.#followers.clear()
    this.#listener.stateChanged(this)
  }

  /**
   * Leader append of a producer's batches (Kafka's appendRecordsToLeader): checks leadership,
   * `min.insync.replicas` for acks=-1 (NOT_ENOUGH_REPLICAS, before anything is written) and
   * `max.message.bytes` per batch (MESSAGE_TOO_LARGE), then lets the log validate, stamp and
   * append (CORRUPT_MESSAGE / INVALID_RECORD; nothing is written unless every batch passes).
   * The high watermark moves at once when this broker is the only ISR member.
   */
  appendRecordsToLeader(records: Buffer, requiredAcks: number): LogAppendInfo {
    if (!this.isLeader) {
      throw new SamsaError(
        'NOT_LEADER_OR_FOLLOWER',
        `Broker ${this.#localBrokerId} is not the leader of ${this.topic}-${this.partition}`,
      )
    }
    const isr = this.maximalIsr
    if (requiredAcks === -1 && isr.length < this.config.minInsyncReplicas) {
      throw new SamsaError(
        'NOT_ENOUGH_REPLICAS',
        `${this.topic}-${this.partition} has ${isr.length} in-sync replicas [${isr.join(',')}], fewer than min.insync.replicas=${this.config.minInsyncReplicas}`,
      )
    }
    checkBatchSizes(records, this.config.maxMessageBytes, this)
    const info = this.log.append(records, { leaderEpoch: this.leaderEpoch })
    this.#listener.appended(this)
    this.maybeIncrementHighWatermark()
    return info
  }

  /**
   * Records a follower's fetch (Kafka's updateFollowerFetchState; see followerStateAfterFetch):
   * its fetch offset is its log end offset. May move the high watermark. Returns false when
   * `replicaId` is not a follower replica of this partition or this broker does not lead it.
   */
  updateFollowerFetchState(
    replicaId: number,
    fetchOffset: number,
    followerLogStartOffset: number,
  ): boolean {
    const previous = this.#followers.get(replicaId)
    if (!this.isLeader || previous === undefined) return false
    this.#followers.set(
      replicaId,
      followerStateAfterFetch(
        previous,
        fetchOffset,
        followerLogStartOffset,
        this.log.logEndOffset,
        this.#now(),
      ),
    )
    this.maybeIncrementHighWatermark()
    const follower = this.#followers.get(replicaId)!
    if (
      !this.maximalIsr.includes(replicaId) &&
      canJoinIsr(follower, this.highWatermark, this.#leaderEpochStartOffset)
    ) {
      this.#listener.followerCaughtUp?.(this)
    }
    return true
  }

  /**
   * The ISR this leader should propose now (Kafka's maybeShrinkIsr and maybeExpandIsr in one):
   * the ISR without its out-of-sync followers, plus the followers outside it that caught up and
   * that `eligible` allows (unfenced brokers). Undefined when nothing changes, when this broker
   * does not lead, or while a proposal is pending.
   */
  isrChangeToPropose(
    now: number,
    policy: IsrPolicy,
    eligible: (brokerId: number) => boolean,
  ): readonly number[] | undefined {
    if (!this.isLeader || this.#pendingIsr !== undefined || this.log.isClosed) return undefined
    const leo = this.log.logEndOffset
    const hw = this.highWatermark
    let changed = false
    const next: number[] = []
    for (const id of this.isr) {
      const f = this.#followers.get(id)
      if (
        id !== this.#localBrokerId &&
        f !== undefined &&
        isFollowerOutOfSync(f, leo, now, policy)
      ) {
        changed = true
      } else {
        next.push(id)
      }
    }
    for (const id of this.replicas) {
      if (this.isr.includes(id) || id === this.#localBrokerId) continue
      const f = this.#followers.get(id)
      if (f !== undefined && eligible(id) && canJoinIsr(f, hw, this.#leaderEpochStartOffset)) {
        next.push(id)
        changed = true
      }
    }
    return changed ? next : undefined
  }

  /** Records an ISR proposal sent to the controller: {@link maximalIsr} counts it from now. */
  beginIsrChange(proposed: readonly number[]): void {
    this.#pendingIsr = [...proposed]
  }

  /**
   * The controller answered the pending proposal: it is no longer pending, and `committed` (the
   * state the controller holds, also sent with its refusals) is applied when it belongs to this
   * leadership and is newer than the state applied; a leadership change is left to the metadata
   * stream. Returns whether the state changed. Waiting requests re-check.
   */
  completeIsrChange(committed: CommittedIsr | undefined): boolean {
    this.#pendingIsr = undefined
    const current = this.#state
    let applied = false
    if (
      committed !== undefined &&
      current !== undefined &&
      this.isLeader &&
      committed.leader === this.#localBrokerId &&
      committed.leaderEpoch === current.leaderEpoch &&
      committed.partitionEpoch > current.partitionEpoch
    ) {
      this.#state = {
        ...current,
        isr: [...committed.isr],
        partitionEpoch: committed.partitionEpoch,
      }
      this.#resetFollowers(false)
      applied = true
    }
    this.maybeIncrementHighWatermark()
    this.#listener.stateChanged(this)
    return applied
  }

  /**
   * Follower side: the high watermark becomes min(leader's high watermark, own log end offset)
   * when that is higher (a new leader's can briefly lag behind; this one never goes back).
   */
  updateFollowerHighWatermark(leaderHighWatermark: number): void {
    if (this.isLeader || this.log.isClosed) return
    const candidate = Math.min(leaderHighWatermark, this.log.logEndOffset)
    if (candidate > this.#highWatermark) this.#highWatermark = candidate
  }

  /**
   * Follower truncation of a diverged suffix (KIP-101/KIP-320). Returns the new log end offset;
   * the high watermark follows it down if the truncation went below it (which the protocol
   * should never need: the caller warns).
   */
  truncateTo(offset: number): number {
    const leo = this.log.truncateTo(offset)
    if (this.#highWatermark > leo) this.#highWatermark = leo
    return leo
  }

  /** Follower whose log fell below the leader's log start offset: empty it and restart there. */
  truncateFullyAndStartAt(offset: number): void {
    this.log.truncateFullyAndStartAt(offset)
    this.#highWatermark = offset
  }

  /**
   * Moves the leader's high watermark to the minimum log end offset over the ISR when that is
   * higher (a follower whose position is unknown holds it back). Never moves it back. Returns
   * whether it moved; listeners hear of it.
   */
  maybeIncrementHighWatermark(): boolean {
    if (!this.isLeader || this.log.isClosed) return false
    // Records acknowledged with acks=1 while the ISR is below min.insync.replicas stay invisible
    // until enough replicas hold them (as Kafka does since KIP-966); min ISR 1 never blocks.
    const minIsr = this.config.minInsyncReplicas
    if (minIsr > 1 && this.maximalIsr.length < minIsr) return false
    let candidate = this.log.logEndOffset
    for (const id of this.maximalIsr) {
      if (id === this.#localBrokerId) continue
      const leo = this.#followers.get(id)?.logEndOffset ?? -1
      if (leo < candidate) candidate = leo
    }
    if (candidate <= this.highWatermark) return false
    this.#highWatermark = candidate
    this.#listener.highWatermarkAdvanced(this)
    return true
  }

  /**
   * Whether an acks=-1 append ending before `requiredOffset` is done (Kafka's
   * checkEnoughReplicasReachOffset): once the high watermark reaches it, it succeeded, unless
   * the ISR meanwhile shrank below `min.insync.replicas` (NOT_ENOUGH_REPLICAS_AFTER_APPEND, at
   * once when that minimum is above 1, since the high watermark then stops); losing leadership
   * ends it with NOT_LEADER_OR_FOLLOWER.
   */
  checkEnoughReplicasReachOffset(requiredOffset: number): { done: boolean; error?: ErrorName } {
    if (!this.isLeader) return { done: true, error: 'NOT_LEADER_OR_FOLLOWER' }
    const tooFew = this.maximalIsr.length < this.config.minInsyncReplicas
    // Below min ISR (> 1) the HW does not move, so waiting longer cannot help: fail now.
    if (this.highWatermark < requiredOffset && !(tooFew && this.config.minInsyncReplicas > 1)) {
      return { done: false }
    }
    if (tooFew) return { done: true, error: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' }
    return { done: true }
  }

  /**
   * Keeps a state per follower replica. A new leadership (Kafka's makeLeader) forgets the
   * followers' positions, since they were learnt under another leader, and counts the ISR
   * members as caught up now so they get a full `replica.lag.time.max.ms` to show up.
   */
  #resetFollowers(newLeadership: boolean): void {
    const now = this.#now()
    const replicas = new Set(this.replicas)
    for (const id of this.#followers.keys()) if (!replicas.has(id)) this.#followers.delete(id)
    for (const id of replicas) {
      if (id === this.#localBrokerId) continue
      if (!newLeadership && this.#followers.has(id)) continue
      this.#followers.set(id, initialFollowerState(id, this.isr.includes(id), now))
    }
  }
}
