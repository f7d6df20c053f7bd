// Original file: proto/samsa/v1/broker.proto

import type { DescribedGroup as _samsa_v1_DescribedGroup, DescribedGroup__Output as _samsa_v1_DescribedGroup__Output } from '../../samsa/v1/DescribedGroup.js';
import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface DescribeGroupsResponse {
  'groups'?: (_samsa_v1_DescribedGroup)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface DescribeGroupsResponse__Output {
  'groups': (_samsa_v1_DescribedGroup__Output)[];
  /**
   * Request-level error (e.g. NOT_CONTROLLER, UNKNOWN_SERVER_ERROR); item errors are per item.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
