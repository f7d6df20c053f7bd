import assert from 'node:assert/strict'
import { describe, it, type TestContext } from 'node:test'
import { checkHealth, createControllerClient, type pb, unary } from '@samsa/protocol'
import { type RunningController, startController } from '../src/index.js'
import { tempDir } from './helpers.js'

async function waitFor(what: string, condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

async function start(
  t: TestContext,
  dir = tempDir(t),
): Promise<RunningController & { dir: string }> {
  const running = await startController({ dir, port: 0, sessionCheckIntervalMs: 0 })
  t.after(() => running.close())
  return { ...running, dir }
}

function client(t: TestContext, address: string) {
  const c = createControllerClient(address)
  t.after(() => c.close())
  return c
}

/** Registers and unfences brokers over gRPC; returns their epochs (wire strings). */
async function join(c: ReturnType<typeof createControllerClient>, ids: number[]) {
  const epochs = new Map<number, string>()
  for (const brokerId of ids) {
    const res = await unary(c, c.registerBroker, {
      brokerId,
      incarnationId: `inc-${brokerId}`,
      endpoint: { host: '127.0.0.1', port: 9090 + brokerId, httpPort: 9190 + brokerId },
    })
    assert.equal(res.error, null)
    epochs.set(brokerId, res.brokerEpoch)
  }
  const { metadataVersion } = await unary(c, c.describeCluster, {})
  for (const brokerId of ids) {
    const hb = await unary(c, c.brokerHeartbeat, {
      brokerId,
      brokerEpoch: epochs.get(brokerId)!,
      currentMetadataVersion: metadataVersion,
    })
    assert.equal(hb.isFenced, false)
  }
  return epochs
}

describe('ControllerService over gRPC', () => {
  it('serves health, registration, topic admin and DescribeCluster', async (t) => {
    const running = await start(t)
    assert.equal(await checkHealth(running.address), 'SERVING')
    const c = client(t, running.address)
    await join(c, [1, 2, 3])
    const created = await unary(c, c.createTopics, {
      topics: [
        {
          name: 'orders',
          numPartitions: 6,
          replicationFactor: 3,
          configs: { 'retention.ms': '60000' },
        },
        { name: 'bad/name', numPartitions: 1, replicationFactor: 1 },
        { name: 'too-wide', numPartitions: 1, replicationFactor: 4 },
      ],
    })
    assert.deepEqual(
      created.results.map((r) => [r.name, r.error?.code ?? 0]),
      [
        ['orders', 0],
        ['bad/name', 17],
        ['too-wide', 38],
      ],
    )
    assert.deepEqual(created.results[0]?.configs, { 'retention.ms': '60000' })
    const cluster = await unary(c, c.describeCluster, {})
    assert.equal(cluster.clusterId, running.controller.clusterId)
    assert.deepEqual(
      cluster.brokers.map((b) => [b.brokerId, b.fenced, b.endpoint?.port]),
      [
        [1, false, 9091],
        [2, false, 9092],
        [3, false, 9093],
      ],
    )
    const altered = await unary(c, c.alterConfigs, {
      resources: [
        {
          topic: 'orders',
          configs: [{ name: 'retention.ms', operation: 'CONFIG_OPERATION_DELETE' }],
        },
        { topic: 'orders', configs: [{ name: 'nope', value: '1' }] },
      ],
    })
    assert.deepEqual(
      altered.results.map((r) => r.error?.code ?? 0),
      [0, 40],
    )
    const grown = await unary(c, c.createPartitions, { topics: [{ name: 'orders', count: 8 }] })
    assert.equal(grown.results[0]?.error, null)
    const elected = await unary(c, c.electLeaders, {})
    assert.ok(
      elected.results.every((r) => r.error?.code === 84),
      'ELECTION_NOT_NEEDED everywhere',
    )
    const deleted = await unary(c, c.deleteTopics, { names: ['orders', 'ghost'] })
    assert.deepEqual(
      deleted.results.map((r) => r.error?.code ?? 0),
      [0, 3],
    )
  })

  it('streams a snapshot then deltas, and resumes from a version with deltas only', async (t) => {
    const running = await start(t)
    const c = client(t, running.address)
    const epochs = await join(c, [1, 2, 3])
    const updates: pb.MetadataUpdate__Output[] = []
    const stream = c.watchMetadata({ brokerId: 1, brokerEpoch: epochs.get(1)!, fromVersion: '0' })
    t.after(() => stream.cancel())
    stream.on('data', (u: pb.MetadataUpdate__Output) => updates.push(u))
    stream.on('error', () => {})
    await waitFor('the snapshot', () => updates.length === 1)
    const snapshot = updates[0]!
    assert.equal(snapshot.update, 'snapshot')
    assert.equal(snapshot.snapshot?.brokers.length, 3)
    const base = snapshot.version

    await unary(c, c.createTopics, {
      topics: [{ name: 't', numPartitions: 2, replicationFactor: 2 }],
    })
    await waitFor('the delta', () => updates.length === 2)
    const delta = updates[1]!
    assert.equal(delta.update, 'delta')
    assert.deepEqual(
      delta.delta?.records.map((r) => r.record),
      ['topicCreated', 'partitionCreated', 'partitionCreated'],
    )
    assert.equal(Number(delta.version), Number(base) + 3)
    const p0 = delta.delta?.records[1]?.partitionCreated
    assert.equal(p0?.topic, 't')
    assert.equal(p0?.replicas.length, 2)

    // Reconnect from the snapshot's version: only the records after it.
    const resumed: pb.MetadataUpdate__Output[] = []
    const again = c.watchMetadata({ brokerId: -1, fromVersion: base })
    t.after(() => again.cancel())
    again.on('data', (u: pb.MetadataUpdate__Output) => resumed.push(u))
    again.on('error', () => {})
    await waitFor('the resumed delta', () => resumed.length === 1)
    assert.equal(resumed[0]?.update, 'delta')
    assert.equal(resumed[0]?.version, delta.version)
  })

  it('refuses stale broker epochs in WatchMetadata, heartbeats and AlterPartition', async (t) => {
    const running = await start(t)
    const c = client(t, running.address)
    const epochs = await join(c, [1, 2])
    const updates: pb.MetadataUpdate__Output[] = []
    const stream = c.watchMetadata({ brokerId: 1, brokerEpoch: '999', fromVersion: '0' })
    stream.on('data', (u: pb.MetadataUpdate__Output) => updates.push(u))
    await new Promise<void>((resolve) => stream.on('end', resolve).on('error', () => resolve()))
    assert.equal(updates[0]?.error?.code, 77)
    const hb = await unary(c, c.brokerHeartbeat, { brokerId: 1, brokerEpoch: '999' })
    assert.equal(hb.error?.code, 77)

    await unary(c, c.createTopics, {
      topics: [{ name: 't', numPartitions: 1, replicationFactor: 2 }],
    })
    const p = running.controller.image.partition('t', 0)!
    const stale = await unary(c, c.alterPartition, {
      brokerId: p.leader,
      brokerEpoch: epochs.get(p.leader)!,
      topic: 't',
      partition: 0,
      leaderEpoch: p.leaderEpoch,
      partitionEpoch: p.partitionEpoch + 1,
      newIsr: [p.leader],
    })
    assert.equal(stale.error?.code, 95, 'INVALID_UPDATE_VERSION')
    assert.equal(stale.partition?.partitionEpoch, p.partitionEpoch)
    const ok = await unary(c, c.alterPartition, {
      brokerId: p.leader,
      brokerEpoch: epochs.get(p.leader)!,
      topic: 't',
      partition: 0,
      leaderEpoch: p.leaderEpoch,
      partitionEpoch: p.partitionEpoch,
      newIsr: [p.leader],
    })
    assert.equal(ok.error, null)
    assert.deepEqual(ok.partition?.isr, [p.leader])
  })

  it('keeps metadata across a restart on the same directory', async (t) => {
    const dir = tempDir(t)
    const first = await startController({ dir, port: 0, sessionCheckIntervalMs: 0 })
    const c1 = createControllerClient(first.address)
    await join(c1, [1, 2, 3])
    await unary(c1, c1.createTopics, {
      topics: [{ name: 'kept', numPartitions: 3, replicationFactor: 3 }],
    })
    const before = await unary(c1, c1.describeCluster, {})
    c1.close()
    await first.close()

    const second = await start(t, dir)
    const c2 = client(t, second.address)
    const after = await unary(c2, c2.describeCluster, {})
    assert.equal(after.clusterId, before.clusterId)
    assert.equal(after.metadataVersion, before.metadataVersion)
    assert.equal(second.controller.image.topic('kept')?.partitions.length, 3)
  })
})
