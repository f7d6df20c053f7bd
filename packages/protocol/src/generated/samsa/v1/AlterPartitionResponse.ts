// Original file: proto/samsa/v1/controller.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { PartitionMetadata as _samsa_v1_PartitionMetadata, PartitionMetadata__Output as _samsa_v1_PartitionMetadata__Output } from '../../samsa/v1/PartitionMetadata.js';

export interface AlterPartitionResponse {
  /**
   * FENCED_LEADER_EPOCH, INVALID_UPDATE_VERSION, STALE_BROKER_EPOCH,
   * UNKNOWN_TOPIC_OR_PARTITION, NOT_LEADER_OR_FOLLOWER, INELIGIBLE_REPLICA, INVALID_REQUEST.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
  /**
   * The committed state of the partition (also sent on error, when the partition exists).
   */
  'partition'?: (_samsa_v1_PartitionMetadata | null);
}

export interface AlterPartitionResponse__Output {
  /**
   * FENCED_LEADER_EPOCH, INVALID_UPDATE_VERSION, STALE_BROKER_EPOCH,
   * UNKNOWN_TOPIC_OR_PARTITION, NOT_LEADER_OR_FOLLOWER, INELIGIBLE_REPLICA, INVALID_REQUEST.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
  /**
   * The committed state of the partition (also sent on error, when the partition exists).
   */
  'partition': (_samsa_v1_PartitionMetadata__Output | null);
}
