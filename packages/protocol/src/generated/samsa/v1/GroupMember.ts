// Original file: proto/samsa/v1/broker.proto

import type { Assignment as _samsa_v1_Assignment, Assignment__Output as _samsa_v1_Assignment__Output } from '../../samsa/v1/Assignment.js';

export interface GroupMember {
  'memberId'?: (string);
  'instanceId'?: (string);
  'rackId'?: (string);
  'memberEpoch'?: (number);
  'clientId'?: (string);
  'clientHost'?: (string);
  'subscribedTopicNames'?: (string)[];
  /**
   * What the member owns now.
   */
  'assignment'?: (_samsa_v1_Assignment | null);
  /**
   * What the coordinator wants it to own.
   */
  'targetAssignment'?: (_samsa_v1_Assignment | null);
}

export interface GroupMember__Output {
  'memberId': (string);
  'instanceId': (string);
  'rackId': (string);
  'memberEpoch': (number);
  'clientId': (string);
  'clientHost': (string);
  'subscribedTopicNames': (string)[];
  /**
   * What the member owns now.
   */
  'assignment': (_samsa_v1_Assignment__Output | null);
  /**
   * What the coordinator wants it to own.
   */
  'targetAssignment': (_samsa_v1_Assignment__Output | null);
}
