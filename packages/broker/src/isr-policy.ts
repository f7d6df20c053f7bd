import type { FollowerState } from './follower-state.js'

/** When a follower is out of sync (DESIGN.md §5). */
export interface IsrPolicy {
  /**
   * `replica.lag.time.max.ms`: a follower that has not caught up to the leader's log end offset
   * for longer than this leaves the ISR.
   */
  readonly lagTimeMaxMs: number
  /**
   * `replica.lag.max.messages`: a follower more than this many offsets behind the leader's log
   * end offset leaves the ISR; 0 turns the check off. Kafka dropped this threshold in 0.9
   * (KIP-16) because a burst larger than it makes healthy followers look behind until their
   * next fetch, so ISRs flap; Samsa keeps it, off by default.
   */
  readonly lagMaxMessages: number
}

/** Kafka's default `replica.lag.time.max.ms`, and the count threshold off. */
export const DEFAULT_ISR_POLICY: IsrPolicy = { lagTimeMaxMs: 30_000, lagMaxMessages: 0 }

/**
 * Whether a follower is out of sync (Kafka's Partition.isFollowerOutOfSync, plus the pre-0.9
 * count check): not caught up within the lag time, or, with the count check on and its position
 * known, too many offsets behind.
 */
export function isFollowerOutOfSync(
  f: FollowerState,
  leaderLogEndOffset: number,
  now: number,
  policy: IsrPolicy,
): boolean {
  if (now - f.lastCaughtUpTimeMs > policy.lagTimeMaxMs) return true
  // A position learnt under this leadership only: an unknown one (-1) is the time check's job.
  return (
    policy.lagMaxMessages > 0 &&
    f.logEndOffset >= 0 &&
    leaderLogEndOffset - f.logEndOffset > policy.lagMaxMessages
  )
}

/**
 * Whether a follower outside the ISR may join it (Kafka's Partition.isFollowerInSync with
 * canAddReplicaToIsr): it reached the high watermark, and fetched at or past the start of this
 * leader's epoch, so it holds everything this leader acknowledged.
 */
export function canJoinIsr(
  f: FollowerState,
  highWatermark: number,
  leaderEpochStartOffset: number,
): boolean {
  return (
    f.logEndOffset >= 0 &&
    f.logEndOffset >= highWatermark &&
    f.logEndOffset >= leaderEpochStartOffset
  )
}
