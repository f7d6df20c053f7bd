/**
 * @samsa/client: the Samsa SDK, shaped like KafkaJS (DESIGN.md §6): `new Samsa({ brokers })`,
 * then `admin()`, `producer()` and `consumer()`. Offsets are exact bigints everywhere they are
 * handed out (strings and numbers are accepted as input).
 */
export { Admin } from './admin/admin.js'
export * from './admin/types.js'
export { type BrokerClient, BrokerPool, type BrokerPoolOptions } from './broker-pool.js'
export { type BrokerConnection, Cluster } from './cluster.js'
export type {
  BrokerMetadata,
  MetadataResult,
  PartitionMetadata,
  TopicMetadata,
} from './cluster-metadata.js'
export { ClusterMetadata } from './cluster-metadata.js'
export { Consumer, type ResolvedConsumerOptions } from './consumer/consumer.js'
export * from './consumer/types.js'
export * from './errors.js'
export type { IHeaders, KafkaMessage, Message, MessageHeaders } from './messages.js'
export { EARLIEST_OFFSET, LATEST_OFFSET, type OffsetInput, toOffset } from './offsets.js'
export * from './options.js'
export { createDefaultPartitioner, createStickyPartitioner } from './producer/partitioners.js'
export { Producer, type ResolvedProducerOptions } from './producer/producer.js'
export * from './producer/types.js'
export { isRetriable, type RetryHooks, retry, retryDelay } from './retry.js'
export { Samsa } from './samsa.js'
