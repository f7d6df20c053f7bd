// Original file: proto/samsa/v1/broker.proto

import type { TopicProduceResponse as _samsa_v1_TopicProduceResponse, TopicProduceResponse__Output as _samsa_v1_TopicProduceResponse__Output } from '../../samsa/v1/TopicProduceResponse.js';
import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface ProduceResponse {
  'topics'?: (_samsa_v1_TopicProduceResponse)[];
  'throttleTimeMs'?: (number);
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface ProduceResponse__Output {
  'topics': (_samsa_v1_TopicProduceResponse__Output)[];
  'throttleTimeMs': (number);
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
