import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ClusterMetadata } from '../src/index.js'
import { fakeTopic, metadataResponse, overTheWire } from './helpers.js'

describe('ClusterMetadata', () => {
  it('keeps brokers and topics from a Metadata answer, partitions in order', () => {
    const cache = new ClusterMetadata()
    const topic = fakeTopic('orders', 3, { 'retention.ms': '1000' })
    topic.partitions.reverse()
    const result = cache.update(overTheWire(metadataResponse([topic], [])), undefined, 1_000)
    assert.equal(cache.clusterId, 'fake-cluster')
    assert.equal(cache.version, 42n)
    assert.deepEqual(
      cache.brokers.map((b) => [b.nodeId, b.port]),
      [
        [1, 9091],
        [2, 9092],
        [3, 9093],
      ],
    )
    assert.deepEqual(result.topics[0]?.configs, { 'retention.ms': '1000' })
    assert.deepEqual(
      cache.topic('orders')?.partitions.map((p) => [p.partitionId, p.leader, p.replicas]),
      [
        [0, 1, [1, 2, 3]],
        [1, 2, [2, 3, 1]],
        [2, 3, [3, 1, 2]],
      ],
    )
  })

  it('reports replicas on brokers missing from the answer as offline', () => {
    const cache = new ClusterMetadata()
    cache.update(overTheWire(metadataResponse([fakeTopic('t', 1)], [], [1, 3])), undefined)
    assert.deepEqual(cache.topic('t')?.partitions[0]?.offlineReplicas, [2])
  })

  it('returns per-topic errors and forgets topics that no longer exist', () => {
    const cache = new ClusterMetadata()
    cache.update(overTheWire(metadataResponse([fakeTopic('gone', 1)], [])), undefined)
    const result = cache.update(overTheWire(metadataResponse([], ['gone'])), ['gone'])
    assert.equal(result.errors.get('gone')?.code, 'UNKNOWN_TOPIC_OR_PARTITION')
    assert.equal(cache.topic('gone'), undefined)
  })

  it('is stale after metadataMaxAgeMs and at once after invalidate()', () => {
    const cache = new ClusterMetadata()
    assert.ok(cache.isStale(1_000, 0))
    cache.update(overTheWire(metadataResponse([], [])), undefined, 10_000)
    assert.ok(!cache.isStale(1_000, 10_500))
    assert.ok(cache.isStale(1_000, 11_000))
    cache.invalidate()
    assert.ok(cache.isStale(1_000, 10_001))
  })
})
