// Original file: proto/samsa/v1/controller.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface ElectionResult {
  'topic'?: (string);
  'partition'?: (number);
  /**
   * ELECTION_NOT_NEEDED (already led by the preferred replica / not offline),
   * PREFERRED_LEADER_NOT_AVAILABLE, ELIGIBLE_LEADERS_NOT_AVAILABLE,
   * UNKNOWN_TOPIC_OR_PARTITION.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
  /**
   * The leader after the election (-1 when offline).
   */
  'leader'?: (number);
}

export interface ElectionResult__Output {
  'topic': (string);
  'partition': (number);
  /**
   * ELECTION_NOT_NEEDED (already led by the preferred replica / not offline),
   * PREFERRED_LEADER_NOT_AVAILABLE, ELIGIBLE_LEADERS_NOT_AVAILABLE,
   * UNKNOWN_TOPIC_OR_PARTITION.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
  /**
   * The leader after the election (-1 when offline).
   */
  'leader': (number);
}
