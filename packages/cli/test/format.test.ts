import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SamsaError } from '@samsa/protocol'
import { InvalidArgumentError } from 'commander'
import { formatError, formatTable, toJson } from '../src/index.js'
import { collectKeyValue, parseBootstrap, parseInteger } from '../src/options.js'

describe('CLI output', () => {
  it('writes bigints as exact JSON numbers', () => {
    assert.equal(
      toJson({ offset: 9007199254740993n, epoch: -1n, name: 'x', list: [1n] }),
      '{"offset":9007199254740993,"epoch":-1,"name":"x","list":[1]}',
    )
  })

  it('pads table columns to the widest cell; lists are comma-joined, empty cells are -', () => {
    assert.equal(
      formatTable(
        ['ID', 'REPLICAS', 'RACK'],
        [
          [1, [1, 2, 3], null],
          [10, [], 'r1'],
        ],
      ),
      ['ID  REPLICAS  RACK', '1   1,2,3     -', '10  -         r1'].join('\n'),
    )
  })

  it('formats errors as one line: error: <CODE_NAME>: message', () => {
    assert.equal(
      formatError(new SamsaError('TOPIC_ALREADY_EXISTS', 'Topic t\nalready exists')),
      'error: TOPIC_ALREADY_EXISTS: Topic t already exists',
    )
    assert.equal(formatError(new Error('boom')), 'error: UNKNOWN_SERVER_ERROR: boom')
  })
})

describe('CLI option parsing', () => {
  it('splits key=value at the first = and accumulates', () => {
    assert.deepEqual(collectKeyValue('a=b=c', collectKeyValue('x=1')), { x: '1', a: 'b=c' })
    assert.throws(() => collectKeyValue('novalue'), InvalidArgumentError)
    assert.throws(() => collectKeyValue('=v'), InvalidArgumentError)
  })

  it('accepts any integer (the server judges counts) and nothing else', () => {
    assert.equal(parseInteger('0'), 0)
    assert.equal(parseInteger('-3'), -3)
    assert.throws(() => parseInteger('3.5'), InvalidArgumentError)
    assert.throws(() => parseInteger('six'), InvalidArgumentError)
  })

  it('reads a comma-separated bootstrap list of host:port', () => {
    assert.deepEqual(parseBootstrap('127.0.0.1:9091, 127.0.0.1:9092'), [
      '127.0.0.1:9091',
      '127.0.0.1:9092',
    ])
    assert.throws(() => parseBootstrap('localhost'), InvalidArgumentError)
    assert.throws(() => parseBootstrap(''), InvalidArgumentError)
  })
})
