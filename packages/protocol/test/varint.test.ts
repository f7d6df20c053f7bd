import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import {
  CorruptRecordError,
  readVarint,
  readVarlong,
  sizeOfVarint,
  sizeOfVarlong,
  writeVarint,
  writeVarlong,
} from '../src/index.js'

describe('zigzag varints', () => {
  it('encodes the values Kafka documents', () => {
    const cases: Array<[number, string]> = [
      [0, '00'],
      [-1, '01'],
      [1, '02'],
      [-2, '03'],
      [63, '7e'],
      [-64, '7f'],
      [64, '8001'],
      [2147483647, 'feffffff0f'],
      [-2147483648, 'ffffffff0f'],
    ]
    for (const [value, hex] of cases) {
      const buf = Buffer.alloc(5)
      const end = writeVarint(buf, 0, value)
      assert.equal(buf.subarray(0, end).toString('hex'), hex, `varint ${value}`)
      assert.equal(sizeOfVarint(value), end)
    }
  })

  it('round-trips every int32', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (value) => {
        const buf = Buffer.alloc(5)
        const end = writeVarint(buf, 0, value)
        assert.equal(end, sizeOfVarint(value))
        assert.deepEqual(readVarint(buf, 0), { value, next: end })
      }),
      { numRuns: 2000 },
    )
  })

  it('round-trips varlongs within +-2^52', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 52), max: 2 ** 52 }), (value) => {
        const buf = Buffer.alloc(10)
        const end = writeVarlong(buf, 0, value)
        assert.equal(end, sizeOfVarlong(value))
        assert.deepEqual(readVarlong(buf, 0), { value, next: end })
      }),
      { numRuns: 2000 },
    )
  })

  it('refuses varints that run past their buffer or are too long', () => {
    assert.throws(() => readVarint(Buffer.from('80', 'hex'), 0), CorruptRecordError)
    assert.throws(() => readVarint(Buffer.from('ffffffffff01', 'hex'), 0), CorruptRecordError)
    assert.throws(
      () => readVarlong(Buffer.from('ffffffffffffffffffff01', 'hex'), 0),
      CorruptRecordError,
    )
    assert.throws(() => readVarint(Buffer.from('0280', 'hex'), 1), CorruptRecordError)
  })
})
