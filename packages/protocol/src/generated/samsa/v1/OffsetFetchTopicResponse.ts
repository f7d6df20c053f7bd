// Original file: proto/samsa/v1/broker.proto

import type { OffsetFetchPartitionResponse as _samsa_v1_OffsetFetchPartitionResponse, OffsetFetchPartitionResponse__Output as _samsa_v1_OffsetFetchPartitionResponse__Output } from '../../samsa/v1/OffsetFetchPartitionResponse.js';

export interface OffsetFetchTopicResponse {
  'topic'?: (string);
  'partitions'?: (_samsa_v1_OffsetFetchPartitionResponse)[];
}

export interface OffsetFetchTopicResponse__Output {
  'topic': (string);
  'partitions': (_samsa_v1_OffsetFetchPartitionResponse__Output)[];
}
