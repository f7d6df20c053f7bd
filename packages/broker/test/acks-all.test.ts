import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { unary } from '@samsa/protocol'
import {
  batch,
  createTopic,
  fetchPartition,
  fetchRaw,
  leadership,
  listOffset,
  logEndOffset,
  produce,
  stamped,
} from './data-helpers.js'
import { metadata, startCluster, type TestBroker, waitFor } from './helpers.js'

/** The broker epochs the metadata holds, by broker id (what a follower puts in replica_epoch). */
async function brokerEpochs(b: TestBroker): Promise<Map<number, string>> {
  const res = await metadata(b)
  return new Map(res.brokers.map((x) => [x.brokerId, x.brokerEpoch]))
}

describe('acks=-1 and the high watermark, with the replica fetchers paused', () => {
  it('times out, refuses a too-small ISR, and completes once follower fetches move the HW', async (t) => {
    const { brokers } = await startCluster(t, 3)
    // The test plays the followers by hand.
    for (const b of brokers) b.running.replication.pauseFetching()
    await createTopic(brokers[0]!, 'replicated', 1, 3)
    await createTopic(brokers[0]!, 'strict', 1, 3, { 'min.insync.replicas': '4' })
    const { leader, followers, leaderEpoch } = await leadership(brokers, 'replicated')
    const epochs = await brokerEpochs(leader)

    // acks=-1 with a short timeout: appended on the leader, never replicated, REQUEST_TIMED_OUT.
    const first = batch(['one', 'two'])
    const started = performance.now()
    const timedOut = await produce(leader, 'replicated', 0, first, { acks: -1, timeoutMs: 300 })
    assert.equal(timedOut.error?.code, 7, timedOut.error?.message) // REQUEST_TIMED_OUT
    assert.equal(timedOut.baseOffset, '-1')
    assert.ok(performance.now() - started >= 290)
    assert.equal(await logEndOffset(leader, 'replicated'), 2)
    assert.equal((await listOffset(leader, 'replicated', 0, -1)).offset, '0', 'HW still 0')
    const hidden = await fetchPartition(leader, 'replicated', 0, 0)
    assert.deepEqual([hidden.error, hidden.records.length, hidden.highWatermark], [null, 0, '0'])

    // min.insync.replicas above the ISR size: NOT_ENOUGH_REPLICAS before anything is written.
    const { leader: strictLeader } = await leadership(brokers, 'strict')
    const refused = await produce(strictLeader, 'strict', 0, batch(['x']), { acks: -1 })
    assert.equal(refused.error?.code, 19, refused.error?.message) // NOT_ENOUGH_REPLICAS
    assert.equal(await logEndOffset(strictLeader, 'strict'), 0)
    // acks=1 does not need the ISR.
    assert.equal((await produce(strictLeader, 'strict', 0, batch(['x']))).error, null)

    // A pending acks=-1 produce, and a consumer long-polling at the HW.
    const second = batch(['three'])
    const pending = produce(leader, 'replicated', 0, second, { acks: -1, timeoutMs: 20_000 })
    await waitFor('the pending produce to be appended', async () => {
      return (await logEndOffset(leader, 'replicated')) === 3
    })
    const consumerStarted = performance.now()
    const consumer = fetchPartition(leader, 'replicated', 0, 0, { maxWaitMs: 20_000 })

    // Drive the HW by hand: each follower fetches at the leader's log end offset.
    const [f1, f2] = followers as [TestBroker, TestBroker]
    const asFollower = (f: TestBroker) => ({
      replicaId: f.brokerId,
      replicaEpoch: epochs.get(f.brokerId)!,
      currentLeaderEpoch: leaderEpoch,
      lastFetchedEpoch: leaderEpoch,
    })
    const byF1 = await fetchPartition(leader, 'replicated', 0, 3, asFollower(f1))
    assert.deepEqual([byF1.error, byF1.highWatermark], [null, '0'], 'one follower is not enough')
    let settled = false
    void pending.then(() => {
      settled = true
    })
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(settled, false)

    const byF2 = await fetchPartition(leader, 'replicated', 0, 3, asFollower(f2))
    assert.deepEqual([byF2.error, byF2.highWatermark], [null, '3'])
    const done = await pending
    assert.deepEqual([done.error, done.baseOffset], [null, '2'])
    const woken = await consumer
    assert.ok(performance.now() - consumerStarted < 10_000)
    assert.deepEqual([woken.error, woken.highWatermark], [null, '3'])
    // The timed-out records were kept: a timeout does not undo the append.
    assert.ok(woken.records.equals(stamped([first, second], 0, leaderEpoch)))
    assert.equal((await listOffset(leader, 'replicated', 0, -1)).offset, '3')

    // A follower's long poll at the log end offset is woken by the next append, and reads past
    // the HW; the HW then follows the slowest follower.
    const followerPoll = fetchPartition(leader, 'replicated', 0, 3, {
      ...asFollower(f1),
      maxWaitMs: 20_000,
    })
    const third = batch(['four', 'five'])
    assert.equal((await produce(leader, 'replicated', 0, third)).error, null)
    const replicated = await followerPoll
    assert.ok(replicated.records.equals(stamped([third], 3, leaderEpoch)))
    assert.equal(replicated.highWatermark, '3')
    await fetchPartition(leader, 'replicated', 0, 5, asFollower(f1))
    const last = await fetchPartition(leader, 'replicated', 0, 5, asFollower(f2))
    assert.equal(last.highWatermark, '5')
  })

  it('fences follower fetches it cannot trust', async (t) => {
    const { brokers } = await startCluster(t, 3)
    for (const b of brokers) b.running.replication.pauseFetching()
    await createTopic(brokers[0]!, 'fenced', 1, 2)
    const { leader, followers, replicas } = await leadership(brokers, 'fenced')
    const epochs = await brokerEpochs(leader)
    const f = followers[0]!
    assert.equal(await logEndOffset(leader, 'fenced'), 0)

    // An older broker epoch: a previous incarnation of that broker (STALE_BROKER_EPOCH). Epochs
    // are metadata versions: the last broker to register has one whose predecessor is positive.
    const [newest, newestEpoch] = [...epochs].reduce((a, b) =>
      Number(a[1]) > Number(b[1]) ? a : b,
    )
    assert.ok(Number(newestEpoch) > 1)
    const stale = await fetchRaw(
      leader,
      { replicaId: newest, replicaEpoch: String(Number(newestEpoch) - 1) },
      [{ topic: 'fenced', partition: 0, fetchOffset: 0 }],
    )
    assert.equal(stale.error?.code, 77)
    assert.equal(stale.topics[0]?.partitions[0]?.error?.code, 77)

    // A broker that is not a replica of the partition.
    const outsider = brokers.find((b) => !replicas.includes(b.brokerId))!
    const notReplica = await fetchPartition(leader, 'fenced', 0, 0, {
      replicaId: outsider.brokerId,
    })
    assert.equal(notReplica.error?.code, 6)

    // A last fetched epoch this log never had: the end of that epoch is unknown here.
    const unknownEpoch = await fetchPartition(leader, 'fenced', 0, 0, {
      replicaId: f.brokerId,
      lastFetchedEpoch: 7,
    })
    assert.equal(unknownEpoch.error?.code, 1)

    // A current leader epoch newer than the leader's: UNKNOWN_LEADER_EPOCH.
    const future = await fetchPartition(leader, 'fenced', 0, 0, { currentLeaderEpoch: 9 })
    assert.equal(future.error?.code, 75)
    assert.deepEqual(future.currentLeader, { leaderId: leader.brokerId, leaderEpoch: 0 })
    const offsets = await unary(leader.client, leader.client.listOffsets, {
      replicaId: -1,
      topics: [
        { topic: 'fenced', partitions: [{ partition: 0, currentLeaderEpoch: 9, timestamp: '-1' }] },
      ],
    })
    assert.equal(offsets.topics[0]?.partitions[0]?.error?.code, 75)
  })
})
