// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { LeaderIdAndEpoch as _samsa_v1_LeaderIdAndEpoch, LeaderIdAndEpoch__Output as _samsa_v1_LeaderIdAndEpoch__Output } from '../../samsa/v1/LeaderIdAndEpoch.js';
import type { Long } from '@grpc/proto-loader';

export interface PartitionProduceResponse {
  'partition'?: (number);
  /**
   * NOT_LEADER_OR_FOLLOWER, NOT_ENOUGH_REPLICAS, REQUEST_TIMED_OUT, CORRUPT_MESSAGE,
   * MESSAGE_TOO_LARGE, UNKNOWN_TOPIC_OR_PARTITION, ...
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
  /**
   * Offset of the first record appended; -1 on error.
   */
  'baseOffset'?: (number | string | Long);
  /**
   * Broker append time when the topic uses LogAppendTime; -1 otherwise.
   */
  'logAppendTimeMs'?: (number | string | Long);
  'logStartOffset'?: (number | string | Long);
  /**
   * Where to send the request when error is NOT_LEADER_OR_FOLLOWER (KIP-951).
   */
  'currentLeader'?: (_samsa_v1_LeaderIdAndEpoch | null);
}

export interface PartitionProduceResponse__Output {
  'partition': (number);
  /**
   * NOT_LEADER_OR_FOLLOWER, NOT_ENOUGH_REPLICAS, REQUEST_TIMED_OUT, CORRUPT_MESSAGE,
   * MESSAGE_TOO_LARGE, UNKNOWN_TOPIC_OR_PARTITION, ...
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
  /**
   * Offset of the first record appended; -1 on error.
   */
  'baseOffset': (string);
  /**
   * Broker append time when the topic uses LogAppendTime; -1 otherwise.
   */
  'logAppendTimeMs': (string);
  'logStartOffset': (string);
  /**
   * Where to send the request when error is NOT_LEADER_OR_FOLLOWER (KIP-951).
   */
  'currentLeader': (_samsa_v1_LeaderIdAndEpoch__Output | null);
}
