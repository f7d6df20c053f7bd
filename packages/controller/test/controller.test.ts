import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Controller, leadsAnyPartition, type VersionedRecord } from '../src/index.js'
import { joinBrokers, leaderCounts, SESSION_MS, startController, tempDir } from './helpers.js'

describe('Controller', () => {
  it('registers brokers fenced and unfences them once their metadata caught up', async (t) => {
    const { controller } = await startController(t)
    const { brokerEpoch } = await controller.registerBroker({
      brokerId: 1,
      incarnationId: 'a',
      endpoint: { host: '127.0.0.1', port: 9091, httpPort: 0 },
      rack: null,
    })
    assert.equal(brokerEpoch, controller.version)
    assert.equal(controller.image.broker(1)?.fenced, true)
    const behind = await controller.brokerHeartbeat({
      brokerId: 1,
      brokerEpoch,
      wantShutDown: false,
      currentMetadataVersion: brokerEpoch - 1,
    })
    assert.deepEqual(behind, { isFenced: true, isCaughtUp: false, shouldShutDown: false })
    const caughtUp = await controller.brokerHeartbeat({
      brokerId: 1,
      brokerEpoch,
      wantShutDown: false,
      currentMetadataVersion: brokerEpoch,
    })
    assert.deepEqual(caughtUp, { isFenced: false, isCaughtUp: true, shouldShutDown: false })
    await assert.rejects(
      controller.brokerHeartbeat({
        brokerId: 1,
        brokerEpoch: brokerEpoch - 1,
        wantShutDown: false,
        currentMetadataVersion: 0,
      }),
      { code: 'STALE_BROKER_EPOCH' },
    )
  })

  it('creates a 6-partition RF=3 topic with two leaderships per broker', async (t) => {
    const { controller } = await startController(t)
    await joinBrokers(controller, [1, 2, 3])
    const [result] = await controller.createTopics([
      { name: 'orders', numPartitions: 6, replicationFactor: 3 },
    ])
    assert.equal(result?.error, undefined)
    assert.equal(result?.topicId, 'topic-1')
    assert.deepEqual([...leaderCounts(controller.image, 'orders').values()], [2, 2, 2])
  })

  it('refuses bad topic requests with Kafka codes and changes nothing', async (t) => {
    const { controller } = await startController(t)
    await joinBrokers(controller, [1, 2, 3])
    await controller.createTopics([{ name: 'exists', numPartitions: 1, replicationFactor: 1 }])
    const version = controller.version
    const results = await controller.createTopics([
      { name: 'bad name', numPartitions: 1, replicationFactor: 1 },
      { name: '..', numPartitions: 1, replicationFactor: 1 },
      { name: 'too-many-replicas', numPartitions: 1, replicationFactor: 4 },
      { name: 'zero', numPartitions: 0, replicationFactor: 1 },
      { name: 'negative', numPartitions: -5, replicationFactor: 1 },
      { name: 'exists', numPartitions: 1, replicationFactor: 1 },
      {
        name: 'unknown-config',
        numPartitions: 1,
        replicationFactor: 1,
        configs: { 'no.such': '1' },
      },
      {
        name: 'bad-value',
        numPartitions: 1,
        replicationFactor: 1,
        configs: { 'retention.ms': 'x' },
      },
      { name: 'twice', numPartitions: 1, replicationFactor: 1 },
      { name: 'twice', numPartitions: 1, replicationFactor: 1 },
    ])
    assert.deepEqual(
      results.map((r) => [r.name, r.error?.code]),
      [
        ['bad name', 'INVALID_TOPIC_EXCEPTION'],
        ['..', 'INVALID_TOPIC_EXCEPTION'],
        ['too-many-replicas', 'INVALID_REPLICATION_FACTOR'],
        ['zero', 'INVALID_PARTITIONS'],
        ['negative', 'INVALID_PARTITIONS'],
        ['exists', 'TOPIC_ALREADY_EXISTS'],
        ['unknown-config', 'INVALID_CONFIG'],
        ['bad-value', 'INVALID_CONFIG'],
        ['twice', 'INVALID_REQUEST'],
        ['twice', 'INVALID_REQUEST'],
      ],
    )
    assert.match(results[6]!.error!.message, /no\.such/)
    assert.equal(controller.version, version, 'nothing committed')
    const [validated] = await controller.createTopics(
      [{ name: 'dry', numPartitions: 3, replicationFactor: 2 }],
      true,
    )
    assert.equal(validated?.error, undefined)
    assert.equal(controller.image.topic('dry'), undefined, 'validateOnly creates nothing')
  })

  it('deletes topics, adds partitions and changes configs', async (t) => {
    const { controller } = await startController(t)
    await joinBrokers(controller, [1, 2, 3])
    await controller.createTopics([{ name: 'a', numPartitions: 2, replicationFactor: 2 }])
    const [grown, shrunk] = await controller.createPartitions([
      { name: 'a', count: 5 },
      { name: 'a', count: 1 },
    ])
    assert.equal(grown?.error, undefined)
    assert.equal(shrunk?.error?.code, 'INVALID_PARTITIONS')
    assert.equal(controller.image.topic('a')!.partitions.length, 5)
    const [set] = await controller.alterConfigs([
      { topic: 'a', configs: { 'retention.ms': '1000', 'cleanup.policy': 'compact' } },
    ])
    assert.equal(set?.error, undefined)
    assert.deepEqual(controller.image.topic('a')!.configs, {
      'retention.ms': '1000',
      'cleanup.policy': 'compact',
    })
    await controller.alterConfigs([{ topic: 'a', configs: { 'retention.ms': null } }])
    assert.deepEqual(controller.image.topic('a')!.configs, { 'cleanup.policy': 'compact' })
    const [bad] = await controller.alterConfigs([
      { topic: 'a', configs: { 'min.insync.replicas': '0' } },
    ])
    assert.equal(bad?.error?.code, 'INVALID_CONFIG')
    const [deleted, missing] = await controller.deleteTopics(['a', 'missing'])
    assert.equal(deleted?.error, undefined)
    assert.equal(missing?.error?.code, 'UNKNOWN_TOPIC_OR_PARTITION')
    assert.equal(controller.image.topic('a'), undefined)
  })

  it('fences a broker silent for broker.session.timeout.ms and moves its leaderships', async (t) => {
    const { controller, clock } = await startController(t)
    const epochs = await joinBrokers(controller, [1, 2, 3])
    await controller.createTopics([{ name: 'orders', numPartitions: 6, replicationFactor: 3 }])
    const seen: VersionedRecord[] = []
    const unsubscribe = controller.onCommit((records) => seen.push(...records))

    clock.now += SESSION_MS - 1
    for (const id of [2, 3]) {
      await controller.brokerHeartbeat({
        brokerId: id,
        brokerEpoch: epochs.get(id)!,
        wantShutDown: false,
        currentMetadataVersion: controller.version,
      })
    }
    assert.deepEqual(await controller.fenceExpiredBrokers(), [])
    clock.now += 1
    assert.deepEqual(await controller.fenceExpiredBrokers(), [1])
    assert.equal(controller.image.broker(1)?.fenced, true)
    assert.equal(leadsAnyPartition(controller.image, 1), false)
    for (const p of controller.image.partitions()) assert.ok(!p.isr.includes(1))
    assert.equal(seen[0]?.record.type, 'broker-fenced')
    assert.equal(seen.length, 7, 'the fence and six partition changes')
    unsubscribe()

    // The broker restarts: a new incarnation registers and gets a new epoch.
    const { brokerEpoch } = await controller.registerBroker({
      brokerId: 1,
      incarnationId: 'inc-1-restarted',
      endpoint: { host: '127.0.0.1', port: 9091, httpPort: 0 },
      rack: null,
    })
    assert.ok(brokerEpoch > epochs.get(1)!)
  })

  it('refuses a second live incarnation of a broker id until the first one is gone', async (t) => {
    const { controller, clock } = await startController(t)
    await joinBrokers(controller, [1])
    const intruder = {
      brokerId: 1,
      incarnationId: 'other',
      endpoint: { host: '127.0.0.1', port: 9999, httpPort: 0 },
      rack: null,
    }
    const version = controller.version
    await assert.rejects(controller.registerBroker(intruder), {
      code: 'DUPLICATE_BROKER_REGISTRATION',
    })
    assert.equal(controller.version, version)
    clock.now += SESSION_MS
    await controller.fenceExpiredBrokers()
    const { brokerEpoch } = await controller.registerBroker(intruder)
    assert.equal(controller.image.broker(1)?.incarnationId, 'other')
    assert.equal(controller.image.broker(1)?.brokerEpoch, brokerEpoch)
  })

  it('answers a controlled shutdown once the broker leads nothing', async (t) => {
    const { controller } = await startController(t)
    const epochs = await joinBrokers(controller, [1, 2, 3])
    await controller.createTopics([{ name: 'orders', numPartitions: 3, replicationFactor: 3 }])
    assert.ok(leadsAnyPartition(controller.image, 2))
    const hb = await controller.brokerHeartbeat({
      brokerId: 2,
      brokerEpoch: epochs.get(2)!,
      wantShutDown: true,
      currentMetadataVersion: controller.version,
    })
    assert.equal(hb.shouldShutDown, true)
    assert.equal(hb.isFenced, true)
    assert.equal(leadsAnyPartition(controller.image, 2), false)
  })

  it('commits ISR changes and gives leadership back to the preferred replica', async (t) => {
    const { controller, clock } = await startController(t)
    const epochs = await joinBrokers(controller, [1, 2, 3])
    await controller.createTopics([{ name: 'orders', numPartitions: 1, replicationFactor: 3 }])
    const preferred = controller.image.partition('orders', 0)!.replicas[0]!
    clock.now += SESSION_MS
    for (const id of [1, 2, 3].filter((x) => x !== preferred)) {
      await controller.brokerHeartbeat({
        brokerId: id,
        brokerEpoch: epochs.get(id)!,
        wantShutDown: false,
        currentMetadataVersion: controller.version,
      })
    }
    await controller.fenceExpiredBrokers()
    const moved = controller.image.partition('orders', 0)!
    assert.notEqual(moved.leader, preferred)
    await joinBrokers(controller, [preferred])
    const newEpoch = controller.image.broker(preferred)!.brokerEpoch
    assert.ok(newEpoch > epochs.get(preferred)!)
    const leaderEpoch = controller.image.broker(moved.leader)!.brokerEpoch
    const committed = await controller.alterPartition({
      brokerId: moved.leader,
      brokerEpoch: leaderEpoch,
      topic: 'orders',
      partition: 0,
      leaderEpoch: moved.leaderEpoch,
      partitionEpoch: moved.partitionEpoch,
      newIsr: [...moved.isr, preferred],
    })
    assert.ok(committed.isr.includes(preferred))
    assert.equal(committed.partitionEpoch, moved.partitionEpoch + 1)
    const now = controller.image.partition('orders', 0)!
    assert.equal(now.leader, preferred, 'auto.leader.rebalance.enable moved it back')
    assert.equal(now.leaderEpoch, moved.leaderEpoch + 1)
    await assert.rejects(
      controller.alterPartition({
        brokerId: moved.leader,
        brokerEpoch: leaderEpoch,
        topic: 'orders',
        partition: 0,
        leaderEpoch: moved.leaderEpoch,
        partitionEpoch: committed.partitionEpoch,
        newIsr: [moved.leader],
      }),
      { code: 'FENCED_LEADER_EPOCH' },
    )
  })

  it('keeps all metadata and the cluster id across a restart, and fences brokers that stay away', async (t) => {
    const dir = tempDir(t)
    const first = await Controller.open({ dir, sessionCheckIntervalMs: 0 })
    const epochs = await joinBrokers(first, [1, 2, 3], ['a', 'b', 'c'])
    await first.createTopics([{ name: 'orders', numPartitions: 6, replicationFactor: 3 }])
    const image = first.image.toJSON()
    const clusterId = first.clusterId
    await first.close()

    const clock = { now: 5_000_000 }
    const second = await Controller.open({
      dir,
      sessionCheckIntervalMs: 0,
      clock: () => clock.now,
      brokerSessionTimeoutMs: SESSION_MS,
    })
    t.after(() => second.close())
    assert.equal(second.clusterId, clusterId)
    assert.deepEqual(second.image.toJSON(), image)
    assert.equal(second.image.broker(2)?.rack, 'b')
    clock.now += SESSION_MS - 1
    await second.brokerHeartbeat({
      brokerId: 2,
      brokerEpoch: epochs.get(2)!,
      wantShutDown: false,
      currentMetadataVersion: second.version,
    })
    clock.now += 1
    assert.deepEqual(await second.fenceExpiredBrokers(), [1, 3])
    await assert.rejects(
      second.registerBroker({
        brokerId: 4,
        incarnationId: 'x',
        endpoint: { host: '127.0.0.1', port: 1, httpPort: 0 },
        rack: null,
        clusterId: 'another-cluster',
      }),
      { code: 'INCONSISTENT_CLUSTER_ID' },
    )
  })
})
