import assert from 'node:assert/strict'
import { describe, it, type TestContext } from 'node:test'
import { partitionForKey } from '@samsa/protocol'
import {
  DEFAULT_RETRY,
  MessageTooLargeError,
  type Producer,
  type ProducerOptions,
  Samsa,
  SamsaError,
} from '../src/index.js'
import { FakeDataCluster } from './fake-data-cluster.js'

const fastRetry = { ...DEFAULT_RETRY, initialRetryTime: 5, maxRetryTime: 20 }

interface Setup {
  fake: FakeDataCluster
  producer: Producer
}

/** Three fake brokers, topic `t` with `partitions` partitions led round-robin, a producer. */
async function setup(
  t: TestContext,
  options: ProducerOptions = {},
  partitions = 6,
  leaderOf?: (p: number) => number,
): Promise<Setup> {
  const fake = new FakeDataCluster()
  const addresses = await fake.start(t)
  fake.createTopic('t', partitions, leaderOf)
  const samsa = new Samsa({ clientId: 'test', brokers: [addresses[0]!], retry: fastRetry })
  const producer = samsa.producer({ acks: 1, ...options })
  await producer.connect()
  t.after(() => producer.disconnect())
  return { fake, producer }
}

/** The value of each record in a partition's log, as text. */
function values(fake: FakeDataCluster, partition: number, topic = 't'): string[] {
  return fake.records(topic, partition).map((r) => r.value!.toString())
}

/** Partition of each record by its value `v<i>`, for i in 0..count-1. */
function partitionOfEach(fake: FakeDataCluster, count: number, partitions = 6): number[] {
  const where: number[] = Array(count).fill(-1)
  for (let p = 0; p < partitions; p++) {
    for (const v of values(fake, p)) where[Number.parseInt(v.slice(1), 10)] = p
  }
  return where
}

function runs(list: readonly number[]): { value: number; length: number }[] {
  const out: { value: number; length: number }[] = []
  for (const v of list) {
    const last = out.at(-1)
    if (last?.value === v) last.length++
    else out.push({ value: v, length: 1 })
  }
  return out
}

const value100 = (i: number) => `v${i}`.padEnd(100, '.')

describe('Producer', () => {
  describe('partitioning', () => {
    it("sends a keyed record to Kafka's murmur2 partition, (h & 0x7fffffff) % n", async (t) => {
      const { fake, producer } = await setup(t)
      const keys = Array.from({ length: 300 }, (_, i) => `key-${i}`)
      await producer.send({ topic: 't', messages: keys.map((key) => ({ key, value: key })) })
      for (let p = 0; p < 6; p++) {
        const expected = keys.filter((k) => partitionForKey(k, 6) === p)
        assert.deepEqual(values(fake, p), expected, `partition ${p}`)
        assert.ok(expected.length > 0)
      }
    })

    it('spreads records without a key evenly, round-robin', async (t) => {
      const { fake, producer } = await setup(t)
      await producer.send({
        topic: 't',
        messages: Array.from({ length: 600 }, (_, i) => ({ value: `v${i}` })),
      })
      const where = partitionOfEach(fake, 600)
      for (let p = 0; p < 6; p++) assert.equal(where.filter((w) => w === p).length, 100)
      for (let i = 1; i < 600; i++) assert.equal(where[i], (where[i - 1]! + 1) % 6)
    })

    it('writes to an explicit partition whatever the key', async (t) => {
      const { fake, producer } = await setup(t)
      const [meta] = await producer.send({
        topic: 't',
        messages: [{ key: 'key-1', value: 'x', partition: 4 }],
      })
      assert.equal(meta?.partition, 4)
      assert.deepEqual(values(fake, 4), ['x'])
    })

    it('sticky (KIP-480): fills one partition until its batch is complete, then moves on', async (t) => {
      // 100-byte values: 7 records fill a 1000-byte batch; a long linger keeps batches open.
      const { fake, producer } = await setup(t, {
        partitioner: 'sticky',
        batchSize: 1000,
        lingerMs: 60_000,
      })
      await producer.send({
        topic: 't',
        messages: Array.from({ length: 40 }, (_, i) => ({ value: value100(i) })),
      })
      const found = runs(partitionOfEach(fake, 40).map((p) => p))
      assert.deepEqual(
        found.map((r) => r.length),
        [7, 7, 7, 7, 7, 5],
      )
      for (let i = 1; i < found.length; i++) assert.notEqual(found[i]!.value, found[i - 1]!.value)
      const batches = fake.produces.flatMap((r) => r.partitions.flatMap((p) => p.batches))
      assert.deepEqual(batches.map((b) => b.length).sort(), [5, 7, 7, 7, 7, 7])
    })

    it('rejects an explicit partition the topic does not have with UNKNOWN_TOPIC_OR_PARTITION', async (t) => {
      const { fake, producer } = await setup(t)
      await assert.rejects(
        producer.send({ topic: 't', messages: [{ value: 'x', partition: 6 }] }),
        (err: SamsaError) => err.code === 'UNKNOWN_TOPIC_OR_PARTITION',
      )
      assert.equal(fake.produces.length, 0)
    })
  })

  describe('batching', () => {
    it('closes a batch at batchSize bytes and sends every batch of the partition', async (t) => {
      const { fake, producer } = await setup(t, { batchSize: 1000, lingerMs: 60_000 })
      await producer.send({
        topic: 't',
        messages: Array.from({ length: 20 }, (_, i) => ({ value: value100(i), partition: 0 })),
      })
      assert.equal(fake.produces.length, 1)
      assert.deepEqual(
        fake.produces[0]!.partitions[0]!.batches.map((b) => b.length),
        [7, 7, 6],
      )
      assert.deepEqual(
        values(fake, 0),
        Array.from({ length: 20 }, (_, i) => value100(i)),
      )
    })

    it('waits lingerMs for more records, then sends them in one batch', async (t) => {
      const { fake, producer } = await setup(t, { lingerMs: 200 })
      let firstDone = false
      const first = producer.send({ topic: 't', messages: [{ value: 'a', partition: 1 }] })
      void first.then(() => {
        firstDone = true
      })
      await new Promise((resolve) => setTimeout(resolve, 20))
      assert.equal(firstDone, false)
      const second = producer.send({ topic: 't', messages: [{ value: 'b', partition: 1 }] })
      const [[a], [b]] = await Promise.all([first, second])
      assert.equal(fake.produces.length, 1)
      assert.deepEqual(
        fake.produces[0]!.partitions.map((p) => p.batches.map((batch) => batch.length)),
        [[2]],
      )
      assert.equal(a?.baseOffset, 0n)
      assert.equal(b?.baseOffset, 1n)
    })

    it("sends one Produce request per leader broker, carrying all of that broker's partitions", async (t) => {
      const { fake, producer } = await setup(t, { lingerMs: 0 })
      const result = await producer.send({
        topic: 't',
        messages: Array.from({ length: 6 }, (_, p) => ({ value: `p${p}`, partition: p })),
      })
      assert.equal(result.length, 6)
      assert.deepEqual(
        fake.produces.map((r) => [r.broker, r.partitions.map((p) => p.partition).sort()]).sort(),
        [
          [1, [0, 3]],
          [2, [1, 4]],
          [3, [2, 5]],
        ],
      )
    })

    it('keeps at most maxInFlightRequests requests in flight to one broker', async (t) => {
      const { fake, producer } = await setup(t, { lingerMs: 0, maxInFlightRequests: 2 }, 6, () => 1)
      let release!: () => void
      fake.produceGate = new Promise((resolve) => {
        release = resolve
      })
      const sends = []
      for (let p = 0; p < 6; p++) {
        sends.push(producer.send({ topic: 't', messages: [{ value: `p${p}`, partition: p }] }))
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      assert.equal(fake.inFlight.get(1), 2)
      release()
      await Promise.all(sends)
      assert.equal(fake.maxInFlight.get(1), 2)
      // The four that waited went together, in one request.
      assert.equal(fake.produces.length, 3)
      assert.equal(fake.produces[2]!.partitions.length, 4)
    })
  })

  describe('results', () => {
    it('resolves with the exact base offset of the first record of each partition', async (t) => {
      const { producer } = await setup(t)
      await producer.send({ topic: 't', messages: [{ value: 'a', partition: 2 }] })
      const result = await producer.send({
        topic: 't',
        messages: [
          { value: 'b', partition: 2 },
          { value: 'c', partition: 2 },
          { value: 'd', partition: 5 },
        ],
      })
      assert.deepEqual(result, [
        {
          topicName: 't',
          topic: 't',
          partition: 2,
          errorCode: 0,
          baseOffset: 1n,
          logAppendTime: -1,
          logStartOffset: 0n,
        },
        {
          topicName: 't',
          topic: 't',
          partition: 5,
          errorCode: 0,
          baseOffset: 0n,
          logAppendTime: -1,
          logStartOffset: 0n,
        },
      ])
    })

    it('gives each send its own offsets when sends share a batch', async (t) => {
      const { producer } = await setup(t, { lingerMs: 50 })
      const sends = Array.from({ length: 5 }, (_, i) =>
        producer.send({
          topic: 't',
          messages: Array.from({ length: i + 1 }, () => ({ value: 'x', partition: 0 })),
        }),
      )
      const offsets = (await Promise.all(sends)).map(([m]) => m!.baseOffset)
      assert.deepEqual(offsets, [0n, 1n, 3n, 6n, 10n])
    })

    it('resolves acks=0 sends with baseOffset -1', async (t) => {
      const { fake, producer } = await setup(t, { acks: 0 })
      const [meta] = await producer.send({ topic: 't', messages: [{ value: 'x', partition: 0 }] })
      assert.equal(meta?.baseOffset, -1n)
      assert.equal(fake.produces[0]?.acks, 0)
    })

    it('sends the waiting batches on disconnect', async (t) => {
      const { fake, producer } = await setup(t, { lingerMs: 60_000 })
      const sent = producer.send({ topic: 't', messages: [{ value: 'late', partition: 3 }] })
      await producer.disconnect()
      assert.equal((await sent)[0]?.baseOffset, 0n)
      assert.deepEqual(values(fake, 3), ['late'])
      await assert.rejects(
        producer.send({ topic: 't', messages: [{ value: 'x' }] }),
        /disconnected/,
      )
    })

    it('keeps keys, values, headers and timestamps byte for byte', async (t) => {
      const { fake, producer } = await setup(t)
      const key = Buffer.from([0, 255, 1, 254])
      await producer.send({
        topic: 't',
        messages: [
          {
            key,
            value: Buffer.from([9, 8, 7]),
            partition: 0,
            timestamp: '1700000000123',
            headers: { trace: Buffer.from([1, 2]), multi: ['a', 'b'], none: null },
          },
          { key: null, value: null, partition: 0, timestamp: 5 },
        ],
      })
      const [first, second] = fake.records('t', 0)
      assert.deepEqual(first?.key, key)
      assert.deepEqual(first?.value, Buffer.from([9, 8, 7]))
      assert.equal(first?.timestamp, 1700000000123)
      assert.deepEqual(first?.headers, [
        { key: 'trace', value: Buffer.from([1, 2]) },
        { key: 'multi', value: Buffer.from('a') },
        { key: 'multi', value: Buffer.from('b') },
        { key: 'none', value: null },
      ])
      assert.equal(second?.key, null)
      assert.equal(second?.value, null)
      assert.equal(second?.timestamp, 5)
    })
  })

  describe('retries', () => {
    it('re-sends to the leader a NOT_LEADER_OR_FOLLOWER answer names (KIP-951)', async (t) => {
      const { fake, producer } = await setup(t)
      fake.metadataFollowsLeaders = false
      fake.moveLeader('t', 0, 2)
      const [meta] = await producer.send({ topic: 't', messages: [{ value: 'x', partition: 0 }] })
      assert.equal(meta?.baseOffset, 0n)
      assert.deepEqual(
        fake.produces.map((r) => r.broker),
        [1, 2],
      )
    })

    it('refreshes metadata and re-routes on NOT_LEADER_OR_FOLLOWER without a named leader', async (t) => {
      const { fake, producer } = await setup(t)
      fake.moveLeader('t', 0, 3)
      fake.inject({ rpc: 'Produce', topic: 't', partition: 0, code: 'NOT_LEADER_OR_FOLLOWER' })
      await producer.send({ topic: 't', messages: [{ value: 'x', partition: 0 }] })
      assert.deepEqual(
        fake.produces.map((r) => r.broker),
        [1, 3],
      )
      assert.deepEqual(values(fake, 0), ['x'])
    })

    it("never reorders a partition's records across retries, with 5 requests in flight", async (t) => {
      const { fake, producer } = await setup(t, { lingerMs: 0, maxInFlightRequests: 5 }, 2)
      fake.inject({ rpc: 'Produce', topic: 't', partition: 0, code: 'REQUEST_TIMED_OUT', times: 2 })
      const sends = []
      for (let i = 0; i < 200; i++) {
        sends.push(producer.send({ topic: 't', messages: [{ value: `${i}`, partition: i % 2 }] }))
        if (i === 60) fake.moveLeader('t', 0, 3)
        if (i === 120) {
          fake.inject({ rpc: 'Produce', topic: 't', partition: 1, code: 'NOT_ENOUGH_REPLICAS' })
        }
        if (i % 7 === 0) await new Promise((resolve) => setImmediate(resolve))
      }
      await Promise.all(sends)
      for (const p of [0, 1]) {
        const expected = Array.from({ length: 100 }, (_, j) => `${2 * j + p}`)
        assert.deepEqual(values(fake, p), expected, `partition ${p}`)
      }
      assert.ok(fake.produces.some((r) => r.broker === 3))
    })

    it('rejects with the typed error class for a non-retriable error, without retrying', async (t) => {
      const { fake, producer } = await setup(t)
      fake.inject({ rpc: 'Produce', topic: 't', partition: 0, code: 'MESSAGE_TOO_LARGE' })
      await assert.rejects(
        producer.send({ topic: 't', messages: [{ value: 'big', partition: 0 }] }),
        (err: SamsaError) =>
          err instanceof MessageTooLargeError &&
          err.code === 'MESSAGE_TOO_LARGE' &&
          err.errorCode === 10 &&
          !err.retriable,
      )
      assert.equal(fake.produces.length, 1)
      assert.deepEqual(values(fake, 0), [])
    })

    it('gives up with the last retriable error after retry.retries', async (t) => {
      const { fake, producer } = await setup(t, { retry: { ...fastRetry, retries: 2 } })
      fake.inject({
        rpc: 'Produce',
        topic: 't',
        partition: 0,
        code: 'NOT_ENOUGH_REPLICAS',
        times: 100,
      })
      await assert.rejects(
        producer.send({ topic: 't', messages: [{ value: 'x', partition: 0 }] }),
        (err: SamsaError) =>
          err instanceof SamsaError && err.code === 'NOT_ENOUGH_REPLICAS' && err.retriable,
      )
      assert.equal(fake.produces.length, 3)
    })

    it('sends batches one by one after MESSAGE_TOO_LARGE, so only a too-large one would fail', async (t) => {
      const { fake, producer } = await setup(t, { batchSize: 1000, lingerMs: 60_000 })
      fake.inject({ rpc: 'Produce', topic: 't', partition: 0, code: 'MESSAGE_TOO_LARGE' })
      await producer.send({
        topic: 't',
        messages: Array.from({ length: 14 }, (_, i) => ({ value: value100(i), partition: 0 })),
      })
      assert.deepEqual(
        fake.produces.map((r) => r.partitions[0]!.batches.length),
        [2, 1, 1],
      )
      assert.equal(values(fake, 0).length, 14)
    })

    it('waits for a topic that is not known yet', async (t) => {
      const { fake, producer } = await setup(t, { retry: { ...fastRetry, retries: 20 } })
      setTimeout(() => fake.createTopic('later', 1), 30)
      const [meta] = await producer.send({ topic: 'later', messages: [{ value: 'x' }] })
      assert.equal(meta?.topic, 'later')
    })
  })
})
