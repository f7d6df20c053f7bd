import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  AlterPartitionError,
  electLeader,
  type MetadataImage,
  planAlterPartition,
  planBrokerHeartbeat,
  planCreateTopics,
  planElectLeaders,
  planFenceBroker,
  planPreferredElections,
} from '../src/index.js'
import { applyAll, fixedContext, imageWithBrokers, leaderCounts } from './helpers.js'

function clusterWithTopic(
  partitions: number,
  rf: number,
  configs: Record<string, string> = {},
): MetadataImage {
  const image = imageWithBrokers([1, 2, 3])
  const plan = planCreateTopics(
    image,
    [{ name: 'orders', numPartitions: partitions, replicationFactor: rf, configs }],
    fixedContext(),
  )
  assert.equal(plan.results[0]?.error, undefined)
  return applyAll(image, plan.records)
}

function fence(image: MetadataImage, brokerId: number, unclean = false): MetadataImage {
  return applyAll(image, planFenceBroker(image, brokerId, 'session-timeout', unclean))
}

function unfence(image: MetadataImage, brokerId: number, unclean = false): MetadataImage {
  const broker = image.broker(brokerId)!
  const { records } = planBrokerHeartbeat(
    image,
    {
      brokerId,
      brokerEpoch: broker.brokerEpoch,
      wantShutDown: false,
      currentMetadataVersion: image.version,
    },
    unclean,
  )
  return applyAll(image, records)
}

describe('leader election', () => {
  it('picks the first replica in assignment order that is in the ISR and eligible', () => {
    assert.equal(
      electLeader([3, 1, 2], [1, 2, 3], () => true),
      3,
    )
    assert.equal(
      electLeader([3, 1, 2], [1, 2], () => true),
      1,
    )
    assert.equal(
      electLeader([3, 1, 2], [1, 2], (id) => id !== 1),
      2,
    )
    assert.equal(
      electLeader([3, 1, 2], [1], (id) => id !== 1),
      -1,
    )
  })

  it('starts a 6-partition RF=3 topic with every broker leading two partitions', () => {
    const image = clusterWithTopic(6, 3)
    assert.deepEqual([...leaderCounts(image, 'orders').entries()].sort(), [
      [1, 2],
      [2, 2],
      [3, 2],
    ])
    for (const p of image.topic('orders')!.partitions) {
      assert.deepEqual(p.isr, p.replicas)
      assert.equal(p.leader, p.replicas[0])
      assert.equal(p.leaderEpoch, 0)
      assert.equal(p.partitionEpoch, 0)
    }
  })
})

describe('fencing a broker', () => {
  it('moves its leaderships to the next in-sync replica and removes it from every ISR', () => {
    const before = clusterWithTopic(6, 3)
    const old = before.topic('orders')!.partitions.map((p) => ({ ...p }))
    const image = fence(before.clone(), 1)
    assert.equal(image.broker(1)?.fenced, true)
    for (const [i, p] of image.topic('orders')!.partitions.entries()) {
      const was = old[i]!
      assert.ok(!p.isr.includes(1), `partition ${i} ISR ${p.isr}`)
      assert.notEqual(p.leader, 1)
      assert.equal(
        p.leader,
        was.replicas.find((id) => id !== 1),
      )
      assert.equal(p.partitionEpoch, was.partitionEpoch + 1, 'ISR shrank')
      assert.equal(p.leaderEpoch, was.leader === 1 ? was.leaderEpoch + 1 : was.leaderEpoch)
    }
    assert.deepEqual([...leaderCounts(image, 'orders').keys()].sort(), [2, 3])
  })

  it('never empties an ISR: the last member stays and the partition goes offline', () => {
    let image = clusterWithTopic(3, 2)
    image = fence(image, 1)
    image = fence(image, 2)
    image = fence(image, 3)
    for (const p of image.topic('orders')!.partitions) {
      assert.equal(p.leader, -1)
      assert.equal(p.isr.length, 1)
      assert.ok(p.replicas.includes(p.isr[0]!))
    }
  })

  it('brings an offline partition back when its last in-sync replica returns', () => {
    let image = clusterWithTopic(3, 2)
    for (const id of [1, 2, 3]) image = fence(image, id)
    const offline = image.topic('orders')!.partitions.map((p) => ({ ...p }))
    const lastIsr = offline[0]!.isr[0]!
    image = unfence(image, lastIsr)
    const p0 = image.partition('orders', 0)!
    assert.equal(p0.leader, lastIsr)
    assert.equal(p0.leaderEpoch, offline[0]!.leaderEpoch + 1)
    // A partition whose last ISR member is another broker stays offline (no unclean election).
    for (const p of image.topic('orders')!.partitions) {
      if (!p.isr.includes(lastIsr)) assert.equal(p.leader, -1)
    }
  })

  it('elects an out-of-sync replica only with unclean.leader.election.enable, and says so', () => {
    let image = clusterWithTopic(1, 2, { 'unclean.leader.election.enable': 'true' })
    const [first, second] = image.partition('orders', 0)!.replicas as [number, number]
    image = fence(image, first)
    image = fence(image, second)
    assert.deepEqual(image.partition('orders', 0)!.isr, [second])
    assert.equal(image.partition('orders', 0)!.leader, -1)
    // `first` returns but is not in the ISR: with unclean election it leads anyway.
    const broker = image.broker(first)!
    const { records } = planBrokerHeartbeat(
      image,
      {
        brokerId: first,
        brokerEpoch: broker.brokerEpoch,
        wantShutDown: false,
        currentMetadataVersion: image.version,
      },
      false,
    )
    const change = records.find((r) => r.type === 'partition-changed')
    assert.ok(change && change.type === 'partition-changed')
    assert.equal(change.unclean, true)
    applyAll(image, records)
    assert.equal(image.partition('orders', 0)!.leader, first)
    assert.deepEqual(image.partition('orders', 0)!.isr, [first])
  })

  it('keeps a partition offline without unclean election when only out-of-sync replicas live', () => {
    let image = clusterWithTopic(1, 2)
    const [first, second] = image.partition('orders', 0)!.replicas as [number, number]
    image = fence(image, first)
    image = fence(image, second)
    image = unfence(image, first)
    assert.equal(image.partition('orders', 0)!.leader, -1)
    const { results, records } = planElectLeaders(image, 'unclean', [
      { topic: 'orders', partition: 0 },
    ])
    assert.equal(results[0]?.error, undefined)
    applyAll(image, records)
    assert.equal(image.partition('orders', 0)!.leader, first)
  })

  it('is a no-op for a fenced or unknown broker', () => {
    const image = fence(clusterWithTopic(3, 3), 2)
    assert.deepEqual(planFenceBroker(image, 2, 'again', false), [])
    assert.deepEqual(planFenceBroker(image, 42, 'unknown', false), [])
  })
})

describe('preferred leader election', () => {
  it('gives leadership back to the first replica once it is in sync again', () => {
    let image = clusterWithTopic(3, 3)
    image = fence(image, 1)
    image = unfence(image, 1)
    const p = image.topic('orders')!.partitions.find((x) => x.replicas[0] === 1)!
    assert.notEqual(p.leader, 1)
    // Not in the ISR yet: not available.
    let plan = planElectLeaders(image, 'preferred', [{ topic: 'orders', partition: p.partition }])
    assert.equal(plan.results[0]?.error, 'PREFERRED_LEADER_NOT_AVAILABLE')
    // The leader adds it back to the ISR.
    const { record } = planAlterPartition(image, {
      brokerId: p.leader,
      brokerEpoch: image.broker(p.leader)!.brokerEpoch,
      topic: 'orders',
      partition: p.partition,
      leaderEpoch: p.leaderEpoch,
      partitionEpoch: p.partitionEpoch,
      newIsr: [...p.isr, 1],
    })
    applyAll(image, [record!])
    assert.equal(planPreferredElections(image).length, 1)
    plan = planElectLeaders(image, 'preferred')
    applyAll(image, plan.records)
    assert.equal(image.partition('orders', p.partition)!.leader, 1)
    const again = planElectLeaders(image, 'preferred', [
      { topic: 'orders', partition: p.partition },
    ])
    assert.equal(again.results[0]?.error, 'ELECTION_NOT_NEEDED')
    assert.equal(
      planElectLeaders(image, 'preferred', [{ topic: 'nope', partition: 0 }]).results[0]?.error,
      'UNKNOWN_TOPIC_OR_PARTITION',
    )
  })
})

describe('AlterPartition', () => {
  function request(image: MetadataImage, newIsr: number[]) {
    const p = image.partition('orders', 0)!
    return {
      brokerId: p.leader,
      brokerEpoch: image.broker(p.leader)!.brokerEpoch,
      topic: 'orders',
      partition: 0,
      leaderEpoch: p.leaderEpoch,
      partitionEpoch: p.partitionEpoch,
      newIsr,
    }
  }

  function rejects(
    image: MetadataImage,
    req: Parameters<typeof planAlterPartition>[1],
    code: string,
  ) {
    assert.throws(
      () => planAlterPartition(image, req),
      (err: unknown) => (err as { code?: string }).code === code,
      code,
    )
  }

  it('commits an ISR shrink, bumping only the partition epoch', () => {
    const image = clusterWithTopic(1, 3)
    const before = image.partition('orders', 0)!
    const { record } = planAlterPartition(image, request(image, [before.leader]))
    applyAll(image, [record!])
    const after = image.partition('orders', 0)!
    assert.deepEqual(after.isr, [before.leader])
    assert.equal(after.leaderEpoch, before.leaderEpoch)
    assert.equal(after.partitionEpoch, before.partitionEpoch + 1)
    assert.equal(planAlterPartition(image, request(image, [before.leader])).record, undefined)
  })

  it('rejects stale epochs and bad ISRs with Kafka codes', () => {
    const image = clusterWithTopic(1, 3)
    const p = image.partition('orders', 0)!
    const ok = request(image, [p.leader])
    rejects(image, { ...ok, brokerEpoch: ok.brokerEpoch + 100 }, 'STALE_BROKER_EPOCH')
    rejects(image, { ...ok, leaderEpoch: ok.leaderEpoch - 1 }, 'FENCED_LEADER_EPOCH')
    rejects(image, { ...ok, leaderEpoch: ok.leaderEpoch + 1 }, 'FENCED_LEADER_EPOCH')
    rejects(image, { ...ok, partitionEpoch: ok.partitionEpoch + 1 }, 'INVALID_UPDATE_VERSION')
    const follower = p.replicas.find((id) => id !== p.leader)!
    rejects(
      image,
      { ...ok, brokerId: follower, brokerEpoch: image.broker(follower)!.brokerEpoch },
      'NOT_LEADER_OR_FOLLOWER',
    )
    rejects(image, { ...ok, partition: 9 }, 'UNKNOWN_TOPIC_OR_PARTITION')
    rejects(image, { ...ok, newIsr: [follower] }, 'INVALID_REQUEST')
    rejects(image, { ...ok, newIsr: [p.leader, 77] }, 'INVALID_REQUEST')
    rejects(image, { ...ok, newIsr: [p.leader, p.leader] }, 'INVALID_REQUEST')
    try {
      planAlterPartition(image, { ...ok, partitionEpoch: 5 })
    } catch (err) {
      assert.ok(err instanceof AlterPartitionError)
      assert.equal(err.current.partitionEpoch, p.partitionEpoch)
    }
  })

  it('refuses to add a fenced broker to the ISR', () => {
    let image = clusterWithTopic(1, 3)
    const p = image.partition('orders', 0)!
    const follower = p.replicas.find((id) => id !== p.leader)!
    image = fence(image, follower)
    rejects(
      image,
      request(image, [...image.partition('orders', 0)!.isr, follower]),
      'INELIGIBLE_REPLICA',
    )
  })
})
