import * as grpc from '@grpc/grpc-js'
import type { BrokerServiceClient } from '../generated/samsa/v1/BrokerService.js'
import type { ControllerServiceClient } from '../generated/samsa/v1/ControllerService.js'
import { CLIENT_CHANNEL_OPTIONS, SERVER_CHANNEL_OPTIONS } from './channel-options.js'
import { samsaErrorFromGrpc } from './errors.js'
import { loadSamsaPackage } from './load.js'

/** A gRPC server with {@link SERVER_CHANNEL_OPTIONS} (raised message limits, keepalive). */
export function createGrpcServer(options: grpc.ChannelOptions = {}): grpc.Server {
  return new grpc.Server({ ...SERVER_CHANNEL_OPTIONS, ...options })
}

/**
 * Binds `server` to host:port without TLS and resolves with the bound port (useful with port 0).
 * Samsa servers listen on loopback or private networks; TLS is a later concern.
 */
export function bindGrpcServer(server: grpc.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (err, bound) => {
      if (err) reject(err)
      else resolve(bound)
    })
  })
}

/**
 * Stops `server`: lets calls in flight finish for up to `graceMs`, then cancels the rest
 * (long-lived streams such as WatchMetadata never finish on their own).
 */
export function shutdownGrpcServer(server: grpc.Server, graceMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.forceShutdown(), graceMs)
    server.tryShutdown(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** A ControllerService client for host:port with {@link CLIENT_CHANNEL_OPTIONS}. Reuse it. */
export function createControllerClient(
  address: string,
  options: grpc.ChannelOptions = {},
): ControllerServiceClient {
  const { ControllerService } = loadSamsaPackage()
  return new ControllerService(address, grpc.credentials.createInsecure(), {
    ...CLIENT_CHANNEL_OPTIONS,
    ...options,
  })
}

/** A BrokerService client for host:port with {@link CLIENT_CHANNEL_OPTIONS}. Reuse it. */
export function createBrokerClient(
  address: string,
  options: grpc.ChannelOptions = {},
): BrokerServiceClient {
  const { BrokerService } = loadSamsaPackage()
  return new BrokerService(address, grpc.credentials.createInsecure(), {
    ...CLIENT_CHANNEL_OPTIONS,
    ...options,
  })
}

/** Per-call options for {@link unary}. */
export interface UnaryOptions {
  /** Gives up after this many milliseconds with REQUEST_TIMED_OUT. Default: no deadline. */
  timeoutMs?: number
  /** Cancels the call (it then rejects with NETWORK_EXCEPTION, cause CANCELLED). */
  signal?: AbortSignal
  metadata?: grpc.Metadata
}

/**
 * Calls a unary method of a generated client and resolves with its response, rejecting with a
 * typed SamsaError for transport failures (see samsaErrorFromGrpc). Kafka errors inside the
 * response body are left for the caller to read (see throwIfError).
 *
 * ```ts
 * const res = await unary(client, client.createTopics, { topics }, { timeoutMs: 30_000 })
 * ```
 */
export function unary<Req, Res>(
  client: grpc.Client,
  method: (argument: Req, callback: grpc.requestCallback<Res>) => grpc.ClientUnaryCall,
  request: Req,
  options: UnaryOptions = {},
): Promise<Res> {
  const { timeoutMs, signal, metadata = new grpc.Metadata() } = options
  const callOptions: grpc.CallOptions = {}
  if (timeoutMs !== undefined) callOptions.deadline = Date.now() + timeoutMs
  // The generated method is overloaded; at run time grpc-js accepts (argument, metadata,
  // options, callback), which the last overload's type (used for inference) does not show.
  const invoke = method as unknown as (
    this: grpc.Client,
    argument: Req,
    metadata: grpc.Metadata,
    options: grpc.CallOptions,
    callback: grpc.requestCallback<Res>,
  ) => grpc.ClientUnaryCall
  return new Promise<Res>((resolve, reject) => {
    if (signal?.aborted) {
      reject(samsaErrorFromGrpc({ code: grpc.status.CANCELLED, details: 'aborted' }))
      return
    }
    const onAbort = () => call.cancel()
    const call = invoke.call(client, request, metadata, callOptions, (err, response) => {
      signal?.removeEventListener('abort', onAbort)
      if (err) reject(samsaErrorFromGrpc(err))
      else resolve(response as Res)
    })
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
