import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import { BatchField, crc32c, unary } from '@samsa/protocol'
import {
  batch,
  createTopic,
  fetchPartition,
  leadership,
  produce,
  snapshot,
} from './data-helpers.js'
import { metadata, startCluster } from './helpers.js'

/** Sets the batch's CRC to match its bytes again (after a deliberate edit). */
function fixCrc(b: Buffer): Buffer {
  b.writeUInt32BE(crc32c(b, BatchField.attributes), BatchField.crc)
  return b
}

describe('bad data-path requests', () => {
  it('get the right error code, leave the log unchanged, and never stop the broker', async (t) => {
    const { brokers } = await startCluster(t, 2)
    await createTopic(brokers[0]!, 'good', 1, 1, { 'max.message.bytes': '2000' })
    await createTopic(brokers[0]!, 'shared', 1, 2)
    const { leader: b } = await leadership(brokers, 'good')
    assert.equal((await produce(b, 'good', 0, batch(['kept-1', 'kept-2']))).error, null)
    const before = await snapshot(b, 'good')
    assert.equal(before.logEndOffset, 2)

    const refusals: Array<[string, Buffer, number[]]> = []
    const corruptCrc = batch(['a', 'b'])
    corruptCrc[corruptCrc.length - 2]! ^= 0xff
    refusals.push(['a corrupt CRC', corruptCrc, [2]]) // CORRUPT_MESSAGE
    const big = batch([{ value: Buffer.alloc(3_000, 1) }])
    refusals.push(['a batch over max.message.bytes', big, [10]]) // MESSAGE_TOO_LARGE
    refusals.push([
      'a good batch followed by one over max.message.bytes',
      Buffer.concat([batch(['fine']), big]),
      [10],
    ])
    const miscounted = batch(['x', 'y'])
    miscounted.writeInt32BE(3, BatchField.recordCount)
    refusals.push(['a record count that disagrees with the records', fixCrc(miscounted), [2, 87]])
    refusals.push(['random bytes', randomBytes(300), [2, 87]])
    refusals.push(['fewer bytes than a batch header', randomBytes(20), [2, 87]])
    const torn = batch(['p', 'q'])
    refusals.push([
      'a good batch and a torn one',
      Buffer.concat([batch(['fine']), torn.subarray(0, torn.length - 3)]),
      [2],
    ])
    const wrongMagic = batch(['m'])
    wrongMagic.writeInt8(1, BatchField.magic)
    refusals.push(['magic 1', wrongMagic, [2]])
    refusals.push(['no records at all', Buffer.alloc(0), [2, 87]])

    for (const [what, records, codes] of refusals) {
      const res = await produce(b, 'good', 0, records)
      assert.ok(
        codes.includes(res.error?.code ?? 0),
        `${what}: got ${res.error?.code} ${res.error?.message}`,
      )
      assert.ok(res.error?.message, `${what}: says why`)
      assert.equal(res.baseOffset, '-1')
      assert.deepEqual(await snapshot(b, 'good'), before, `${what}: the log is unchanged`)
    }

    // acks outside -1/0/1: nothing is appended, even a good batch.
    const acks2 = await unary(b.client, b.client.produce, {
      acks: 2,
      timeoutMs: 1_000,
      topics: [{ topic: 'good', partitions: [{ partition: 0, records: batch(['no']) }] }],
    })
    assert.equal(acks2.error?.code, 21) // INVALID_REQUIRED_ACKS
    assert.equal(acks2.topics[0]?.partitions[0]?.error?.code, 21)
    assert.deepEqual(await snapshot(b, 'good'), before)

    // Unknown topic, negative or missing partition; one bad item does not stop the others.
    const mixed = await unary(b.client, b.client.produce, {
      acks: 1,
      timeoutMs: 1_000,
      topics: [
        { topic: 'no-such-topic', partitions: [{ partition: 0, records: batch(['u']) }] },
        {
          topic: 'good',
          partitions: [
            { partition: -1, records: batch(['n']) },
            { partition: 5, records: batch(['m']) },
            { partition: 0, records: batch(['accepted']) },
          ],
        },
      ],
    })
    assert.equal(mixed.error, null)
    assert.deepEqual(
      mixed.topics.flatMap((t) =>
        t.partitions.map((p) => [t.topic, p.partition, p.error?.code ?? 0]),
      ),
      [
        ['no-such-topic', 0, 3],
        ['good', -1, 3],
        ['good', 5, 3],
        ['good', 0, 0],
      ],
    )
    const after = await snapshot(b, 'good')
    assert.equal(after.logEndOffset, 3)
    assert.ok(after.records.subarray(0, before.records.length).equals(before.records))

    // Fetch: out of range (past the end, negative), unknown topic and partitions.
    const past = await fetchPartition(b, 'good', 0, 1_000)
    assert.deepEqual(
      [past.error?.code, past.highWatermark, past.logStartOffset, past.records.length],
      [1, '3', '0', 0],
    )
    assert.equal((await fetchPartition(b, 'good', 0, -5)).error?.code, 1)
    assert.equal((await fetchPartition(b, 'good', 0, '99999999999999999999')).error?.code, 1)
    assert.equal((await fetchPartition(b, 'no-such-topic', 0, 0)).error?.code, 3)
    assert.equal((await fetchPartition(b, 'good', -1, 0)).error?.code, 3)
    assert.equal((await fetchPartition(b, 'good', 5, 0)).error?.code, 3)

    // A partition led elsewhere: NOT_LEADER_OR_FOLLOWER naming the leader, for a follower and
    // for a broker that does not host the partition at all.
    const shared = await leadership(brokers, 'shared')
    const toFollower = await produce(shared.followers[0]!, 'shared', 0, batch(['f']))
    assert.equal(toFollower.error?.code, 6)
    assert.deepEqual(toFollower.currentLeader, {
      leaderId: shared.leader.brokerId,
      leaderEpoch: shared.leaderEpoch,
    })
    const other = brokers.find((x) => x.brokerId !== b.brokerId)!
    const elsewhere = await produce(other, 'good', 0, batch(['e']))
    assert.equal(elsewhere.error?.code, 6)
    assert.equal(elsewhere.currentLeader?.leaderId, b.brokerId)
    const fetchElsewhere = await fetchPartition(other, 'good', 0, 0)
    assert.equal(fetchElsewhere.error?.code, 6)
    assert.equal(fetchElsewhere.currentLeader?.leaderId, b.brokerId)
    assert.equal((await snapshot(shared.leader, 'shared')).logEndOffset, 0)

    // Still serving.
    assert.equal((await metadata(b)).error, null)
    assert.equal((await produce(b, 'good', 0, batch(['still-here']))).error, null)
  })
})
