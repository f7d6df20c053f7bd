import {
  CorruptRecordError,
  type ErrorName,
  errorFromInfo,
  InvalidRecordError,
  KafkaStorageError,
  MessageTooLargeError,
  OffsetOutOfRangeError,
  type pb,
  SamsaError,
  UnsupportedCompressionTypeError,
} from '@samsa/protocol'

export {
  CorruptRecordError,
  ErrorCodes,
  type ErrorName,
  errorFromCode,
  InvalidRecordError,
  KafkaStorageError,
  MessageTooLargeError,
  OffsetOutOfRangeError,
  SamsaError,
  UnsupportedCompressionTypeError,
} from '@samsa/protocol'

/**
 * Several items of one request failed (KafkaJS's KafkaJSAggregateError): `errors` holds each
 * one's typed error. Its own `code` and `retriable` are those of the first.
 */
export class SamsaAggregateError extends SamsaError {
  readonly errors: readonly SamsaError[]

  constructor(errors: readonly SamsaError[]) {
    const first = errors[0]
    if (first === undefined) throw new TypeError('SamsaAggregateError needs at least one error')
    super(first.code, errors.map((e) => `${e.code}: ${e.message}`).join('; '))
    this.errors = errors
  }
}

/** Throws nothing for no errors, the error itself for one, a SamsaAggregateError for more. */
export function throwErrors(errors: readonly SamsaError[]): void {
  if (errors.length === 1) throw errors[0]
  if (errors.length > 1) throw new SamsaAggregateError(errors)
}

/** The error codes that have a class of their own (the rest are SamsaError with their `code`). */
const ERROR_CLASSES: Partial<Record<ErrorName, new (message: string) => SamsaError>> = {
  CORRUPT_MESSAGE: CorruptRecordError,
  INVALID_RECORD: InvalidRecordError,
  MESSAGE_TOO_LARGE: MessageTooLargeError,
  OFFSET_OUT_OF_RANGE: OffsetOutOfRangeError,
  KAFKA_STORAGE_ERROR: KafkaStorageError,
  UNSUPPORTED_COMPRESSION_TYPE: UnsupportedCompressionTypeError,
}

/**
 * The typed error a response item carries, or undefined for none: an instance of the code's own
 * class where it has one (`err instanceof MessageTooLargeError`), else a SamsaError.
 */
export function errorFromResponse(info: pb.ErrorInfo | null | undefined): SamsaError | undefined {
  const error = errorFromInfo(info)
  if (error === undefined) return undefined
  const Class = ERROR_CLASSES[error.code]
  return Class === undefined ? error : new Class(error.message)
}
