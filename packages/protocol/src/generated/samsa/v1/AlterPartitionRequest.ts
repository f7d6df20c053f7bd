// Original file: proto/samsa/v1/controller.proto

import type { Long } from '@grpc/proto-loader';

export interface AlterPartitionRequest {
  /**
   * The partition leader sending the request.
   */
  'brokerId'?: (number);
  'brokerEpoch'?: (number | string | Long);
  'topic'?: (string);
  'partition'?: (number);
  /**
   * The leader epoch the leader holds; a different one is FENCED_LEADER_EPOCH.
   */
  'leaderEpoch'?: (number);
  /**
   * The partition epoch the change is based on; a different one is INVALID_UPDATE_VERSION
   * (another change was committed first: apply the latest metadata and retry).
   */
  'partitionEpoch'?: (number);
  /**
   * The proposed ISR; must contain the leader and only assigned, unfenced replicas.
   */
  'newIsr'?: (number)[];
}

export interface AlterPartitionRequest__Output {
  /**
   * The partition leader sending the request.
   */
  'brokerId': (number);
  'brokerEpoch': (string);
  'topic': (string);
  'partition': (number);
  /**
   * The leader epoch the leader holds; a different one is FENCED_LEADER_EPOCH.
   */
  'leaderEpoch': (number);
  /**
   * The partition epoch the change is based on; a different one is INVALID_UPDATE_VERSION
   * (another change was committed first: apply the latest metadata and retry).
   */
  'partitionEpoch': (number);
  /**
   * The proposed ISR; must contain the leader and only assigned, unfenced replicas.
   */
  'newIsr': (number)[];
}
