export {
  type BatchVisitor,
  type ScanResult,
  scanBatchHeaders,
  wholeBatchesLength,
} from './batch-scan.js'
export {
  CheckpointFile,
  type CheckpointFormatter,
  type TopicPartitionOffset,
  topicPartitionOffsetFormatter,
} from './checkpoint-file.js'
export {
  CorruptCheckpointError,
  CorruptIndexError,
  FencedLeaderEpochError,
  InvalidConfigurationError,
  InvalidEpochEntryError,
  LogClosedError,
  UnexpectedAppendOffsetError,
} from './errors.js'
export {
  type EpochEndOffset,
  type EpochEntry,
  LEADER_EPOCH_CHECKPOINT_FILE,
  LeaderEpochCache,
  UNDEFINED_EPOCH,
  UNDEFINED_EPOCH_OFFSET,
} from './leader-epoch-cache.js'
export { Log, type LogOptions, type TimestampAndOffset } from './log.js'
export type { LogAppendInfo } from './log-append.js'
export {
  DEFAULT_LOG_CONFIG,
  LOG_CONFIG_KEYS,
  type LogConfig,
  logConfigFromKafkaKeys,
  resolveLogConfig,
} from './log-config.js'
export { CLEAN_SHUTDOWN_FILE, type LogLoadReport } from './log-loader.js'
export {
  LOG_START_OFFSET_CHECKPOINT_FILE,
  LogManager,
  type LogManagerConfig,
  type LogManagerOptions,
  RECOVERY_POINT_CHECKPOINT_FILE,
} from './log-manager.js'

export { OFFSET_INDEX_ENTRY_SIZE, OffsetIndex, type OffsetPosition } from './offset-index.js'
export { type BatchLocation, Segment, type SegmentConfig, segmentFileName } from './segment.js'
export { SegmentCache, type SegmentCacheOptions } from './segment-cache.js'
export { systemTime, type Time } from './time.js'
export { TIME_INDEX_ENTRY_SIZE, TimeIndex, type TimestampOffset } from './time-index.js'
export {
  parseTopicPartitionDirName,
  type TopicPartition,
  topicPartitionDirName,
} from './topic-partition.js'
