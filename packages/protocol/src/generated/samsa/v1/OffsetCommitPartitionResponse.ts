// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface OffsetCommitPartitionResponse {
  'partition'?: (number);
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface OffsetCommitPartitionResponse__Output {
  'partition': (number);
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
