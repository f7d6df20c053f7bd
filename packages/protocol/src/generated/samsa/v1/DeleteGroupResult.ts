// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface DeleteGroupResult {
  'groupId'?: (string);
  /**
   * GROUP_ID_NOT_FOUND, NON_EMPTY_GROUP, ...
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface DeleteGroupResult__Output {
  'groupId': (string);
  /**
   * GROUP_ID_NOT_FOUND, NON_EMPTY_GROUP, ...
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
