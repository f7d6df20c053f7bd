/**
 * Data-path benchmark: one producer, then one consumer, against a real 3-broker cluster started
 * with scripts/cluster.sh (the servers run from the built dist: `pnpm build` first).
 *
 *   pnpm bench:data-path [--records 1000000] [--record-size 100] [--partitions 6] [--acks 1]
 *                        [--replication-factor 1] [--in-flight 64] [--base-port 27090]
 *
 * (`--acks=-1` needs the `=`: a bare -1 reads as an option.) Progress goes to stderr; the last stdout line is JSON: producer and consumer records/s and
 * MB/s (MB = 10^6 bytes of record values, as Kafka's perf tools count).
 */
import { parseArgs } from 'node:util'
import { type Acks, Samsa } from '@samsa/client'
import { Cluster } from '../e2e/helpers.js'

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    'record-size': { type: 'string', default: '100' },
    partitions: { type: 'string', default: '6' },
    acks: { type: 'string', default: '1' },
    'replication-factor': { type: 'string', default: '1' },
    'in-flight': { type: 'string', default: '64' },
    'base-port': { type: 'string', default: '27090' },
  },
})
const records = Number(args.records)
const recordSize = Number(args['record-size'])
const partitions = Number(args.partitions)
const acks = parseAcks(args.acks)
const replicationFactor = Number(args['replication-factor'])
const inFlight = Number(args['in-flight'])
const SEND_SIZE = 1000

function parseAcks(value: string): Acks {
  const acks = Number(value)
  if (acks === -1 || acks === 0 || acks === 1) return acks
  throw new Error(`--acks must be -1, 0 or 1, got ${value}`)
}

function progress(message: string): void {
  process.stderr.write(`[bench:data-path] ${message}\n`)
}

function rate(count: number, seconds: number) {
  return {
    recordsPerSec: Math.round(count / seconds),
    mbPerSec: Number(((count * recordSize) / 1e6 / seconds).toFixed(1)),
    seconds: Number(seconds.toFixed(3)),
  }
}

async function produce(client: Samsa, topic: string): Promise<number> {
  const producer = client.producer({ acks })
  await producer.connect()
  const value = Buffer.alloc(recordSize, 0x61)
  const messages = Array.from({ length: SEND_SIZE }, () => ({ value }))
  const start = performance.now()
  let sent = 0
  const pending = new Set<Promise<unknown>>()
  while (sent < records) {
    const chunk = Math.min(SEND_SIZE, records - sent)
    const send = producer.send({ topic, messages: messages.slice(0, chunk) })
    pending.add(send)
    void send.finally(() => pending.delete(send))
    sent += chunk
    if (pending.size >= inFlight) await Promise.race(pending)
  }
  await Promise.all(pending)
  const seconds = (performance.now() - start) / 1000
  await producer.disconnect()
  return seconds
}

async function consume(client: Samsa, topic: string): Promise<number> {
  const consumer = client.consumer()
  let received = 0
  let done: () => void = () => {}
  const finished = new Promise<void>((resolve) => {
    done = resolve
  })
  await consumer.subscribe({ topics: [topic], fromBeginning: true })
  const start = performance.now()
  await consumer.run({
    eachBatch: async ({ batch }) => {
      received += batch.messages.length
      if (received >= records) done()
    },
  })
  const deadline = setTimeout(done, 600_000) // bounded: a stuck consumer ends the run
  await finished
  clearTimeout(deadline)
  const seconds = (performance.now() - start) / 1000
  await consumer.disconnect()
  if (received < records) throw new Error(`consumed ${received} of ${records} records`)
  return seconds
}

const cluster = new Cluster(Number(args['base-port']))
try {
  progress(`starting a 3-broker cluster in ${cluster.dir}`)
  const bootstrap = await cluster.start()
  const client = new Samsa({ clientId: 'bench', brokers: bootstrap.split(',') })
  const topic = 'bench-data-path'
  const admin = client.admin()
  await admin.connect()
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions, replicationFactor }] })
  await admin.disconnect()

  progress(
    `producing ${records} records of ${recordSize} bytes, acks=${acks}, RF=${replicationFactor}`,
  )
  const produceSecs = await produce(client, topic)
  const producer = rate(records, produceSecs)
  progress(`producer: ${producer.recordsPerSec} records/s, ${producer.mbPerSec} MB/s`)

  const consumeSecs = await consume(client, topic)
  const consumer = rate(records, consumeSecs)
  progress(`consumer: ${consumer.recordsPerSec} records/s, ${consumer.mbPerSec} MB/s`)

  console.log(
    JSON.stringify({
      bench: 'data-path',
      records,
      recordSize,
      partitions,
      acks,
      replicationFactor,
      producer,
      consumer,
    }),
  )
} finally {
  await cluster.destroy()
}
