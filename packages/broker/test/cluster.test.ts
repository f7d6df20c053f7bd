import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { checkHealth, unary } from '@samsa/protocol'
import {
  clusterViewOf,
  httpGet,
  metadata,
  partitionPicture,
  SESSION_TIMEOUT_MS,
  startCluster,
  type TestBroker,
  waitFor,
} from './helpers.js'

async function createTopic(b: TestBroker, name: string, numPartitions: number, rf: number) {
  const res = await unary(
    b.client,
    b.client.createTopics,
    { topics: [{ name, numPartitions, replicationFactor: rf }] },
    { timeoutMs: 5_000 },
  )
  assert.equal(res.error, null)
  assert.equal(res.results[0]?.error, null, res.results[0]?.error?.message)
  return res
}

/** Waits until every broker's Metadata shows the same partitions, and returns that picture. */
async function samePictureEverywhere(brokers: TestBroker[], check: (picture: string[]) => boolean) {
  return waitFor('the same metadata on every broker', async () => {
    const pictures = await Promise.all(
      brokers.map(async (b) => partitionPicture(await metadata(b))),
    )
    const first = pictures[0]!
    if (!check(first)) return undefined
    return pictures.every((p) => JSON.stringify(p) === JSON.stringify(first)) ? first : undefined
  })
}

describe('a controller and three brokers', () => {
  it('register, become ready, and spread a 6-partition RF=3 topic: each broker leads 2 and follows 4', async (t) => {
    const { brokers } = await startCluster(t, 3)
    for (const b of brokers) {
      assert.deepEqual(await httpGet(b.running.httpPort, '/healthz'), {
        status: 200,
        body: { status: 'ok' },
      })
      assert.equal(await checkHealth(b.running.address), 'SERVING')
      assert.equal(await checkHealth(b.running.address, 'samsa.v1.BrokerService'), 'SERVING')
    }

    await createTopic(brokers[0]!, 'orders', 6, 3)

    // Every broker hosts all six replicas: two as leader, four as follower, each with its log.
    for (const b of brokers) {
      const view = await waitFor(`broker ${b.brokerId} hosting 6 replicas`, async () => {
        const v = await clusterViewOf(b)
        return v.local.length === 6 && v.local.every((r) => r.role !== undefined) ? v : undefined
      })
      const roles = view.local.map((r) => r.role)
      assert.equal(roles.filter((r) => r === 'leader').length, 2, `broker ${b.brokerId} leads 2`)
      assert.equal(
        roles.filter((r) => r === 'follower').length,
        4,
        `broker ${b.brokerId} follows 4`,
      )
      for (let p = 0; p < 6; p++) {
        assert.ok(existsSync(join(b.logDir, `orders-${p}`)), `broker ${b.brokerId} has orders-${p}`)
      }
    }

    // Metadata through every broker shows the same picture, and it agrees with /v1/cluster.
    const picture = await samePictureEverywhere(brokers, (p) => p.length === 6)
    const res = await metadata(brokers[1]!)
    assert.deepEqual(
      res.brokers.map((b) => b.brokerId),
      [1, 2, 3],
    )
    const leaders = new Map<number, number>()
    for (const p of res.topics[0]!.partitions) {
      assert.equal(p.replicas.length, 3)
      assert.deepEqual([...p.isr].sort(), [1, 2, 3])
      assert.equal(p.leader, p.replicas[0], 'the preferred replica leads')
      leaders.set(p.leader, (leaders.get(p.leader) ?? 0) + 1)
    }
    assert.deepEqual([...leaders.values()], [2, 2, 2])
    for (const b of brokers) {
      const view = await clusterViewOf(b)
      assert.equal(view.metadataVersion, Number(res.metadataVersion))
      assert.deepEqual(
        view.brokers.map((x) => [
          x.brokerId,
          x.fenced,
          x.endpoint.port > 0,
          x.endpoint.httpPort > 0,
        ]),
        [
          [1, false, true, true],
          [2, false, true, true],
          [3, false, true, true],
        ],
      )
      assert.deepEqual(
        view.topics.flatMap((topic) =>
          topic.partitions.map(
            (p) =>
              `${topic.name}-${p.partition} leader=${p.leader} epoch=${p.leaderEpoch} replicas=${p.replicas.join(',')} isr=${p.isr.join(',')}`,
          ),
        ),
        picture,
      )
      assert.equal(view.self.ready, true)
      assert.equal(view.self.registered, true)
    }
    assert.equal((await httpGet(brokers[0]!.running.httpPort, '/nope')).status, 404)
    assert.equal((await httpGet(brokers[0]!.running.httpPort, '/readyz', 'POST')).status, 405)
  })

  it('fences a closed broker, moves its leaderships to in-sync replicas, and re-registers it with a higher epoch', async (t) => {
    const { brokers } = await startCluster(t, 3)
    const [b1, b2, b3] = brokers as [TestBroker, TestBroker, TestBroker]
    await createTopic(b1, 'payments', 6, 3)
    await samePictureEverywhere(brokers, (p) => p.length === 6)
    const before = await clusterViewOf(b2)
    const oldEpoch = before.self.brokerEpoch
    const ledBy2 = (await metadata(b1)).topics[0]!.partitions.filter((p) => p.leader === 2)
    assert.equal(ledBy2.length, 2)

    // Graceful close: controlled shutdown hands the leaderships away before the broker stops.
    await b2.stop()
    const after = await waitFor('broker 2 fenced and its leaderships moved', async () => {
      const res = await metadata(b1)
      const parts = res.topics[0]!.partitions
      const moved = parts.every((p) => p.leader !== 2 && !p.isr.includes(2))
      return moved && !res.brokers.some((b) => b.brokerId === 2) ? res : undefined
    })
    for (const old of ledBy2) {
      const now = after.topics[0]!.partitions[old.partition]!
      assert.ok(old.isr.includes(now.leader), `new leader ${now.leader} was in sync`)
      assert.ok(now.leaderEpoch > old.leaderEpoch, 'the leader epoch moved on')
    }
    const view1 = await clusterViewOf(b1)
    assert.equal(view1.brokers.find((b) => b.brokerId === 2)?.fenced, true)

    // A new incarnation on the same log dir registers again (once the old session has
    // expired: until then the controller refuses it as DUPLICATE_BROKER_REGISTRATION), with a
    // higher broker epoch.
    await b2.restart()
    const view2 = await waitFor('broker 2 ready again', async () => {
      const v = await clusterViewOf(b2)
      return v.self.ready ? v : undefined
    })
    assert.ok(view2.self.brokerEpoch > oldEpoch, `${view2.self.brokerEpoch} > ${oldEpoch}`)
    assert.notEqual(view2.self.incarnationId, before.self.incarnationId)
    await waitFor('broker 2 hosting its six replicas again, as a follower', async () => {
      const v = await clusterViewOf(b2)
      return v.local.length === 6 && v.local.every((r) => r.role === 'follower')
    })
    for (let p = 0; p < 6; p++) assert.ok(existsSync(join(b2.logDir, `payments-${p}`)))

    // A broker that stops without a controlled shutdown is fenced when its session expires.
    await b3.restart({ 'controlled.shutdown.enable': false })
    await waitFor('broker 3 ready again', async () => (await clusterViewOf(b3)).self.ready)
    const stoppedAt = Date.now()
    await b3.stop()
    await waitFor(
      'broker 3 fenced after its session expired',
      async () => !(await metadata(b1)).brokers.some((b) => b.brokerId === 3),
      SESSION_TIMEOUT_MS + 3_000,
    )
    assert.ok(Date.now() - stoppedAt >= SESSION_TIMEOUT_MS - 200, 'not before the session expired')
  })

  it('keep serving Metadata while the controller is down, reconnect by themselves, and see topics created after its restart', async (t) => {
    const { controller, brokers } = await startCluster(t, 3)
    await createTopic(brokers[0]!, 'before', 3, 3)
    const picture = await samePictureEverywhere(brokers, (p) => p.length === 3)
    const epochs = await Promise.all(
      brokers.map(async (b) => (await clusterViewOf(b)).self.brokerEpoch),
    )

    await controller.stop()
    // Served from the cache meanwhile; admin requests fail with a retriable error.
    for (const b of brokers) {
      assert.deepEqual(partitionPicture(await metadata(b)), picture)
    }
    const refused = await unary(brokers[1]!.client, brokers[1]!.client.createTopics, {
      topics: [{ name: 'during', numPartitions: 1, replicationFactor: 1 }],
    })
    assert.equal(refused.error?.code, 41, 'NOT_CONTROLLER')
    assert.equal(refused.results[0]?.error?.code, 41)
    await waitFor('brokers to notice the controller is gone', async () => {
      const views = await Promise.all(brokers.map(clusterViewOf))
      return views.every((v) => !v.self.controller.reachable)
    })

    await controller.restart()
    // Forwarding works again once the broker's channel has reconnected.
    await waitFor('CreateTopics through a broker after the restart', async () => {
      const res = await unary(brokers[2]!.client, brokers[2]!.client.createTopics, {
        topics: [{ name: 'after', numPartitions: 2, replicationFactor: 3 }],
      })
      return res.results[0]?.error === null
    })
    await samePictureEverywhere(brokers, (p) => p.length === 5)
    const res = await metadata(brokers[0]!, ['before', 'after'])
    assert.deepEqual(
      res.topics.map((topic) => [topic.name, topic.partitions.length, topic.error]),
      [
        ['before', 3, null],
        ['after', 2, null],
      ],
    )
    await waitFor('every broker ready and reaching the controller', async () => {
      const views = await Promise.all(brokers.map(clusterViewOf))
      return views.every((v) => v.self.ready && v.self.controller.reachable)
    })
    // They reconnected with their registrations intact: no broker had to register again.
    const after = await Promise.all(
      brokers.map(async (b) => (await clusterViewOf(b)).self.brokerEpoch),
    )
    assert.deepEqual(after, epochs)
  })
})
