import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { type Consumer, type KafkaMessage, type Message, type Producer, Samsa } from '@samsa/client'
import { partitionForKey } from '@samsa/protocol'
import {
  Cluster,
  describeTopics,
  pollUntil,
  samsa as samsaCli,
  samsaOk,
  samsaWithInput,
} from './helpers.js'

interface Received {
  partition: number
  message: KafkaMessage
}

/**
 * Reads `topic` from the beginning until `count` records arrived (or `timeoutMs` passed), then
 * stops. Resolves with the records in the order they were delivered.
 */
async function readAll(
  client: Samsa,
  topic: string,
  count: number,
  timeoutMs = 60_000,
): Promise<Received[]> {
  const consumer: Consumer = client.consumer()
  const received: Received[] = []
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true })
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) received.push({ partition: batch.partition, message })
      },
    })
    await pollUntil(
      `${count} records of ${topic}`,
      async () => (received.length >= count ? true : undefined),
      timeoutMs,
    )
  } finally {
    await consumer.disconnect()
  }
  return received
}

/** Sends `messages` in sends of `perSend`, at most `window` in flight, like a busy application. */
async function sendAll(
  producer: Producer,
  topic: string,
  messages: readonly Message[],
  perSend = 1_000,
  window = 32,
): Promise<void> {
  const pending = new Set<Promise<unknown>>()
  for (let i = 0; i < messages.length; i += perSend) {
    const sent = producer.send({ topic, messages: messages.slice(i, i + perSend) })
    pending.add(sent)
    void sent.then(
      () => pending.delete(sent),
      () => pending.delete(sent),
    )
    if (pending.size >= window) await Promise.race(pending)
  }
  await Promise.all(pending)
}

describe('data path: produce, fetch and offsets through real brokers (3 brokers, RF=1)', () => {
  const cluster = new Cluster(26090)
  let bootstrap = ''
  let client: Samsa

  before(async () => {
    bootstrap = await cluster.start()
    client = new Samsa({ clientId: 'e2e', brokers: bootstrap.split(',') })
  })
  after(() => cluster.destroy())

  async function createTopic(topic: string, partitions = 6): Promise<void> {
    const admin = client.admin()
    try {
      await admin.createTopics({
        topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
      })
    } finally {
      await admin.disconnect()
    }
  }

  it('brings 100,000 records back complete and in offset order per partition', async () => {
    await createTopic('bulk')
    const total = 100_000
    const producer = client.producer({ acks: 1 })
    try {
      await sendAll(
        producer,
        'bulk',
        Array.from({ length: total }, (_, i) => ({ value: String(i) })),
      )
    } finally {
      await producer.disconnect()
    }

    const received = await readAll(client, 'bulk', total)
    assert.equal(received.length, total)
    const seen = new Set<string>()
    const counts: number[] = []
    for (let p = 0; p < 6; p++) {
      const mine = received.filter((r) => r.partition === p)
      counts.push(mine.length)
      // Offsets 0..n-1 in order, and values in the order they were sent.
      mine.forEach((r, i) => {
        assert.equal(r.message.offset, BigInt(i), `partition ${p} record ${i}`)
      })
      const values = mine.map((r) => Number(r.message.value!.toString()))
      for (let i = 1; i < values.length; i++) assert.ok(values[i]! > values[i - 1]!)
      for (const r of mine) seen.add(r.message.value!.toString())
    }
    assert.equal(seen.size, total)
    // Records without a key spread evenly: round-robin gives each partition n/6, give or take one.
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `counts ${counts}`)

    const admin = client.admin()
    try {
      const offsets = await admin.fetchTopicOffsets('bulk')
      assert.deepEqual(
        offsets.map((o) => [o.partition, o.high, o.low]),
        counts.map((n, p) => [p, BigInt(n), 0n]),
      )
    } finally {
      await admin.disconnect()
    }
  })

  it('puts keyed records on the partition murmur2 predicts', async () => {
    await createTopic('keyed')
    const keys = Array.from({ length: 3_000 }, (_, i) => `customer-${i}`)
    const producer = client.producer({ acks: 1 })
    try {
      const results = await Promise.all(
        keys.map((key) => producer.send({ topic: 'keyed', messages: [{ key, value: key }] })),
      )
      results.forEach(([meta], i) => {
        assert.equal(meta?.partition, partitionForKey(keys[i]!, 6))
      })
    } finally {
      await producer.disconnect()
    }
    const received = await readAll(client, 'keyed', keys.length)
    for (const { partition, message } of received) {
      assert.equal(partition, partitionForKey(message.key!, 6), message.key!.toString())
    }
  })

  it('keeps keys, values, headers and timestamps byte for byte', async () => {
    await createTopic('exact', 2)
    const messages = Array.from({ length: 200 }, (_, i) => ({
      key: i % 10 === 0 ? null : randomBytes(1 + (i % 17)),
      value: i % 13 === 0 ? null : randomBytes(i * 7),
      partition: i % 2,
      timestamp: 1_600_000_000_000 + i * 1_001,
      headers: {
        bin: randomBytes(i % 5),
        repeated: [Buffer.from([i & 0xff]), Buffer.from('twice')],
        ...(i % 3 === 0 ? { empty: null } : {}),
      },
    }))
    const producer = client.producer({ acks: 1, compression: 'gzip' })
    try {
      await sendAll(producer, 'exact', messages, 20, 4)
    } finally {
      await producer.disconnect()
    }
    const received = await readAll(client, 'exact', messages.length)
    for (const p of [0, 1]) {
      const sent = messages.filter((m) => m.partition === p)
      const got = received.filter((r) => r.partition === p).map((r) => r.message)
      assert.equal(got.length, sent.length)
      got.forEach((m, i) => {
        const s = sent[i]!
        assert.deepEqual(m.key, s.key)
        assert.deepEqual(m.value, s.value)
        assert.equal(m.timestamp, s.timestamp)
        assert.deepEqual(m.headers, s.headers)
      })
    }
  })

  it('answers a consumer long-polling an empty partition within the same Fetch', async () => {
    await createTopic('waiting', 1)
    const consumer = client.consumer({ maxWaitTimeInMs: 10_000 })
    const producer = client.producer({ acks: 1 })
    try {
      let started = 0
      let answered = 0
      consumer.on(consumer.events.FETCH_START, () => started++)
      consumer.on(consumer.events.FETCH, () => answered++)
      const atReceipt: number[] = []
      await consumer.assign([{ topic: 'waiting', partition: 0 }])
      await consumer.run({
        eachMessage: async () => {
          atReceipt.push(started, answered)
        },
      })
      await pollUntil('the first Fetch', async () => (started === 1 ? true : undefined))
      await new Promise((resolve) => setTimeout(resolve, 200))
      await producer.send({ topic: 'waiting', messages: [{ value: 'late' }] })
      await pollUntil('the record', async () => (atReceipt.length > 0 ? true : undefined))
      assert.deepEqual(atReceipt, [1, 1])
    } finally {
      await producer.disconnect()
      await consumer.disconnect()
    }
  })

  it('round-trips records through samsa produce and samsa consume', async () => {
    const b = ['--bootstrap', bootstrap]
    await samsaOk(
      'topics',
      'create',
      '--topic',
      'cli',
      '--partitions',
      '3',
      '--replication-factor',
      '1',
      ...b,
    )
    const lines = Array.from({ length: 60 }, (_, i) => `key-${i}:value ${i}`)
    const produced = await samsaWithInput(
      `${lines.join('\n')}\n`,
      'produce',
      '--topic',
      'cli',
      '--key-separator',
      ':',
      '--acks',
      '1',
      '--output',
      'json',
      ...b,
    )
    assert.equal(produced.code, 0, produced.stderr)
    const summary = JSON.parse(produced.stdout) as {
      topic: string
      records: number
      partitions: { partition: number; records: number; firstOffset: number; lastOffset: number }[]
    }
    assert.equal(summary.records, 60)
    for (const p of summary.partitions) {
      const expected = lines.filter((l) => partitionForKey(l.split(':')[0]!, 3) === p.partition)
      assert.deepEqual(p, {
        partition: p.partition,
        records: expected.length,
        firstOffset: 0,
        lastOffset: expected.length - 1,
      })
    }

    // topics describe reports each partition's high watermark and log start offset.
    const [described] = await describeTopics(bootstrap, 'cli')
    for (const p of described!.partitions) {
      const count = lines.filter((l) => partitionForKey(l.split(':')[0]!, 3) === p.partition).length
      assert.equal(p.highWatermark, count, `partition ${p.partition} high watermark`)
      assert.equal(p.logStartOffset, 0)
    }

    const consumed = await samsaOk(
      'consume',
      '--topic',
      'cli',
      '--from-beginning',
      '--max-messages',
      '60',
      '--output',
      'json',
      ...b,
    )
    const records = consumed
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            partition: number
            offset: number
            key: string
            value: string
            timestamp: number
            headers: Record<string, string>
          },
      )
    assert.equal(records.length, 60)
    for (const r of records) {
      assert.equal(r.value, `value ${r.key.slice(4)}`)
      assert.equal(r.partition, partitionForKey(r.key, 3))
      assert.equal(typeof r.timestamp, 'number')
      assert.deepEqual(r.headers, {})
    }
    for (const p of [0, 1, 2]) {
      const mine = records.filter((r) => r.partition === p)
      assert.deepEqual(
        mine.map((r) => r.offset),
        mine.map((_, i) => i),
      )
    }

    // One partition from an offset, plain values, ending after a quiet --timeout-ms.
    const p0 = records.filter((r) => r.partition === 0)
    const tail = await samsaOk(
      'consume',
      '--topic',
      'cli',
      '--partition',
      '0',
      '--offset',
      '2',
      '--timeout-ms',
      '1500',
      ...b,
    )
    assert.equal(
      tail,
      p0
        .slice(2)
        .map((r) => `${r.value}\n`)
        .join(''),
    )

    const grouped = await samsaCli('consume', '--topic', 'cli', '--group', 'g', ...b)
    assert.equal(grouped.code, 1)
    assert.match(grouped.stderr, /^error: UNSUPPORTED_VERSION: Consumer groups .*\n$/)
  })
})
