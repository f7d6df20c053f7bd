// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { EpochEndOffset as _samsa_v1_EpochEndOffset, EpochEndOffset__Output as _samsa_v1_EpochEndOffset__Output } from '../../samsa/v1/EpochEndOffset.js';
import type { LeaderIdAndEpoch as _samsa_v1_LeaderIdAndEpoch, LeaderIdAndEpoch__Output as _samsa_v1_LeaderIdAndEpoch__Output } from '../../samsa/v1/LeaderIdAndEpoch.js';
import type { Long } from '@grpc/proto-loader';

export interface FetchPartitionResponse {
  'partition'?: (number);
  /**
   * OFFSET_OUT_OF_RANGE, NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH, ...
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
  'highWatermark'?: (number | string | Long);
  'lastStableOffset'?: (number | string | Long);
  'logStartOffset'?: (number | string | Long);
  /**
   * Set when the follower's log diverged from the leader's: truncate to end_offset (or the
   * follower's own end of that epoch, if smaller) and fetch again. Absent otherwise.
   */
  'divergingEpoch'?: (_samsa_v1_EpochEndOffset | null);
  /**
   * Set with NOT_LEADER_OR_FOLLOWER / FENCED_LEADER_EPOCH when the leader is known.
   */
  'currentLeader'?: (_samsa_v1_LeaderIdAndEpoch | null);
  /**
   * -1, or a replica the consumer should fetch from instead (KIP-392; unused for now).
   */
  'preferredReadReplica'?: (number);
  /**
   * Whole RecordBatch v2 batches read straight from the log; empty when nothing is available.
   */
  'records'?: (Buffer | Uint8Array | string);
}

export interface FetchPartitionResponse__Output {
  'partition': (number);
  /**
   * OFFSET_OUT_OF_RANGE, NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH, ...
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'highWatermark': (string);
  'lastStableOffset': (string);
  'logStartOffset': (string);
  /**
   * Set when the follower's log diverged from the leader's: truncate to end_offset (or the
   * follower's own end of that epoch, if smaller) and fetch again. Absent otherwise.
   */
  'divergingEpoch': (_samsa_v1_EpochEndOffset__Output | null);
  /**
   * Set with NOT_LEADER_OR_FOLLOWER / FENCED_LEADER_EPOCH when the leader is known.
   */
  'currentLeader': (_samsa_v1_LeaderIdAndEpoch__Output | null);
  /**
   * -1, or a replica the consumer should fetch from instead (KIP-392; unused for now).
   */
  'preferredReadReplica': (number);
  /**
   * Whole RecordBatch v2 batches read straight from the log; empty when nothing is available.
   */
  'records': (Buffer);
}
