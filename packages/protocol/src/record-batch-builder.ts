/**
 * Builds one Kafka RecordBatch v2 (DESIGN.md §2) from records. Sizes are computed first so the
 * batch is written into a single allocation; only a compressed batch needs a second buffer.
 *
 * Record: length varint | attributes int8 | timestampDelta varlong | offsetDelta varint |
 *         keyLength varint | key | valueLength varint | value | headerCount varint |
 *         headers (keyLength varint, key, valueLength varint, value); length -1 means null.
 */
import {
  Attribute,
  BATCH_HEADER_SIZE,
  BatchField,
  LOG_OVERHEAD,
  MAGIC_V2,
  writeInt64,
} from './batch-header.js'
import { CompressionCodes, type CompressionType, compress } from './compression.js'
import { crc32c } from './crc32c.js'
import { InvalidRecordError } from './errors.js'
import type { RecordInput } from './record.js'
import { sizeOfVarint, sizeOfVarlong, writeVarint, writeVarlong } from './varint.js'

export interface BuildBatchOptions {
  /** Offset of the first record; a leader overwrites it. Default 0. */
  baseOffset?: number
  /** Leader epoch; a leader overwrites it. Default -1 (unknown). */
  partitionLeaderEpoch?: number
  /** Default 'none'. */
  compression?: CompressionType
  /** Idempotent producer id; default -1 (none). */
  producerId?: number
  /** Default -1. */
  producerEpoch?: number
  /** Sequence of the first record; default -1. */
  baseSequence?: number
  /** 'create' (the producer's timestamps, default) or 'log-append' (the broker's clock). */
  timestampType?: 'create' | 'log-append'
  /** Default false. */
  transactional?: boolean
  /** Time used for records without a timestamp; default Date.now(). */
  now?: number
}

interface EncodedRecord {
  timestampDelta: number
  key: Buffer | null
  value: Buffer | null
  headers: Array<{ key: Buffer; value: Buffer | null }>
  bodySize: number
}

function toBytes(data: Buffer | string | null | undefined): Buffer | null {
  if (data === null || data === undefined) return null
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data
}

function sizeOfBytes(data: Buffer | null): number {
  return data === null ? 1 : sizeOfVarint(data.length) + data.length
}

function writeBytes(buf: Buffer, pos: number, data: Buffer | null): number {
  if (data === null) return writeVarint(buf, pos, -1)
  const at = writeVarint(buf, pos, data.length)
  data.copy(buf, at)
  return at + data.length
}

function encodeRecord(
  record: RecordInput,
  index: number,
  baseTimestamp: number,
  now: number,
): EncodedRecord {
  const key = toBytes(record.key)
  const value = toBytes(record.value)
  const headers = (record.headers ?? []).map((h) => ({
    key: Buffer.from(h.key, 'utf8'),
    value: toBytes(h.value),
  }))
  const timestampDelta = (record.timestamp ?? now) - baseTimestamp
  let bodySize = 1 + sizeOfVarlong(timestampDelta) + sizeOfVarint(index)
  bodySize += sizeOfBytes(key) + sizeOfBytes(value) + sizeOfVarint(headers.length)
  for (const h of headers) bodySize += sizeOfBytes(h.key) + sizeOfBytes(h.value)
  return { timestampDelta, key, value, headers, bodySize }
}

function writeRecord(buf: Buffer, pos: number, record: EncodedRecord, index: number): number {
  let at = writeVarint(buf, pos, record.bodySize)
  buf[at++] = 0 // record attributes: unused in v2
  at = writeVarlong(buf, at, record.timestampDelta)
  at = writeVarint(buf, at, index)
  at = writeBytes(buf, at, record.key)
  at = writeBytes(buf, at, record.value)
  at = writeVarint(buf, at, record.headers.length)
  for (const h of record.headers) {
    at = writeBytes(buf, at, h.key)
    at = writeBytes(buf, at, h.value)
  }
  return at
}

function attributesOf(options: BuildBatchOptions, compression: CompressionType): number {
  let attributes = CompressionCodes[compression]
  if (options.timestampType === 'log-append') attributes |= Attribute.logAppendTime
  if (options.transactional) attributes |= Attribute.transactional
  return attributes
}

/** Builds one RecordBatch v2 holding `records` (at least one). */
export function buildRecordBatch(
  records: ReadonlyArray<RecordInput>,
  options: BuildBatchOptions = {},
): Buffer {
  if (records.length === 0) throw new InvalidRecordError('a batch needs at least one record')
  const now = options.now ?? Date.now()
  const baseTimestamp = records[0]!.timestamp ?? now
  const encoded = records.map((r, i) => encodeRecord(r, i, baseTimestamp, now))
  let maxTimestamp = baseTimestamp
  let recordsSize = 0
  for (const r of encoded) {
    maxTimestamp = Math.max(maxTimestamp, baseTimestamp + r.timestampDelta)
    recordsSize += sizeOfVarint(r.bodySize) + r.bodySize
  }

  const compression = options.compression ?? 'none'
  let payload: Buffer | null = null
  if (compression !== 'none') {
    const plain = Buffer.allocUnsafe(recordsSize)
    encoded.reduce((at, r, i) => writeRecord(plain, at, r, i), 0)
    payload = compress(compression, plain)
  }

  const batch = Buffer.allocUnsafe(BATCH_HEADER_SIZE + (payload?.length ?? recordsSize))
  writeInt64(batch, BatchField.baseOffset, options.baseOffset ?? 0)
  batch.writeInt32BE(batch.length - LOG_OVERHEAD, BatchField.batchLength)
  batch.writeInt32BE(options.partitionLeaderEpoch ?? -1, BatchField.partitionLeaderEpoch)
  batch.writeInt8(MAGIC_V2, BatchField.magic)
  batch.writeInt16BE(attributesOf(options, compression), BatchField.attributes)
  batch.writeInt32BE(records.length - 1, BatchField.lastOffsetDelta)
  writeInt64(batch, BatchField.baseTimestamp, baseTimestamp)
  writeInt64(batch, BatchField.maxTimestamp, maxTimestamp)
  writeInt64(batch, BatchField.producerId, options.producerId ?? -1)
  batch.writeInt16BE(options.producerEpoch ?? -1, BatchField.producerEpoch)
  batch.writeInt32BE(options.baseSequence ?? -1, BatchField.baseSequence)
  batch.writeInt32BE(records.length, BatchField.recordCount)
  if (payload) payload.copy(batch, BATCH_HEADER_SIZE)
  else encoded.reduce((at, r, i) => writeRecord(batch, at, r, i), BATCH_HEADER_SIZE)
  batch.writeUInt32BE(crc32c(batch, BatchField.attributes), BatchField.crc)
  return batch
}
