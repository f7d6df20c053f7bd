// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { OffsetCommitTopicResponse as _samsa_v1_OffsetCommitTopicResponse, OffsetCommitTopicResponse__Output as _samsa_v1_OffsetCommitTopicResponse__Output } from '../../samsa/v1/OffsetCommitTopicResponse.js';

export interface OffsetCommitResponse {
  'error'?: (_samsa_v1_ErrorInfo | null);
  'topics'?: (_samsa_v1_OffsetCommitTopicResponse)[];
}

export interface OffsetCommitResponse__Output {
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'topics': (_samsa_v1_OffsetCommitTopicResponse__Output)[];
}
