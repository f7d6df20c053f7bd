// Original file: proto/samsa/v1/broker.proto

import type { PartitionProduceResponse as _samsa_v1_PartitionProduceResponse, PartitionProduceResponse__Output as _samsa_v1_PartitionProduceResponse__Output } from '../../samsa/v1/PartitionProduceResponse.js';

export interface TopicProduceResponse {
  'topic'?: (string);
  'partitions'?: (_samsa_v1_PartitionProduceResponse)[];
}

export interface TopicProduceResponse__Output {
  'topic': (string);
  'partitions': (_samsa_v1_PartitionProduceResponse__Output)[];
}
