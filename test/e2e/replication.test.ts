import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Samsa } from '@samsa/client'
import { Cluster, describeTopics, pollUntil, readMessages } from './helpers.js'

/**
 * Replication through real processes (DESIGN.md §5): SIGSTOP and SIGKILL from scripts/cluster.sh,
 * the SDK producing and consuming from the test process. 3 brokers, RF=3, min.insync.replicas=2.
 */
describe('replication across real brokers (SIGSTOP, SIGKILL, restart)', () => {
  const cluster = new Cluster(28090)
  let bootstrap = ''
  let client: Samsa

  before(async () => {
    bootstrap = await cluster.start(
      'replica.lag.time.max.ms=1500',
      'min.insync.replicas=2',
      'default.replication.factor=3',
      'broker.session.timeout.ms=3000',
      'broker.heartbeat.interval.ms=300',
    )
    client = new Samsa({
      clientId: 'e2e-replication',
      brokers: bootstrap.split(','),
      retry: { retries: 30, initialRetryTime: 100, maxRetryTime: 1_000 },
    })
  })
  after(() => cluster.destroy())

  async function createTopic(topic: string): Promise<void> {
    const admin = client.admin()
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 3 }] })
    } finally {
      await admin.disconnect()
    }
  }

  async function partition(topic: string) {
    const [t] = await describeTopics(bootstrap, topic)
    const p = t?.partitions[0]
    assert.ok(p, `no partition 0 for ${topic}`)
    return p
  }

  async function waitForIsr(topic: string, isr: number[], timeoutMs = 30_000) {
    const want = [...isr].sort().join(',')
    return pollUntil(
      `ISR of ${topic} to be [${want}]`,
      async () => {
        const p = await partition(topic)
        return [...p.isr].sort().join(',') === want && p.leader > 0 ? p : undefined
      },
      timeoutMs,
    )
  }

  it('drops a SIGSTOPped follower from the ISR, keeps acks=-1 going, and takes it back after SIGCONT', async () => {
    await createTopic('stop')
    const { leader, replicas } = await waitForIsr('stop', [1, 2, 3])
    const follower = replicas.find((id) => id !== leader)!
    const producer = client.producer({ acks: -1 })
    try {
      await producer.send({ topic: 'stop', messages: [{ value: 'before' }] })
      await cluster.scriptOk('pause', String(follower))
      await waitForIsr(
        'stop',
        replicas.filter((id) => id !== follower),
      )
      for (let i = 0; i < 20; i++) {
        await producer.send({ topic: 'stop', messages: [{ value: `during-${i}` }] })
      }
      await cluster.scriptOk('resume', String(follower))
      await waitForIsr('stop', [1, 2, 3])
    } finally {
      await producer.disconnect()
    }
    const values = (await readMessages(client, 'stop', 21)).map((m) => m.value?.toString())
    assert.deepEqual(values, ['before', ...Array.from({ length: 20 }, (_, i) => `during-${i}`)])
  })

  it('refuses acks=-1 with NOT_ENOUGH_REPLICAS while both followers are stopped; acks=1 goes on', async () => {
    await createTopic('both')
    const { leader, replicas } = await waitForIsr('both', [1, 2, 3])
    const followers = replicas.filter((id) => id !== leader)
    for (const id of followers) await cluster.scriptOk('pause', String(id))
    try {
      await waitForIsr('both', [leader])
      const strict = client.producer({ acks: -1, retry: { retries: 0 } })
      const relaxed = client.producer({ acks: 1 })
      try {
        await assert.rejects(strict.send({ topic: 'both', messages: [{ value: 'x' }] }), (err) => {
          assert.equal((err as { code?: string }).code, 'NOT_ENOUGH_REPLICAS')
          return true
        })
        const [meta] = await relaxed.send({ topic: 'both', messages: [{ value: 'y' }] })
        assert.equal(meta?.errorCode, 0)
      } finally {
        await strict.disconnect()
        await relaxed.disconnect()
      }
    } finally {
      for (const id of followers) await cluster.scriptOk('resume', String(id))
    }
    await waitForIsr('both', [1, 2, 3])
  })

  it('loses no acknowledged record when the leader is SIGKILLed mid-stream; the restarted broker rejoins and leads again', async () => {
    await createTopic('kill')
    const { leader, replicas } = await waitForIsr('kill', [1, 2, 3])
    assert.equal(leader, replicas[0])
    const producer = client.producer({ acks: -1 })
    const acked = new Map<bigint, string>()
    try {
      for (let i = 0; i < 400; i++) {
        if (i === 150) await cluster.scriptOk('kill', String(leader))
        const value = `r${i}`
        const [meta] = await producer.send({ topic: 'kill', messages: [{ value }] })
        acked.set(meta!.baseOffset, value)
      }
    } finally {
      await producer.disconnect()
    }
    const moved = await partition('kill')
    assert.notEqual(moved.leader, leader)

    // Every acknowledged offset holds its record; offsets are contiguous, each once, in order.
    let last = -1n
    for (const offset of acked.keys()) if (offset > last) last = offset
    const received = await readMessages(client, 'kill', Number(last) + 1)
    for (const [i, m] of received.entries()) assert.equal(m.offset, BigInt(i))
    for (const [offset, value] of acked) {
      assert.equal(received[Number(offset)]?.value?.toString(), value, `offset ${offset}`)
    }

    // Restarted, the old leader recovers its log, catches up, rejoins and leads again.
    await cluster.scriptOk('restart', String(leader))
    await waitForIsr('kill', [1, 2, 3], 60_000)
    await pollUntil('the preferred replica to lead again', async () =>
      (await partition('kill')).leader === leader ? true : undefined,
    )
  })
})
