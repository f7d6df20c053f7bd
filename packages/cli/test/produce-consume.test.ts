import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { SamsaError } from '@samsa/protocol'
import { InvalidArgumentError } from 'commander'
import { messageJson, parseOffset } from '../src/commands/consume.js'
import { lineToMessage, parseAcks } from '../src/commands/produce.js'
import { toJson } from '../src/index.js'
import { samsa } from './helpers.js'

describe('samsa produce input', () => {
  it('takes a whole line as the value, or splits key<sep>value at the first separator', () => {
    assert.deepEqual(lineToMessage('a:b:c', 1, undefined), { value: 'a:b:c' })
    assert.deepEqual(lineToMessage('a:b:c', 1, ':'), { key: 'a', value: 'b:c' })
    assert.deepEqual(lineToMessage('k=>v', 1, '=>'), { key: 'k', value: 'v' })
    assert.deepEqual(lineToMessage(':v', 1, ':'), { key: '', value: 'v' })
    assert.deepEqual(lineToMessage('', 1, undefined), { value: '' })
  })

  it('refuses a line without the key separator, naming the line', () => {
    assert.throws(
      () => lineToMessage('no separator', 7, ':'),
      (err: SamsaError) => err.code === 'INVALID_REQUEST' && /line 7 .*":"/.test(err.message),
    )
  })

  it('reads --acks all, -1, 1 and 0', () => {
    assert.deepEqual(['all', '-1', '1', '0'].map(parseAcks), [-1, -1, 1, 0])
    assert.throws(
      () => parseAcks('2'),
      (err: SamsaError) => err.code === 'INVALID_REQUIRED_ACKS',
    )
  })
})

describe('samsa consume output', () => {
  it('reads --offset as a number, earliest (-2) or latest (-1)', () => {
    assert.equal(parseOffset('42'), 42n)
    assert.equal(parseOffset('9007199254740993'), 9007199254740993n)
    assert.equal(parseOffset('earliest'), -2n)
    assert.equal(parseOffset('latest'), -1n)
    assert.throws(() => parseOffset('-5'), InvalidArgumentError)
    assert.throws(() => parseOffset('soon'), InvalidArgumentError)
  })

  it('prints a record as one JSON line: partition, exact offset, key, value, timestamp, headers', () => {
    const line = toJson(
      messageJson('t', 2, {
        key: Buffer.from('k'),
        value: null,
        timestamp: 1_700_000_000_000,
        offset: 9007199254740993n,
        headers: { a: Buffer.from('1'), dup: [Buffer.from('x'), null] },
      }),
    )
    assert.equal(
      line,
      '{"topic":"t","partition":2,"offset":9007199254740993,"key":"k","value":null,' +
        '"timestamp":1700000000000,"headers":{"a":"1","dup":["x",null]}}',
    )
  })
})

describe('samsa produce / consume usage errors', () => {
  const none = ['--bootstrap', '127.0.0.1:1']

  it('refuses --group until consumer groups arrive', async () => {
    const r = await samsa(['consume', '--topic', 't', '--group', 'g', ...none])
    assert.equal(r.code, 1)
    assert.match(r.err, /^error: UNSUPPORTED_VERSION: Consumer groups \(groupId "g"\) arrive .*\n$/)
  })

  it('refuses --offset without --partition', async () => {
    const r = await samsa(['consume', '--topic', 't', '--offset', '3', ...none])
    assert.equal(r.code, 1)
    assert.match(r.err, /^error: INVALID_REQUEST: --offset needs --partition\n$/)
  })

  it('refuses an --acks value Kafka does not have', async () => {
    const r = await samsa(['produce', '--topic', 't', '--acks', '2', ...none], {}, 'x\n')
    assert.notEqual(r.code, 0)
    assert.match(r.err, /--acks/)
  })
})
