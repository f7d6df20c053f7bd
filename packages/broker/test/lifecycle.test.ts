import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { unary } from '@samsa/protocol'
import { readPartitionTopicId } from '../src/index.js'
import {
  clusterViewOf,
  httpGet,
  metadata,
  startCluster,
  startTestBroker,
  startTestController,
  waitFor,
} from './helpers.js'

describe('broker lifecycle', () => {
  it('waits for a controller that is not there yet, then registers by itself', async (t) => {
    const controller = await startTestController(t)
    const address = controller.running.address
    await controller.stop()

    const b = await startTestBroker(t, 1, address)
    const notReady = await waitFor('a not-ready answer naming the controller', async () => {
      const r = await httpGet(b.running.httpPort, '/readyz')
      const reason = (r.body as { reason: string }).reason
      return r.status === 503 && reason.includes(address) ? reason : undefined
    })
    assert.match(notReady, /not registered/)
    assert.equal((await httpGet(b.running.httpPort, '/healthz')).status, 200)
    const meta = await metadata(b)
    assert.equal(meta.error?.code, 5, 'LEADER_NOT_AVAILABLE while the cache is empty')
    const forwarded = await unary(b.client, b.client.describeCluster, {}, { timeoutMs: 5_000 })
    assert.equal(forwarded.error?.code, 41, 'NOT_CONTROLLER while it is unreachable')
    assert.match(forwarded.error?.message ?? '', /unreachable/)

    await controller.restart()
    await waitFor(
      'the broker ready',
      async () => (await httpGet(b.running.httpPort, '/readyz')).status === 200,
    )
    assert.deepEqual(
      (await metadata(b)).brokers.map((x) => x.brokerId),
      [1],
    )
    // close() is idempotent: concurrent and repeated calls share one shutdown.
    const first = b.running.close()
    assert.equal(b.running.close(), first)
    await first
    await b.running.close()
  })

  it('refuses a second incarnation of a live broker id, leaving the first one registered', async (t) => {
    const { controller, brokers } = await startCluster(t, 1)
    const epoch = (await clusterViewOf(brokers[0]!)).self.brokerEpoch
    const twin = await startTestBroker(t, 1, controller.running.address)
    const reason = await waitFor('the twin to report the refusal', async () => {
      const r = await httpGet(twin.running.httpPort, '/readyz')
      const text = (r.body as { reason: string }).reason
      return r.status === 503 && text.includes('DUPLICATE_BROKER_REGISTRATION') ? text : undefined
    })
    assert.match(reason, /already registered/)
    const view = await clusterViewOf(brokers[0]!)
    assert.equal(view.self.ready, true)
    assert.equal(view.self.brokerEpoch, epoch)
  })

  it('deletes the logs of deleted topics, also those found on disk after a restart', async (t) => {
    // Without controlled shutdown a stopped broker stays unfenced until its session expires, so
    // a topic created again right after the stop is still placed on it.
    const { brokers } = await startCluster(t, 2, { 'controlled.shutdown.enable': false })
    const [b1, b2] = brokers as [(typeof brokers)[0], (typeof brokers)[0]]
    const create = (name: string) =>
      unary(b1.client, b1.client.createTopics, {
        topics: [{ name, numPartitions: 2, replicationFactor: 2 }],
      })
    const hosts = (dir: string, topic: string) =>
      existsSync(join(dir, `${topic}-0`)) && existsSync(join(dir, `${topic}-1`))
    for (const name of ['gone', 'kept', 'again'])
      assert.equal((await create(name)).results[0]?.error, null)
    await waitFor('every log created', () =>
      ['gone', 'kept', 'again'].every(
        (topic) => hosts(b1.logDir, topic) && hosts(b2.logDir, topic),
      ),
    )
    const oldId = readPartitionTopicId(join(b2.logDir, 'again-0'))
    assert.ok(oldId)

    // Deleted while both run: both delete their logs.
    const deleted = await unary(b1.client, b1.client.deleteTopics, { names: ['gone'] })
    assert.equal(deleted.results[0]?.error, null)
    await waitFor('the logs of the deleted topic gone', () =>
      [b1.logDir, b2.logDir].every(
        (dir) => !existsSync(join(dir, 'gone-0')) && !existsSync(join(dir, 'gone-1')),
      ),
    )

    // Deleted, and created again, while broker 2 is down: on its return the stale logs go.
    await b2.stop()
    const dropped = await unary(b1.client, b1.client.deleteTopics, { names: ['kept', 'again'] })
    assert.deepEqual(
      dropped.results.map((r) => r.error),
      [null, null],
    )
    assert.equal((await create('again')).results[0]?.error, null)
    const again = await waitFor('broker 1 to see the new topic', async () => {
      const topic = (await metadata(b1, ['again'])).topics[0]
      return topic?.error === null ? topic : undefined
    })
    const newId = again.topicId
    assert.ok(newId && newId !== oldId)
    assert.ok(
      again.partitions.every((p) => p.replicas.includes(2)),
      'placed on the stopped broker too',
    )
    assert.ok(hosts(b2.logDir, 'kept'), 'the stopped broker still has the old logs')
    await b2.restart()
    await waitFor('the stray logs deleted and the new topic hosted', () => {
      const id = readPartitionTopicId(join(b2.logDir, 'again-0'))
      return (
        !existsSync(join(b2.logDir, 'kept-0')) &&
        !existsSync(join(b2.logDir, 'kept-1')) &&
        id === newId
      )
    })
    assert.ok(hosts(b2.logDir, 'again'))
  })
})
