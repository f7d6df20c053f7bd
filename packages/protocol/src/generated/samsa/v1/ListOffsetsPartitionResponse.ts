// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { Long } from '@grpc/proto-loader';

export interface ListOffsetsPartitionResponse {
  'partition'?: (number);
  'error'?: (_samsa_v1_ErrorInfo | null);
  /**
   * The timestamp of the record found; -1 for earliest/latest or none.
   */
  'timestamp'?: (number | string | Long);
  /**
   * The offset found; -1 when no record matches the timestamp.
   */
  'offset'?: (number | string | Long);
  'leaderEpoch'?: (number);
}

export interface ListOffsetsPartitionResponse__Output {
  'partition': (number);
  'error': (_samsa_v1_ErrorInfo__Output | null);
  /**
   * The timestamp of the record found; -1 for earliest/latest or none.
   */
  'timestamp': (string);
  /**
   * The offset found; -1 when no record matches the timestamp.
   */
  'offset': (string);
  'leaderEpoch': (number);
}
