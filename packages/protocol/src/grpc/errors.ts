import * as grpc from '@grpc/grpc-js'
import { ErrorCodes, type ErrorName, errorNameOf } from '../error-codes.js'
import { SamsaError } from '../errors.js'
import type { ErrorInfo } from '../generated/samsa/v1/ErrorInfo.js'

/** The wire error for success: code 0 (NONE). */
export const NO_ERROR: Readonly<{ code: number; message: string }> = Object.freeze({
  code: 0,
  message: '',
})

/**
 * The wire form of an error caught while serving a request: a SamsaError keeps its Kafka code
 * and message; anything else becomes UNKNOWN_SERVER_ERROR (its message is kept, as Kafka does
 * for unexpected exceptions, so operators see it in client logs).
 */
export function toErrorInfo(err: unknown): { code: number; message: string } {
  if (err instanceof SamsaError) return { code: err.errorCode, message: err.message }
  const message = err instanceof Error ? err.message : String(err)
  return { code: ErrorCodes.UNKNOWN_SERVER_ERROR.code, message }
}

/** The wire error for a Kafka error name, e.g. `errorInfo('NOT_CONTROLLER', 'ask 1')`. */
export function errorInfo(name: ErrorName, message = ''): { code: number; message: string } {
  return { code: ErrorCodes[name].code, message }
}

/**
 * The typed error carried by a response's `error` field, or undefined when the field is absent
 * or NONE (code 0).
 */
export function errorFromInfo(info: ErrorInfo | null | undefined): SamsaError | undefined {
  if (info == null || !info.code) return undefined
  const name = errorNameOf(info.code)
  return new SamsaError(name, info.message || name)
}

/** Throws the typed error carried by a response's `error` field, if any. */
export function throwIfError(info: ErrorInfo | null | undefined): void {
  const err = errorFromInfo(info)
  if (err) throw err
}

/**
 * Maps a failed gRPC call (transport or server crash, not a Kafka error in a response body) to
 * a typed error, once, at the transport boundary: DEADLINE_EXCEEDED becomes REQUEST_TIMED_OUT,
 * UNAVAILABLE and CANCELLED/connection failures NETWORK_EXCEPTION (both retriable),
 * RESOURCE_EXHAUSTED (a message over the size limit) MESSAGE_TOO_LARGE, UNIMPLEMENTED
 * UNSUPPORTED_VERSION, the rest UNKNOWN_SERVER_ERROR. The gRPC error is kept as `cause`.
 */
export function samsaErrorFromGrpc(err: unknown): SamsaError {
  if (err instanceof SamsaError) return err
  const status = (err as Partial<grpc.ServiceError> | null)?.code
  const details = (err as Partial<grpc.ServiceError> | null)?.details
  const message = details || (err instanceof Error ? err.message : String(err))
  const name: ErrorName = grpcStatusToErrorName(status)
  return new SamsaError(name, `${message} (gRPC ${grpc.status[status ?? -1] ?? status})`, {
    cause: err,
  })
}

function grpcStatusToErrorName(status: number | undefined): ErrorName {
  switch (status) {
    case grpc.status.DEADLINE_EXCEEDED:
      return 'REQUEST_TIMED_OUT'
    case grpc.status.UNAVAILABLE:
    case grpc.status.CANCELLED:
      return 'NETWORK_EXCEPTION'
    case grpc.status.RESOURCE_EXHAUSTED:
      return 'MESSAGE_TOO_LARGE'
    case grpc.status.UNIMPLEMENTED:
      return 'UNSUPPORTED_VERSION'
    default:
      return 'UNKNOWN_SERVER_ERROR'
  }
}
