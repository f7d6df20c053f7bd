// Original file: proto/samsa/v1/broker.proto

import type { Long } from '@grpc/proto-loader';

export interface ListOffsetsPartition {
  'partition'?: (number);
  'currentLeaderEpoch'?: (number);
  /**
   * -2 earliest (log start offset), -1 latest (high watermark), -3 the record with the largest
   * timestamp, otherwise a timestamp in ms: the first offset whose timestamp is >= it.
   */
  'timestamp'?: (number | string | Long);
}

export interface ListOffsetsPartition__Output {
  'partition': (number);
  'currentLeaderEpoch': (number);
  /**
   * -2 earliest (log start offset), -1 latest (high watermark), -3 the record with the largest
   * timestamp, otherwise a timestamp in ms: the first offset whose timestamp is >= it.
   */
  'timestamp': (string);
}
