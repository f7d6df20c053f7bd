// Original file: proto/samsa/v1/controller.proto

import type { BrokerEndpoint as _samsa_v1_BrokerEndpoint, BrokerEndpoint__Output as _samsa_v1_BrokerEndpoint__Output } from '../../samsa/v1/BrokerEndpoint.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A broker (re-)registered; it starts fenced. Replaces any previous registration of the id.
 */
export interface BrokerRegisteredRecord {
  'brokerId'?: (number);
  /**
   * The metadata version of this record.
   */
  'brokerEpoch'?: (number | string | Long);
  'incarnationId'?: (string);
  'endpoint'?: (_samsa_v1_BrokerEndpoint | null);
  'rack'?: (string);
}

/**
 * A broker (re-)registered; it starts fenced. Replaces any previous registration of the id.
 */
export interface BrokerRegisteredRecord__Output {
  'brokerId': (number);
  /**
   * The metadata version of this record.
   */
  'brokerEpoch': (string);
  'incarnationId': (string);
  'endpoint': (_samsa_v1_BrokerEndpoint__Output | null);
  'rack': (string);
}
