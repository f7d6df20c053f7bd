// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { OffsetFetchTopicResponse as _samsa_v1_OffsetFetchTopicResponse, OffsetFetchTopicResponse__Output as _samsa_v1_OffsetFetchTopicResponse__Output } from '../../samsa/v1/OffsetFetchTopicResponse.js';

export interface OffsetFetchResponse {
  'error'?: (_samsa_v1_ErrorInfo | null);
  'topics'?: (_samsa_v1_OffsetFetchTopicResponse)[];
}

export interface OffsetFetchResponse__Output {
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'topics': (_samsa_v1_OffsetFetchTopicResponse__Output)[];
}
