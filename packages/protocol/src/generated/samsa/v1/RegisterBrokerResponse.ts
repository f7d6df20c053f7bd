// Original file: proto/samsa/v1/controller.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { Long } from '@grpc/proto-loader';

export interface RegisterBrokerResponse {
  'error'?: (_samsa_v1_ErrorInfo | null);
  /**
   * The epoch to send with every later request from this broker.
   */
  'brokerEpoch'?: (number | string | Long);
  'clusterId'?: (string);
}

export interface RegisterBrokerResponse__Output {
  'error': (_samsa_v1_ErrorInfo__Output | null);
  /**
   * The epoch to send with every later request from this broker.
   */
  'brokerEpoch': (string);
  'clusterId': (string);
}
