// Original file: proto/samsa/v1/broker.proto


export interface DescribeGroupsRequest {
  'groupIds'?: (string)[];
}

export interface DescribeGroupsRequest__Output {
  'groupIds': (string)[];
}
