import { type ErrorName, errorInfo, type pb, SamsaError } from '@samsa/protocol'
import type { MetadataCache } from './metadata-cache.js'
import type { Partition } from './partition-state.js'
import type { ReplicaManager } from './replica-manager.js'

type ErrorInfo = { code: number; message: string }

/** Why a request item cannot be served here, and where its leader is when that is known. */
export interface PartitionFailure {
  readonly error: ErrorInfo
  /** With NOT_LEADER_OR_FOLLOWER and the epoch errors: the leader the metadata names (KIP-951). */
  readonly currentLeader: pb.LeaderIdAndEpoch | null
  /** The local replica, when there is one (its offsets may still be reported). */
  readonly local: Partition | undefined
}

export interface PartitionResolverOptions {
  readonly brokerId: number
  readonly replicaManager: ReplicaManager
  readonly cache: MetadataCache
}

/**
 * Finds the partition a data-path request names and checks that this broker may serve it as
 * leader, the same way for Produce, Fetch and ListOffsets (Kafka's getPartitionOrException and
 * localLogWithEpochOrThrow):
 * - a negative partition, an unknown topic or a partition beyond the topic's count:
 *   UNKNOWN_TOPIC_OR_PARTITION;
 * - `currentLeaderEpoch` >= 0 and older than the replica's: FENCED_LEADER_EPOCH; newer:
 *   UNKNOWN_LEADER_EPOCH (this broker has not seen that epoch yet);
 * - a partition this broker follows, does not host, or that is offline: NOT_LEADER_OR_FOLLOWER.
 * Every failure except the unknown partition carries the current leader from the metadata, so
 * a client redirects without a metadata round trip.
 */
export class PartitionResolver {
  readonly #o: PartitionResolverOptions

  constructor(options: PartitionResolverOptions) {
    this.#o = options
  }

  /** The leader replica, or why it cannot be served. */
  leader(topic: string, partition: number, currentLeaderEpoch = -1): Partition | PartitionFailure {
    const { replicaManager, cache, brokerId } = this.#o
    const where = `${topic}-${partition}`
    if (!Number.isInteger(partition) || partition < 0) {
      return failure(
        'UNKNOWN_TOPIC_OR_PARTITION',
        `Partition ${partition} of '${topic}' does not exist`,
      )
    }
    const local = replicaManager.partition(topic, partition)
    if (local !== undefined && local.role !== undefined && !local.isRemoved) {
      const current = { leaderId: local.leader, leaderEpoch: local.leaderEpoch }
      if (currentLeaderEpoch >= 0 && currentLeaderEpoch < local.leaderEpoch) {
        return failure(
          'FENCED_LEADER_EPOCH',
          `Leader epoch ${currentLeaderEpoch} of ${where} is older than the current epoch ${local.leaderEpoch}`,
          current,
          local,
        )
      }
      if (currentLeaderEpoch > local.leaderEpoch) {
        return failure(
          'UNKNOWN_LEADER_EPOCH',
          `Leader epoch ${currentLeaderEpoch} of ${where} is newer than the epoch ${local.leaderEpoch} broker ${brokerId} knows`,
          current,
          local,
        )
      }
      if (local.isLeader) return local
      return failure('NOT_LEADER_OR_FOLLOWER', notLeader(brokerId, where, current), current, local)
    }
    const topicState = cache.topic(topic)
    const state = topicState?.partitions[partition]
    if (topicState === undefined) {
      return failure('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${topic}' does not exist`)
    }
    if (state === undefined) {
      return failure(
        'UNKNOWN_TOPIC_OR_PARTITION',
        `Topic '${topic}' has ${topicState.partitions.length} partitions; there is no partition ${partition}`,
      )
    }
    const current = { leaderId: state.leader, leaderEpoch: state.leaderEpoch }
    return failure('NOT_LEADER_OR_FOLLOWER', notLeader(brokerId, where, current), current)
  }
}

export function isFailure(r: Partition | PartitionFailure): r is PartitionFailure {
  return 'error' in r
}

function failure(
  code: ErrorName,
  message: string,
  currentLeader: pb.LeaderIdAndEpoch | null = null,
  local?: Partition,
): PartitionFailure {
  return { error: errorInfo(code, message), currentLeader, local }
}

function notLeader(brokerId: number, where: string, current: pb.LeaderIdAndEpoch): string {
  return current.leaderId! < 0
    ? `${where} has no leader: no in-sync replica is alive`
    : `Broker ${brokerId} is not the leader of ${where}; broker ${current.leaderId} is (epoch ${current.leaderEpoch})`
}

/**
 * The wire error for a failure while touching a log: a Samsa error keeps its Kafka code
 * (CORRUPT_MESSAGE, INVALID_RECORD, MESSAGE_TOO_LARGE, OFFSET_OUT_OF_RANGE, KAFKA_STORAGE_ERROR
 * for a closed log or a failed disk, ...); anything else came from the disk or the file system
 * and is KAFKA_STORAGE_ERROR.
 */
export function logErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof SamsaError) return { code: err.errorCode, message: err.message }
  const message = err instanceof Error ? err.message : String(err)
  return errorInfo('KAFKA_STORAGE_ERROR', `Storage failure: ${message}`)
}

/** Whether {@link logErrorInfo} would call it a storage failure (worth an error log line). */
export function isStorageFailure(err: unknown): boolean {
  return !(err instanceof SamsaError) || err.code === 'KAFKA_STORAGE_ERROR'
}
