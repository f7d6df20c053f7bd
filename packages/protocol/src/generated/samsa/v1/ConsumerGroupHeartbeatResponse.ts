// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { Assignment as _samsa_v1_Assignment, Assignment__Output as _samsa_v1_Assignment__Output } from '../../samsa/v1/Assignment.js';

export interface ConsumerGroupHeartbeatResponse {
  /**
   * FENCED_MEMBER_EPOCH, UNKNOWN_MEMBER_ID, UNSUPPORTED_ASSIGNOR, NOT_COORDINATOR, ...
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
  'memberId'?: (string);
  'memberEpoch'?: (number);
  'heartbeatIntervalMs'?: (number);
  /**
   * The member's target assignment; absent when unchanged.
   */
  'assignment'?: (_samsa_v1_Assignment | null);
}

export interface ConsumerGroupHeartbeatResponse__Output {
  /**
   * FENCED_MEMBER_EPOCH, UNKNOWN_MEMBER_ID, UNSUPPORTED_ASSIGNOR, NOT_COORDINATOR, ...
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'memberId': (string);
  'memberEpoch': (number);
  'heartbeatIntervalMs': (number);
  /**
   * The member's target assignment; absent when unchanged.
   */
  'assignment': (_samsa_v1_Assignment__Output | null);
}
