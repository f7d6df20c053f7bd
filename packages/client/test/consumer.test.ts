import assert from 'node:assert/strict'
import { describe, it, type TestContext } from 'node:test'
import { buildRecordBatch } from '@samsa/protocol'
import {
  type Consumer,
  type ConsumerOptions,
  DEFAULT_RETRY,
  type EachBatchPayload,
  type KafkaMessage,
  Samsa,
  SamsaError,
} from '../src/index.js'
import { FakeDataCluster } from './fake-data-cluster.js'

const fastRetry = { ...DEFAULT_RETRY, initialRetryTime: 5, maxRetryTime: 20 }

interface Setup {
  fake: FakeDataCluster
  samsa: Samsa
  consumer: Consumer
}

async function setup(
  t: TestContext,
  options: ConsumerOptions = {},
  partitions = 3,
): Promise<Setup> {
  const fake = new FakeDataCluster()
  const addresses = await fake.start(t)
  fake.createTopic('t', partitions)
  const samsa = new Samsa({ clientId: 'test', brokers: [addresses[0]!], retry: fastRetry })
  const consumer = samsa.consumer({ maxWaitTimeInMs: 1_000, ...options })
  await consumer.connect()
  t.after(() => consumer.disconnect())
  return { fake, samsa, consumer }
}

/** Appends one batch of `count` records `<prefix><i>` to a partition. */
function appendRecords(fake: FakeDataCluster, partition: number, count: number, prefix = 'v') {
  fake.append(
    't',
    partition,
    buildRecordBatch(
      Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: `${prefix}${i}` })),
    ),
  )
}

interface Received {
  topic: string
  partition: number
  message: KafkaMessage
}

/** Runs `consumer` with eachMessage collecting into the returned list. */
async function collect(consumer: Consumer): Promise<Received[]> {
  const received: Received[] = []
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      received.push({ topic, partition, message })
    },
  })
  return received
}

async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('Consumer', () => {
  it('refuses a groupId with UNSUPPORTED_VERSION until consumer groups arrive', () => {
    const samsa = new Samsa({ brokers: ['127.0.0.1:1'] })
    assert.throws(
      () => samsa.consumer({ groupId: 'g' }),
      (err: SamsaError) =>
        err instanceof SamsaError &&
        err.code === 'UNSUPPORTED_VERSION' &&
        /consumer groups/i.test(err.message),
    )
  })

  it('reads assigned partitions from the beginning, in offset order per partition', async (t) => {
    const { fake, consumer } = await setup(t)
    for (const p of [0, 1, 2]) {
      appendRecords(fake, p, 5, `a${p}-`)
      appendRecords(fake, p, 5, `b${p}-`)
    }
    await consumer.assign(
      [0, 1, 2].map((partition) => ({ topic: 't', partition })),
      { fromBeginning: true },
    )
    const received = await collect(consumer)
    await until('30 records', () => received.length === 30)
    for (const p of [0, 1, 2]) {
      const mine = received.filter((r) => r.partition === p)
      assert.deepEqual(
        mine.map((r) => r.message.offset),
        Array.from({ length: 10 }, (_, i) => BigInt(i)),
      )
      assert.deepEqual(
        mine.map((r) => r.message.value?.toString()),
        [0, 1, 2, 3, 4].map((i) => `a${p}-${i}`).concat([0, 1, 2, 3, 4].map((i) => `b${p}-${i}`)),
      )
    }
    assert.equal(typeof received[0]!.message.offset, 'bigint')
  })

  it('keeps keys, values, headers and timestamps byte for byte', async (t) => {
    const { fake, samsa, consumer } = await setup(t)
    const producer = samsa.producer({ acks: 1 })
    t.after(() => producer.disconnect())
    const key = Buffer.from([0, 1, 255])
    await producer.send({
      topic: 't',
      messages: [
        {
          key,
          value: Buffer.from([200, 201]),
          partition: 1,
          timestamp: 1_700_000_000_999,
          headers: { a: Buffer.from([7]), dup: ['x', 'y'], nil: null },
        },
      ],
    })
    assert.equal(fake.records('t', 1).length, 1)
    await consumer.assign([{ topic: 't', partition: 1, offset: 0 }])
    const received = await collect(consumer)
    await until('the record', () => received.length === 1)
    const { message } = received[0]!
    assert.deepEqual(message.key, key)
    assert.deepEqual(message.value, Buffer.from([200, 201]))
    assert.equal(message.timestamp, 1_700_000_000_999)
    assert.deepEqual(message.headers, {
      a: Buffer.from([7]),
      dup: [Buffer.from('x'), Buffer.from('y')],
      nil: null,
    })
  })

  it('skips the records of the first batch that lie below the fetch offset', async (t) => {
    const { fake, consumer } = await setup(t)
    appendRecords(fake, 0, 10)
    await consumer.assign([{ topic: 't', partition: 0 }])
    consumer.seek({ topic: 't', partition: 0, offset: '4' })
    const received = await collect(consumer)
    await until('six records', () => received.length === 6)
    assert.deepEqual(
      received.map((r) => r.message.offset),
      [4n, 5n, 6n, 7n, 8n, 9n],
    )
  })

  it('starts at the high watermark by default, reading only new records', async (t) => {
    const { fake, consumer } = await setup(t)
    appendRecords(fake, 0, 3, 'old')
    let started = false
    consumer.on(consumer.events.FETCH_START, () => {
      started = true
    })
    await consumer.subscribe({ topics: ['t'] })
    const received = await collect(consumer)
    await until('a fetch', () => started)
    appendRecords(fake, 0, 2, 'new')
    await until('two records', () => received.length === 2)
    assert.deepEqual(
      received.map((r) => [r.message.offset, r.message.value?.toString()]),
      [
        [3n, 'new0'],
        [4n, 'new1'],
      ],
    )
  })

  it('long-polls: a record produced 200 ms into a Fetch comes back in that same Fetch', async (t) => {
    const { fake, consumer } = await setup(t, { maxWaitTimeInMs: 5_000 }, 1)
    const fetchesDone: number[] = []
    consumer.on(consumer.events.FETCH, (e) => fetchesDone.push(e.payload.duration))
    await consumer.assign([{ topic: 't', partition: 0 }])
    const fetchesAtReceipt: number[] = []
    await consumer.run({
      eachMessage: async () => {
        fetchesAtReceipt.push(fake.fetches.length, fetchesDone.length)
      },
    })
    await until('the first fetch', () => fake.fetches.length === 1)
    await new Promise((resolve) => setTimeout(resolve, 200))
    appendRecords(fake, 0, 1)
    await until('the record', () => fetchesAtReceipt.length > 0)
    // One Fetch sent and one answered when the record arrived: the long poll that was waiting.
    assert.deepEqual(fetchesAtReceipt, [1, 1])
    assert.ok(fetchesDone[0]! >= 150 && fetchesDone[0]! < 5_000)
  })

  it('sends one Fetch per leader broker, carrying all of its partitions', async (t) => {
    const { fake, consumer } = await setup(t, {}, 6)
    await consumer.subscribe({ topics: ['t'], fromBeginning: true })
    await collect(consumer)
    await until('three fetches', () => fake.fetches.length >= 3)
    const first = new Map<number, number[]>()
    for (const { broker, request } of fake.fetches.slice(0, 3)) {
      first.set(broker, request.topics.flatMap((t) => t.partitions.map((p) => p.partition)).sort())
    }
    assert.deepEqual([...first].sort(), [
      [1, [0, 3]],
      [2, [1, 4]],
      [3, [2, 5]],
    ])
  })

  it('follows a leader change: NOT_LEADER_OR_FOLLOWER re-routes to the new leader', async (t) => {
    const { fake, consumer } = await setup(t, {}, 1)
    appendRecords(fake, 0, 3, 'a')
    await consumer.assign([{ topic: 't', partition: 0 }], { fromBeginning: true })
    const received = await collect(consumer)
    await until('three records', () => received.length === 3)
    fake.metadataFollowsLeaders = false
    fake.moveLeader('t', 0, 2)
    appendRecords(fake, 0, 3, 'b')
    await until('six records', () => received.length === 6)
    assert.deepEqual(
      received.map((r) => r.message.offset),
      [0n, 1n, 2n, 3n, 4n, 5n],
    )
    assert.ok(fake.fetches.some((f) => f.broker === 2))
  })

  it('refreshes metadata on FENCED_LEADER_EPOCH and fetches from the leader it names', async (t) => {
    const { fake, consumer } = await setup(t, {}, 1)
    fake.moveLeader('t', 0, 3)
    fake.inject({ rpc: 'Fetch', topic: 't', partition: 0, code: 'FENCED_LEADER_EPOCH' })
    appendRecords(fake, 0, 2)
    await consumer.assign([{ topic: 't', partition: 0, offset: 0 }])
    const received = await collect(consumer)
    await until('two records', () => received.length === 2)
    assert.equal(fake.fetches.at(-1)?.broker, 3)
  })

  for (const fromBeginning of [true, false]) {
    it(`restarts at the ${fromBeginning ? 'log start' : 'high watermark'} on OFFSET_OUT_OF_RANGE (fromBeginning: ${fromBeginning})`, async (t) => {
      const { fake, consumer } = await setup(t, {}, 1)
      appendRecords(fake, 0, 4, 'a')
      await consumer.assign([{ topic: 't', partition: 0, offset: 1_000 }], { fromBeginning })
      const received = await collect(consumer)
      if (fromBeginning) {
        await until('four records', () => received.length === 4)
        assert.equal(received[0]!.message.offset, 0n)
      } else {
        await until('a second fetch', () => fake.fetches.length >= 2)
        appendRecords(fake, 0, 1, 'b')
        await until('the new record', () => received.length === 1)
        assert.equal(received[0]!.message.offset, 4n)
      }
    })
  }

  it('hands eachBatch one batch per partition per fetch, with exact offsets and lag', async (t) => {
    const { fake, consumer } = await setup(t, { maxBytesPerPartition: 1 }, 1)
    appendRecords(fake, 0, 3)
    appendRecords(fake, 0, 2)
    const batches: { offsets: bigint[]; hw: bigint; lag: bigint }[] = []
    await consumer.assign([{ topic: 't', partition: 0 }], { fromBeginning: true })
    await consumer.run({
      eachBatch: async ({ batch }: EachBatchPayload) => {
        batches.push({
          offsets: batch.messages.map((m) => m.offset),
          hw: batch.highWatermark,
          lag: batch.offsetLag(),
        })
      },
    })
    await until('two batches', () => batches.length === 2)
    assert.deepEqual(batches, [
      { offsets: [0n, 1n, 2n], hw: 5n, lag: 2n },
      { offsets: [3n, 4n], hw: 5n, lag: 0n },
    ])
  })

  it('reads a batch larger than maxBytesPerPartition by asking for more', async (t) => {
    const { fake, consumer } = await setup(t, { maxBytesPerPartition: 64 }, 1)
    appendRecords(fake, 0, 1, 'x'.repeat(100))
    fake.partialBatches = true
    await consumer.assign([{ topic: 't', partition: 0, offset: 0 }])
    const received = await collect(consumer)
    await until('the record', () => received.length === 1)
    assert.deepEqual(
      fake.fetches.slice(0, 3).map((f) => f.request.topics[0]!.partitions[0]!.partitionMaxBytes),
      [64, 128, 256],
    )
  })

  it('pauses a partition until resumed', async (t) => {
    const { fake, consumer } = await setup(t, {}, 2)
    await consumer.assign(
      [0, 1].map((partition) => ({ topic: 't', partition })),
      { fromBeginning: true },
    )
    consumer.pause([{ topic: 't', partitions: [0] }])
    assert.deepEqual(consumer.paused(), [{ topic: 't', partitions: [0] }])
    appendRecords(fake, 0, 1)
    appendRecords(fake, 1, 1)
    const received = await collect(consumer)
    await until('partition 1', () => received.length === 1)
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.deepEqual(
      received.map((r) => r.partition),
      [1],
    )
    consumer.resume([{ topic: 't' }])
    await until('partition 0', () => received.length === 2)
    assert.equal(received[1]!.partition, 0)
  })

  it('redelivers a record whose handler threw, then crashes after retry.retries failures', async (t) => {
    const { fake, consumer } = await setup(t, { retry: { ...fastRetry, retries: 2 } }, 1)
    appendRecords(fake, 0, 2)
    const seen: bigint[] = []
    let crash: Error | undefined
    consumer.on(consumer.events.CRASH, (e) => {
      crash = e.payload.error
    })
    await consumer.assign([{ topic: 't', partition: 0, offset: 0 }])
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push(message.offset)
        if (message.offset === 1n) throw new Error('boom')
      },
    })
    await until('the crash', () => crash !== undefined)
    assert.equal(crash?.message, 'boom')
    assert.deepEqual(seen, [0n, 1n, 1n, 1n])
  })

  it('stops from inside eachMessage without waiting for itself', async (t) => {
    const { fake, consumer } = await setup(t, {}, 1)
    appendRecords(fake, 0, 5)
    const seen: bigint[] = []
    let stopped = false
    consumer.on(consumer.events.STOP, () => {
      stopped = true
    })
    await consumer.assign([{ topic: 't', partition: 0, offset: 0 }])
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push(message.offset)
        if (message.offset === 1n) await consumer.stop()
      },
    })
    await until('the stop', () => stopped)
    assert.deepEqual(seen, [0n, 1n])
    // Stopped for good: it can run again, from where it was.
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push(message.offset)
      },
    })
    await until('the rest', () => seen.length === 5)
    assert.deepEqual(seen, [0n, 1n, 2n, 3n, 4n])
  })

  it('rejects assign() of a partition that does not exist', async (t) => {
    const { consumer } = await setup(t, { retry: { ...fastRetry, retries: 1 } }, 1)
    await assert.rejects(
      consumer.assign([{ topic: 't', partition: 3 }]),
      (err: SamsaError) => err.code === 'UNKNOWN_TOPIC_OR_PARTITION',
    )
  })
})

describe('Admin.fetchTopicOffsets', () => {
  it("gives each partition's high watermark and log start as bigints", async (t) => {
    const fake = new FakeDataCluster()
    const addresses = await fake.start(t)
    fake.createTopic('t', 2)
    appendRecords(fake, 0, 5)
    appendRecords(fake, 1, 2)
    fake.truncateStart('t', 0, 2)
    const admin = new Samsa({ brokers: [addresses[1]!], retry: fastRetry }).admin()
    t.after(() => admin.disconnect())
    assert.deepEqual(await admin.fetchTopicOffsets('t'), [
      { partition: 0, offset: 5n, high: 5n, low: 2n },
      { partition: 1, offset: 2n, high: 2n, low: 0n },
    ])
  })
})
