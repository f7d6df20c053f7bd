// Original file: proto/samsa/v1/broker.proto

import type { TopicPartitions as _samsa_v1_TopicPartitions, TopicPartitions__Output as _samsa_v1_TopicPartitions__Output } from '../../samsa/v1/TopicPartitions.js';

export interface OffsetFetchRequest {
  'groupId'?: (string);
  'memberId'?: (string);
  'memberEpoch'?: (number);
  /**
   * Empty means every partition the group has offsets for.
   */
  'topics'?: (_samsa_v1_TopicPartitions)[];
  /**
   * Wait for pending transactional commits (UNSTABLE_OFFSET_COMMIT otherwise).
   */
  'requireStable'?: (boolean);
}

export interface OffsetFetchRequest__Output {
  'groupId': (string);
  'memberId': (string);
  'memberEpoch': (number);
  /**
   * Empty means every partition the group has offsets for.
   */
  'topics': (_samsa_v1_TopicPartitions__Output)[];
  /**
   * Wait for pending transactional commits (UNSTABLE_OFFSET_COMMIT otherwise).
   */
  'requireStable': (boolean);
}
