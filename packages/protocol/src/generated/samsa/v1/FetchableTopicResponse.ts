// Original file: proto/samsa/v1/broker.proto

import type { FetchPartitionResponse as _samsa_v1_FetchPartitionResponse, FetchPartitionResponse__Output as _samsa_v1_FetchPartitionResponse__Output } from '../../samsa/v1/FetchPartitionResponse.js';

export interface FetchableTopicResponse {
  'topic'?: (string);
  'partitions'?: (_samsa_v1_FetchPartitionResponse)[];
}

export interface FetchableTopicResponse__Output {
  'topic': (string);
  'partitions': (_samsa_v1_FetchPartitionResponse__Output)[];
}
