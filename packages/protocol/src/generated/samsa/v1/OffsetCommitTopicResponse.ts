// Original file: proto/samsa/v1/broker.proto

import type { OffsetCommitPartitionResponse as _samsa_v1_OffsetCommitPartitionResponse, OffsetCommitPartitionResponse__Output as _samsa_v1_OffsetCommitPartitionResponse__Output } from '../../samsa/v1/OffsetCommitPartitionResponse.js';

export interface OffsetCommitTopicResponse {
  'topic'?: (string);
  'partitions'?: (_samsa_v1_OffsetCommitPartitionResponse)[];
}

export interface OffsetCommitTopicResponse__Output {
  'topic': (string);
  'partitions': (_samsa_v1_OffsetCommitPartitionResponse__Output)[];
}
