// Original file: proto/samsa/v1/broker.proto

import type { CoordinatorType as _samsa_v1_CoordinatorType, CoordinatorType__Output as _samsa_v1_CoordinatorType__Output } from '../../samsa/v1/CoordinatorType.js';

export interface FindCoordinatorRequest {
  /**
   * The group id (or transactional id).
   */
  'key'?: (string);
  'keyType'?: (_samsa_v1_CoordinatorType);
}

export interface FindCoordinatorRequest__Output {
  /**
   * The group id (or transactional id).
   */
  'key': (string);
  'keyType': (_samsa_v1_CoordinatorType__Output);
}
