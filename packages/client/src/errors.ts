import { SamsaError } from '@samsa/protocol'

export {
  CorruptRecordError,
  ErrorCodes,
  type ErrorName,
  errorFromCode,
  InvalidRecordError,
  MessageTooLargeError,
  OffsetOutOfRangeError,
  SamsaError,
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
