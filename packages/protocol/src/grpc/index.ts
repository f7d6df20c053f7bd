/**
 * gRPC plumbing shared by every Samsa server and client: the proto-loader options (one
 * constant for generation and run time), the typed `samsa.v1` package, channel options, the
 * health service, Kafka-error mapping at the transport boundary, and the generated message
 * types under the `pb` namespace (`pb.FetchRequest`, `pb.MetadataUpdate__Output`, ...).
 */
export * as pb from '../generated/index.js'
export * from './channel-options.js'
export * from './errors.js'
export * from './health.js'
export * from './load.js'
export * from './loader-options.js'
export * from './metadata-wire.js'
export * from './transport.js'
