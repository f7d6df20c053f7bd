// Original file: proto/samsa/v1/controller.proto

import type { CreatePartitionsTopic as _samsa_v1_CreatePartitionsTopic, CreatePartitionsTopic__Output as _samsa_v1_CreatePartitionsTopic__Output } from '../../samsa/v1/CreatePartitionsTopic.js';

export interface CreatePartitionsRequest {
  'topics'?: (_samsa_v1_CreatePartitionsTopic)[];
  'validateOnly'?: (boolean);
}

export interface CreatePartitionsRequest__Output {
  'topics': (_samsa_v1_CreatePartitionsTopic__Output)[];
  'validateOnly': (boolean);
}
