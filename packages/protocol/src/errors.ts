import { ErrorCodes, type ErrorName, errorNameOf } from './error-codes.js'

/**
 * Base of every error Samsa throws on purpose. `code` is Kafka's error name, `errorCode` its
 * number, and `retriable` says whether the same request may succeed if sent again (KafkaJS's
 * `retriable`, Kafka's RetriableException).
 */
export class SamsaError extends Error {
  readonly code: ErrorName
  readonly errorCode: number
  readonly retriable: boolean

  constructor(code: ErrorName, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    this.code = code
    this.errorCode = ErrorCodes[code].code
    this.retriable = ErrorCodes[code].retriable
  }
}

/** A batch failed its integrity checks: bad CRC, wrong magic, lengths that overrun. */
export class CorruptRecordError extends SamsaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CORRUPT_MESSAGE', message, options)
  }
}

/** A batch is intact but not acceptable: no records, counts that disagree, offsets backwards. */
export class InvalidRecordError extends SamsaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_RECORD', message, options)
  }
}

export class MessageTooLargeError extends SamsaError {
  constructor(message: string) {
    super('MESSAGE_TOO_LARGE', message)
  }
}

export class OffsetOutOfRangeError extends SamsaError {
  constructor(message: string) {
    super('OFFSET_OUT_OF_RANGE', message)
  }
}

/** The disk under a log failed (read-only, full, I/O error). */
export class KafkaStorageError extends SamsaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('KAFKA_STORAGE_ERROR', message, options)
  }
}

export class UnsupportedCompressionTypeError extends SamsaError {
  constructor(message: string) {
    super('UNSUPPORTED_COMPRESSION_TYPE', message)
  }
}

/** Builds the typed error for a numeric code received from a server. */
export function errorFromCode(code: number, message?: string): SamsaError {
  const name = errorNameOf(code)
  return new SamsaError(name, message ?? name)
}
