// Original file: proto/samsa/v1/broker.proto

import type { Long } from '@grpc/proto-loader';

export interface OffsetCommitPartition {
  'partition'?: (number);
  /**
   * The next offset to consume.
   */
  'committedOffset'?: (number | string | Long);
  /**
   * The leader epoch of the last consumed record; -1 if unknown.
   */
  'committedLeaderEpoch'?: (number);
  'metadata'?: (string);
}

export interface OffsetCommitPartition__Output {
  'partition': (number);
  /**
   * The next offset to consume.
   */
  'committedOffset': (string);
  /**
   * The leader epoch of the last consumed record; -1 if unknown.
   */
  'committedLeaderEpoch': (number);
  'metadata': (string);
}
