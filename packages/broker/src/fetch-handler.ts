import { errorInfo, MAX_GRPC_MESSAGE_BYTES, type pb } from '@samsa/protocol'
import { DelayedFetch, type FetchParams, FetchPartitionState } from './delayed-fetch.js'
import type { DelayedOperationPurgatory } from './delayed-operation.js'
import type { Logger } from './logger.js'
import type { MetadataCache } from './metadata-cache.js'
import { isFailure, type PartitionResolver } from './partition-resolver.js'
import { type Partition, partitionKey } from './partition-state.js'

/** `max_bytes` when the request leaves it at 0: Kafka's `fetch.max.bytes` default (50 MiB). */
export const DEFAULT_FETCH_MAX_BYTES = 50 * 1024 * 1024
/** `partition_max_bytes` when left at 0: Kafka's `max.partition.fetch.bytes` default (1 MiB). */
export const DEFAULT_PARTITION_FETCH_MAX_BYTES = 1024 * 1024
/** Largest response a fetch may ask for: the gRPC message limit, less room for the envelope. */
export const FETCH_RESPONSE_MAX_BYTES = MAX_GRPC_MESSAGE_BYTES - 1024 * 1024

export interface FetchHandlerOptions {
  readonly brokerId: number
  readonly resolver: PartitionResolver
  readonly cache: MetadataCache
  readonly purgatory: DelayedOperationPurgatory<DelayedFetch>
  readonly logger: Logger
}

/**
 * Fetch, for consumers (`replica_id` -1: read below the high watermark) and for follower replicas
 * (`replica_id` = their broker id: read up to the log end offset; the fetch offset is the
 * follower's log end offset and moves the leader's high watermark). Every partition is checked
 * like Produce (unknown, not the leader, `current_leader_epoch` fenced or unknown), then its
 * offset: below the log start offset or past the log end offset is OFFSET_OUT_OF_RANGE (an offset
 * between the high watermark and the log end offset is not an error for a consumer: it waits, as
 * in Kafka, since a new leader's high watermark can briefly lag). A follower whose last fetched
 * epoch diverged from this log is answered with the diverging epoch and its end offset.
 *
 * Then whole batches are read straight from the log, one Buffer per partition, within
 * `partition_max_bytes` and `max_bytes` (the first batch always, KIP-74), and the answer waits
 * in the purgatory until `min_bytes` are there or `max_wait_ms` passes; it goes at once when a
 * partition failed.
 */
export class FetchHandler {
  readonly #o: FetchHandlerOptions
  readonly #log: Logger

  constructor(options: FetchHandlerOptions) {
    this.#o = options
    this.#log = options.logger
  }

  handle(
    request: pb.FetchRequest__Output,
    onCancel: (cancel: () => void) => void = () => {},
  ): Promise<pb.FetchResponse> | pb.FetchResponse {
    const isFollower = request.replicaId >= 0
    const stale = isFollower ? this.#staleBrokerEpoch(request) : undefined
    if (stale !== undefined) {
      return {
        error: stale,
        throttleTimeMs: 0,
        topics: request.topics.map((t) => ({
          topic: t.topic,
          partitions: t.partitions.map((p) =>
            FetchPartitionState.failed(t.topic, p.partition, stale).response(),
          ),
        })),
      }
    }
    const params: FetchParams = {
      replicaId: isFollower ? request.replicaId : -1,
      isFollower,
      minBytes: request.minBytes,
      maxBytes: clampBytes(request.maxBytes, DEFAULT_FETCH_MAX_BYTES),
    }
    const states: FetchPartitionState[] = []
    for (const t of request.topics) {
      for (const p of t.partitions) states.push(this.#prepare(t.topic, p, params))
    }

    const purgatory = this.#o.purgatory
    const maxWaitMs = Math.max(0, request.maxWaitMs)
    return new Promise<pb.FetchResponse>((resolve) => {
      const op = new DelayedFetch(purgatory.now() + maxWaitMs, params, states, resolve)
      const keys = op.readable().map((s) => partitionKey(s.topic, s.partition))
      if (!purgatory.tryCompleteElseWatch(op, keys)) {
        if (this.#log.isLevelEnabled('debug')) {
          this.#log.debug(
            { replicaId: params.replicaId, partitions: states.length, maxWaitMs, bytes: op.bytes },
            'fetch waiting',
          )
        }
        onCancel(() => op.cancel())
      }
    })
  }

  /** Checks one partition and, for a follower, records its position. */
  #prepare(topic: string, p: pb.FetchPartition__Output, params: FetchParams): FetchPartitionState {
    const resolved = this.#o.resolver.leader(topic, p.partition, p.currentLeaderEpoch)
    if (isFailure(resolved)) {
      return FetchPartitionState.failed(topic, p.partition, resolved.error, {
        currentLeader: resolved.currentLeader,
        local: resolved.local,
      })
    }
    const replica = resolved
    const log = replica.log
    const where = `${topic}-${p.partition}`
    const fetchOffset = Number(p.fetchOffset)
    const fail = (error: { code: number; message: string }, divergingEpoch?: pb.EpochEndOffset) =>
      FetchPartitionState.failed(topic, p.partition, error, {
        local: replica,
        ...(divergingEpoch === undefined ? {} : { divergingEpoch }),
      })

    if (
      params.isFollower &&
      (params.replicaId === this.#o.brokerId || !replica.replicas.includes(params.replicaId))
    ) {
      return fail(
        errorInfo(
          'NOT_LEADER_OR_FOLLOWER',
          `Broker ${params.replicaId} is not a follower of ${where} (replicas ${replica.replicas.join(',')}, leader ${this.#o.brokerId})`,
        ),
      )
    }
    const outOfRange = (why = '') =>
      fail(
        errorInfo(
          'OFFSET_OUT_OF_RANGE',
          `Offset ${p.fetchOffset} is out of range for ${where}: [${log.logStartOffset}, ${log.logEndOffset}]${why}`,
        ),
      )
    if (!Number.isSafeInteger(fetchOffset) || fetchOffset < log.logStartOffset) return outOfRange()
    if (params.isFollower) {
      // Before the end-offset check: a diverged follower may be past this log's end.
      const diverging = divergingEpoch(replica, p.lastFetchedEpoch, fetchOffset)
      if (diverging === 'unknown') {
        return outOfRange(
          `; the end of its last fetched epoch ${p.lastFetchedEpoch} is unknown here`,
        )
      }
      if (diverging !== undefined) return fail(errorInfo('NONE'), diverging)
    }
    if (fetchOffset > log.logEndOffset) return outOfRange()
    if (params.isFollower) {
      const followerStart = Number(p.logStartOffset)
      replica.updateFollowerFetchState(
        params.replicaId,
        fetchOffset,
        Number.isSafeInteger(followerStart) ? followerStart : -1,
      )
    }
    return new FetchPartitionState(
      topic,
      p.partition,
      replica,
      fetchOffset,
      clampBytes(p.partitionMaxBytes, DEFAULT_PARTITION_FETCH_MAX_BYTES),
    )
  }

  /**
   * KIP-903-style fencing of a follower from an earlier incarnation: its broker epoch is older
   * than the one the metadata holds. `replica_epoch` <= 0 (absent) is not checked.
   */
  #staleBrokerEpoch(
    request: pb.FetchRequest__Output,
  ): { code: number; message: string } | undefined {
    const epoch = Number(request.replicaEpoch)
    if (!(epoch > 0)) return undefined
    const known = this.#o.cache.broker(request.replicaId)?.brokerEpoch
    if (known === undefined || epoch >= known) return undefined
    return errorInfo(
      'STALE_BROKER_EPOCH',
      `Fetch from broker ${request.replicaId} with broker epoch ${epoch}, older than its current epoch ${known}`,
    )
  }
}

/**
 * The follower's divergence from this log (Kafka's validateFetchOffsetAndMaybeGetDivergingEpoch,
 * KIP-320/KIP-595): when its last fetched epoch ends here before its fetch offset, or this log
 * only has an older epoch, it must truncate to the returned end offset before fetching again.
 * `unknown` when this log cannot place that epoch at all (Kafka answers OFFSET_OUT_OF_RANGE);
 * undefined when it does not diverge, or sent no epoch (-1).
 */
function divergingEpoch(
  replica: Partition,
  lastFetchedEpoch: number,
  fetchOffset: number,
): pb.EpochEndOffset | 'unknown' | undefined {
  if (lastFetchedEpoch < 0) return undefined
  const { epoch, endOffset } = replica.log.endOffsetForEpoch(lastFetchedEpoch)
  if (epoch < 0 || endOffset < 0) return 'unknown'
  if (epoch < lastFetchedEpoch || endOffset < fetchOffset) {
    return { epoch, endOffset: String(endOffset) }
  }
  return undefined
}

function clampBytes(requested: number, fallback: number): number {
  const n = requested > 0 ? requested : fallback
  return Math.min(n, FETCH_RESPONSE_MAX_BYTES)
}
