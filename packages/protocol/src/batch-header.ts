/**
 * Header-only access to Kafka RecordBatch v2 (DESIGN.md §2). The broker validates, stamps and
 * moves batches with these functions and never decodes the records inside.
 *
 *   0  baseOffset            int64   \ LOG_OVERHEAD: not covered by the CRC, so a leader
 *   8  batchLength           int32   / assigns offsets by overwriting them in place
 *  12  partitionLeaderEpoch  int32     also outside the CRC: stamped by the leader
 *  16  magic                 int8 = 2
 *  17  crc                   uint32    CRC-32C of bytes [21, end of batch)
 *  21  attributes            int16     bits 0-2 compression, 3 timestamp type, 4 transactional, 5 control
 *  23  lastOffsetDelta       int32
 *  27  baseTimestamp         int64
 *  35  maxTimestamp          int64
 *  43  producerId            int64
 *  51  producerEpoch         int16
 *  53  baseSequence          int32
 *  57  recordCount           int32
 *  61  records...
 *
 * Offsets and timestamps are int64 on the wire and JS numbers here: an internal shortcut that is
 * exact below 2^53 (285 years at a million records a second). A value beyond that is refused.
 */
import { crc32c } from './crc32c.js'
import { CorruptRecordError, InvalidRecordError } from './errors.js'

export const LOG_OVERHEAD = 12
export const BATCH_HEADER_SIZE = 61
export const MAGIC_V2 = 2

export const BatchField = {
  baseOffset: 0,
  batchLength: 8,
  partitionLeaderEpoch: 12,
  magic: 16,
  crc: 17,
  attributes: 21,
  lastOffsetDelta: 23,
  baseTimestamp: 27,
  maxTimestamp: 35,
  producerId: 43,
  producerEpoch: 51,
  baseSequence: 53,
  recordCount: 57,
} as const

export const Attribute = {
  compressionMask: 0x07,
  logAppendTime: 0x08,
  transactional: 0x10,
  control: 0x20,
} as const

/** Reads an int64 as a number; throws InvalidRecordError when it is not a safe integer. */
export function readInt64(buf: Buffer, pos: number): number {
  const hi = buf.readInt32BE(pos)
  if (hi >= 0x200000 || hi < -0x200000) {
    throw new InvalidRecordError(`int64 at ${pos} is outside the safe integer range`)
  }
  return hi * 0x100000000 + buf.readUInt32BE(pos + 4)
}

/** Writes a safe integer as an int64. */
export function writeInt64(buf: Buffer, pos: number, value: number): void {
  const hi = Math.floor(value / 0x100000000)
  buf.writeInt32BE(hi, pos)
  buf.writeUInt32BE(value - hi * 0x100000000, pos + 4)
}

export function batchBaseOffset(buf: Buffer, pos: number): number {
  return readInt64(buf, pos + BatchField.baseOffset)
}

/** Bytes the whole batch takes, LOG_OVERHEAD included. */
export function batchSize(buf: Buffer, pos: number): number {
  return LOG_OVERHEAD + buf.readInt32BE(pos + BatchField.batchLength)
}

export function batchPartitionLeaderEpoch(buf: Buffer, pos: number): number {
  return buf.readInt32BE(pos + BatchField.partitionLeaderEpoch)
}

export function batchMagic(buf: Buffer, pos: number): number {
  return buf.readInt8(pos + BatchField.magic)
}

export function batchAttributes(buf: Buffer, pos: number): number {
  return buf.readInt16BE(pos + BatchField.attributes)
}

export function batchLastOffsetDelta(buf: Buffer, pos: number): number {
  return buf.readInt32BE(pos + BatchField.lastOffsetDelta)
}

export function batchLastOffset(buf: Buffer, pos: number): number {
  return batchBaseOffset(buf, pos) + batchLastOffsetDelta(buf, pos)
}

export function batchBaseTimestamp(buf: Buffer, pos: number): number {
  return readInt64(buf, pos + BatchField.baseTimestamp)
}

export function batchMaxTimestamp(buf: Buffer, pos: number): number {
  return readInt64(buf, pos + BatchField.maxTimestamp)
}

export function batchProducerId(buf: Buffer, pos: number): number {
  return readInt64(buf, pos + BatchField.producerId)
}

export function batchProducerEpoch(buf: Buffer, pos: number): number {
  return buf.readInt16BE(pos + BatchField.producerEpoch)
}

export function batchBaseSequence(buf: Buffer, pos: number): number {
  return buf.readInt32BE(pos + BatchField.baseSequence)
}

export function batchRecordCount(buf: Buffer, pos: number): number {
  return buf.readInt32BE(pos + BatchField.recordCount)
}

/** Sets the batch's base offset. Outside the CRC, so the batch stays valid. */
export function stampBaseOffset(buf: Buffer, pos: number, offset: number): void {
  writeInt64(buf, pos + BatchField.baseOffset, offset)
}

/** Sets the leader epoch that wrote the batch. Outside the CRC, so the batch stays valid. */
export function stampPartitionLeaderEpoch(buf: Buffer, pos: number, epoch: number): void {
  buf.writeInt32BE(epoch, pos + BatchField.partitionLeaderEpoch)
}

/** Every header field of one batch, for code off the hot path (tools, tests, logs). */
export interface BatchHeader {
  baseOffset: number
  batchLength: number
  partitionLeaderEpoch: number
  magic: number
  crc: number
  attributes: number
  lastOffsetDelta: number
  baseTimestamp: number
  maxTimestamp: number
  producerId: number
  producerEpoch: number
  baseSequence: number
  recordCount: number
}

export function readBatchHeader(buf: Buffer, pos: number): BatchHeader {
  if (buf.length - pos < BATCH_HEADER_SIZE) {
    throw new CorruptRecordError(`batch header at ${pos} needs ${BATCH_HEADER_SIZE} bytes`)
  }
  return {
    baseOffset: batchBaseOffset(buf, pos),
    batchLength: buf.readInt32BE(pos + BatchField.batchLength),
    partitionLeaderEpoch: batchPartitionLeaderEpoch(buf, pos),
    magic: batchMagic(buf, pos),
    crc: buf.readUInt32BE(pos + BatchField.crc),
    attributes: batchAttributes(buf, pos),
    lastOffsetDelta: batchLastOffsetDelta(buf, pos),
    baseTimestamp: batchBaseTimestamp(buf, pos),
    maxTimestamp: batchMaxTimestamp(buf, pos),
    producerId: batchProducerId(buf, pos),
    producerEpoch: batchProducerEpoch(buf, pos),
    baseSequence: batchBaseSequence(buf, pos),
    recordCount: batchRecordCount(buf, pos),
  }
}

/** Whether the stored CRC matches the CRC-32C of [attributes, end of batch). */
export function verifyBatchCrc(buf: Buffer, pos: number): boolean {
  const stored = buf.readUInt32BE(pos + BatchField.crc)
  return crc32c(buf, pos + BatchField.attributes, pos + batchSize(buf, pos)) === stored
}

/**
 * Integrity of the batch at `pos`, as recovery and follower appends need it: a whole header, a
 * length that ends before `end`, magic 2, a correct CRC. Returns the batch's size in bytes.
 */
export function checkBatch(buf: Buffer, pos: number, end = buf.length): number {
  if (end - pos < BATCH_HEADER_SIZE) {
    throw new CorruptRecordError(
      `batch at ${pos} has ${end - pos} bytes, fewer than the ${BATCH_HEADER_SIZE}-byte header`,
    )
  }
  const size = batchSize(buf, pos)
  if (size < BATCH_HEADER_SIZE || size > end - pos) {
    throw new CorruptRecordError(
      `batch at ${pos} declares ${size} bytes but ${end - pos} are there (header is ${BATCH_HEADER_SIZE})`,
    )
  }
  const magic = batchMagic(buf, pos)
  if (magic !== MAGIC_V2) {
    throw new CorruptRecordError(
      `batch at ${pos} has magic ${magic}; only ${MAGIC_V2} is supported`,
    )
  }
  if (!verifyBatchCrc(buf, pos)) {
    throw new CorruptRecordError(`batch at ${pos} fails its CRC-32C check`)
  }
  batchBaseOffset(buf, pos) // throws when outside the safe integer range
  return size
}

/**
 * What a leader accepts from a producer: checkBatch, at least one record, a lastOffsetDelta
 * that agrees with the record count and, for an uncompressed batch, records whose length
 * prefixes tile the body exactly that many times. Returns the batch's size in bytes.
 */
export function validateProducedBatch(buf: Buffer, pos: number, end = buf.length): number {
  const size = checkBatch(buf, pos, end)
  const count = batchRecordCount(buf, pos)
  if (count < 1) throw new InvalidRecordError(`batch at ${pos} holds ${count} records`)
  const lastOffsetDelta = batchLastOffsetDelta(buf, pos)
  if (lastOffsetDelta !== count - 1) {
    throw new InvalidRecordError(
      `batch at ${pos} says ${count} records but its lastOffsetDelta is ${lastOffsetDelta}`,
    )
  }
  if ((batchAttributes(buf, pos) & Attribute.compressionMask) === 0) {
    checkRecordFraming(buf, pos, size, count)
  }
  return size
}

/**
 * Walks the length prefix of each record (nothing inside a record is read) and checks that
 * exactly `count` records fill the batch body. A compressed body is left to the consumer's
 * decoder: inflating it here would put decompression on the broker's hot path.
 */
function checkRecordFraming(buf: Buffer, pos: number, size: number, count: number): void {
  const end = pos + size
  let at = pos + BATCH_HEADER_SIZE
  let records = 0
  while (at < end && records <= count) {
    // An inlined zigzag varint: no allocation per record.
    let raw = 0
    let shift = 0
    let b: number
    do {
      if (at >= end || shift > 28) {
        throw new CorruptRecordError(`batch at ${pos}: record ${records} has a broken length`)
      }
      b = buf[at++]!
      raw |= (b & 0x7f) << shift
      shift += 7
    } while (b & 0x80)
    const length = (raw >>> 1) ^ -(raw & 1)
    if (length < 1 || length > end - at) {
      throw new CorruptRecordError(
        `batch at ${pos}: record ${records} length ${length} overruns the batch`,
      )
    }
    at += length
    records++
  }
  // The loop stops at the end of the body or one record past `count`.
  if (records !== count) {
    throw new CorruptRecordError(
      `batch at ${pos} says ${count} records but its body holds ${records > count ? 'more' : records}`,
    )
  }
}

/** Bytes of the leading batches in [start, end) that pass checkBatch: where a torn tail begins. */
export function validBatchesLength(buf: Buffer, start = 0, end = buf.length): number {
  let pos = start
  while (pos < end) {
    try {
      pos += checkBatch(buf, pos, end)
    } catch (err) {
      if (err instanceof CorruptRecordError || err instanceof InvalidRecordError) break
      throw err
    }
  }
  return pos - start
}

/**
 * Positions of each complete batch in [start, end), walking headers only (no CRC check).
 * Stops at a tail too short to hold a whole batch.
 */
export function* batchPositions(buf: Buffer, start = 0, end = buf.length): Generator<number> {
  let pos = start
  while (end - pos >= LOG_OVERHEAD) {
    const size = batchSize(buf, pos)
    if (size < BATCH_HEADER_SIZE || size > end - pos) return
    yield pos
    pos += size
  }
}
