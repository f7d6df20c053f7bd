// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { GroupMember as _samsa_v1_GroupMember, GroupMember__Output as _samsa_v1_GroupMember__Output } from '../../samsa/v1/GroupMember.js';

export interface DescribedGroup {
  /**
   * GROUP_ID_NOT_FOUND, NOT_COORDINATOR, ...
   */
  'error'?: (_samsa_v1_ErrorInfo | null);
  'groupId'?: (string);
  'groupState'?: (string);
  'groupEpoch'?: (number);
  'assignmentEpoch'?: (number);
  'assignorName'?: (string);
  'members'?: (_samsa_v1_GroupMember)[];
}

export interface DescribedGroup__Output {
  /**
   * GROUP_ID_NOT_FOUND, NOT_COORDINATOR, ...
   */
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'groupId': (string);
  'groupState': (string);
  'groupEpoch': (number);
  'assignmentEpoch': (number);
  'assignorName': (string);
  'members': (_samsa_v1_GroupMember__Output)[];
}
