import type { ErrorName } from '@samsa/protocol'
import type { MetadataImage, PartitionState } from './metadata-image.js'
import type { PartitionChangedRecord } from './metadata-records.js'

/** Topic config (and cluster default) that lets an out-of-sync replica become leader. */
export const UNCLEAN_LEADER_ELECTION_ENABLE = 'unclean.leader.election.enable'

/** May `brokerId` lead or be in an ISR? */
export type Eligibility = (brokerId: number) => boolean

/**
 * The clean leader: the first replica, in assignment order, that is in the ISR and eligible
 * (registered and unfenced); -1 when there is none (the partition is offline).
 */
export function electLeader(
  replicas: readonly number[],
  isr: readonly number[],
  eligible: Eligibility,
): number {
  for (const id of replicas) if (isr.includes(id) && eligible(id)) return id
  return -1
}

/** The unclean leader: the first eligible replica in assignment order, in the ISR or not. */
export function electUncleanLeader(replicas: readonly number[], eligible: Eligibility): number {
  for (const id of replicas) if (eligible(id)) return id
  return -1
}

/** Whether unclean leader election is on for `topic` (its override, else the default). */
export function uncleanElectionEnabled(
  image: MetadataImage,
  topic: string,
  clusterDefault: boolean,
): boolean {
  const value = image.topic(topic)?.configs[UNCLEAN_LEADER_ELECTION_ENABLE]
  return value === undefined ? clusterDefault : value === 'true'
}

/**
 * The record that moves `current` to the given leader and ISR, with the epochs the design
 * requires: every leader change increments leaderEpoch, every change of leader or ISR
 * increments partitionEpoch. Undefined when nothing would change.
 */
export function partitionChange(
  image: MetadataImage,
  current: PartitionState,
  target: { leader?: number; isr?: readonly number[]; unclean?: boolean },
  reason: string,
): PartitionChangedRecord | undefined {
  const leader = target.leader ?? current.leader
  const isr = target.isr ?? current.isr
  const leaderChanged = leader !== current.leader
  if (!leaderChanged && sameMembers(isr, current.isr)) return undefined
  return {
    type: 'partition-changed',
    topic: current.topic,
    topicId: image.topic(current.topic)!.topicId,
    partition: current.partition,
    leader,
    isr: [...isr],
    leaderEpoch: leaderChanged ? current.leaderEpoch + 1 : current.leaderEpoch,
    partitionEpoch: current.partitionEpoch + 1,
    unclean: target.unclean ?? false,
    reason,
  }
}

/**
 * The partition changes that take `brokerId` out of service (fenced after a session timeout,
 * a controlled shutdown, a re-registration): it leaves every ISR it is in, except that an ISR
 * is never emptied (the last member stays, so it can lead again when it returns, as in
 * KIP-841); and every partition it led gets the next clean leader, or -1 (offline), or with
 * unclean.leader.election.enable any live replica, whose ISR then becomes just that replica.
 */
export function planBrokerRemoval(
  image: MetadataImage,
  brokerId: number,
  reason: string,
  uncleanDefault: boolean,
): PartitionChangedRecord[] {
  const eligible: Eligibility = (id) => id !== brokerId && image.isUnfenced(id)
  const records: PartitionChangedRecord[] = []
  for (const p of image.partitions()) {
    const inIsr = p.isr.includes(brokerId)
    if (!inIsr && p.leader !== brokerId) continue
    const remaining = p.isr.filter((id) => id !== brokerId)
    const isr = remaining.length > 0 ? remaining : p.isr
    let leader = p.leader
    let unclean = false
    let newIsr = isr
    if (p.leader === brokerId || p.leader === -1) {
      leader = electLeader(p.replicas, isr, eligible)
      if (leader === -1 && uncleanElectionEnabled(image, p.topic, uncleanDefault)) {
        leader = electUncleanLeader(p.replicas, eligible)
        if (leader !== -1) {
          unclean = true
          newIsr = [leader]
        }
      }
    }
    const record = partitionChange(image, p, { leader, isr: newIsr, unclean }, reason)
    if (record) records.push(record)
  }
  return records
}

/**
 * The elections that an unfenced broker makes possible: every offline partition gets its
 * clean leader if it now has one (typically the returning broker, left as the last ISR
 * member), or with unclean.leader.election.enable any live replica. `eligible` must already
 * count the returning broker as unfenced.
 */
export function planOfflineElections(
  image: MetadataImage,
  eligible: Eligibility,
  uncleanDefault: boolean,
  reason: string,
): PartitionChangedRecord[] {
  const records: PartitionChangedRecord[] = []
  for (const p of image.partitions()) {
    if (p.leader !== -1) continue
    const record = electOffline(
      image,
      p,
      eligible,
      uncleanElectionEnabled(image, p.topic, uncleanDefault),
      reason,
    )
    if (record) records.push(record)
  }
  return records
}

function electOffline(
  image: MetadataImage,
  p: PartitionState,
  eligible: Eligibility,
  unclean: boolean,
  reason: string,
): PartitionChangedRecord | undefined {
  const leader = electLeader(p.replicas, p.isr, eligible)
  if (leader !== -1) return partitionChange(image, p, { leader }, reason)
  if (!unclean) return undefined
  const uncleanLeader = electUncleanLeader(p.replicas, eligible)
  if (uncleanLeader === -1) return undefined
  return partitionChange(
    image,
    p,
    { leader: uncleanLeader, isr: [uncleanLeader], unclean: true },
    reason,
  )
}

/** The outcome of an election for one partition. */
export interface ElectionOutcome {
  readonly topic: string
  readonly partition: number
  /** Undefined on success. */
  readonly error?: ErrorName
  /** The leader after the election. */
  readonly leader: number
  readonly record?: PartitionChangedRecord
}

/**
 * Preferred-leader election (`auto.leader.rebalance.enable`, ElectLeaders PREFERRED): moves
 * leadership of `p` to its first replica when that replica is in the ISR and unfenced.
 * ELECTION_NOT_NEEDED when it already leads, PREFERRED_LEADER_NOT_AVAILABLE when it cannot.
 */
export function electPreferred(image: MetadataImage, p: PartitionState): ElectionOutcome {
  const preferred = p.replicas[0]!
  const base = { topic: p.topic, partition: p.partition }
  if (p.leader === preferred) return { ...base, error: 'ELECTION_NOT_NEEDED', leader: p.leader }
  if (!p.isr.includes(preferred) || !image.isUnfenced(preferred)) {
    return { ...base, error: 'PREFERRED_LEADER_NOT_AVAILABLE', leader: p.leader }
  }
  const record = partitionChange(image, p, { leader: preferred }, 'preferred-election')!
  return { ...base, leader: preferred, record }
}

/**
 * Unclean election on request (ElectLeaders UNCLEAN): only for offline partitions; a clean
 * leader is still preferred. ELECTION_NOT_NEEDED for a partition that has a leader,
 * ELIGIBLE_LEADERS_NOT_AVAILABLE when no replica is alive.
 */
export function electUnclean(image: MetadataImage, p: PartitionState): ElectionOutcome {
  const base = { topic: p.topic, partition: p.partition }
  if (p.leader !== -1) return { ...base, error: 'ELECTION_NOT_NEEDED', leader: p.leader }
  const record = electOffline(image, p, (id) => image.isUnfenced(id), true, 'unclean-election')
  if (!record) return { ...base, error: 'ELIGIBLE_LEADERS_NOT_AVAILABLE', leader: -1 }
  return { ...base, leader: record.leader, record }
}

/** Every partition whose preferred replica could lead but does not (for auto rebalancing). */
export function planPreferredElections(image: MetadataImage): PartitionChangedRecord[] {
  const records: PartitionChangedRecord[] = []
  for (const p of image.partitions()) {
    const outcome = electPreferred(image, p)
    if (outcome.record) records.push(outcome.record)
  }
  return records
}

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id))
}
