// Original file: proto/samsa/v1/broker.proto

import type { DeleteGroupResult as _samsa_v1_DeleteGroupResult, DeleteGroupResult__Output as _samsa_v1_DeleteGroupResult__Output } from '../../samsa/v1/DeleteGroupResult.js';
import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface DeleteGroupsResponse {
  'results'?: (_samsa_v1_DeleteGroupResult)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface DeleteGroupsResponse__Output {
  'results': (_samsa_v1_DeleteGroupResult__Output)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
