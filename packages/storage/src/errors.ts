import { InvalidRecordError, KafkaStorageError, SamsaError } from '@samsa/protocol'

/** A log config value is out of range (INVALID_CONFIG). */
export class InvalidConfigurationError extends SamsaError {
  constructor(message: string) {
    super('INVALID_CONFIG', message)
  }
}

/** A checkpoint file does not parse (KAFKA_STORAGE_ERROR). */
export class CorruptCheckpointError extends KafkaStorageError {}

/** An index file is missing or inconsistent with its log; it is rebuilt (KAFKA_STORAGE_ERROR). */
export class CorruptIndexError extends KafkaStorageError {}

/** The log (or log manager) was closed, or its directory deleted (KAFKA_STORAGE_ERROR). */
export class LogClosedError extends KafkaStorageError {}

/** A leader-epoch entry with a negative epoch or offset (INVALID_REQUEST). */
export class InvalidEpochEntryError extends SamsaError {
  constructor(message: string) {
    super('INVALID_REQUEST', message)
  }
}

/**
 * A leader append carries an epoch older than the latest one in the log's epoch history
 * (FENCED_LEADER_EPOCH): a stale leader must not write.
 */
export class FencedLeaderEpochError extends SamsaError {
  constructor(message: string) {
    super('FENCED_LEADER_EPOCH', message)
  }
}

/**
 * A follower append whose batches do not start at the log end offset, or whose offsets go
 * backwards (INVALID_RECORD, as Kafka's UnexpectedAppendOffsetException). Nothing was written.
 */
export class UnexpectedAppendOffsetError extends InvalidRecordError {
  /** The offset the log expected (the log end offset, or the previous batch's last + 1). */
  readonly expectedOffset: number
  /** The base offset the batch had. */
  readonly actualOffset: number

  constructor(message: string, expectedOffset: number, actualOffset: number) {
    super(message)
    this.expectedOffset = expectedOffset
    this.actualOffset = actualOffset
  }
}
