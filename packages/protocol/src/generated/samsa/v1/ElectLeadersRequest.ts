// Original file: proto/samsa/v1/controller.proto

import type { ElectionType as _samsa_v1_ElectionType, ElectionType__Output as _samsa_v1_ElectionType__Output } from '../../samsa/v1/ElectionType.js';
import type { TopicPartitions as _samsa_v1_TopicPartitions, TopicPartitions__Output as _samsa_v1_TopicPartitions__Output } from '../../samsa/v1/TopicPartitions.js';

export interface ElectLeadersRequest {
  'electionType'?: (_samsa_v1_ElectionType);
  /**
   * The partitions to elect; empty means every partition.
   */
  'topicPartitions'?: (_samsa_v1_TopicPartitions)[];
}

export interface ElectLeadersRequest__Output {
  'electionType': (_samsa_v1_ElectionType__Output);
  /**
   * The partitions to elect; empty means every partition.
   */
  'topicPartitions': (_samsa_v1_TopicPartitions__Output)[];
}
