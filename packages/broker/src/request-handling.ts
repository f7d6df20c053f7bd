import type * as grpc from '@grpc/grpc-js'
import { SamsaError, toErrorInfo } from '@samsa/protocol'
import type { Logger } from './logger.js'

/** Where a request that could not be decoded keeps its decoding error (see tolerantService). */
const MALFORMED = Symbol('malformed request')

/**
 * The service definition with request decoding that never throws: bytes that are not the
 * method's protobuf message become a marker that the handler answers with INVALID_REQUEST in the
 * response body, as Kafka answers a request it cannot parse, instead of a bare gRPC INTERNAL.
 */
export function tolerantService(definition: grpc.ServiceDefinition): grpc.ServiceDefinition {
  const out: Record<string, grpc.MethodDefinition<unknown, unknown>> = {}
  for (const [name, method] of Object.entries(definition)) {
    out[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          return method.requestDeserialize(bytes)
        } catch (err) {
          return { [MALFORMED]: err }
        }
      },
    }
  }
  return out as grpc.ServiceDefinition
}

function malformed(request: unknown): unknown {
  return typeof request === 'object' && request !== null && MALFORMED in request
    ? (request as { [MALFORMED]: unknown })[MALFORMED]
    : undefined
}

/**
 * Runs a handler and always answers: its response, or a response carrying the Kafka error it
 * threw (a SamsaError keeps its code; anything else is a bug, logged, and answered as
 * UNKNOWN_SERVER_ERROR). A request that could not be decoded is answered with INVALID_REQUEST.
 * Nothing a client sends can crash the broker or leave a call hanging.
 */
export function serve<Res>(
  rpc: string,
  call: { readonly request: unknown },
  callback: grpc.sendUnaryData<Res>,
  fn: () => Res | Promise<Res>,
  log: Logger,
): void {
  let result: Promise<Res>
  const decodeError = malformed(call.request)
  if (decodeError !== undefined) {
    const reason = decodeError instanceof Error ? decodeError.message : String(decodeError)
    log.debug({ rpc, reason }, 'malformed request')
    result = Promise.reject(
      new SamsaError('INVALID_REQUEST', `Could not decode the ${rpc} request: ${reason}`),
    )
  } else {
    try {
      result = Promise.resolve(fn())
    } catch (err) {
      result = Promise.reject(err)
    }
  }
  result
    .catch((err: unknown): Res => {
      if (!(err instanceof SamsaError)) log.error({ err, rpc }, 'request failed')
      return { error: toErrorInfo(err) } as Res
    })
    .then((response) => callback(null, response))
    .catch((err: unknown) => log.error({ err, rpc }, 'could not send the response'))
}
