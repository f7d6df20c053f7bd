// Original file: proto/samsa/v1/broker.proto


export interface ListedGroup {
  'groupId'?: (string);
  'groupState'?: (string);
  'groupType'?: (string);
}

export interface ListedGroup__Output {
  'groupId': (string);
  'groupState': (string);
  'groupType': (string);
}
