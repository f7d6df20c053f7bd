// Original file: proto/samsa/v1/broker.proto

import type { OffsetCommitTopic as _samsa_v1_OffsetCommitTopic, OffsetCommitTopic__Output as _samsa_v1_OffsetCommitTopic__Output } from '../../samsa/v1/OffsetCommitTopic.js';

export interface OffsetCommitRequest {
  'groupId'?: (string);
  'memberId'?: (string);
  /**
   * The member epoch (-1 for a commit from outside the group, e.g. an admin tool).
   */
  'memberEpoch'?: (number);
  'topics'?: (_samsa_v1_OffsetCommitTopic)[];
}

export interface OffsetCommitRequest__Output {
  'groupId': (string);
  'memberId': (string);
  /**
   * The member epoch (-1 for a commit from outside the group, e.g. an admin tool).
   */
  'memberEpoch': (number);
  'topics': (_samsa_v1_OffsetCommitTopic__Output)[];
}
