import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { partitionForKey } from '@samsa/protocol'
import {
  createDefaultPartitioner,
  createStickyPartitioner,
  type PartitionMetadata,
  toOffset,
} from '../src/index.js'
import { headersFromList, headersToList } from '../src/messages.js'

function partitions(leaders: readonly number[]): PartitionMetadata[] {
  return leaders.map((leader, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader,
    leaderEpoch: 0,
    replicas: [leader],
    isr: [leader],
    offlineReplicas: [],
  }))
}

describe('partitioners', () => {
  it('default: hashes keys over every partition, even those without a leader', () => {
    const partition = createDefaultPartitioner()
    const metadata = partitions([1, -1, 2, -1])
    for (const key of ['a', 'b', 'c', 'order-17', Buffer.from([0, 1, 2])]) {
      assert.equal(
        partition({ topic: 't', partitionMetadata: metadata, message: { key, value: null } }),
        partitionForKey(key, 4),
      )
    }
  })

  it('default: goes round-robin over the partitions that have a leader', () => {
    const partition = createDefaultPartitioner(() => 0)
    const metadata = partitions([1, -1, 2, 3])
    const chosen = Array.from({ length: 6 }, () =>
      partition({ topic: 't', partitionMetadata: metadata, message: { value: 'x' } }),
    )
    assert.deepEqual(chosen, [0, 2, 3, 0, 2, 3])
  })

  it('sticky: keeps a partition while its batch generation stays, then picks another', () => {
    let generation = 0
    const partition = createStickyPartitioner(() => generation)
    const metadata = partitions([1, 2, 3])
    const pick = () =>
      partition({ topic: 't', partitionMetadata: metadata, message: { value: 'x' } })
    const first = pick()
    assert.equal(pick(), first)
    assert.equal(pick(), first)
    generation++
    const second = pick()
    assert.notEqual(second, first)
    assert.equal(pick(), second)
  })
})

describe('offsets and headers', () => {
  it('takes offsets as bigint, decimal string or safe integer, exactly', () => {
    assert.equal(toOffset(9007199254740993n), 9007199254740993n)
    assert.equal(toOffset('9007199254740993'), 9007199254740993n)
    assert.equal(toOffset(42), 42n)
    assert.throws(() => toOffset(2 ** 60), TypeError)
    assert.throws(() => toOffset('4.5'), TypeError)
  })

  it("turns KafkaJS headers into the wire's list and back, repeated keys in order", () => {
    const list = headersToList({ a: 'x', b: [Buffer.from('1'), '2'], c: null, d: undefined })
    assert.deepEqual(list, [
      { key: 'a', value: 'x' },
      { key: 'b', value: Buffer.from('1') },
      { key: 'b', value: '2' },
      { key: 'c', value: null },
    ])
    const back = headersFromList([
      { key: 'a', value: Buffer.from('x') },
      { key: '__proto__', value: Buffer.from('p') },
      { key: 'b', value: Buffer.from('1') },
      { key: 'b', value: Buffer.from('2') },
      { key: 'b', value: null },
    ])
    assert.deepEqual(Object.keys(back), ['a', '__proto__', 'b'])
    assert.deepEqual(back.b, [Buffer.from('1'), Buffer.from('2'), null])
    assert.equal(Object.getPrototypeOf(back), Object.prototype)
  })
})
