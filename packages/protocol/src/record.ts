/** A record as a producer hands it over. Strings are encoded as UTF-8. */
export interface RecordInput {
  key?: Buffer | string | null
  value: Buffer | string | null
  headers?: ReadonlyArray<RecordHeaderInput>
  /** Milliseconds since the epoch; defaults to the time the batch is built. */
  timestamp?: number
}

export interface RecordHeaderInput {
  key: string
  value: Buffer | string | null
}

export interface RecordHeader {
  key: string
  value: Buffer | null
}

/** A record read back out of a batch. `key` and `value` are views into the batch's buffer. */
export interface DecodedRecord {
  /** Exact 64-bit offset. */
  offset: bigint
  timestamp: number
  key: Buffer | null
  value: Buffer | null
  headers: RecordHeader[]
}
