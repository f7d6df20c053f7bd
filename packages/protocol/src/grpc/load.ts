import * as grpc from '@grpc/grpc-js'
import * as protoLoader from '@grpc/proto-loader'
import type { ProtoGrpcType } from '../generated/broker.js'
import { PROTO_LOADER_OPTIONS, PROTO_ROOT, SAMSA_PROTO_FILES } from './loader-options.js'

/**
 * The `samsa.v1` gRPC package: service constructors (`ControllerService`, `BrokerService`,
 * each a client class with a static `service` definition for `server.addService`) and message
 * type definitions, typed by the generated code.
 */
export type SamsaPackage = ProtoGrpcType['samsa']['v1']

let cached: SamsaPackage | undefined

/**
 * Loads proto/samsa/v1/*.proto with {@link PROTO_LOADER_OPTIONS} (once per process; later calls
 * return the same object). Throws if the proto files cannot be found or parsed.
 */
export function loadSamsaPackage(): SamsaPackage {
  if (cached === undefined) {
    const definition = protoLoader.loadSync([...SAMSA_PROTO_FILES], {
      ...PROTO_LOADER_OPTIONS,
      includeDirs: [PROTO_ROOT],
    })
    const root = grpc.loadPackageDefinition(definition) as unknown as ProtoGrpcType
    cached = root.samsa.v1
  }
  return cached
}
