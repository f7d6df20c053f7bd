// Original file: proto/samsa/v1/common.proto

import type { BrokerEndpoint as _samsa_v1_BrokerEndpoint, BrokerEndpoint__Output as _samsa_v1_BrokerEndpoint__Output } from '../../samsa/v1/BrokerEndpoint.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A broker as the controller's metadata knows it.
 */
export interface BrokerInfo {
  'brokerId'?: (number);
  'endpoint'?: (_samsa_v1_BrokerEndpoint | null);
  /**
   * `broker.rack`; empty when the broker declared none.
   */
  'rack'?: (string);
  /**
   * A fenced broker leads nothing and is in no ISR it could be removed from; it is unfenced
   * once it heartbeats with its metadata caught up.
   */
  'fenced'?: (boolean);
  /**
   * Epoch handed out by the broker's latest RegisterBroker: the metadata version of its
   * registration record. Requests carrying an older epoch are rejected with STALE_BROKER_EPOCH.
   */
  'brokerEpoch'?: (number | string | Long);
  /**
   * Random id the broker process picks at start; a different id means a restarted process.
   */
  'incarnationId'?: (string);
}

/**
 * A broker as the controller's metadata knows it.
 */
export interface BrokerInfo__Output {
  'brokerId': (number);
  'endpoint': (_samsa_v1_BrokerEndpoint__Output | null);
  /**
   * `broker.rack`; empty when the broker declared none.
   */
  'rack': (string);
  /**
   * A fenced broker leads nothing and is in no ISR it could be removed from; it is unfenced
   * once it heartbeats with its metadata caught up.
   */
  'fenced': (boolean);
  /**
   * Epoch handed out by the broker's latest RegisterBroker: the metadata version of its
   * registration record. Requests carrying an older epoch are rejected with STALE_BROKER_EPOCH.
   */
  'brokerEpoch': (string);
  /**
   * Random id the broker process picks at start; a different id means a restarted process.
   */
  'incarnationId': (string);
}
