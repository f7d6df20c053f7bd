// Original file: proto/samsa/v1/controller.proto

import type { Long } from '@grpc/proto-loader';

export interface BrokerHeartbeatRequest {
  'brokerId'?: (number);
  'brokerEpoch'?: (number | string | Long);
  /**
   * The broker is shutting down gracefully: the controller moves its leaderships away and
   * answers should_shut_down once it leads nothing.
   */
  'wantShutDown'?: (boolean);
  /**
   * The last metadata version the broker has applied (from WatchMetadata).
   */
  'currentMetadataVersion'?: (number | string | Long);
}

export interface BrokerHeartbeatRequest__Output {
  'brokerId': (number);
  'brokerEpoch': (string);
  /**
   * The broker is shutting down gracefully: the controller moves its leaderships away and
   * answers should_shut_down once it leads nothing.
   */
  'wantShutDown': (boolean);
  /**
   * The last metadata version the broker has applied (from WatchMetadata).
   */
  'currentMetadataVersion': (string);
}
