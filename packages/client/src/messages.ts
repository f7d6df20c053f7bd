import type { RecordHeader, RecordHeaderInput } from '@samsa/protocol'

/**
 * Record headers as KafkaJS shapes them: one value per key, or an array of values when a key
 * repeats (Kafka allows repeated keys; their order is kept within a key). A null value is a
 * header without a value.
 */
export interface IHeaders {
  [key: string]: Buffer | string | null | (Buffer | string | null)[] | undefined
}

/** Headers of a consumed record: as {@link IHeaders}, values as the exact bytes sent. */
export interface MessageHeaders {
  [key: string]: Buffer | null | (Buffer | null)[]
}

/** A record to produce (KafkaJS's Message). Strings are sent as UTF-8. */
export interface Message {
  key?: Buffer | string | null
  value: Buffer | string | null
  /** The partition to write to; overrides the partitioner. */
  partition?: number
  headers?: IHeaders
  /**
   * Create time in ms since the epoch, as a number or a decimal string (KafkaJS's form).
   * Default: the time `send()` is called.
   */
  timestamp?: number | string
}

/**
 * A consumed record (KafkaJS's KafkaMessage), with two deliberate differences: `offset` is an
 * exact bigint (DESIGN.md §6: offsets are exact on the public API; KafkaJS gives a string) and
 * `timestamp` is a number of ms (exact for any real timestamp; KafkaJS gives a string).
 * `key`, `value` and header values are views into the fetched bytes, unchanged.
 */
export interface KafkaMessage {
  key: Buffer | null
  value: Buffer | null
  /** Create time, or the broker's append time on a topic with LogAppendTime. */
  timestamp: number
  offset: bigint
  headers: MessageHeaders
}

/** KafkaJS-shaped headers to the wire's list, in order; `undefined` values are left out. */
export function headersToList(headers: IHeaders | undefined): RecordHeaderInput[] {
  if (headers === undefined || headers === null) return []
  const list: RecordHeaderInput[] = []
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) list.push({ key, value: v })
  }
  return list
}

/** The wire's header list to KafkaJS's shape: a repeated key collects its values in order. */
export function headersFromList(list: readonly RecordHeader[]): MessageHeaders {
  const headers: MessageHeaders = {}
  for (const { key, value } of list) {
    const seen = Object.hasOwn(headers, key) ? headers[key] : undefined
    // defineProperty, so a header named "__proto__" is a plain key, not the object's prototype.
    const set = (v: Buffer | null | (Buffer | null)[]) =>
      Object.defineProperty(headers, key, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    if (seen === undefined) set(value)
    else if (Array.isArray(seen)) seen.push(value)
    else set([seen, value])
  }
  return headers
}
