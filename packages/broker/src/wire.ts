import { errorInfo, type pb } from '@samsa/protocol'
import type { CachedBroker, CachedPartition, CachedTopic } from './metadata-cache.js'

/**
 * Cache values as generated wire types (int64 fields as decimal strings, proto-loader
 * `longs: String`).
 */

export function brokerInfo(b: CachedBroker): pb.BrokerInfo {
  return {
    brokerId: b.brokerId,
    endpoint: { ...b.endpoint },
    rack: b.rack ?? '',
    fenced: b.fenced,
    brokerEpoch: String(b.brokerEpoch),
    incarnationId: b.incarnationId,
  }
}

/** A partition as Metadata answers it: an offline partition carries LEADER_NOT_AVAILABLE. */
export function partitionMetadata(p: CachedPartition): pb.PartitionMetadata {
  return {
    topic: p.topic,
    partition: p.partition,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    partitionEpoch: p.partitionEpoch,
    replicas: [...p.replicas],
    isr: [...p.isr],
    offline: p.leader === -1,
    ...(p.leader === -1
      ? {
          error: errorInfo(
            'LEADER_NOT_AVAILABLE',
            `${p.topic}-${p.partition} has no leader: no in-sync replica is alive`,
          ),
        }
      : {}),
  }
}

export function topicMetadata(t: CachedTopic): pb.TopicMetadata {
  return {
    name: t.name,
    topicId: t.topicId,
    configs: { ...t.configs },
    partitions: t.partitions.map(partitionMetadata),
  }
}
