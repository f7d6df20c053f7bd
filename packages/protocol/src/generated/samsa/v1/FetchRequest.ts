// Original file: proto/samsa/v1/broker.proto

import type { IsolationLevel as _samsa_v1_IsolationLevel, IsolationLevel__Output as _samsa_v1_IsolationLevel__Output } from '../../samsa/v1/IsolationLevel.js';
import type { FetchTopic as _samsa_v1_FetchTopic, FetchTopic__Output as _samsa_v1_FetchTopic__Output } from '../../samsa/v1/FetchTopic.js';
import type { Long } from '@grpc/proto-loader';

export interface FetchRequest {
  /**
   * -1 for a consumer; a follower's broker id for replication (reads past the HW, and its
   * fetch offset advances its replica state on the leader).
   */
  'replicaId'?: (number);
  /**
   * The follower's broker epoch (fences fetches from a previous incarnation); -1 for consumers.
   */
  'replicaEpoch'?: (number | string | Long);
  /**
   * Longest wait for min_bytes to be available.
   */
  'maxWaitMs'?: (number);
  'minBytes'?: (number);
  /**
   * Bound on the whole response; at least one batch is returned even if larger.
   */
  'maxBytes'?: (number);
  'isolationLevel'?: (_samsa_v1_IsolationLevel);
  'topics'?: (_samsa_v1_FetchTopic)[];
}

export interface FetchRequest__Output {
  /**
   * -1 for a consumer; a follower's broker id for replication (reads past the HW, and its
   * fetch offset advances its replica state on the leader).
   */
  'replicaId': (number);
  /**
   * The follower's broker epoch (fences fetches from a previous incarnation); -1 for consumers.
   */
  'replicaEpoch': (string);
  /**
   * Longest wait for min_bytes to be available.
   */
  'maxWaitMs': (number);
  'minBytes': (number);
  /**
   * Bound on the whole response; at least one batch is returned even if larger.
   */
  'maxBytes': (number);
  'isolationLevel': (_samsa_v1_IsolationLevel__Output);
  'topics': (_samsa_v1_FetchTopic__Output)[];
}
