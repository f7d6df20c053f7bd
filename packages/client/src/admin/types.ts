import type { TopicMetadata } from '../cluster-metadata.js'

/** A topic to create (KafkaJS's ITopicConfig). */
export interface ITopicConfig {
  topic: string
  /** Default: the cluster's `num.partitions`. */
  numPartitions?: number
  /** Default: the cluster's `default.replication.factor`. */
  replicationFactor?: number
  /** Topic-level config overrides, e.g. `{ name: 'retention.ms', value: '86400000' }`. */
  configEntries?: readonly { name: string; value: string }[]
}

export interface CreateTopicsOptions {
  topics: readonly ITopicConfig[]
  /** Check everything and report errors, but create nothing. Default false. */
  validateOnly?: boolean
  /**
   * Resolve only once the broker answering metadata sees every new partition with a leader.
   * Default true.
   */
  waitForLeaders?: boolean
  /** How long to wait for the brokers to see the change, in ms. Default 5000. */
  timeout?: number
}

export interface DeleteTopicsOptions {
  topics: readonly string[]
  /** How long to wait for the brokers to see the change, in ms. Default 5000. */
  timeout?: number
}

export interface CreatePartitionsOptions {
  /** `count` is the new total number of partitions of `topic`. */
  topicPartitions: readonly { topic: string; count: number }[]
  validateOnly?: boolean
  /** How long to wait for the brokers to see the change, in ms. Default 5000. */
  timeout?: number
}

/** KafkaJS's ConfigResourceTypes; Samsa has topic configs only. */
export const ConfigResourceTypes = {
  UNKNOWN: 0,
  TOPIC: 2,
  BROKER: 4,
  BROKER_LOGGER: 8,
} as const

export type ConfigResourceType = (typeof ConfigResourceTypes)[keyof typeof ConfigResourceTypes]

/** KafkaJS's ConfigSource values used here. */
export const ConfigSource = {
  UNKNOWN: 0,
  TOPIC_CONFIG: 1,
} as const

export interface AlterConfigsOptions {
  validateOnly?: boolean
  /**
   * Changes per topic, applied incrementally (Kafka's IncrementalAlterConfigs): listed keys are
   * set, a `value` of null removes the override, keys not listed keep their value.
   */
  resources: readonly {
    type: ConfigResourceType
    name: string
    configEntries: readonly { name: string; value: string | null }[]
  }[]
  /** How long to wait for the brokers to see the change, in ms. Default 5000. */
  timeout?: number
}

export interface AlterConfigsResult {
  resources: {
    errorCode: number
    errorMessage: string | null
    resourceName: string
    resourceType: ConfigResourceType
  }[]
}

export interface DescribeConfigsOptions {
  resources: readonly {
    type: ConfigResourceType
    name: string
    /** Only these keys; default every override. */
    configNames?: readonly string[]
  }[]
}

export interface ConfigEntry {
  configName: string
  configValue: string
  /** Always false: only the topic's overrides are reported (brokers do not expose defaults). */
  isDefault: boolean
  configSource: number
  isSensitive: boolean
  readOnly: boolean
}

export interface DescribeConfigsResult {
  resources: {
    errorCode: number
    errorMessage: string | null
    resourceName: string
    resourceType: ConfigResourceType
    configEntries: ConfigEntry[]
  }[]
}

/** A broker as the controller knows it, fenced or not. */
export interface ClusterBroker {
  nodeId: number
  host: string
  /** gRPC port. */
  port: number
  /** HTTP admin port (/healthz, /readyz, metrics); 0 when the broker has none. */
  httpPort: number
  rack: string | null
  /** A fenced broker leads nothing (its session expired, or it is starting or stopping). */
  fenced: boolean
  /** Changes every time the broker registers (e.g. after a restart). */
  brokerEpoch: bigint
  /** Random id of the broker process that registered. */
  incarnationId: string
}

/** KafkaJS's describeCluster() answer, with Samsa's broker details. */
export interface ClusterDescription {
  clusterId: string
  /** The active controller's node id, or null when unknown. */
  controller: number | null
  /** The metadata version the answer reflects. */
  metadataVersion: bigint
  /** Every registered broker, by id. */
  brokers: ClusterBroker[]
}

export interface FetchTopicMetadataOptions {
  /** Default: every topic. */
  topics?: readonly string[]
}

export interface TopicsMetadata {
  topics: TopicMetadata[]
}

/** One partition's offsets (KafkaJS's fetchTopicOffsets entry), exact. */
export interface PartitionOffsets {
  partition: number
  /** The high watermark: the offset the next record will get once replicated. */
  offset: bigint
  /** The high watermark (same as `offset`). */
  high: bigint
  /** The log start offset: the oldest offset still stored. */
  low: bigint
}
