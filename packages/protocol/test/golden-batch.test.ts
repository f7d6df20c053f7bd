import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildRecordBatch, crc32c, decodeRecordBatch } from '../src/index.js'

/** Bitwise CRC-32C (reflected polynomial 0x82F63B78), independent of the native one. */
function referenceCrc32c(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) {
    crc ^= byte
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}

/** Hex bytes written out by hand; `#` starts a comment that runs to the end of its line. */
const hex = (s: string) => Buffer.from(s.replace(/#.*$/gm, '').replace(/\s+/g, ''), 'hex')

describe('RecordBatch v2 golden bytes', () => {
  it('agrees with the CRC-32C check value', () => {
    assert.equal(referenceCrc32c(Buffer.from('123456789')), 0xe3069283)
    assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283)
  })

  it('builds exactly the bytes the layout of DESIGN.md §2 gives', () => {
    const built = buildRecordBatch(
      [
        {
          key: 'key',
          value: 'value',
          headers: [{ key: 'h', value: 'v' }],
          timestamp: 1_700_000_000_000,
        },
        { key: null, value: 'v2', timestamp: 1_700_000_000_005 },
      ],
      { baseOffset: 0, partitionLeaderEpoch: -1 },
    )

    // Everything the CRC covers: attributes through the last record.
    const covered = hex(`
      0000                 # attributes: no compression, create time
      00000001             # lastOffsetDelta 1
      0000018bcfe56800     # baseTimestamp 1700000000000
      0000018bcfe56805     # maxTimestamp 1700000000005
      ffffffffffffffff     # producerId -1
      ffff                 # producerEpoch -1
      ffffffff             # baseSequence -1
      00000002             # recordCount 2
      24                   # record 0: length 18 (zigzag 36)
        00                 # attributes
        00                 # timestampDelta 0
        00                 # offsetDelta 0
        06 6b6579          # key length 3, "key"
        0a 76616c7565      # value length 5, "value"
        02                 # 1 header
          02 68            # header key length 1, "h"
          02 76            # header value length 1, "v"
      10                   # record 1: length 8 (zigzag 16)
        00                 # attributes
        0a                 # timestampDelta 5
        02                 # offsetDelta 1
        01                 # key null (-1)
        04 7632            # value length 2, "v2"
        00                 # 0 headers
    `)

    const expected = Buffer.concat([
      hex('0000000000000000'), // baseOffset 0
      hex('0000004d'), // batchLength 77 = 4 + 1 + 4 + covered (68)
      hex('ffffffff'), // partitionLeaderEpoch -1
      hex('02'), // magic 2
      Buffer.from(referenceCrc32c(covered).toString(16).padStart(8, '0'), 'hex'),
      covered,
    ])
    assert.equal(covered.length, 68)
    assert.equal(built.toString('hex'), expected.toString('hex'))
  })

  it('decodes the golden batch back to its records', () => {
    const batch = buildRecordBatch([
      { key: 'key', value: 'value', headers: [{ key: 'h', value: 'v' }], timestamp: 42 },
    ])
    const decoded = decodeRecordBatch(batch)
    assert.equal(decoded.records.length, 1)
    const [record] = decoded.records
    assert.equal(record!.offset, 0n)
    assert.equal(record!.timestamp, 42)
    assert.equal(record!.key!.toString(), 'key')
    assert.equal(record!.value!.toString(), 'value')
    assert.deepEqual(
      record!.headers.map((h) => [h.key, h.value?.toString()]),
      [['h', 'v']],
    )
  })
})
