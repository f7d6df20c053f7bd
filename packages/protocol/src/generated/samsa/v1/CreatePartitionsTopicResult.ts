// Original file: proto/samsa/v1/controller.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface CreatePartitionsTopicResult {
  'name'?: (string);
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface CreatePartitionsTopicResult__Output {
  'name': (string);
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
