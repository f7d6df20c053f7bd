// Original file: proto/samsa/v1/controller.proto

import type { CreatableTopicResult as _samsa_v1_CreatableTopicResult, CreatableTopicResult__Output as _samsa_v1_CreatableTopicResult__Output } from '../../samsa/v1/CreatableTopicResult.js';
import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface CreateTopicsResponse {
  /**
   * Per topic, in request order.
   */
  'results'?: (_samsa_v1_CreatableTopicResult)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface CreateTopicsResponse__Output {
  /**
   * Per topic, in request order.
   */
  'results': (_samsa_v1_CreatableTopicResult__Output)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
