export { Backoff, type BackoffOptions, Sleeper } from './backoff.js'
export {
  BROKER_SERVICE_NAME,
  type BrokerOptions,
  type RunningBroker,
  startBroker,
} from './broker.js'
export {
  type BrokerSettings,
  brokerSettings,
  type HostPort,
  topicLogConfig,
} from './broker-config.js'
export {
  ADMIN_FORWARD_TIMEOUT_MS,
  BrokerService,
  type BrokerServiceOptions,
} from './broker-service.js'
export { type ClusterView, clusterView } from './cluster-view.js'
export {
  type BrokerEndpoint,
  type ChannelState,
  ControllerChannel,
  type ControllerChannelOptions,
  type ControllerMethod,
  type Registration,
} from './controller-channel.js'
export {
  type AdminHttpServer,
  type AdminHttpServerOptions,
  type Readiness,
  startAdminHttpServer,
} from './http-server.js'
export { createBrokerLogger, type Logger } from './logger.js'
export { LogDirsMetadata, META_PROPERTIES_FILE } from './meta-properties.js'
export {
  type CachedBroker,
  type CachedPartition,
  type CachedTopic,
  MetadataCache,
  MetadataCacheError,
  type MetadataChanges,
} from './metadata-cache.js'
export { MetadataWatcher, type MetadataWatcherOptions } from './metadata-watcher.js'
export {
  PARTITION_METADATA_FILE,
  readPartitionTopicId,
  writePartitionTopicId,
} from './partition-metadata-file.js'
export { Partition, type PartitionTransition, type ReplicaRole } from './partition-state.js'
export {
  type FollowerAssignment,
  NoopReplicaFetcherManager,
  type ReplicaFetcherManager,
} from './replica-fetcher-manager.js'
export { type LocalReplica, ReplicaManager, type ReplicaManagerOptions } from './replica-manager.js'
export { serve, tolerantService } from './request-handling.js'
export { type UnsupportedRpc, unsupportedHandlers } from './unsupported-handlers.js'
export { brokerInfo, partitionMetadata, topicMetadata } from './wire.js'
