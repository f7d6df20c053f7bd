// Original file: proto/samsa/v1/controller.proto

import type { AlterConfigsResult as _samsa_v1_AlterConfigsResult, AlterConfigsResult__Output as _samsa_v1_AlterConfigsResult__Output } from '../../samsa/v1/AlterConfigsResult.js';
import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface AlterConfigsResponse {
  'results'?: (_samsa_v1_AlterConfigsResult)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface AlterConfigsResponse__Output {
  'results': (_samsa_v1_AlterConfigsResult__Output)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
