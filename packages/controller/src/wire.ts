import { brokerInfo, partitionMetadata, type pb } from '@samsa/protocol'
import type { MetadataImage, TopicState } from './metadata-image.js'
import type { MetadataRecord } from './metadata-records.js'

/**
 * Conversions between the controller's types and the generated wire types. int64 fields
 * (versions, broker epochs) are sent as decimal strings (proto-loader `longs: String`).
 */

export function topicMetadata(t: TopicState): pb.TopicMetadata {
  return {
    name: t.name,
    topicId: t.topicId,
    configs: { ...t.configs },
    partitions: t.partitions.map(partitionMetadata),
  }
}

export function metadataSnapshot(image: MetadataImage, clusterId: string): pb.MetadataSnapshot {
  return {
    clusterId,
    brokers: [...image.brokers.values()].sort((a, b) => a.brokerId - b.brokerId).map(brokerInfo),
    topics: [...image.topics.values()].map(topicMetadata),
  }
}

export function wireRecord(r: MetadataRecord): pb.MetadataRecord {
  switch (r.type) {
    case 'broker-registered':
      return {
        brokerRegistered: {
          brokerId: r.brokerId,
          brokerEpoch: String(r.brokerEpoch),
          incarnationId: r.incarnationId,
          endpoint: { ...r.endpoint },
          rack: r.rack ?? '',
        },
      }
    case 'broker-fenced':
      return {
        brokerFenced: {
          brokerId: r.brokerId,
          brokerEpoch: String(r.brokerEpoch),
          reason: r.reason,
        },
      }
    case 'broker-unfenced':
      return { brokerUnfenced: { brokerId: r.brokerId, brokerEpoch: String(r.brokerEpoch) } }
    case 'topic-created':
      return { topicCreated: { name: r.name, topicId: r.topicId, configs: { ...r.configs } } }
    case 'topic-deleted':
      return { topicDeleted: { name: r.name, topicId: r.topicId } }
    case 'partition-created':
      return {
        partitionCreated: {
          topic: r.topic,
          topicId: r.topicId,
          partition: r.partition,
          replicas: [...r.replicas],
          isr: [...r.isr],
          leader: r.leader,
          leaderEpoch: r.leaderEpoch,
          partitionEpoch: r.partitionEpoch,
        },
      }
    case 'partition-changed':
      return {
        partitionChanged: {
          topic: r.topic,
          topicId: r.topicId,
          partition: r.partition,
          leader: r.leader,
          isr: [...r.isr],
          leaderEpoch: r.leaderEpoch,
          partitionEpoch: r.partitionEpoch,
          unclean: r.unclean,
          reason: r.reason,
        },
      }
    case 'config-changed':
      return {
        configChanged: {
          topic: r.topic,
          name: r.name,
          value: r.value ?? '',
          deleted: r.value === null,
        },
      }
  }
}

/** A wire int64 (string) as a number; versions and epochs stay far below 2^53. */
export function int64(value: string | number | null | undefined): number {
  const n = Number(value ?? 0)
  return Number.isFinite(n) ? n : 0
}
