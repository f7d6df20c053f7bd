import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  Cluster,
  describeCluster,
  describeTopics,
  pollUntil,
  samsaOk,
  type TopicJson,
} from './helpers.js'

const SESSION_TIMEOUT_MS = 3_000
/** Slack for the heartbeat interval, the controller's session check, metadata propagation and
 * one CLI round trip on a loaded 2-core CI machine. */
const MARGIN_MS = 4_000

/** The metadata a controller restart must keep: topics, ids, assignments and configs. */
function durable(topics: readonly TopicJson[]) {
  return topics.map((t) => ({
    topic: t.topic,
    topicId: t.topicId,
    configs: t.configs,
    replicas: t.partitions.map((p) => p.replicas),
  }))
}

describe('failover: broker and controller crashes (3 brokers, broker.session.timeout.ms=3000)', () => {
  const cluster = new Cluster(23290)
  let bootstrap = ''

  before(async () => {
    bootstrap = await cluster.start(`broker.session.timeout.ms=${SESSION_TIMEOUT_MS}`)
    await samsaOk(
      'topics',
      'create',
      '--topic',
      'events',
      '--partitions',
      '6',
      '--replication-factor',
      '3',
      '--config',
      'retention.ms=3600000',
      '--bootstrap',
      bootstrap,
    )
  })
  after(() => cluster.destroy())

  it('moves a SIGKILLed broker’s leaderships to in-sync replicas within the session timeout and drops it from the ISRs', async (t) => {
    const via = cluster.broker(1)
    const [before] = await describeTopics(via, 'events')
    const led = before!.partitions.filter((p) => p.leader === 2)
    assert.equal(led.length, 2)

    await cluster.scriptOk('kill', '2')
    const killedAt = Date.now()
    const [moved] = await pollUntil(
      'leaders and ISRs without broker 2',
      async () => {
        const topics = await describeTopics(via, 'events')
        const parts = topics[0]!.partitions
        return parts.every((p) => p.leader !== 2 && !p.isr.includes(2)) ? topics : undefined
      },
      SESSION_TIMEOUT_MS + MARGIN_MS,
    )
    const elapsed = Date.now() - killedAt
    t.diagnostic(`leadership moved ${elapsed} ms after SIGKILL`)
    assert.ok(elapsed <= SESSION_TIMEOUT_MS + MARGIN_MS)

    for (const old of led) {
      const now = moved!.partitions.find((p) => p.partition === old.partition)!
      assert.ok(
        old.isr.includes(now.leader) && now.leader !== 2,
        `partition ${old.partition} leader ${now.leader}`,
      )
      assert.ok(now.leaderEpoch > old.leaderEpoch, 'a leader change bumps the leader epoch')
    }
    for (const p of moved!.partitions) {
      assert.ok(p.isr.length > 0 && p.isr.every((id) => id !== 2))
      assert.deepEqual(p.replicas, before!.partitions[p.partition]!.replicas, 'assignment kept')
    }
    const fenced = await describeCluster(bootstrap)
    assert.equal(fenced.brokers.find((b) => b.brokerId === 2)?.fenced, true)
    assert.equal((await cluster.states())['2'], 'dead')
  })

  it('re-registers a restarted broker with a new epoch', async () => {
    const old = (await describeCluster(bootstrap)).brokers.find((b) => b.brokerId === 2)!
    await cluster.scriptOk('restart', '2')
    const now = await pollUntil('broker 2 unfenced again', async () => {
      const b = (await describeCluster(bootstrap)).brokers.find((x) => x.brokerId === 2)
      return b && !b.fenced ? b : undefined
    })
    assert.ok(now.brokerEpoch > old.brokerEpoch, `epoch ${now.brokerEpoch} > ${old.brokerEpoch}`)
    assert.notEqual(now.incarnationId, old.incarnationId)
    assert.equal((await cluster.states())['2'], 'alive')
  })

  it('keeps serving metadata while the controller is down, and loses nothing when it restarts', async () => {
    // Start from a picture every broker agrees on.
    const before = await pollUntil('every broker to agree', async () => {
      const views = await Promise.all([1, 2, 3].map((id) => describeTopics(cluster.broker(id))))
      const [first] = views.map((v) => JSON.stringify(v))
      return views.every((v) => JSON.stringify(v) === first) ? views[0] : undefined
    })
    const brokersBefore = (await describeCluster(bootstrap)).brokers

    await cluster.scriptOk('kill', 'controller')
    for (const id of [1, 2, 3]) {
      assert.deepEqual(
        await describeTopics(cluster.broker(id)),
        before,
        `broker ${id} while the controller is down`,
      )
    }

    await cluster.scriptOk('restart', 'controller')
    const after = await pollUntil('every broker back and unfenced', async () => {
      const described = await describeCluster(bootstrap)
      return described.brokers.length === 3 && described.brokers.every((b) => !b.fenced)
        ? described
        : undefined
    })
    assert.deepEqual(
      after.brokers.map((b) => b.brokerId),
      brokersBefore.map((b) => b.brokerId),
    )
    assert.deepEqual(durable(await describeTopics(bootstrap)), durable(before))

    // The brokers follow the restarted controller's metadata stream by themselves.
    await samsaOk(
      'topics',
      'create',
      '--topic',
      'after-restart',
      '--partitions',
      '3',
      '--replication-factor',
      '3',
      '--bootstrap',
      bootstrap,
    )
    for (const id of [1, 2, 3]) {
      await pollUntil(`broker ${id} to see the new topic`, async () => {
        const topics = await describeTopics(cluster.broker(id))
        return topics.some((t) => t.topic === 'after-restart') ? true : undefined
      })
    }
  })

  it('fences a paused broker after the session timeout and takes it back once resumed', async () => {
    await cluster.scriptOk('pause', '3')
    assert.equal((await cluster.states())['3'], 'paused')
    await pollUntil(
      'broker 3 fenced',
      async () => {
        const b = (await describeCluster(cluster.broker(1))).brokers.find((x) => x.brokerId === 3)
        return b?.fenced ? true : undefined
      },
      SESSION_TIMEOUT_MS + MARGIN_MS,
    )
    await cluster.scriptOk('resume', '3')
    assert.equal((await cluster.states())['3'], 'alive')
    await pollUntil('broker 3 unfenced', async () => {
      const b = (await describeCluster(cluster.broker(1))).brokers.find((x) => x.brokerId === 3)
      return b && !b.fenced ? true : undefined
    })
  })
})
