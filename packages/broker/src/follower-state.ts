/** What the leader knows of one follower from its fetches (Kafka's ReplicaState). */
export interface FollowerState {
  readonly brokerId: number
  /** The follower's log end offset: its last fetch offset; -1 until it fetches from this leader. */
  readonly logEndOffset: number
  /** -1 until it fetches. */
  readonly logStartOffset: number
  /** When it last fetched (ms since the epoch); 0 never. */
  readonly lastFetchTimeMs: number
  /** The leader's log end offset at that fetch. */
  readonly lastFetchLeaderLogEndOffset: number
  /**
   * The last time the follower was caught up with the leader's log end offset (ms since the
   * epoch): what `replica.lag.time.max.ms` is measured against. 0 never.
   */
  readonly lastCaughtUpTimeMs: number
}

/** A follower's state at the start of a leadership: position unknown (Kafka's resetReplicaState). */
export function initialFollowerState(
  brokerId: number,
  inSync: boolean,
  now: number,
): FollowerState {
  // ISR members count as caught up now, so they get a whole `replica.lag.time.max.ms` to fetch.
  return {
    brokerId,
    logEndOffset: -1,
    logStartOffset: -1,
    lastFetchTimeMs: 0,
    lastFetchLeaderLogEndOffset: -1,
    lastCaughtUpTimeMs: inSync ? now : 0,
  }
}

/**
 * The state after a fetch at `fetchOffset` (Kafka's ReplicaState.updateFetchState): the fetch
 * offset is the follower's log end offset. It counts as caught up when it fetched at the leader's
 * log end offset, or at least at the leader's log end offset of its previous fetch (then it was
 * caught up as of that fetch), so a steady stream of appends does not make it look behind.
 */
export function followerStateAfterFetch(
  previous: FollowerState,
  fetchOffset: number,
  followerLogStartOffset: number,
  leaderLogEndOffset: number,
  now: number,
): FollowerState {
  let lastCaughtUpTimeMs = previous.lastCaughtUpTimeMs
  if (fetchOffset >= leaderLogEndOffset) lastCaughtUpTimeMs = Math.max(lastCaughtUpTimeMs, now)
  else if (fetchOffset >= previous.lastFetchLeaderLogEndOffset) {
    lastCaughtUpTimeMs = Math.max(lastCaughtUpTimeMs, previous.lastFetchTimeMs)
  }
  return {
    brokerId: previous.brokerId,
    logEndOffset: fetchOffset,
    logStartOffset: followerLogStartOffset,
    lastFetchTimeMs: now,
    lastFetchLeaderLogEndOffset: leaderLogEndOffset,
    lastCaughtUpTimeMs,
  }
}
