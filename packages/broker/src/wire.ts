import { errorInfo, partitionMetadata, type pb } from '@samsa/protocol'
import type { CachedPartition, CachedTopic } from './metadata-cache.js'

/**
 * Cache values as generated wire types (int64 fields as decimal strings, proto-loader
 * `longs: String`).
 */

/** A partition as Metadata answers it: an offline partition carries LEADER_NOT_AVAILABLE. */
export function partitionMetadataWithError(p: CachedPartition): pb.PartitionMetadata {
  return {
    ...partitionMetadata(p),
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
    partitions: t.partitions.map(partitionMetadataWithError),
  }
}
