/**
 * Failover benchmark: the time from a partition leader's SIGKILL to the first acks=-1 write the
 * new leader accepts, against a real 3-broker cluster started with scripts/cluster.sh (the
 * servers run from the built dist: `pnpm exec tsc -b` first).
 *
 *   node --conditions=@samsa/source --import tsx test/bench/failover-bench.ts
 *        [--samples 5] [--session-timeout-ms 3000] [--base-port 31090]
 *
 * One producer (the client SDK, acks=-1, retries on) writes one record at a time, continuously,
 * to one RF=3 partition. For each sample the producer's loop, between two sends (so no send is
 * in flight at the kill, and none can be answered by the old leader), SIGKILLs the partition's
 * leader (the pid cluster.sh recorded, as `cluster.sh kill` does) and sends on; the sample is
 * the time from the kill to the first send that resolves after it. Then the killed broker is
 * restarted and the bench waits for the full ISR (and the preferred leader back) before the next
 * sample. Cluster settings are the defaults except `broker.session.timeout.ms`.
 *
 * Progress goes to stderr; the last stdout line is JSON: every sample, the median, and the
 * settings.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Samsa } from '@samsa/client'
import { Cluster, describeTopics, type PartitionJson, pollUntil } from '../e2e/helpers.js'

const { values: args } = parseArgs({
  options: {
    samples: { type: 'string', default: '5' },
    'session-timeout-ms': { type: 'string', default: '3000' },
    'base-port': { type: 'string', default: '31090' },
  },
})
const samples = Number(args.samples)
const sessionTimeoutMs = Number(args['session-timeout-ms'])
const TOPIC = 'bench-failover'
/** Client retries: on, with a short backoff so it does not dominate the figure. */
const CLIENT_RETRY = { retries: 100, initialRetryTime: 50, maxRetryTime: 250 }
/** Defaults of the settings that shape a failover (packages/protocol server-config). */
const CLUSTER_SETTINGS = {
  'broker.session.timeout.ms': sessionTimeoutMs,
  'broker.heartbeat.interval.ms': 1000,
  'replica.lag.time.max.ms': 30000,
  'replica.fetch.wait.max.ms': 500,
  'min.insync.replicas': 1,
  'unclean.leader.election.enable': false,
  'auto.leader.rebalance.enable': true,
}

function progress(message: string): void {
  process.stderr.write(`[bench:failover] ${message}\n`)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const cluster = new Cluster(Number(args['base-port']))

async function partition(via: string): Promise<PartitionJson> {
  const [t] = await describeTopics(via, TOPIC)
  const p = t?.partitions[0]
  if (!p) throw new Error(`no partition 0 of ${TOPIC}`)
  return p
}

/** Polls until the partition is led by its preferred replica with the full ISR. */
function settled(via: string): Promise<PartitionJson> {
  return pollUntil(
    'the preferred leader with the full ISR',
    async () => {
      const p = await partition(via)
      return p.leader === p.replicas[0] && p.isr.length === 3 ? p : undefined
    },
    120_000,
  )
}

/** SIGKILLs broker `id` by the pid cluster.sh recorded and waits (bounded) until it is gone. */
async function sigkill(id: number): Promise<void> {
  const pid = Number(readFileSync(join(cluster.dir, 'pids', `broker-${id}.pid`), 'utf8').trim())
  process.kill(pid, 'SIGKILL')
  const deadline = Date.now() + 5_000
  for (;;) {
    let state = ''
    try {
      state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0] ?? ''
    } catch {
      return // reaped
    }
    if (state === 'Z' || state === 'X') return
    if (Date.now() > deadline) throw new Error(`broker ${id} (pid ${pid}) survived SIGKILL`)
    await new Promise((resolve) => setImmediate(resolve))
  }
}

try {
  progress(`starting a 3-broker cluster in ${cluster.dir}`)
  const bootstrap = await cluster.start(`broker.session.timeout.ms=${sessionTimeoutMs}`)
  const client = new Samsa({
    clientId: 'bench-failover',
    brokers: bootstrap.split(','),
    retry: CLIENT_RETRY,
  })
  const admin = client.admin()
  await admin.connect()
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 3 }] })
  await admin.disconnect()

  const producer = client.producer({ acks: -1 })
  await producer.connect()

  // The producer loop: one record per send, one send at a time. `killBetweenSends` asks it to
  // SIGKILL a broker between two sends; it answers with the kill time.
  let stopping = false
  let sent = 0
  let failed = 0
  /** The current sample: the kill time, and when the first send after it resolved. */
  let sample: { killedAt: number; resolvedAt?: number } | undefined
  let killRequest: { id: number; done: (killedAt: number) => void } | undefined
  const loop = (async () => {
    while (!stopping) {
      if (killRequest) {
        const { id, done } = killRequest
        killRequest = undefined
        const killedAt = performance.now()
        await sigkill(id)
        sample = { killedAt }
        done(killedAt)
      }
      try {
        await producer.send({ topic: TOPIC, messages: [{ value: `r${sent}`, partition: 0 }] })
        const resolvedAt = performance.now()
        if (sample && sample.resolvedAt === undefined) sample.resolvedAt = resolvedAt
        sent++
      } catch (err) {
        failed++
        progress(`a send failed after its retries: ${(err as Error).message}`)
        await sleep(100)
      }
    }
  })()
  const killBetweenSends = (id: number) =>
    new Promise<number>((resolve) => {
      killRequest = { id, done: resolve }
    })
  const sendsAfter = (count: number) => {
    const target = sent + count
    return pollUntil(`${count} more sends`, async () => (sent >= target ? true : undefined), 60_000)
  }

  const results: { killed: number; newLeader: number; leaderEpoch: number; ms: number }[] = []
  let via = cluster.broker(1)
  for (let i = 0; i < samples; i++) {
    const before = await settled(via)
    await sendsAfter(20) // steady state
    const victim = before.leader
    via = cluster.broker(before.replicas.find((id) => id !== victim)!)
    const failedBefore = failed

    const killedAt = await killBetweenSends(victim)
    const resolvedAt = await pollUntil(
      'a send resolved after the kill',
      async () => sample?.resolvedAt,
      60_000,
    )
    const ms = Math.round(resolvedAt - killedAt)
    const after = await partition(via)
    results.push({ killed: victim, newLeader: after.leader, leaderEpoch: after.leaderEpoch, ms })
    progress(
      `sample ${i + 1}/${samples}: killed leader ${victim}; broker ${after.leader} took over ` +
        `(epoch ${after.leaderEpoch}); first acks=-1 write accepted ${ms} ms after the kill` +
        (failed > failedBefore ? ` (${failed - failedBefore} sends failed meanwhile)` : ''),
    )

    await cluster.scriptOk('restart', String(victim))
  }
  await settled(via)
  stopping = true
  await loop
  await producer.disconnect()

  const ms = results.map((r) => r.ms)
  const ordered = [...ms].sort((a, b) => a - b)
  const median = ordered[Math.floor(ordered.length / 2)]!
  progress(`median ${median} ms over ${ms.length} samples: ${ms.join(', ')} ms`)
  console.log(
    JSON.stringify({
      bench: 'failover',
      what: 'SIGKILL of the partition leader -> first acks=-1 send resolved (accepted by the new leader)',
      samplesMs: ms,
      medianMs: median,
      minMs: ordered[0],
      maxMs: ordered[ordered.length - 1],
      samples: results,
      sendsTotal: sent,
      sendsFailed: failed,
      settings: {
        cluster: { brokers: 3, ...CLUSTER_SETTINGS },
        topic: { partitions: 1, replicationFactor: 3 },
        producer: { acks: -1, recordsPerSend: 1, inFlight: 1, retry: CLIENT_RETRY },
      },
    }),
  )
} finally {
  await cluster.destroy()
}
