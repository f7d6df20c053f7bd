import { batchLastOffset, batchSize, errorInfo, type pb, toErrorInfo } from '@samsa/protocol'
import { DelayedOperation } from './delayed-operation.js'
import { logErrorInfo } from './partition-resolver.js'
import type { Partition } from './partition-state.js'

type ErrorInfo = { code: number; message: string }

const EMPTY = Buffer.alloc(0)

/** What a fetch as a whole asks for. */
export interface FetchParams {
  /** A follower's broker id, or -1 for a consumer. */
  readonly replicaId: number
  /** Reads past the high watermark (up to the log end offset): a follower fetch. */
  readonly isFollower: boolean
  /** Bytes to wait for, over all partitions. */
  readonly minBytes: number
  /** Bound on the bytes of the response (the first batch returned may exceed it, KIP-74). */
  readonly maxBytes: number
}

/**
 * One partition of a fetch and how far reading it got. A partition that could not be served
 * (unknown, not led here, offset out of range, diverged follower) carries its answer from the
 * start and is never read.
 */
export class FetchPartitionState {
  readonly topic: string
  readonly partition: number
  /** The leader replica being read; undefined when the partition failed up front. */
  readonly replica: Partition | undefined
  /** The replica's leader epoch when the fetch arrived: another epoch ends the fetch. */
  readonly leaderEpoch: number
  /** `partition_max_bytes`. */
  readonly maxBytes: number
  /** The next offset to read: the fetch offset, then past each batch read. */
  nextOffset: number
  error: ErrorInfo | null = null
  currentLeader: pb.LeaderIdAndEpoch | null = null
  divergingEpoch: pb.EpochEndOffset | null = null
  /** The local replica of a failed partition, whose offsets are still worth reporting. */
  reportFrom: Partition | undefined
  readonly #chunks: Buffer[] = []
  #bytes = 0
  /** The next batch does not fit this response's budgets. */
  #full = false

  constructor(
    topic: string,
    partition: number,
    replica: Partition | undefined,
    fetchOffset: number,
    maxBytes: number,
  ) {
    this.topic = topic
    this.partition = partition
    this.replica = replica
    this.reportFrom = replica
    this.leaderEpoch = replica?.leaderEpoch ?? -1
    this.nextOffset = fetchOffset
    this.maxBytes = maxBytes
  }

  static failed(
    topic: string,
    partition: number,
    error: ErrorInfo,
    extra: {
      currentLeader?: pb.LeaderIdAndEpoch | null
      divergingEpoch?: pb.EpochEndOffset | null
      local?: Partition | undefined
    } = {},
  ): FetchPartitionState {
    const s = new FetchPartitionState(topic, partition, undefined, -1, 0)
    s.error = error
    s.currentLeader = extra.currentLeader ?? null
    s.divergingEpoch = extra.divergingEpoch ?? null
    s.reportFrom = extra.local
    return s
  }

  get bytes(): number {
    return this.#bytes
  }

  /** Whether the replica stopped being the leader this fetch started with. */
  get leadershipMoved(): boolean {
    const r = this.replica
    return r !== undefined && (!r.isLeader || r.leaderEpoch !== this.leaderEpoch)
  }

  /**
   * Reads what became readable since the last read (below the high watermark for a consumer,
   * the log end offset for a follower) within `budget` bytes; the first batch of the response
   * is taken whatever its size (`minOne`). Returns the bytes added. A cheap no-op when nothing is
   * new. A read failure becomes the partition's error.
   */
  readMore(params: FetchParams, budget: number, minOne: boolean): number {
    const r = this.replica
    if (r === undefined || this.error !== null || this.#full) return 0
    const bound = params.isFollower ? r.log.logEndOffset : r.highWatermark
    if (bound <= this.nextOffset) return 0
    const allowed = Math.min(budget, this.maxBytes - this.#bytes)
    if (allowed <= 0 && !minOne) {
      this.#full = true
      return 0
    }
    let data: Buffer
    try {
      data = r.log.read(
        this.nextOffset,
        Math.max(1, allowed),
        params.isFollower ? undefined : bound,
      )
    } catch (err) {
      this.error = logErrorInfo(err)
      return 0
    }
    if (data.length === 0) return 0
    if (data.length > allowed && !minOne) {
      // Its next batch alone is larger than what is left; it comes first in a later fetch.
      this.#full = true
      return 0
    }
    this.#chunks.push(data)
    this.#bytes += data.length
    this.nextOffset = lastOffsetOf(data) + 1
    return data.length
  }

  /** The partition's answer, with the replica's offsets as they are now. */
  response(): pb.FetchPartitionResponse {
    let error = this.error
    let currentLeader = this.currentLeader
    let records = this.#records()
    const r = this.replica
    if (error === null && r !== undefined && this.leadershipMoved) {
      currentLeader = { leaderId: r.leader, leaderEpoch: r.leaderEpoch }
      error = r.isRemoved
        ? errorInfo('NOT_LEADER_OR_FOLLOWER', `${this.topic}-${this.partition} left this broker`)
        : r.isLeader
          ? errorInfo(
              'FENCED_LEADER_EPOCH',
              `${this.topic}-${this.partition} moved to leader epoch ${r.leaderEpoch} during the fetch`,
            )
          : errorInfo(
              'NOT_LEADER_OR_FOLLOWER',
              `Leadership of ${this.topic}-${this.partition} moved to broker ${r.leader} during the fetch`,
            )
      records = EMPTY
    }
    // Offsets are reported only by the leader (a follower's would mislead); -1 otherwise.
    const r0 = this.reportFrom
    const from = r0?.isLeader && !r0.log.isClosed ? r0 : undefined
    const highWatermark = from ? String(from.highWatermark) : '-1'
    return {
      partition: this.partition,
      error,
      highWatermark,
      // No transactions yet: the last stable offset is the high watermark.
      lastStableOffset: highWatermark,
      logStartOffset: from ? String(from.log.logStartOffset) : '-1',
      divergingEpoch: this.divergingEpoch,
      currentLeader,
      preferredReadReplica: -1,
      records,
    }
  }

  /** One Buffer as read from the log; several reads (a long poll that woke more than once) are joined. */
  #records(): Buffer {
    if (this.#chunks.length === 0) return EMPTY
    if (this.#chunks.length === 1) return this.#chunks[0]!
    return Buffer.concat(this.#chunks, this.#bytes)
  }
}

/** The last offset of the last whole batch in `data` (batches straight from the log). */
function lastOffsetOf(data: Buffer): number {
  let last = 0
  for (let pos = 0; pos < data.length; pos += batchSize(data, pos)) last = pos
  return batchLastOffset(data, last)
}

/**
 * A fetch waiting for bytes (Kafka's DelayedFetch): each check reads only what became readable
 * since the previous one, so the bytes read add up to the bytes returned. It completes when
 * `min_bytes` are gathered, when a partition fails or its leadership moves, or at `max_wait_ms`
 * with what it has. Watched under each readable partition's key; woken when a high watermark
 * moves (consumers) or a log grows (followers).
 */
export class DelayedFetch extends DelayedOperation {
  readonly #params: FetchParams
  readonly #states: readonly FetchPartitionState[]
  readonly #reply: (response: pb.FetchResponse) => void
  #bytes = 0

  constructor(
    deadlineMs: number,
    params: FetchParams,
    states: readonly FetchPartitionState[],
    reply: (response: pb.FetchResponse) => void,
  ) {
    super(deadlineMs)
    this.#params = params
    this.#states = states
    this.#reply = reply
  }

  /** The partitions that can still bring bytes: the keys to watch. */
  readable(): FetchPartitionState[] {
    return this.#states.filter((s) => s.replica !== undefined && s.error === null)
  }

  override tryComplete(): boolean {
    if (this.#states.length === 0) return this.forceComplete()
    let stop = false
    for (const s of this.#states) {
      if (s.error !== null || s.leadershipMoved) {
        stop = true
        continue
      }
      this.#bytes += s.readMore(
        this.#params,
        this.#params.maxBytes - this.#bytes,
        this.#bytes === 0,
      )
      if (s.error !== null) stop = true
    }
    if (stop || this.#bytes >= this.#params.minBytes) return this.forceComplete()
    return false
  }

  /** Bytes gathered so far. */
  get bytes(): number {
    return this.#bytes
  }

  protected override onComplete(): void {
    const topics: pb.FetchableTopicResponse[] = []
    let current: pb.FetchableTopicResponse | undefined
    for (const s of this.#states) {
      if (current === undefined || current.topic !== s.topic) {
        current = { topic: s.topic, partitions: [] }
        topics.push(current)
      }
      current.partitions!.push(s.response())
    }
    this.#reply({ error: null, throttleTimeMs: 0, topics })
  }

  protected override onCompleteFailed(err: unknown): void {
    this.#reply({ error: toErrorInfo(err), throttleTimeMs: 0, topics: [] })
  }
}
