// Original file: proto/samsa/v1/common.proto


/**
 * Where a broker listens.
 */
export interface BrokerEndpoint {
  'host'?: (string);
  /**
   * gRPC port (BrokerService).
   */
  'port'?: (number);
  /**
   * HTTP admin port (metrics, /healthz, /readyz, /v1/cluster); 0 when the broker has none.
   */
  'httpPort'?: (number);
}

/**
 * Where a broker listens.
 */
export interface BrokerEndpoint__Output {
  'host': (string);
  /**
   * gRPC port (BrokerService).
   */
  'port': (number);
  /**
   * HTTP admin port (metrics, /healthz, /readyz, /v1/cluster); 0 when the broker has none.
   */
  'httpPort': (number);
}
