// Original file: proto/samsa/v1/broker.proto


export interface DeleteGroupsRequest {
  'groupIds'?: (string)[];
}

export interface DeleteGroupsRequest__Output {
  'groupIds': (string)[];
}
