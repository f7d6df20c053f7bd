import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { decodeRecordBatches, unary } from '@samsa/protocol'
import { DelayedOperation } from '../src/index.js'
import {
  batch,
  createTopic,
  fetchPartition,
  leadership,
  listOffset,
  logEndOffset,
  produce,
  stamped,
} from './data-helpers.js'
import { startCluster, waitFor } from './helpers.js'

describe('produce and fetch on one broker', () => {
  it('appends acks=1 batches at consecutive offsets and serves the same bytes, stamped', async (t) => {
    const { brokers } = await startCluster(t, 1)
    await createTopic(brokers[0]!, 'events', 1, 1)
    const { leader: b, leaderEpoch } = await leadership(brokers, 'events')

    const first = batch([
      { key: 'k1', value: 'v1', headers: [{ key: 'h', value: 'x' }], timestamp: 1_000 },
      { value: 'v2', timestamp: 1_001 },
    ])
    const second = batch(['a', 'b', 'c'].map((value, i) => ({ value, timestamp: 2_000 + i })))
    const thirdA = batch([{ value: 'd', timestamp: 3_000 }])
    const thirdB = batch([
      { value: 'e', timestamp: 3_001 },
      { value: 'f', timestamp: 3_002 },
    ])

    const r1 = await produce(b, 'events', 0, first)
    assert.deepEqual([r1.error, r1.baseOffset, r1.logStartOffset], [null, '0', '0'])
    const r2 = await produce(b, 'events', 0, second)
    assert.deepEqual([r2.error, r2.baseOffset], [null, '2'])
    // Two batches in one request: offsets continue across batches and requests.
    const r3 = await produce(b, 'events', 0, Buffer.concat([thirdA, thirdB]))
    assert.deepEqual([r3.error, r3.baseOffset], [null, '5'])

    const all = await fetchPartition(b, 'events', 0, 0)
    assert.equal(all.error, null)
    assert.equal(all.highWatermark, '8')
    assert.equal(all.lastStableOffset, '8')
    assert.equal(all.logStartOffset, '0')
    // Byte for byte what was produced, with only the offsets and the leader epoch stamped.
    assert.ok(all.records.equals(stamped([first, second, thirdA, thirdB], 0, leaderEpoch)))
    const decoded = decodeRecordBatches(all.records)
    assert.deepEqual(
      decoded.flatMap((d) => d.records.map((r) => [r.offset, r.value?.toString()])),
      [
        [0n, 'v1'],
        [1n, 'v2'],
        [2n, 'a'],
        [3n, 'b'],
        [4n, 'c'],
        [5n, 'd'],
        [6n, 'e'],
        [7n, 'f'],
      ],
    )
    assert.equal(decoded[0]!.records[0]!.key?.toString(), 'k1')
    assert.deepEqual(decoded[0]!.records[0]!.headers, [{ key: 'h', value: Buffer.from('x') }])

    // An offset inside a batch returns that whole batch (the consumer skips what it has).
    const mid = await fetchPartition(b, 'events', 0, 3)
    assert.ok(mid.records.equals(stamped([second, thirdA, thirdB], 2, leaderEpoch)))
    // partition_max_bytes: at least one batch, then whole batches that fit.
    const one = await fetchPartition(b, 'events', 0, 0, { partitionMaxBytes: 1 })
    assert.ok(one.records.equals(stamped([first], 0, leaderEpoch)))
    const two = await fetchPartition(b, 'events', 0, 0, {
      partitionMaxBytes: first.length + second.length,
    })
    assert.ok(two.records.equals(stamped([first, second], 0, leaderEpoch)))
    // max_bytes bounds the response the same way.
    const bounded = await fetchPartition(b, 'events', 0, 0, { maxBytes: first.length + 1 })
    assert.ok(bounded.records.equals(stamped([first], 0, leaderEpoch)))
    // At the high watermark: nothing yet, no error.
    const atEnd = await fetchPartition(b, 'events', 0, 8)
    assert.deepEqual([atEnd.error, atEnd.records.length, atEnd.highWatermark], [null, 0, '8'])

    // ListOffsets: earliest, latest (the HW), by timestamp.
    const earliest = await listOffset(b, 'events', 0, -2)
    assert.deepEqual([earliest.error, earliest.offset], [null, '0'])
    const latest = await listOffset(b, 'events', 0, -1)
    assert.deepEqual([latest.error, latest.offset, latest.leaderEpoch], [null, '8', leaderEpoch])
    const byTime = await listOffset(b, 'events', 0, 2_000)
    assert.deepEqual([byTime.error, byTime.offset], [null, '2'])
    const tooLate = await listOffset(b, 'events', 0, 9_000_000_000_000)
    assert.deepEqual([tooLate.error, tooLate.offset], [null, '-1'])

    // acks=0 answers without offsets, and the records are appended all the same.
    const r4 = await produce(b, 'events', 0, batch(['g']), { acks: 0 })
    assert.deepEqual([r4.error, r4.baseOffset], [null, '-1'])
    assert.equal(await logEndOffset(b, 'events'), 9)
  })

  it('answers a consumer waiting on an empty partition as soon as a record is produced', async (t) => {
    const { brokers } = await startCluster(t, 1)
    await createTopic(brokers[0]!, 'waiting', 2, 1)
    const { leader: b, leaderEpoch } = await leadership(brokers, 'waiting')

    const started = performance.now()
    const polling = fetchPartition(b, 'waiting', 0, 0, {
      maxWaitMs: 5_000,
      minBytes: 1,
      currentLeaderEpoch: leaderEpoch,
    })
    const record = batch(['late'])
    // The one fixed delay the data-path issue specifies: produce 200 ms into the long poll.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const produced = await produce(b, 'waiting', 0, record)
    assert.equal(produced.error, null)
    const answer = await polling
    const elapsed = performance.now() - started
    assert.equal(answer.error, null)
    assert.ok(answer.records.equals(stamped([record], 0, leaderEpoch)))
    assert.equal(answer.highWatermark, '1')
    assert.ok(elapsed >= 190, `answered after ${elapsed} ms, before the record existed`)
    assert.ok(elapsed < 2_500, `answered after ${elapsed} ms: the produce did not wake the poll`)

    // With nothing produced, the poll lasts max_wait_ms and answers empty.
    const emptyStart = performance.now()
    const empty = await fetchPartition(b, 'waiting', 1, 0, { maxWaitMs: 300 })
    assert.deepEqual([empty.error, empty.records.length], [null, 0])
    assert.ok(performance.now() - emptyStart >= 290)
  })

  it('drops a long poll whose caller gave up, and answers the next one', async (t) => {
    const { brokers } = await startCluster(t, 1)
    await createTopic(brokers[0]!, 'abandoned', 1, 1)
    const { leader: b } = await leadership(brokers, 'abandoned')
    const cancel = t.mock.method(DelayedOperation.prototype, 'cancel')
    const gaveUp = unary(
      b.client,
      b.client.fetch,
      {
        replicaId: -1,
        maxWaitMs: 30_000,
        minBytes: 1,
        topics: [
          {
            topic: 'abandoned',
            partitions: [{ partition: 0, fetchOffset: '0', currentLeaderEpoch: -1 }],
          },
        ],
      },
      { timeoutMs: 200 },
    )
    await assert.rejects(gaveUp, { code: 'REQUEST_TIMED_OUT' })
    await waitFor('the broker to drop the abandoned fetch', () => cancel.mock.callCount() === 1)
    const record = batch(['after'])
    assert.equal((await produce(b, 'abandoned', 0, record)).error, null)
    const next = await fetchPartition(b, 'abandoned', 0, 0, { maxWaitMs: 5_000 })
    assert.equal(next.records.length, record.length)
  })
})
