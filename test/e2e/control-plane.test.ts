import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  Cluster,
  describeCluster,
  describeTopics,
  listTopics,
  type PartitionJson,
  pollUntil,
  samsa,
  samsaOk,
} from './helpers.js'

/** What must match through every broker: the replication state of each partition. */
function picture(partitions: readonly PartitionJson[]) {
  return partitions.map((p) => ({
    partition: p.partition,
    leader: p.leader,
    replicas: p.replicas,
    isr: [...p.isr].sort(),
    leaderEpoch: p.leaderEpoch,
  }))
}

describe('control plane: registration, placement and topic admin (3 brokers)', () => {
  const cluster = new Cluster(23090)
  let bootstrap = ''

  before(async () => {
    bootstrap = await cluster.start()
  })
  after(() => cluster.destroy())

  it('prints the bootstrap list and has every server alive', async () => {
    assert.equal(bootstrap, '127.0.0.1:23091,127.0.0.1:23092,127.0.0.1:23093')
    assert.deepEqual(await cluster.states(), {
      controller: 'alive',
      '1': 'alive',
      '2': 'alive',
      '3': 'alive',
    })
  })

  it('registers three brokers, unfenced, each with its endpoints and an epoch', async () => {
    const described = await describeCluster(bootstrap)
    assert.deepEqual(
      described.brokers.map((b) => [b.brokerId, b.port, b.httpPort, b.fenced]),
      [
        [1, 23091, 23191, false],
        [2, 23092, 23192, false],
        [3, 23093, 23193, false],
      ],
    )
    assert.equal(new Set(described.brokers.map((b) => b.brokerEpoch)).size, 3)
    assert.ok(described.brokers.every((b) => b.brokerEpoch > 0 && b.incarnationId !== ''))
  })

  it('makes each broker leader of two partitions and follower of four for a 6-partition RF=3 topic', async () => {
    await samsaOk(
      'topics',
      'create',
      '--topic',
      'orders',
      '--partitions',
      '6',
      '--replication-factor',
      '3',
      '--bootstrap',
      bootstrap,
    )
    const [topic] = await describeTopics(bootstrap, 'orders')
    assert.equal(topic?.partitions.length, 6)
    for (const id of [1, 2, 3]) {
      const leads = topic!.partitions.filter((p) => p.leader === id)
      const follows = topic!.partitions.filter((p) => p.leader !== id && p.replicas.includes(id))
      assert.equal(leads.length, 2, `broker ${id} leads ${leads.length}`)
      assert.equal(follows.length, 4, `broker ${id} follows ${follows.length}`)
    }
    for (const p of topic!.partitions) {
      assert.equal(new Set(p.replicas).size, 3)
      assert.equal(p.leader, p.replicas[0], 'the preferred replica leads')
      assert.deepEqual([...p.isr].sort(), [...p.replicas].sort())
      assert.equal(p.leaderEpoch, 0)
      // The data path reports these; until then they are absent rather than invented.
      for (const key of ['highWatermark', 'logStartOffset'] as const) {
        if (key in p) assert.equal(typeof p[key], 'number')
      }
    }
  })

  it('shows the same picture through any broker', async () => {
    const [reference] = await describeTopics(cluster.broker(1), 'orders')
    for (const id of [2, 3]) {
      await pollUntil(`broker ${id} to agree with broker 1`, async () => {
        const [topic] = await describeTopics(cluster.broker(id), 'orders')
        return topic?.topicId === reference?.topicId &&
          JSON.stringify(picture(topic!.partitions)) ===
            JSON.stringify(picture(reference!.partitions))
          ? true
          : undefined
      })
    }
  })

  it('rejects bad input with the Kafka error name and changes nothing', async () => {
    const before = await listTopics(bootstrap)
    const cases: [string[], string][] = [
      [['--topic', 'no/slashes'], 'INVALID_TOPIC_EXCEPTION'],
      [['--topic', '..'], 'INVALID_TOPIC_EXCEPTION'],
      [['--topic', 'x'.repeat(250)], 'INVALID_TOPIC_EXCEPTION'],
      [['--topic', 'too-wide', '--replication-factor', '4'], 'INVALID_REPLICATION_FACTOR'],
      [['--topic', 'no-partitions', '--partitions', '0'], 'INVALID_PARTITIONS'],
      [['--topic', 'negative', '--partitions', '-2'], 'INVALID_PARTITIONS'],
      [['--topic', 'orders', '--partitions', '1'], 'TOPIC_ALREADY_EXISTS'],
      [['--topic', 'bad-config', '--config', 'no.such.key=1'], 'INVALID_CONFIG'],
      [['--topic', 'bad-value', '--config', 'retention.ms=soon'], 'INVALID_CONFIG'],
    ]
    for (const [args, name] of cases) {
      const r = await samsa('topics', 'create', ...args, '--bootstrap', bootstrap)
      assert.notEqual(r.code, 0, `topics create ${args.join(' ')} should fail`)
      assert.match(r.stderr, new RegExp(`^error: ${name}: \\S`), args.join(' '))
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one line')
    }
    const shrink = await samsa(
      'topics',
      'alter',
      '--topic',
      'orders',
      '--partitions',
      '3',
      '--bootstrap',
      bootstrap,
    )
    assert.match(shrink.stderr, /^error: INVALID_PARTITIONS: /)
    const missing = await samsa('topics', 'delete', '--topic', 'missing', '--bootstrap', bootstrap)
    assert.match(missing.stderr, /^error: UNKNOWN_TOPIC_OR_PARTITION: /)

    assert.deepEqual(await listTopics(bootstrap), before)
    const [orders] = await describeTopics(bootstrap, 'orders')
    assert.equal(orders?.partitions.length, 6)
  })

  it('alters and deletes topics', async () => {
    await samsaOk(
      'topics',
      'create',
      '--topic',
      'scratch',
      '--partitions',
      '2',
      '--replication-factor',
      '2',
      '--bootstrap',
      bootstrap,
    )
    await samsaOk(
      'topics',
      'alter',
      '--topic',
      'scratch',
      '--partitions',
      '4',
      '--config',
      'retention.ms=60000',
      '--bootstrap',
      bootstrap,
    )
    const [scratch] = await describeTopics(bootstrap, 'scratch')
    assert.equal(scratch?.partitions.length, 4)
    assert.deepEqual(scratch?.configs, { 'retention.ms': '60000' })
    await samsaOk('topics', 'delete', '--topic', 'scratch', '--bootstrap', bootstrap)
    assert.deepEqual(await listTopics(bootstrap), ['orders'])
  })
})
