import { type ErrorName, SamsaError } from '@samsa/protocol'
import { requireCurrentEpoch } from './broker-commands.js'
import {
  type ElectionOutcome,
  electPreferred,
  electUnclean,
  partitionChange,
} from './leader-election.js'
import type { MetadataImage, PartitionState } from './metadata-image.js'
import type { PartitionChangedRecord } from './metadata-records.js'
import type { Plan } from './topic-commands.js'

export interface AlterPartitionRequest {
  readonly brokerId: number
  readonly brokerEpoch: number
  readonly topic: string
  readonly partition: number
  readonly leaderEpoch: number
  readonly partitionEpoch: number
  readonly newIsr: readonly number[]
}

/** A refused ISR change, with the partition's committed state so the leader can catch up. */
export class AlterPartitionError extends SamsaError {
  constructor(
    code: ErrorName,
    message: string,
    readonly current: PartitionState,
  ) {
    super(code, message)
  }
}

/**
 * A leader's ISR change, checked as Kafka's ReplicationControlManager does: the sender's broker
 * epoch (STALE_BROKER_EPOCH), the partition (UNKNOWN_TOPIC_OR_PARTITION), the leader epoch
 * (FENCED_LEADER_EPOCH), that the sender leads (NOT_LEADER_OR_FOLLOWER), the partition epoch
 * (INVALID_UPDATE_VERSION: another change was committed first), and the new ISR itself
 * (INVALID_REQUEST: must hold the leader, only assigned replicas, no duplicates;
 * INELIGIBLE_REPLICA: a fenced broker may not join). No record when the ISR is unchanged. `current` is the state before the change.
 */
export function planAlterPartition(
  image: MetadataImage,
  request: AlterPartitionRequest,
): { record?: PartitionChangedRecord; current: PartitionState } {
  const { brokerId, topic, partition } = request
  requireCurrentEpoch(image, brokerId, request.brokerEpoch)
  const current = image.partition(topic, partition)
  if (!current) {
    throw new SamsaError('UNKNOWN_TOPIC_OR_PARTITION', `Unknown partition ${topic}-${partition}`)
  }
  const fail = (code: ErrorName, message: string) =>
    new AlterPartitionError(code, `${topic}-${partition}: ${message}`, current)
  if (request.leaderEpoch !== current.leaderEpoch) {
    throw fail(
      'FENCED_LEADER_EPOCH',
      `leader epoch ${request.leaderEpoch} is not the current ${current.leaderEpoch}`,
    )
  }
  if (current.leader !== brokerId) {
    throw fail('NOT_LEADER_OR_FOLLOWER', `broker ${brokerId} is not the leader (${current.leader})`)
  }
  if (request.partitionEpoch !== current.partitionEpoch) {
    throw fail(
      'INVALID_UPDATE_VERSION',
      `partition epoch ${request.partitionEpoch} is not the current ${current.partitionEpoch}`,
    )
  }
  const isr = request.newIsr
  if (!isr.includes(brokerId))
    throw fail('INVALID_REQUEST', `the new ISR [${isr}] lacks the leader`)
  if (new Set(isr).size !== isr.length) throw fail('INVALID_REQUEST', `duplicate ids in [${isr}]`)
  const stranger = isr.find((id) => !current.replicas.includes(id))
  if (stranger !== undefined) {
    throw fail('INVALID_REQUEST', `broker ${stranger} is not a replica`)
  }
  const ineligible = isr.find((id) => !current.isr.includes(id) && !image.isUnfenced(id))
  if (ineligible !== undefined) {
    throw fail('INELIGIBLE_REPLICA', `broker ${ineligible} is fenced and cannot join the ISR`)
  }
  const record = partitionChange(image, current, { isr }, 'alter-partition')
  return record ? { record, current } : { current }
}

export type ElectionType = 'preferred' | 'unclean'

/**
 * ElectLeaders: for the given partitions (or every partition), a preferred or unclean
 * election; UNKNOWN_TOPIC_OR_PARTITION for a partition that does not exist.
 */
export function planElectLeaders(
  image: MetadataImage,
  type: ElectionType,
  partitions?: ReadonlyArray<{ topic: string; partition: number }>,
): Plan<ElectionOutcome> {
  const targets = partitions ?? [...image.partitions()]
  const records: PartitionChangedRecord[] = []
  const results: ElectionOutcome[] = []
  const seen = new Set<string>()
  for (const { topic, partition } of targets) {
    const key = `${topic}\u0000${partition}`
    if (seen.has(key)) continue
    seen.add(key)
    const p = image.partition(topic, partition)
    if (!p) {
      results.push({ topic, partition, error: 'UNKNOWN_TOPIC_OR_PARTITION', leader: -1 })
      continue
    }
    const outcome = type === 'preferred' ? electPreferred(image, p) : electUnclean(image, p)
    if (outcome.record) records.push(outcome.record)
    results.push(outcome)
  }
  return { records, results }
}
