// Original file: proto/samsa/v1/controller.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface DeletableTopicResult {
  'name'?: (string);
  'topicId'?: (string);
  /**
   * UNKNOWN_TOPIC_OR_PARTITION when no such topic exists.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface DeletableTopicResult__Output {
  'name': (string);
  'topicId': (string);
  /**
   * UNKNOWN_TOPIC_OR_PARTITION when no such topic exists.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
