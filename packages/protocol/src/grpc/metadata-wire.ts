import type * as pb from '../generated/index.js'

/** A registered broker as the controller's image and a broker's metadata cache both hold it. */
export interface BrokerView {
  readonly brokerId: number
  readonly brokerEpoch: number
  readonly incarnationId: string
  readonly endpoint: { readonly host: string; readonly port: number; readonly httpPort: number }
  readonly rack: string | null
  readonly fenced: boolean
}

/** A partition's replication state as the controller's image and a broker's cache hold it. */
export interface PartitionView {
  readonly topic: string
  readonly partition: number
  readonly replicas: readonly number[]
  readonly isr: readonly number[]
  /** -1 when offline. */
  readonly leader: number
  readonly leaderEpoch: number
  readonly partitionEpoch: number
}

/** A broker as the wire carries it (int64 broker epoch as a decimal string). */
export function brokerInfo(b: BrokerView): pb.BrokerInfo {
  return {
    brokerId: b.brokerId,
    endpoint: { ...b.endpoint },
    rack: b.rack ?? '',
    fenced: b.fenced,
    brokerEpoch: String(b.brokerEpoch),
    incarnationId: b.incarnationId,
  }
}

/** A partition as the wire carries it; `offline` when it has no leader. */
export function partitionMetadata(p: PartitionView): pb.PartitionMetadata {
  return {
    topic: p.topic,
    partition: p.partition,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    partitionEpoch: p.partitionEpoch,
    replicas: [...p.replicas],
    isr: [...p.isr],
    offline: p.leader === -1,
  }
}
