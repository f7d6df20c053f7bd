// Original file: proto/samsa/v1/controller.proto

import type { Long } from '@grpc/proto-loader';

export interface BrokerFencedRecord {
  'brokerId'?: (number);
  'brokerEpoch'?: (number | string | Long);
  /**
   * "session-timeout", "controlled-shutdown", ... for operators.
   */
  'reason'?: (string);
}

export interface BrokerFencedRecord__Output {
  'brokerId': (number);
  'brokerEpoch': (string);
  /**
   * "session-timeout", "controlled-shutdown", ... for operators.
   */
  'reason': (string);
}
