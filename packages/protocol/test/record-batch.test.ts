import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import {
  BatchField,
  batchBaseOffset,
  batchBaseSequence,
  batchLastOffset,
  batchMaxTimestamp,
  batchPartitionLeaderEpoch,
  batchPositions,
  batchProducerEpoch,
  batchProducerId,
  batchRecordCount,
  buildRecordBatch,
  CorruptRecordError,
  checkBatch,
  crc32c,
  decodeRecordBatch,
  decodeRecordBatches,
  InvalidRecordError,
  type RecordInput,
  readBatchHeader,
  stampBaseOffset,
  stampPartitionLeaderEpoch,
  UnsupportedCompressionTypeError,
  validateProducedBatch,
  validBatchesLength,
  verifyBatchCrc,
} from '../src/index.js'

const bytes = fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a))
const recordArb: fc.Arbitrary<RecordInput> = fc.record({
  key: fc.option(bytes, { nil: null }),
  value: fc.option(bytes, { nil: null }),
  headers: fc.array(
    fc.record({ key: fc.string({ maxLength: 8 }), value: fc.option(bytes, { nil: null }) }),
    {
      maxLength: 3,
    },
  ),
  timestamp: fc.integer({ min: 0, max: 2 ** 42 }),
})

describe('RecordBatch v2 codec', () => {
  it('round-trips records, plain and gzip', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { minLength: 1, maxLength: 20 }),
        fc.constantFrom('none' as const, 'gzip' as const),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (records, compression, baseOffset) => {
          const batch = buildRecordBatch(records, { compression, baseOffset })
          assert.equal(validateProducedBatch(batch, 0), batch.length)
          const decoded = decodeRecordBatch(batch)
          assert.equal(decoded.records.length, records.length)
          decoded.records.forEach((got, i) => {
            const want = records[i]!
            assert.equal(got.offset, BigInt(baseOffset + i))
            assert.equal(got.timestamp, want.timestamp)
            assert.deepEqual(got.key, want.key ?? null)
            assert.deepEqual(got.value, want.value)
            // fast-check may build null-prototype objects; compare plain copies.
            assert.deepEqual(
              got.headers,
              (want.headers ?? []).map((h) => ({ key: h.key, value: h.value })),
            )
          })
          assert.equal(batchMaxTimestamp(batch, 0), Math.max(...records.map((r) => r.timestamp!)))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('reads header fields without decoding records', () => {
    const batch = buildRecordBatch([{ value: 'a' }, { value: 'b' }, { value: 'c' }], {
      baseOffset: 100,
      partitionLeaderEpoch: 7,
      producerId: 12345,
      producerEpoch: 3,
      baseSequence: 9,
      now: 5000,
    })
    assert.equal(batchBaseOffset(batch, 0), 100)
    assert.equal(batchLastOffset(batch, 0), 102)
    assert.equal(batchRecordCount(batch, 0), 3)
    assert.equal(batchMaxTimestamp(batch, 0), 5000)
    assert.equal(batchPartitionLeaderEpoch(batch, 0), 7)
    assert.equal(batchProducerId(batch, 0), 12345)
    assert.equal(batchProducerEpoch(batch, 0), 3)
    assert.equal(batchBaseSequence(batch, 0), 9)
    assert.equal(readBatchHeader(batch, 0).batchLength, batch.length - 12)
  })

  it('stamps base offset and leader epoch in place without breaking the CRC', () => {
    const batch = buildRecordBatch([{ value: 'x' }, { value: 'y' }])
    const crcBefore = batch.readUInt32BE(BatchField.crc)
    stampBaseOffset(batch, 0, 2 ** 40 + 5)
    stampPartitionLeaderEpoch(batch, 0, 42)
    assert.equal(batch.readUInt32BE(BatchField.crc), crcBefore)
    assert.ok(verifyBatchCrc(batch, 0))
    assert.equal(batchBaseOffset(batch, 0), 2 ** 40 + 5)
    assert.equal(batchPartitionLeaderEpoch(batch, 0), 42)
    assert.equal(decodeRecordBatch(batch).records[1]!.offset, BigInt(2 ** 40 + 6))
  })

  it('walks the batches of a buffer and stops at a partial tail', () => {
    const batches = [1, 2, 3].map((n) =>
      buildRecordBatch(Array.from({ length: n }, () => ({ value: 'v' }))),
    )
    const all = Buffer.concat(batches)
    const partial = all.subarray(0, all.length - 5)
    assert.deepEqual(
      [...batchPositions(all)],
      [0, batches[0]!.length, batches[0]!.length + batches[1]!.length],
    )
    assert.equal([...batchPositions(partial)].length, 2)
    assert.equal(decodeRecordBatches(partial).length, 2)
    assert.equal(validBatchesLength(partial), batches[0]!.length + batches[1]!.length)
  })
})

describe('RecordBatch v2 bad input', () => {
  const good = () => buildRecordBatch([{ key: 'k', value: 'v' }, { value: 'w' }])

  it('refuses a bad CRC', () => {
    const batch = good()
    batch[batch.length - 1]! ^= 0xff
    assert.throws(() => checkBatch(batch, 0), CorruptRecordError)
    assert.throws(() => decodeRecordBatch(batch), CorruptRecordError)
    assert.equal(validBatchesLength(batch), 0)
  })

  it('refuses a wrong magic', () => {
    const batch = good()
    batch.writeInt8(1, BatchField.magic)
    assert.throws(() => checkBatch(batch, 0), /magic 1/)
  })

  it('refuses a length that overruns the buffer, or is shorter than a header', () => {
    const batch = good()
    batch.writeInt32BE(batch.length, BatchField.batchLength)
    assert.throws(() => checkBatch(batch, 0), CorruptRecordError)
    batch.writeInt32BE(10, BatchField.batchLength)
    assert.throws(() => checkBatch(batch, 0), CorruptRecordError)
    assert.throws(() => checkBatch(good().subarray(0, 40), 0), CorruptRecordError)
  })

  it('refuses zero records and a record count that lies', () => {
    const empty = good()
    empty.writeInt32BE(0, BatchField.recordCount)
    empty.writeInt32BE(-1, BatchField.lastOffsetDelta)
    fixCrc(empty)
    assert.throws(() => validateProducedBatch(empty, 0), InvalidRecordError)

    const lying = good()
    lying.writeInt32BE(5, BatchField.recordCount)
    fixCrc(lying)
    assert.throws(() => validateProducedBatch(lying, 0), InvalidRecordError)
    lying.writeInt32BE(4, BatchField.lastOffsetDelta)
    fixCrc(lying)
    // The header now agrees with itself; the records' length prefixes still give it away.
    assert.throws(() => validateProducedBatch(lying, 0), /says 5 records but its body holds 2/)
    assert.throws(() => decodeRecordBatch(lying), CorruptRecordError)

    const fewer = good()
    fewer.writeInt32BE(1, BatchField.recordCount)
    fewer.writeInt32BE(0, BatchField.lastOffsetDelta)
    fixCrc(fewer)
    assert.throws(() => validateProducedBatch(fewer, 0), /says 1 records but its body holds more/)
  })

  it('refuses an unsupported compression code', () => {
    const batch = good()
    batch.writeInt16BE(7, BatchField.attributes)
    fixCrc(batch)
    assert.throws(() => decodeRecordBatch(batch), UnsupportedCompressionTypeError)
  })

  it('never crashes on random bytes behind a valid CRC', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 200 }),
        fc.integer({ min: -1, max: 50 }),
        (body, count) => {
          const batch = Buffer.alloc(61 + body.length)
          batch.writeInt32BE(batch.length - 12, BatchField.batchLength)
          batch.writeInt8(2, BatchField.magic)
          batch.writeInt32BE(count, BatchField.recordCount)
          Buffer.from(body).copy(batch, 61)
          fixCrc(batch)
          try {
            decodeRecordBatch(batch)
          } catch (err) {
            assert.ok(
              err instanceof CorruptRecordError || err instanceof InvalidRecordError,
              String(err),
            )
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})

function fixCrc(batch: Buffer): void {
  batch.writeUInt32BE(crc32c(batch, BatchField.attributes), BatchField.crc)
}
