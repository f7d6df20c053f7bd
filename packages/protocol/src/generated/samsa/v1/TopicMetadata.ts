// Original file: proto/samsa/v1/common.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { PartitionMetadata as _samsa_v1_PartitionMetadata, PartitionMetadata__Output as _samsa_v1_PartitionMetadata__Output } from '../../samsa/v1/PartitionMetadata.js';

/**
 * A topic: its identity, its configuration overrides and its partitions.
 */
export interface TopicMetadata {
  /**
   * Per-topic error in Metadata responses (e.g. UNKNOWN_TOPIC_OR_PARTITION); absent otherwise.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
  'name'?: (string);
  /**
   * Controller-assigned unique id (a UUID); a topic deleted and created again gets a new one.
   */
  'topicId'?: (string);
  /**
   * Topic-level config overrides (Kafka names, e.g. "retention.ms" -> "86400000"). Keys not
   * set here take the broker/cluster default.
   */
  'configs'?: ({[key: string]: string});
  /**
   * Ordered by partition number.
   */
  'partitions'?: (_samsa_v1_PartitionMetadata)[];
}

/**
 * A topic: its identity, its configuration overrides and its partitions.
 */
export interface TopicMetadata__Output {
  /**
   * Per-topic error in Metadata responses (e.g. UNKNOWN_TOPIC_OR_PARTITION); absent otherwise.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'name': (string);
  /**
   * Controller-assigned unique id (a UUID); a topic deleted and created again gets a new one.
   */
  'topicId': (string);
  /**
   * Topic-level config overrides (Kafka names, e.g. "retention.ms" -> "86400000"). Keys not
   * set here take the broker/cluster default.
   */
  'configs': ({[key: string]: string});
  /**
   * Ordered by partition number.
   */
  'partitions': (_samsa_v1_PartitionMetadata__Output)[];
}
