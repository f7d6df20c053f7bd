/**
 * @samsa/client: the Samsa SDK, shaped like KafkaJS (DESIGN.md §6).
 *
 * Today it has the admin client; the producer and consumer come with the data path.
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
export * from './errors.js'
export * from './options.js'
export { isRetriable, type RetryHooks, retry, retryDelay } from './retry.js'
export { Samsa } from './samsa.js'
