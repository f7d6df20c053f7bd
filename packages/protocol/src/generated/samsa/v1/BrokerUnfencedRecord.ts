// Original file: proto/samsa/v1/controller.proto

import type { Long } from '@grpc/proto-loader';

export interface BrokerUnfencedRecord {
  'brokerId'?: (number);
  'brokerEpoch'?: (number | string | Long);
}

export interface BrokerUnfencedRecord__Output {
  'brokerId': (number);
  'brokerEpoch': (string);
}
