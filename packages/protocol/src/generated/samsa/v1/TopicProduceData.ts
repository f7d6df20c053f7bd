// Original file: proto/samsa/v1/broker.proto

import type { PartitionProduceData as _samsa_v1_PartitionProduceData, PartitionProduceData__Output as _samsa_v1_PartitionProduceData__Output } from '../../samsa/v1/PartitionProduceData.js';

export interface TopicProduceData {
  'topic'?: (string);
  'partitions'?: (_samsa_v1_PartitionProduceData)[];
}

export interface TopicProduceData__Output {
  'topic': (string);
  'partitions': (_samsa_v1_PartitionProduceData__Output)[];
}
