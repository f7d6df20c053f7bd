import { errorInfo, type pb } from '@samsa/protocol'
import type { DelayedOperationPurgatory } from './delayed-operation.js'
import { DelayedProduce, type PendingAppend } from './delayed-produce.js'
import type { Logger } from './logger.js'
import {
  isFailure,
  isStorageFailure,
  logErrorInfo,
  type PartitionResolver,
} from './partition-resolver.js'
import { partitionKey } from './partition-state.js'

export interface ProduceHandlerOptions {
  readonly resolver: PartitionResolver
  readonly purgatory: DelayedOperationPurgatory<DelayedProduce>
  readonly logger: Logger
}

/**
 * Produce (Kafka's ReplicaManager.appendRecords). `acks` must be -1, 0 or 1
 * (INVALID_REQUIRED_ACKS, nothing appended). Each partition is appended on its own: leadership,
 * `min.insync.replicas` for acks=-1, `max.message.bytes`, then the log's header and CRC checks,
 * offset stamping in place and the append; a partition that fails is left unchanged and gets its
 * error, the others go on. acks=0 and acks=1 answer after the local append (acks=0 without
 * offsets); acks=-1 waits in the purgatory until the high watermark passes the appended records
 * or `timeout_ms` runs out (REQUEST_TIMED_OUT; 0 or less: no wait). Records are never decoded.
 */
export class ProduceHandler {
  readonly #o: ProduceHandlerOptions
  readonly #log: Logger

  constructor(options: ProduceHandlerOptions) {
    this.#o = options
    this.#log = options.logger
  }

  /**
   * Answers a Produce. Returns the response, or a promise of it when acks=-1 has to wait; `onCancel`
   * registers what to do when the caller goes away (the wait is then dropped).
   */
  handle(
    request: pb.ProduceRequest__Output,
    onCancel: (cancel: () => void) => void = () => {},
  ): pb.ProduceResponse | Promise<pb.ProduceResponse> {
    const { acks, timeoutMs } = request
    if (acks !== -1 && acks !== 0 && acks !== 1) {
      const error = errorInfo(
        'INVALID_REQUIRED_ACKS',
        `acks must be -1 (all in-sync replicas), 0 or 1; got ${acks}`,
      )
      return {
        error,
        topics: request.topics.map((t) => ({
          topic: t.topic,
          partitions: t.partitions.map((p) => errorResponse(p.partition, error)),
        })),
      }
    }

    const pending: PendingAppend[] = []
    const response: pb.ProduceResponse = {
      topics: request.topics.map((t) => ({
        topic: t.topic,
        partitions: t.partitions.map((p) => {
          const out = this.#append(t.topic, p, acks)
          if (out.pending !== undefined) pending.push(out.pending)
          return out.response
        }),
      })),
    }
    if (pending.length === 0) return response

    const purgatory = this.#o.purgatory
    const wait = Math.max(0, timeoutMs)
    return new Promise<pb.ProduceResponse>((resolve) => {
      const op = new DelayedProduce(purgatory.now() + wait, wait, pending, response, resolve)
      const keys = pending.map((e) => partitionKey(e.partition.topic, e.partition.partition))
      if (!purgatory.tryCompleteElseWatch(op, keys)) onCancel(() => op.cancel())
    })
  }

  #append(
    topic: string,
    data: pb.PartitionProduceData__Output,
    acks: number,
  ): { response: pb.PartitionProduceResponse; pending?: PendingAppend } {
    const resolved = this.#o.resolver.leader(topic, data.partition)
    if (isFailure(resolved)) {
      this.#log.debug(
        { topic, partition: data.partition, error: resolved.error.message },
        'produce refused',
      )
      return {
        response: {
          ...errorResponse(data.partition, resolved.error),
          currentLeader: resolved.currentLeader,
        },
      }
    }
    const p = resolved
    const records = data.records
    try {
      const info = p.appendRecordsToLeader(records, acks)
      const response: pb.PartitionProduceResponse = {
        partition: data.partition,
        error: null,
        baseOffset: acks === 0 ? '-1' : String(info.firstOffset),
        logAppendTimeMs: '-1',
        logStartOffset: String(info.logStartOffset),
      }
      if (this.#log.isLevelEnabled('debug')) {
        this.#log.debug(
          {
            topic,
            partition: data.partition,
            acks,
            bytes: records.length,
            firstOffset: info.firstOffset,
            lastOffset: info.lastOffset,
          },
          'appended',
        )
      }
      if (acks !== -1) return { response }
      return {
        response,
        pending: {
          response,
          partition: p,
          leaderEpoch: p.leaderEpoch,
          requiredOffset: info.lastOffset + 1,
        },
      }
    } catch (err) {
      const error = logErrorInfo(err)
      if (isStorageFailure(err)) {
        this.#log.error({ err, topic, partition: data.partition }, 'append failed')
      } else {
        this.#log.debug(
          { topic, partition: data.partition, error: error.message },
          'append refused',
        )
      }
      return {
        response: {
          ...errorResponse(data.partition, error),
          logStartOffset: p.log.isClosed ? '-1' : String(p.log.logStartOffset),
        },
      }
    }
  }
}

function errorResponse(
  partition: number,
  error: { code: number; message: string },
): pb.PartitionProduceResponse {
  return { partition, error, baseOffset: '-1', logAppendTimeMs: '-1', logStartOffset: '-1' }
}
