// Original file: proto/samsa/v1/broker.proto

import type { ListOffsetsPartitionResponse as _samsa_v1_ListOffsetsPartitionResponse, ListOffsetsPartitionResponse__Output as _samsa_v1_ListOffsetsPartitionResponse__Output } from '../../samsa/v1/ListOffsetsPartitionResponse.js';

export interface ListOffsetsTopicResponse {
  'topic'?: (string);
  'partitions'?: (_samsa_v1_ListOffsetsPartitionResponse)[];
}

export interface ListOffsetsTopicResponse__Output {
  'topic': (string);
  'partitions': (_samsa_v1_ListOffsetsPartitionResponse__Output)[];
}
