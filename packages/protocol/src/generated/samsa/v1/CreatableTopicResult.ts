// Original file: proto/samsa/v1/controller.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface CreatableTopicResult {
  'name'?: (string);
  /**
   * TOPIC_ALREADY_EXISTS, INVALID_TOPIC_EXCEPTION, INVALID_PARTITIONS,
   * INVALID_REPLICATION_FACTOR, INVALID_CONFIG, INVALID_REQUEST (name twice in one request).
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
  'topicId'?: (string);
  'numPartitions'?: (number);
  'replicationFactor'?: (number);
  'configs'?: ({[key: string]: string});
}

export interface CreatableTopicResult__Output {
  'name': (string);
  /**
   * TOPIC_ALREADY_EXISTS, INVALID_TOPIC_EXCEPTION, INVALID_PARTITIONS,
   * INVALID_REPLICATION_FACTOR, INVALID_CONFIG, INVALID_REQUEST (name twice in one request).
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'topicId': (string);
  'numPartitions': (number);
  'replicationFactor': (number);
  'configs': ({[key: string]: string});
}
