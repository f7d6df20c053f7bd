// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { FetchableTopicResponse as _samsa_v1_FetchableTopicResponse, FetchableTopicResponse__Output as _samsa_v1_FetchableTopicResponse__Output } from '../../samsa/v1/FetchableTopicResponse.js';

export interface FetchResponse {
  /**
   * Request-level error (e.g. STALE_BROKER_EPOCH for a fenced follower).
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
  'throttleTimeMs'?: (number);
  'topics'?: (_samsa_v1_FetchableTopicResponse)[];
}

export interface FetchResponse__Output {
  /**
   * Request-level error (e.g. STALE_BROKER_EPOCH for a fenced follower).
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'throttleTimeMs': (number);
  'topics': (_samsa_v1_FetchableTopicResponse__Output)[];
}
