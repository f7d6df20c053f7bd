import {
  BATCH_HEADER_SIZE,
  buildRecordBatch,
  type RecordInput,
  type SamsaError,
} from '@samsa/protocol'
import { throwErrors } from '../errors.js'
import { partitionKey } from '../offsets.js'
import type { Acks, ProducerCompression, RecordMetadata } from './types.js'

/** What a Produce request carries once for all its batches: batches only share a request alike. */
export interface BatchProfile {
  readonly acks: Acks
  readonly timeoutMs: number
  readonly compression: ProducerCompression
}

export function sameProfile(a: BatchProfile, b: BatchProfile): boolean {
  return a.acks === b.acks && a.timeoutMs === b.timeoutMs && a.compression === b.compression
}

/**
 * One `send()` waiting for its records: it resolves once every chunk (its records in one batch)
 * is acknowledged, with one RecordMetadata per partition, or rejects with the typed error of
 * the chunks that failed (a SamsaAggregateError for several).
 */
export class Delivery {
  readonly promise: Promise<RecordMetadata[]>
  readonly #results = new Map<string, RecordMetadata | undefined>()
  readonly #errors: Error[] = []
  #pending = 0
  #sealed = false
  #resolve!: (value: RecordMetadata[]) => void
  #reject!: (reason: unknown) => void

  constructor() {
    this.promise = new Promise((resolve, reject) => {
      this.#resolve = resolve
      this.#reject = reject
    })
  }

  addChunk(topic: string, partition: number): void {
    this.#pending++
    const key = partitionKey(topic, partition)
    if (!this.#results.has(key)) this.#results.set(key, undefined)
  }

  /** A chunk was acknowledged; the first chunk of a partition gives its base offset. */
  chunkDone(topic: string, partition: number, metadata: Omit<RecordMetadata, 'errorCode'>): void {
    const key = partitionKey(topic, partition)
    if (this.#results.get(key) === undefined) {
      this.#results.set(key, { ...metadata, topicName: topic, topic, partition, errorCode: 0 })
    }
    this.#pending--
    this.#settleIfDone()
  }

  chunkFailed(error: SamsaError): void {
    if (!this.#errors.includes(error)) this.#errors.push(error)
    this.#pending--
    this.#settleIfDone()
  }

  /** Every record is appended (or `error` stopped the appending): settle once chunks are done. */
  seal(error?: Error): void {
    if (error !== undefined) this.#errors.push(error)
    this.#sealed = true
    this.#settleIfDone()
  }

  #settleIfDone(): void {
    if (!this.#sealed || this.#pending > 0) return
    if (this.#errors.length > 0) {
      try {
        throwErrors(this.#errors as SamsaError[])
      } catch (err) {
        this.#reject(err)
      }
      return
    }
    this.#resolve([...this.#results.values()].filter((r) => r !== undefined))
  }
}

/** Records of one Delivery in one batch: `count` records from index `first`. */
interface Chunk {
  readonly delivery: Delivery
  readonly first: number
  count: number
}

/** Room for a record's framing in a batch: length, attributes, deltas and lengths as varints. */
const RECORD_OVERHEAD = 26
const HEADER_OVERHEAD = 10

/** The bytes `record` takes in a batch, at most (varints counted at their widest). */
export function recordSize(record: RecordInput): number {
  let size = RECORD_OVERHEAD + (record.key?.length ?? 0) + (record.value?.length ?? 0)
  for (const h of record.headers ?? []) {
    size += HEADER_OVERHEAD + Buffer.byteLength(h.key) + (h.value?.length ?? 0)
  }
  return size
}

/** A batch being filled, or waiting to be sent, or in flight. */
export class PendingBatch {
  records: RecordInput[] = []
  readonly chunks: Chunk[] = []
  /** Estimated encoded size (before compression). */
  bytes = BATCH_HEADER_SIZE
  /** No more records go in: it is full, or was taken for sending. */
  closed = false
  /** Sends that failed with a retriable error. */
  attempts = 0
  /** Not to be sent before this time (retry backoff), ms since the epoch. */
  retryAt = 0
  /** To be sent as the only batch of its partition in a request (after MESSAGE_TOO_LARGE). */
  solo = false
  #encoded: Buffer | undefined

  constructor(
    readonly topic: string,
    readonly partition: number,
    readonly profile: BatchProfile,
    readonly createdAt: number,
  ) {}

  get recordCount(): number {
    return this.chunks.reduce((n, c) => n + c.count, 0)
  }

  add(record: RecordInput, size: number, delivery: Delivery): void {
    const last = this.chunks.at(-1)
    if (last?.delivery === delivery) last.count++
    else {
      this.chunks.push({ delivery, first: this.records.length, count: 1 })
      delivery.addChunk(this.topic, this.partition)
    }
    this.records.push(record)
    this.bytes += size
  }

  /** The RecordBatch v2 bytes, built once (a retry sends the same bytes again). */
  encode(): Buffer {
    if (this.#encoded === undefined) {
      this.#encoded = buildRecordBatch(this.records, { compression: this.profile.compression })
      this.records = []
    }
    return this.#encoded
  }

  /** Acknowledged with the offset of its first record. */
  succeed(baseOffset: bigint, logAppendTime: number, logStartOffset: bigint): void {
    for (const chunk of this.chunks) {
      chunk.delivery.chunkDone(this.topic, this.partition, {
        topicName: this.topic,
        topic: this.topic,
        partition: this.partition,
        baseOffset: baseOffset < 0n ? -1n : baseOffset + BigInt(chunk.first),
        logAppendTime,
        logStartOffset,
      })
    }
  }

  fail(error: SamsaError): void {
    for (const chunk of this.chunks) chunk.delivery.chunkFailed(error)
  }
}

/** The batches of one partition, oldest first; only the last can be open. */
export class PartitionQueue {
  readonly batches: PendingBatch[] = []
  /** A request carries batches of this partition now: nothing else of it is sent meanwhile. */
  inFlight = false
  /** Batches closed so far: the sticky partitioner moves on when this changes. */
  generation = 0

  constructor(
    readonly topic: string,
    readonly partition: number,
  ) {}

  close(batch: PendingBatch): void {
    if (batch.closed) return
    batch.closed = true
    this.generation++
  }
}

/**
 * Record batches per partition (Kafka's RecordAccumulator): records are appended to the open
 * batch of their partition until it reaches `batchSize` bytes; the sender takes batches from
 * the front of each queue.
 */
export class RecordAccumulator {
  readonly #queues = new Map<string, PartitionQueue>()
  readonly #batchSize: number

  constructor(batchSize: number) {
    this.#batchSize = batchSize
  }

  queues(): IterableIterator<PartitionQueue> {
    return this.#queues.values()
  }

  generation(topic: string, partition: number): number {
    return this.#queues.get(partitionKey(topic, partition))?.generation ?? 0
  }

  /** Whether any batch waits to be sent or is in flight. */
  get busy(): boolean {
    for (const q of this.#queues.values()) if (q.inFlight || q.batches.length > 0) return true
    return false
  }

  /**
   * Closes the open batch of a partition when `record` would not fit in it, so the sticky
   * partitioner moves on before the record starts a new batch there (Kafka's abortOnNewBatch).
   * Returns whether it closed one.
   */
  closeIfFull(
    topic: string,
    partition: number,
    record: RecordInput,
    profile: BatchProfile,
  ): boolean {
    const queue = this.#queues.get(partitionKey(topic, partition))
    const batch = queue?.batches.at(-1)
    if (queue === undefined || batch === undefined || batch.closed) return false
    if (
      sameProfile(batch.profile, profile) &&
      batch.bytes + recordSize(record) <= this.#batchSize
    ) {
      return false
    }
    queue.close(batch)
    return true
  }

  /** Appends a record; resolves whether this filled its batch (the sender can go now). */
  append(
    topic: string,
    partition: number,
    record: RecordInput,
    profile: BatchProfile,
    delivery: Delivery,
    now: number,
  ): boolean {
    const key = partitionKey(topic, partition)
    let queue = this.#queues.get(key)
    if (queue === undefined) {
      queue = new PartitionQueue(topic, partition)
      this.#queues.set(key, queue)
    }
    const size = recordSize(record)
    let batch = queue.batches.at(-1)
    if (
      batch !== undefined &&
      !batch.closed &&
      (!sameProfile(batch.profile, profile) || batch.bytes + size > this.#batchSize)
    ) {
      queue.close(batch)
    }
    if (batch === undefined || batch.closed) {
      batch = new PendingBatch(topic, partition, profile, now)
      queue.batches.push(batch)
    }
    batch.add(record, size, delivery)
    if (batch.bytes >= this.#batchSize) {
      queue.close(batch)
      return true
    }
    return false
  }
}
