// Original file: proto/samsa/v1/controller.proto

import type { ErrorInfo as _samsa_v1_ErrorInfo, ErrorInfo__Output as _samsa_v1_ErrorInfo__Output } from '../../samsa/v1/ErrorInfo.js';
import type { BrokerInfo as _samsa_v1_BrokerInfo, BrokerInfo__Output as _samsa_v1_BrokerInfo__Output } from '../../samsa/v1/BrokerInfo.js';
import type { Long } from '@grpc/proto-loader';

export interface DescribeClusterResponse {
  'error'?: (_samsa_v1_ErrorInfo | null);
  'clusterId'?: (string);
  /**
   * The active controller's id (-1 when unknown).
   */
  'controllerId'?: (number);
  /**
   * The metadata version this answer reflects.
   */
  'metadataVersion'?: (number | string | Long);
  'brokers'?: (_samsa_v1_BrokerInfo)[];
}

export interface DescribeClusterResponse__Output {
  'error': (_samsa_v1_ErrorInfo__Output | null);
  'clusterId': (string);
  /**
   * The active controller's id (-1 when unknown).
   */
  'controllerId': (number);
  /**
   * The metadata version this answer reflects.
   */
  'metadataVersion': (string);
  'brokers': (_samsa_v1_BrokerInfo__Output)[];
}
