// Original file: proto/samsa/v1/controller.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

export interface BrokerHeartbeatResponse {
  /**
   * STALE_BROKER_EPOCH when broker_epoch is not the current registration's: re-register.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
  /**
   * Whether the broker is fenced after this heartbeat.
   */
  'isFenced'?: (boolean);
  /**
   * Whether the broker has applied metadata up to its own registration.
   */
  'isCaughtUp'?: (boolean);
  /**
   * Sent after want_shut_down once the broker leads no partition.
   */
  'shouldShutDown'?: (boolean);
}

export interface BrokerHeartbeatResponse__Output {
  /**
   * STALE_BROKER_EPOCH when broker_epoch is not the current registration's: re-register.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
  /**
   * Whether the broker is fenced after this heartbeat.
   */
  'isFenced': (boolean);
  /**
   * Whether the broker has applied metadata up to its own registration.
   */
  'isCaughtUp': (boolean);
  /**
   * Sent after want_shut_down once the broker leads no partition.
   */
  'shouldShutDown': (boolean);
}
