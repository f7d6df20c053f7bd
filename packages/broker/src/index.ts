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
  partitionConfig,
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
export { type Deadlined, DeadlineQueue } from './deadline-queue.js'
export { DelayedFetch, type FetchParams, FetchPartitionState } from './delayed-fetch.js'
export { DelayedOperation, DelayedOperationPurgatory } from './delayed-operation.js'
export { DelayedProduce, type PendingAppend } from './delayed-produce.js'
export {
  DEFAULT_FETCH_MAX_BYTES,
  DEFAULT_PARTITION_FETCH_MAX_BYTES,
  FETCH_RESPONSE_MAX_BYTES,
  FetchHandler,
  type FetchHandlerOptions,
} from './fetch-handler.js'
export {
  type FollowerState,
  followerStateAfterFetch,
  initialFollowerState,
} from './follower-state.js'
export {
  HIGH_WATERMARK_CHECKPOINT_FILE,
  HighWatermarkCheckpoints,
} from './high-watermark-checkpoint.js'
export {
  type AdminHttpServer,
  type AdminHttpServerOptions,
  type Readiness,
  startAdminHttpServer,
} from './http-server.js'
export { IsrManager, type IsrManagerOptions } from './isr-manager.js'
export {
  canJoinIsr,
  DEFAULT_ISR_POLICY,
  type IsrPolicy,
  isFollowerOutOfSync,
} from './isr-policy.js'
export {
  EARLIEST_TIMESTAMP,
  LATEST_TIMESTAMP,
  ListOffsetsHandler,
  type ListOffsetsHandlerOptions,
  MAX_TIMESTAMP,
} from './list-offsets-handler.js'
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
  checkBatchSizes,
  DEFAULT_PARTITION_CONFIG,
  type PartitionConfig,
} from './partition-config.js'
export {
  PARTITION_METADATA_FILE,
  readPartitionTopicId,
  writePartitionTopicId,
} from './partition-metadata-file.js'
export {
  isFailure,
  logErrorInfo,
  type PartitionFailure,
  PartitionResolver,
  type PartitionResolverOptions,
} from './partition-resolver.js'
export {
  type CommittedIsr,
  combineListeners,
  Partition,
  type PartitionListener,
  type PartitionOptions,
  type PartitionTransition,
  partitionKey,
  type ReplicaRole,
} from './partition-state.js'
export { ProduceHandler, type ProduceHandlerOptions } from './produce-handler.js'
export { Purgatories } from './purgatories.js'
export {
  DEFAULT_REPLICA_FETCH_SETTINGS,
  divergenceTruncationOffset,
  ReplicaFetcher,
  type ReplicaFetcherOptions,
  type ReplicaFetchSettings,
} from './replica-fetcher.js'
export {
  DefaultReplicaFetcherManager,
  type DefaultReplicaFetcherManagerOptions,
  type FollowerAssignment,
  NoopReplicaFetcherManager,
  type ReplicaFetcherManager,
} from './replica-fetcher-manager.js'
export {
  DEFAULT_HIGH_WATERMARK_CHECKPOINT_INTERVAL_MS,
  type LocalReplica,
  ReplicaManager,
  type ReplicaManagerOptions,
} from './replica-manager.js'
export { serve, tolerantService } from './request-handling.js'
export { type UnsupportedRpc, unsupportedHandlers } from './unsupported-handlers.js'
export { partitionMetadataWithError, topicMetadata } from './wire.js'
