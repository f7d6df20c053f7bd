// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface FindCoordinatorResponse {
  /**
   * COORDINATOR_NOT_AVAILABLE while the coordinator partition has no leader.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
  'nodeId'?: (number);
  'host'?: (string);
  'port'?: (number);
}

export interface FindCoordinatorResponse__Output {
  /**
   * COORDINATOR_NOT_AVAILABLE while the coordinator partition has no leader.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'nodeId': (number);
  'host': (string);
  'port': (number);
}
