// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { Long } from '@grpc/proto-loader';

export interface OffsetFetchPartitionResponse {
  'partition'?: (number);
  /**
   * -1 when the group has no committed offset for the partition.
   */
  'committedOffset'?: (number | string | Long);
  'committedLeaderEpoch'?: (number);
  'metadata'?: (string);
  'error'?: (_samsa_v1_ErrorInfo | null);
}

export interface OffsetFetchPartitionResponse__Output {
  'partition': (number);
  /**
   * -1 when the group has no committed offset for the partition.
   */
  'committedOffset': (string);
  'committedLeaderEpoch': (number);
  'metadata': (string);
  'error': (_samsa_v1_ErrorInfo__Output | null);
}
