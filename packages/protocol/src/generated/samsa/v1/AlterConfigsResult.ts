// Original file: proto/samsa/v1/controller.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface AlterConfigsResult {
  'topic'?: (string);
  /**
   * UNKNOWN_TOPIC_OR_PARTITION, INVALID_CONFIG.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface AlterConfigsResult__Output {
  'topic': (string);
  /**
   * UNKNOWN_TOPIC_OR_PARTITION, INVALID_CONFIG.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
