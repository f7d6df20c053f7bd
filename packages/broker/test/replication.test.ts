import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, type TestContext } from 'node:test'
import { decodeRecordBatches } from '@samsa/protocol'
import { HIGH_WATERMARK_CHECKPOINT_FILE } from '../src/index.js'
import { batch, createTopic, fetchPartition, leadership, produce } from './data-helpers.js'
import { clusterViewOf, metadata, startCluster, type TestBroker, waitFor } from './helpers.js'

/** Short enough for a test's patience, long enough for a follower's 500 ms long poll. */
const LAG_TIME_MS = 1_500
const TOPIC_CONFIG = { 'min.insync.replicas': '2' }

async function replicatedCluster(t: TestContext, overrides: Record<string, unknown> = {}) {
  const cluster = await startCluster(t, 3, {
    'replica.lag.time.max.ms': LAG_TIME_MS,
    ...overrides,
  })
  return cluster
}

/** The partition as the metadata says now. */
async function partitionState(b: TestBroker, topic: string) {
  const p = (await metadata(b, [topic])).topics[0]?.partitions[0]
  assert.ok(p, `no metadata for ${topic}`)
  return p
}

async function waitForIsr(b: TestBroker, topic: string, isr: number[], timeoutMs = 10_000) {
  const want = [...isr].sort().join(',')
  return waitFor(
    `ISR of ${topic} to be [${want}]`,
    async () => {
      const p = await partitionState(b, topic)
      return [...p.isr].sort().join(',') === want ? p : undefined
    },
    timeoutMs,
  )
}

/** The bytes of a replica's segment files, in offset order (what is on its disk). */
function logBytes(b: TestBroker, topic: string, partition = 0): Buffer {
  const dir = join(b.logDir, `${topic}-${partition}`)
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .sort()
  return Buffer.concat(files.map((f) => readFileSync(join(dir, f))))
}

async function localReplica(b: TestBroker, topic: string) {
  return (await clusterViewOf(b)).local.find((r) => r.topic === topic && r.partition === 0)
}

/** Waits until every replica's log end offset is `leo` and the segment files are identical. */
async function waitForIdenticalReplicas(brokers: TestBroker[], topic: string, leo: number) {
  await waitFor(
    `every replica of ${topic} at ${leo}`,
    async () => {
      for (const b of brokers)
        if ((await localReplica(b, topic))?.logEndOffset !== leo) return false
      return true
    },
    15_000,
  )
  const [first, ...rest] = brokers.map((b) => logBytes(b, topic))
  for (const other of rest) assert.ok(first!.equals(other), 'replica segment files differ')
}

/** Every record value below the leader's HW, in offset order, and their offsets. */
async function readAll(leader: TestBroker, topic: string) {
  const f = await fetchPartition(leader, topic, 0, 0, { maxBytes: 64 * 1024 * 1024 })
  assert.equal(f.error, null, f.error?.message)
  const records = decodeRecordBatches(f.records).flatMap((b) => b.records)
  return {
    highWatermark: Number(f.highWatermark),
    offsets: records.map((r) => Number(r.offset)),
    values: records.map((r) => r.value?.toString() ?? ''),
  }
}

describe('replication', () => {
  it('followers fetch the leader batches byte for byte; acks=-1 succeeds and consumers see the records', async (t) => {
    const { brokers } = await replicatedCluster(t)
    await createTopic(brokers[0]!, 'rep', 1, 3, TOPIC_CONFIG)
    const { leader, followers } = await leadership(brokers, 'rep')

    const values: string[] = []
    for (let i = 0; i < 20; i++) {
      const vs = [`a${i}`, `b${i}`, `c${i}`]
      values.push(...vs)
      const res = await produce(leader, 'rep', 0, batch(vs), { acks: -1 })
      assert.deepEqual([res.error, res.baseOffset], [null, String(i * 3)])
    }
    await waitForIdenticalReplicas(brokers, 'rep', 60)
    const read = await readAll(leader, 'rep')
    assert.equal(read.highWatermark, 60)
    assert.deepEqual(read.values, values)
    assert.deepEqual(
      read.offsets,
      values.map((_, i) => i),
    )
    // Followers learn the HW from their fetches, and never beyond their own log.
    await waitFor('followers to learn the HW', async () => {
      for (const f of followers)
        if ((await localReplica(f, 'rep'))?.highWatermark !== 60) return false
      return true
    })
    assert.deepEqual([...(await partitionState(leader, 'rep')).isr].sort(), [1, 2, 3])
  })

  it('drops a follower that stops fetching after replica.lag.time.max.ms, goes on with acks=-1, and takes it back once caught up', async (t) => {
    const { brokers } = await replicatedCluster(t)
    await createTopic(brokers[0]!, 'lag', 1, 3, TOPIC_CONFIG)
    const { leader, followers } = await leadership(brokers, 'lag')
    const [stalled, healthy] = followers as [TestBroker, TestBroker]
    assert.equal((await produce(leader, 'lag', 0, batch(['x']), { acks: -1 })).error, null)

    stalled.running.replication.pauseFetching()
    const started = Date.now()
    // acks=-1 waits for the stalled follower until it leaves the ISR, then succeeds.
    const waiting = await produce(leader, 'lag', 0, batch(['y']), { acks: -1, timeoutMs: 15_000 })
    assert.equal(waiting.error, null, waiting.error?.message)
    const elapsed = Date.now() - started
    assert.ok(elapsed >= LAG_TIME_MS - 100, `acked after ${elapsed} ms, before the lag time`)
    await waitForIsr(leader, 'lag', [leader.brokerId, healthy.brokerId])
    for (let i = 0; i < 10; i++) {
      const res = await produce(leader, 'lag', 0, batch([`z${i}`]), { acks: -1 })
      assert.equal(res.error, null, res.error?.message)
    }

    stalled.running.replication.resumeFetching()
    await waitForIsr(leader, 'lag', [1, 2, 3])
    await waitForIdenticalReplicas(brokers, 'lag', 12)
  })

  it('with replica.lag.max.messages on, drops a follower that lags by more records', async (t) => {
    const { brokers } = await replicatedCluster(t, {
      'replica.lag.time.max.ms': 60_000,
      'replica.lag.max.messages': 5,
    })
    await createTopic(brokers[0]!, 'count', 1, 3, TOPIC_CONFIG)
    const { leader, followers } = await leadership(brokers, 'count')
    const [stalled, healthy] = followers as [TestBroker, TestBroker]
    await waitFor('followers to fetch', async () => {
      const p = await produce(leader, 'count', 0, batch(['warm-up']), {
        acks: -1,
        timeoutMs: 2_000,
      })
      return p.error === null
    })
    stalled.running.replication.pauseFetching()
    const started = Date.now()
    for (let i = 0; i < 8; i++) {
      assert.equal((await produce(leader, 'count', 0, batch([`r${i}`]))).error, null)
    }
    await waitForIsr(leader, 'count', [leader.brokerId, healthy.brokerId])
    assert.ok(Date.now() - started < 30_000, 'dropped by count, well before the lag time')
    stalled.running.replication.resumeFetching()
    await waitForIsr(leader, 'count', [1, 2, 3])
  })

  it('refuses acks=-1 with NOT_ENOUGH_REPLICAS once both followers stalled, while acks=1 goes on', async (t) => {
    const { brokers } = await replicatedCluster(t)
    await createTopic(brokers[0]!, 'alone', 1, 3, TOPIC_CONFIG)
    const { leader, followers } = await leadership(brokers, 'alone')
    assert.equal((await produce(leader, 'alone', 0, batch(['x']), { acks: -1 })).error, null)
    for (const f of followers) f.running.replication.pauseFetching()

    // Waiting while the ISR shrinks below min.insync.replicas: NOT_ENOUGH_REPLICAS_AFTER_APPEND.
    const during = await produce(leader, 'alone', 0, batch(['y']), { acks: -1, timeoutMs: 20_000 })
    assert.equal(during.error?.code, 20, during.error?.message)
    await waitForIsr(leader, 'alone', [leader.brokerId])

    const refused = await produce(leader, 'alone', 0, batch(['z']), { acks: -1 })
    assert.equal(refused.error?.code, 19, refused.error?.message) // NOT_ENOUGH_REPLICAS
    const accepted = await produce(leader, 'alone', 0, batch(['w']))
    assert.deepEqual([accepted.error, accepted.baseOffset], [null, '2'])
    // Below min.insync.replicas the HW stays put: acks=1 records are not visible yet.
    assert.equal((await readAll(leader, 'alone')).highWatermark, 1)

    for (const f of followers) f.running.replication.resumeFetching()
    await waitForIsr(leader, 'alone', [1, 2, 3])
    await waitForIdenticalReplicas(brokers, 'alone', 3)
    await waitFor('the HW to pass the acks=1 records', async () => {
      return (await readAll(leader, 'alone')).highWatermark === 3
    })
  })

  it('loses no acknowledged record when the leader goes; the old leader truncates its unacknowledged suffix, rejoins and leads again', async (t) => {
    const { brokers } = await replicatedCluster(t)
    await createTopic(brokers[0]!, 'failover', 1, 3, TOPIC_CONFIG)
    const before = await leadership(brokers, 'failover')
    const old = before.leader
    assert.equal(old.brokerId, before.replicas[0], 'the preferred replica leads')

    const acked: string[] = []
    for (let i = 0; i < 30; i++) {
      const vs = [`v${i}`, `w${i}`]
      const res = await produce(old, 'failover', 0, batch(vs), { acks: -1 })
      assert.equal(res.error, null, res.error?.message)
      acked.push(...vs)
    }
    // An unreplicated suffix, acknowledged with acks=1 only: the old leader alone has it.
    for (const f of before.followers) f.running.replication.pauseFetching()
    for (let i = 0; i < 3; i++) {
      assert.equal((await produce(old, 'failover', 0, batch([`lost${i}`]))).error, null)
    }
    await old.stop()
    for (const f of before.followers) f.running.replication.resumeFetching()

    const after = await waitFor('a new leader from the ISR', async () => {
      const p = await partitionState(before.followers[0]!, 'failover')
      return p.leader > 0 && p.leader !== old.brokerId && p.leaderEpoch > before.leaderEpoch
        ? p
        : undefined
    })
    const newLeader = brokers.find((b) => b.brokerId === after.leader)!
    const read = await waitFor('every acknowledged record on the new leader', async () => {
      const r = await readAll(newLeader, 'failover')
      return r.values.length >= acked.length ? r : undefined
    })
    assert.deepEqual(read.values, acked, 'every acknowledged record, once, in order')
    assert.deepEqual(
      read.offsets,
      acked.map((_, i) => i),
    )
    // acks=-1 goes on under the new leader with the two remaining replicas.
    const next = await produce(newLeader, 'failover', 0, batch(['after']), { acks: -1 })
    assert.deepEqual([next.error, next.baseOffset], [null, String(acked.length)])

    // The old leader comes back: it truncates the suffix nobody else has, catches up, rejoins
    // the ISR and, as the preferred replica, leads again.
    await old.restart()
    await waitForIsr(newLeader, 'failover', [1, 2, 3], 20_000)
    await waitForIdenticalReplicas(brokers, 'failover', acked.length + 1)
    const back = await leadership(brokers, 'failover')
    assert.equal(back.leader.brokerId, old.brokerId)
    const final = await waitFor('the HW on the preferred leader', async () => {
      const r = await readAll(old, 'failover')
      return r.highWatermark === acked.length + 1 ? r : undefined
    })
    assert.deepEqual(final.values, [...acked, 'after'])
    assert.ok(!final.values.some((v) => v.startsWith('lost')))
  })

  it('checkpoints high watermarks per log dir and starts a restarted broker from them', async (t) => {
    const { brokers } = await replicatedCluster(t)
    await createTopic(brokers[0]!, 'hw', 1, 3, TOPIC_CONFIG)
    const { leader } = await leadership(brokers, 'hw')
    for (let i = 0; i < 5; i++) {
      assert.equal((await produce(leader, 'hw', 0, batch([`h${i}`]), { acks: -1 })).error, null)
    }
    await leader.stop()
    const text = readFileSync(join(leader.logDir, HIGH_WATERMARK_CHECKPOINT_FILE), 'utf8')
    assert.match(text, /^0\n\d+\n/)
    assert.ok(text.split('\n').includes('hw 0 5'), text)
  })
})
