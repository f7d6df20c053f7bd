// Original file: proto/samsa/v1/controller.proto

import type { DeletableTopicResult as _samsa_v1_DeletableTopicResult, DeletableTopicResult__Output as _samsa_v1_DeletableTopicResult__Output } from '../../samsa/v1/DeletableTopicResult.js';
import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface DeleteTopicsResponse {
  'results'?: (_samsa_v1_DeletableTopicResult)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface DeleteTopicsResponse__Output {
  'results': (_samsa_v1_DeletableTopicResult__Output)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
