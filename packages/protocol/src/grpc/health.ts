import * as grpc from '@grpc/grpc-js'
import * as protoLoader from '@grpc/proto-loader'
import { HealthImplementation, protoPath, type ServingStatusMap } from 'grpc-health-check'
import { CLIENT_CHANNEL_OPTIONS } from './channel-options.js'
import { PROTO_LOADER_OPTIONS } from './loader-options.js'

export { HealthImplementation, type ServingStatus, type ServingStatusMap } from 'grpc-health-check'

/** The standard `grpc.health.v1.Health` service name; '' is the server as a whole. */
export const HEALTH_SERVICE_NAME = 'grpc.health.v1.Health'

/**
 * Registers the standard gRPC health service (grpc.health.v1, from the grpc-node project's
 * `grpc-health-check`) on `server`. The server as a whole ('') starts SERVING unless
 * `initial` says otherwise; call `setStatus` on the returned object as readiness changes.
 */
export function addHealthService(
  server: grpc.Server,
  initial: ServingStatusMap = { '': 'SERVING' },
): HealthImplementation {
  const health = new HealthImplementation(initial)
  health.addToServer(server)
  return health
}

/** What a health check can answer (grpc.health.v1 HealthCheckResponse.ServingStatus). */
export type HealthStatus = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN'

interface HealthClient extends grpc.Client {
  check(
    request: { service: string },
    options: grpc.CallOptions,
    callback: (err: grpc.ServiceError | null, response?: { status: HealthStatus }) => void,
  ): grpc.ClientUnaryCall
}

type HealthClientConstructor = new (
  address: string,
  credentials: grpc.ChannelCredentials,
  options?: grpc.ChannelOptions,
) => HealthClient

let healthClientClass: HealthClientConstructor | undefined

function loadHealthClient(): HealthClientConstructor {
  if (healthClientClass === undefined) {
    const definition = protoLoader.loadSync(protoPath, PROTO_LOADER_OPTIONS)
    // The shape of grpc.health.v1 is fixed by the standard, so a hand-written type is enough.
    const root = grpc.loadPackageDefinition(definition) as unknown as {
      grpc: { health: { v1: { Health: HealthClientConstructor } } }
    }
    healthClientClass = root.grpc.health.v1.Health
  }
  return healthClientClass
}

/**
 * Asks the server at `address` (host:port, plaintext) for the health of `service` ('' for the
 * whole server). Resolves with the status; rejects with the gRPC error when the server cannot be
 * reached within `timeoutMs`.
 */
export async function checkHealth(
  address: string,
  service = '',
  timeoutMs = 2_000,
): Promise<HealthStatus> {
  const Health = loadHealthClient()
  const client = new Health(address, grpc.credentials.createInsecure(), CLIENT_CHANNEL_OPTIONS)
  try {
    return await new Promise<HealthStatus>((resolve, reject) => {
      client.check({ service }, { deadline: Date.now() + timeoutMs }, (err, response) => {
        if (err) reject(err)
        else resolve(response?.status ?? 'UNKNOWN')
      })
    })
  } finally {
    client.close()
  }
}
