// Original file: proto/samsa/v1/broker.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { ListedGroup as _samsa_v1_ListedGroup, ListedGroup__Output as _samsa_v1_ListedGroup__Output } from '../../samsa/v1/ListedGroup.js';

export interface ListGroupsResponse {
  'error'?: (_samsa_v1_ErrorInfo | null);
  'groups'?: (_samsa_v1_ListedGroup)[];
}

export interface ListGroupsResponse__Output {
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'groups': (_samsa_v1_ListedGroup__Output)[];
}
