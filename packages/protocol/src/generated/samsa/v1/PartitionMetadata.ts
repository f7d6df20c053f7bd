// Original file: proto/samsa/v1/common.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';

/**
 * The replication state of one partition.
 */
export interface PartitionMetadata {
  'topic'?: (string);
  'partition'?: (number);
  /**
   * Broker id of the leader; -1 when the partition is offline.
   */
  'leader'?: (number);
  /**
   * Incremented by every leader change (including a change to or from -1).
   */
  'leaderEpoch'?: (number);
  /**
   * Incremented by every change of leader or ISR; AlterPartition must name the current value.
   */
  'partitionEpoch'?: (number);
  /**
   * Assigned replicas, in assignment order; the first is the preferred leader.
   */
  'replicas'?: (number)[];
  /**
   * In-sync replicas (a subset of `replicas`); never empty.
   */
  'isr'?: (number)[];
  /**
   * True when no eligible leader exists (leader = -1).
   */
  'offline'?: (boolean);
  /**
   * Per-partition error in Metadata responses (e.g. LEADER_NOT_AVAILABLE); absent otherwise.
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
}

/**
 * The replication state of one partition.
 */
export interface PartitionMetadata__Output {
  'topic': (string);
  'partition': (number);
  /**
   * Broker id of the leader; -1 when the partition is offline.
   */
  'leader': (number);
  /**
   * Incremented by every leader change (including a change to or from -1).
   */
  'leaderEpoch': (number);
  /**
   * Incremented by every change of leader or ISR; AlterPartition must name the current value.
   */
  'partitionEpoch': (number);
  /**
   * Assigned replicas, in assignment order; the first is the preferred leader.
   */
  'replicas': (number)[];
  /**
   * In-sync replicas (a subset of `replicas`); never empty.
   */
  'isr': (number)[];
  /**
   * True when no eligible leader exists (leader = -1).
   */
  'offline': (boolean);
  /**
   * Per-partition error in Metadata responses (e.g. LEADER_NOT_AVAILABLE); absent otherwise.
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
