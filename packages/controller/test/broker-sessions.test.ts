import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { joinBrokers, SESSION_MS, startController } from './helpers.js'

/** sessionCheckIntervalMs of the controllers whose checker these tests run by hand. */
const CHECK_MS = 250

describe('broker sessions', () => {
  it('ends the session of a broker in controlled shutdown, so its restart registers at once', async (t) => {
    const { controller } = await startController(t)
    const epochs = await joinBrokers(controller, [1, 2, 3])
    await controller.createTopics([{ name: 'orders', numPartitions: 3, replicationFactor: 3 }])
    // The broker heartbeats wantShutDown until told it may stop (KIP-631); each of those
    // heartbeats leaves it fenced, and none keeps its session alive.
    for (let i = 0; i < 2; i++) {
      const hb = await controller.brokerHeartbeat({
        brokerId: 2,
        brokerEpoch: epochs.get(2)!,
        wantShutDown: true,
        currentMetadataVersion: controller.version,
      })
      assert.equal(hb.shouldShutDown, true)
    }
    // Restarted within broker.session.timeout.ms (the clock has not moved at all).
    const { brokerEpoch } = await controller.registerBroker({
      brokerId: 2,
      incarnationId: 'inc-2-restarted',
      endpoint: { host: '127.0.0.1', port: 9092, httpPort: 0 },
      rack: null,
    })
    assert.ok(brokerEpoch > epochs.get(2)!)
    assert.equal(controller.image.broker(2)?.incarnationId, 'inc-2-restarted')
    await assert.rejects(
      controller.brokerHeartbeat({
        brokerId: 2,
        brokerEpoch: epochs.get(2)!,
        wantShutDown: true,
        currentMetadataVersion: controller.version,
      }),
      { code: 'STALE_BROKER_EPOCH' },
      'the old incarnation is done',
    )
  })

  it('does not count time the controller itself was paused against broker sessions', async (t) => {
    // The test plays the session timer: each `check` is one of its runs, `ms` after the last.
    t.mock.timers.enable({ apis: ['setInterval'] })
    const { controller, clock } = await startController(t, undefined, {
      sessionCheckIntervalMs: CHECK_MS,
    })
    const epochs = await joinBrokers(controller, [1, 2, 3])
    await controller.createTopics([{ name: 'orders', numPartitions: 6, replicationFactor: 3 }])
    const check = (ms: number) => {
      clock.now += ms
      return controller.fenceExpiredBrokers()
    }
    const heartbeat = (brokerId: number) =>
      controller.brokerHeartbeat({
        brokerId,
        brokerEpoch: epochs.get(brokerId)!,
        wantShutDown: false,
        currentMetadataVersion: controller.version,
      })
    assert.deepEqual(await check(CHECK_MS), [])
    const version = controller.version

    // SIGSTOP for longer than broker.session.timeout.ms, then SIGCONT: the checker runs late,
    // before the heartbeats the brokers sent meanwhile could be read.
    assert.deepEqual(await check(2 * SESSION_MS), [], 'nobody fenced for the pause')
    assert.equal(controller.version, version, 'no leadership churn')

    // Brokers 1 and 2 are alive and heartbeat again; broker 3 died during the pause. It is
    // fenced a whole session after the resume, not at once.
    const resumedAt = clock.now
    let fencedAt: number | undefined
    for (let elapsed = 0; fencedAt === undefined && elapsed <= 2 * SESSION_MS; ) {
      if (elapsed % 1_000 === 0) for (const id of [1, 2]) await heartbeat(id)
      elapsed += CHECK_MS
      const fenced = await check(CHECK_MS)
      if (fenced.length > 0) {
        assert.deepEqual(fenced, [3])
        fencedAt = clock.now
      }
    }
    assert.ok(fencedAt !== undefined, 'broker 3 fenced')
    const silence = fencedAt - resumedAt
    assert.ok(
      silence > SESSION_MS - 1_000 && silence <= SESSION_MS,
      `fenced ${silence} ms after the resume`,
    )
    assert.equal(controller.image.broker(1)?.fenced, false)
    assert.equal(controller.image.broker(2)?.fenced, false)
  })
})
