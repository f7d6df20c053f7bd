import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { pb } from '@samsa/protocol'
import { MetadataCache, MetadataCacheError } from '../src/index.js'

const broker = (brokerId: number, brokerEpoch: number, fenced = false): pb.BrokerInfo__Output => ({
  brokerId,
  brokerEpoch: String(brokerEpoch),
  incarnationId: `inc-${brokerId}`,
  endpoint: { host: '127.0.0.1', port: 9090 + brokerId, httpPort: 9190 + brokerId },
  rack: '',
  fenced,
})

function snapshot(): pb.MetadataSnapshot__Output {
  return {
    clusterId: 'c1',
    brokers: [broker(1, 1), broker(2, 3, true)],
    topics: [
      {
        name: 'a',
        topicId: 'ta',
        configs: {},
        error: null,
        partitions: [
          {
            topic: 'a',
            partition: 0,
            leader: 1,
            leaderEpoch: 0,
            partitionEpoch: 0,
            replicas: [1, 2],
            isr: [1],
            offline: false,
            error: null,
          },
        ],
      },
    ],
  }
}

describe('MetadataCache', () => {
  it('loads a snapshot and applies deltas in order, reporting what changed', () => {
    const cache = new MetadataCache()
    const first = cache.loadSnapshot(10, snapshot())
    assert.equal(first.snapshot, true)
    assert.equal(cache.version, 10)
    assert.deepEqual(
      cache.liveBrokers().map((b) => b.brokerId),
      [1],
    )
    const changes = cache.applyDelta(13, [
      { record: 'brokerUnfenced', brokerUnfenced: { brokerId: 2, brokerEpoch: '3' } },
      {
        record: 'partitionChanged',
        partitionChanged: {
          topic: 'a',
          topicId: 'ta',
          partition: 0,
          leader: 2,
          isr: [1, 2],
          leaderEpoch: 1,
          partitionEpoch: 1,
          unclean: false,
          reason: 'test',
        },
      },
      {
        record: 'configChanged',
        configChanged: { topic: 'a', name: 'retention.ms', value: '5', deleted: false },
      },
    ])
    assert.equal(cache.version, 13)
    assert.deepEqual(
      changes.partitions.map((p) => [p.topic, p.partition, p.leader, p.leaderEpoch]),
      [['a', 0, 2, 1]],
    )
    assert.deepEqual(changes.configChangedTopics, ['a'])
    assert.equal(cache.topic('a')?.configs['retention.ms'], '5')
    assert.equal(cache.broker(2)?.fenced, false)

    const deleted = cache.applyDelta(14, [
      { record: 'topicDeleted', topicDeleted: { name: 'a', topicId: 'ta' } },
    ])
    assert.deepEqual(deleted.deletedTopics, [{ name: 'a', topicId: 'ta' }])
    assert.deepEqual(deleted.partitions, [])
    assert.equal(cache.topic('a'), undefined)
  })

  it('refuses a record that does not fit, and asks for a snapshot', () => {
    const cache = new MetadataCache()
    cache.loadSnapshot(10, snapshot())
    assert.throws(
      () =>
        cache.applyDelta(11, [
          { record: 'topicDeleted', topicDeleted: { name: 'a', topicId: 'other-id' } },
        ]),
      MetadataCacheError,
    )
    assert.equal(cache.version, 10)
    assert.equal(cache.loaded, false)
  })

  it('reports topics replaced by a snapshot as deleted', () => {
    const cache = new MetadataCache()
    cache.loadSnapshot(10, snapshot())
    const next = snapshot()
    next.topics[0]!.topicId = 'ta2'
    const changes = cache.loadSnapshot(20, next)
    assert.deepEqual(changes.deletedTopics, [{ name: 'a', topicId: 'ta' }])
    assert.equal(changes.partitions[0]?.topicId, 'ta2')
  })
})
