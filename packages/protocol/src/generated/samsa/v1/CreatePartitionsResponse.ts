// Original file: proto/samsa/v1/controller.proto

import type { CreatePartitionsTopicResult as _samsa_v1_CreatePartitionsTopicResult, CreatePartitionsTopicResult__Output as _samsa_v1_CreatePartitionsTopicResult__Output } from '../../samsa/v1/CreatePartitionsTopicResult.js';
import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface CreatePartitionsResponse {
  'results'?: (_samsa_v1_CreatePartitionsTopicResult)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface CreatePartitionsResponse__Output {
  'results': (_samsa_v1_CreatePartitionsTopicResult__Output)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
