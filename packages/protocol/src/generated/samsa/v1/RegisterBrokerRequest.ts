// Original file: proto/samsa/v1/controller.proto

import type { BrokerEndpoint as _samsa_v1_BrokerEndpoint, BrokerEndpoint__Output as _samsa_v1_BrokerEndpoint__Output } from '../../samsa/v1/BrokerEndpoint.js';

export interface RegisterBrokerRequest {
  /**
   * `broker.id`, unique in the cluster.
   */
  'brokerId'?: (number);
  /**
   * A random id chosen once per broker process. Registering the same broker id with another
   * incarnation while the first one is still alive (not fenced, session not expired) is
   * rejected with DUPLICATE_BROKER_REGISTRATION.
   */
  'incarnationId'?: (string);
  'endpoint'?: (_samsa_v1_BrokerEndpoint | null);
  /**
   * `broker.rack`; empty for none. Replica placement spreads replicas over racks.
   */
  'rack'?: (string);
  /**
   * The cluster id the broker's log dirs belong to; empty on a fresh broker.
   * A mismatch is rejected with INCONSISTENT_CLUSTER_ID.
   */
  'clusterId'?: (string);
}

export interface RegisterBrokerRequest__Output {
  /**
   * `broker.id`, unique in the cluster.
   */
  'brokerId': (number);
  /**
   * A random id chosen once per broker process. Registering the same broker id with another
   * incarnation while the first one is still alive (not fenced, session not expired) is
   * rejected with DUPLICATE_BROKER_REGISTRATION.
   */
  'incarnationId': (string);
  'endpoint': (_samsa_v1_BrokerEndpoint__Output | null);
  /**
   * `broker.rack`; empty for none. Replica placement spreads replicas over racks.
   */
  'rack': (string);
  /**
   * The cluster id the broker's log dirs belong to; empty on a fresh broker.
   * A mismatch is rejected with INCONSISTENT_CLUSTER_ID.
   */
  'clusterId': (string);
}
