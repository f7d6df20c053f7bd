// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { BrokerInfo as _samsa_v1_BrokerInfo, BrokerInfo__Output as _samsa_v1_BrokerInfo__Output } from '../../samsa/v1/BrokerInfo.js';
import type { TopicMetadata as _samsa_v1_TopicMetadata, TopicMetadata__Output as _samsa_v1_TopicMetadata__Output } from '../../samsa/v1/TopicMetadata.js';
import type { Long } from '@grpc/proto-loader';

export interface MetadataResponse {
  'error'?: (_samsa_v1_ErrorInfo | null);
  'clusterId'?: (string);
  'controllerId'?: (number);
  /**
   * The metadata version of the broker's cache that answered.
   */
  'metadataVersion'?: (number | string | Long);
  /**
   * Unfenced brokers (fenced ones are left out, as Kafka does).
   */
  'brokers'?: (_samsa_v1_BrokerInfo)[];
  /**
   * In request order, or by name when every topic was asked for. An unknown topic comes back
   * with UNKNOWN_TOPIC_OR_PARTITION.
   */
  'topics'?: (_samsa_v1_TopicMetadata)[];
}

export interface MetadataResponse__Output {
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'clusterId': (string);
  'controllerId': (number);
  /**
   * The metadata version of the broker's cache that answered.
   */
  'metadataVersion': (string);
  /**
   * Unfenced brokers (fenced ones are left out, as Kafka does).
   */
  'brokers': (_samsa_v1_BrokerInfo__Output)[];
  /**
   * In request order, or by name when every topic was asked for. An unknown topic comes back
   * with UNKNOWN_TOPIC_OR_PARTITION.
   */
  'topics': (_samsa_v1_TopicMetadata__Output)[];
}
