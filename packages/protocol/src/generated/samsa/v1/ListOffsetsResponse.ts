// Original file: proto/samsa/v1/broker.proto

import type { ListOffsetsTopicResponse as _samsa_v1_ListOffsetsTopicResponse, ListOffsetsTopicResponse__Output as _samsa_v1_ListOffsetsTopicResponse__Output } from '../../samsa/v1/ListOffsetsTopicResponse.js';
import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface ListOffsetsResponse {
  'topics'?: (_samsa_v1_ListOffsetsTopicResponse)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface ListOffsetsResponse__Output {
  'topics': (_samsa_v1_ListOffsetsTopicResponse__Output)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
