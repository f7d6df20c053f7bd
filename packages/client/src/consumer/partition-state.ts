import { Attribute, type DecodedBatch } from '@samsa/protocol'
import { headersFromList, type KafkaMessage } from '../messages.js'
import type { Batch } from './types.js'

/** Where a partition restarts when it has no position (OFFSET_OUT_OF_RANGE, no offset given). */
export type ResetPolicy = 'earliest' | 'latest'

/** What the consumer knows and does about one assigned partition. */
export class PartitionState {
  /** The next offset to deliver; null until found by the reset policy (ListOffsets). */
  position: bigint | null = null
  /**
   * Bumped by every seek, reset and unassignment: a Fetch answer or a batch being delivered
   * for an older generation is dropped.
   */
  generation = 0
  /** A Fetch carrying this partition is in flight. */
  fetching = false
  /** A ListOffsets for its position is in flight. */
  resetting = false
  /** Not fetched before this time (backoff after an error), ms since the epoch. */
  backoffUntil = 0
  /** Consecutive failures (fetch errors, handler errors); 0 after a good fetch. */
  failures = 0
  /** partition_max_bytes of its next Fetch. */
  maxBytes: number
  highWatermark = -1n
  logStartOffset = -1n

  constructor(
    readonly topic: string,
    readonly partition: number,
    public reset: ResetPolicy,
    maxBytes: number,
  ) {
    this.maxBytes = maxBytes
  }

  /** Moves to `offset` (-2 the log start, -1 the high watermark), dropping data in flight. */
  seek(offset: bigint): void {
    this.generation++
    this.failures = 0
    this.backoffUntil = 0
    if (offset === -2n || offset === -1n) {
      this.position = null
      this.reset = offset === -2n ? 'earliest' : 'latest'
    } else {
      this.position = offset
    }
  }
}

/** The records of a Fetch answer's bytes at or after `from`, control batches left out. */
export function messagesFrom(
  batches: readonly DecodedBatch[],
  from: bigint,
): { messages: KafkaMessage[]; nextOffset: bigint } {
  const messages: KafkaMessage[] = []
  let nextOffset = from
  for (const batch of batches) {
    const end = batch.baseOffset + BigInt(batch.header.lastOffsetDelta) + 1n
    if (end > nextOffset) nextOffset = end
    if ((batch.header.attributes & Attribute.control) !== 0) continue
    for (const record of batch.records) {
      // A batch is returned whole: skip its records before the fetch offset.
      if (record.offset < from) continue
      messages.push({
        key: record.key,
        value: record.value,
        timestamp: record.timestamp,
        offset: record.offset,
        headers: headersFromList(record.headers),
      })
    }
  }
  return { messages, nextOffset }
}

/** KafkaJS's Batch over one partition's records of one Fetch. */
export function makeBatch(
  topic: string,
  partition: number,
  highWatermark: bigint,
  messages: KafkaMessage[],
): Batch {
  const last = () => messages.at(-1)?.offset ?? highWatermark - 1n
  const lag = (from: bigint) => (highWatermark - 1n - from > 0n ? highWatermark - 1n - from : 0n)
  return {
    topic,
    partition,
    highWatermark,
    messages,
    isEmpty: () => messages.length === 0,
    firstOffset: () => messages[0]?.offset ?? null,
    lastOffset: last,
    offsetLag: () => lag(last()),
    offsetLagLow: () => lag(messages[0]?.offset ?? last()),
  }
}
