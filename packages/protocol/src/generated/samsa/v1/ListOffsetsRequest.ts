// Original file: proto/samsa/v1/broker.proto

import type { IsolationLevel as _samsa_v1_IsolationLevel, IsolationLevel__Output as _samsa_v1_IsolationLevel__Output } from '../../samsa/v1/IsolationLevel.js';
import type { ListOffsetsTopic as _samsa_v1_ListOffsetsTopic, ListOffsetsTopic__Output as _samsa_v1_ListOffsetsTopic__Output } from '../../samsa/v1/ListOffsetsTopic.js';

export interface ListOffsetsRequest {
  /**
   * -1 for consumers; a broker id for replicas (may see past the HW).
   */
  'replicaId'?: (number);
  'isolationLevel'?: (_samsa_v1_IsolationLevel);
  'topics'?: (_samsa_v1_ListOffsetsTopic)[];
}

export interface ListOffsetsRequest__Output {
  /**
   * -1 for consumers; a broker id for replicas (may see past the HW).
   */
  'replicaId': (number);
  'isolationLevel': (_samsa_v1_IsolationLevel__Output);
  'topics': (_samsa_v1_ListOffsetsTopic__Output)[];
}
