/**
 * Decodes RecordBatch v2 back into records: what a consumer does, never the broker. The CRC is
 * checked first; compressed batches are inflated; every length is bounds-checked so a lying
 * batch gives a CorruptRecordError, never a crash or an over-read.
 */
import {
  Attribute,
  BATCH_HEADER_SIZE,
  BatchField,
  type BatchHeader,
  batchPositions,
  checkBatch,
  readBatchHeader,
} from './batch-header.js'
import { compressionTypeOf, decompress } from './compression.js'
import { CorruptRecordError } from './errors.js'
import type { DecodedRecord, RecordHeader } from './record.js'
import { readVarint, readVarlong } from './varint.js'

export interface DecodedBatch {
  header: BatchHeader
  /** Exact base offset (the header's number form is exact below 2^53). */
  baseOffset: bigint
  records: DecodedRecord[]
}

class RecordReader {
  constructor(
    readonly buf: Buffer,
    public pos: number,
    readonly end: number,
  ) {}

  varint(): number {
    const { value, next } = readVarint(this.buf, this.pos, this.end)
    this.pos = next
    return value
  }

  varlong(): number {
    const { value, next } = readVarlong(this.buf, this.pos, this.end)
    this.pos = next
    return value
  }

  bytes(): Buffer | null {
    const length = this.varint()
    if (length < 0) return null
    if (length > this.end - this.pos)
      throw new CorruptRecordError(`length ${length} overruns its record`)
    const data = this.buf.subarray(this.pos, this.pos + length)
    this.pos += length
    return data
  }
}

function readRecord(reader: RecordReader, baseOffset: bigint, header: BatchHeader): DecodedRecord {
  const length = reader.varint()
  const end = reader.pos + length
  if (length < 1 || end > reader.end)
    throw new CorruptRecordError(`record length ${length} overruns its batch`)
  const record = new RecordReader(reader.buf, reader.pos + 1, end) // skip record attributes
  const timestampDelta = record.varlong()
  const offsetDelta = record.varint()
  const key = record.bytes()
  const value = record.bytes()
  const headerCount = record.varint()
  if (headerCount < 0 || headerCount > end - record.pos)
    throw new CorruptRecordError(`header count ${headerCount} is impossible`)
  const headers: RecordHeader[] = []
  for (let i = 0; i < headerCount; i++) {
    const headerKey = record.bytes()
    if (headerKey === null) throw new CorruptRecordError('record header with a null key')
    headers.push({ key: headerKey.toString('utf8'), value: record.bytes() })
  }
  if (record.pos !== end) throw new CorruptRecordError('record length disagrees with its fields')
  reader.pos = end
  const logAppendTime = (header.attributes & Attribute.logAppendTime) !== 0
  return {
    offset: baseOffset + BigInt(offsetDelta),
    timestamp: logAppendTime ? header.maxTimestamp : header.baseTimestamp + timestampDelta,
    key,
    value,
    headers,
  }
}

/** Decodes the batch at `pos`. Throws CorruptRecordError when anything in it disagrees. */
export function decodeRecordBatch(buf: Buffer, pos = 0): DecodedBatch {
  const size = checkBatch(buf, pos)
  const header = readBatchHeader(buf, pos)
  const baseOffset = buf.readBigInt64BE(pos + BatchField.baseOffset)
  const compression = compressionTypeOf(header.attributes & Attribute.compressionMask)
  let data = buf
  let start = pos + BATCH_HEADER_SIZE
  let end = pos + size
  if (compression !== 'none') {
    try {
      data = decompress(compression, buf.subarray(start, end))
    } catch (err) {
      throw new CorruptRecordError(`batch at ${pos} does not inflate as ${compression}`, {
        cause: err,
      })
    }
    start = 0
    end = data.length
  }
  if (header.recordCount < 0 || header.recordCount > end - start) {
    throw new CorruptRecordError(`batch at ${pos} claims ${header.recordCount} records`)
  }
  const reader = new RecordReader(data, start, end)
  const records: DecodedRecord[] = []
  for (let i = 0; i < header.recordCount; i++) records.push(readRecord(reader, baseOffset, header))
  if (reader.pos !== end)
    throw new CorruptRecordError(
      `batch at ${pos} has bytes after its ${header.recordCount} records`,
    )
  return { header, baseOffset, records }
}

/** Decodes every complete batch in `buf` (a fetch response may end with a partial one). */
export function decodeRecordBatches(buf: Buffer): DecodedBatch[] {
  return Array.from(batchPositions(buf), (pos) => decodeRecordBatch(buf, pos))
}
