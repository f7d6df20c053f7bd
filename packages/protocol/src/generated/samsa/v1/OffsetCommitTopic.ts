// Original file: proto/samsa/v1/broker.proto

import type { OffsetCommitPartition as _samsa_v1_OffsetCommitPartition, OffsetCommitPartition__Output as _samsa_v1_OffsetCommitPartition__Output } from '../../samsa/v1/OffsetCommitPartition.js';

export interface OffsetCommitTopic {
  'topic'?: (string);
  'partitions'?: (_samsa_v1_OffsetCommitPartition)[];
}

export interface OffsetCommitTopic__Output {
  'topic': (string);
  'partitions': (_samsa_v1_OffsetCommitPartition__Output)[];
}
