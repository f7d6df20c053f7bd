// Original file: proto/samsa/v1/broker.proto

import type { TopicPartitions as _samsa_v1_TopicPartitions, TopicPartitions__Output as _samsa_v1_TopicPartitions__Output } from '../../samsa/v1/TopicPartitions.js';

/**
 * A member's assignment: partitions per topic.
 */
export interface Assignment {
  'topicPartitions'?: (_samsa_v1_TopicPartitions)[];
}

/**
 * A member's assignment: partitions per topic.
 */
export interface Assignment__Output {
  'topicPartitions': (_samsa_v1_TopicPartitions__Output)[];
}
