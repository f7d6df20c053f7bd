import { errorInfo, type pb, toErrorInfo } from '@samsa/protocol'
import { DelayedOperation } from './delayed-operation.js'
import type { Partition } from './partition-state.js'

/** One partition of an acks=-1 produce that was appended and waits for the high watermark. */
export interface PendingAppend {
  /** The partition's entry in the response; its error (and offset) are set when it completes. */
  readonly response: pb.PartitionProduceResponse
  readonly partition: Partition
  /** The leader epoch the batches were appended under: another epoch means they may be gone. */
  readonly leaderEpoch: number
  /** Done once the high watermark reaches this: the last appended offset + 1. */
  readonly requiredOffset: number
}

/**
 * An acks=-1 produce waiting for replication (Kafka's DelayedProduce): each appended partition
 * is done once its high watermark reaches the appended records (NOT_ENOUGH_REPLICAS_AFTER_APPEND
 * if the ISR shrank below `min.insync.replicas` meanwhile), or once its leadership changed
 * (NOT_LEADER_OR_FOLLOWER: the records may or may not survive, the producer retries). The
 * answer goes when every partition is done, or at the request's timeout with REQUEST_TIMED_OUT
 * for those still waiting. Watched under each pending partition's key.
 */
export class DelayedProduce extends DelayedOperation {
  readonly #pending: Set<PendingAppend>
  readonly #response: pb.ProduceResponse
  readonly #reply: (response: pb.ProduceResponse) => void
  readonly #timeoutMs: number

  constructor(
    deadlineMs: number,
    timeoutMs: number,
    pending: readonly PendingAppend[],
    response: pb.ProduceResponse,
    reply: (response: pb.ProduceResponse) => void,
  ) {
    super(deadlineMs)
    this.#pending = new Set(pending)
    this.#response = response
    this.#reply = reply
    this.#timeoutMs = timeoutMs
  }

  override tryComplete(): boolean {
    for (const entry of this.#pending) {
      const { partition, leaderEpoch, requiredOffset, response } = entry
      if (partition.leaderEpoch !== leaderEpoch && partition.isLeader) {
        fail(
          response,
          errorInfo(
            'NOT_LEADER_OR_FOLLOWER',
            `Leadership of ${partition.topic}-${partition.partition} moved to epoch ${partition.leaderEpoch} before the records were replicated; they may not have been kept`,
          ),
        )
        this.#pending.delete(entry)
        continue
      }
      const { done, error } = partition.checkEnoughReplicasReachOffset(requiredOffset)
      if (!done) continue
      if (error !== undefined) {
        fail(
          response,
          errorInfo(
            error,
            error === 'NOT_LEADER_OR_FOLLOWER'
              ? `Broker lost leadership of ${partition.topic}-${partition.partition} (now broker ${partition.leader}, epoch ${partition.leaderEpoch}) before the records were replicated`
              : `The records of ${partition.topic}-${partition.partition} were written, but the ISR [${partition.maximalIsr.join(',')}] shrank below min.insync.replicas=${partition.config.minInsyncReplicas}`,
          ),
        )
        if (error === 'NOT_LEADER_OR_FOLLOWER') {
          response.currentLeader = {
            leaderId: partition.leader,
            leaderEpoch: partition.leaderEpoch,
          }
        }
      }
      this.#pending.delete(entry)
    }
    return this.#pending.size === 0 && this.forceComplete()
  }

  protected override onComplete(): void {
    for (const { response, partition } of this.#pending) {
      fail(
        response,
        errorInfo(
          'REQUEST_TIMED_OUT',
          `The records of ${partition.topic}-${partition.partition} were written on the leader but not replicated to every in-sync replica within ${this.#timeoutMs} ms`,
        ),
      )
    }
    this.#pending.clear()
    this.#reply(this.#response)
  }

  protected override onCompleteFailed(err: unknown): void {
    this.#reply({ error: toErrorInfo(err), topics: [] })
  }
}

function fail(response: pb.PartitionProduceResponse, error: { code: number; message: string }) {
  response.error = error
  response.baseOffset = '-1'
}
