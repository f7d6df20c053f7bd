/**
 * Control-plane benchmark (issue 3's figures), on a real 3-broker cluster started with
 * scripts/cluster.sh in a temp dir on 127.0.0.1 (build first: `pnpm exec tsc -b`):
 *
 *   node --conditions=@samsa/source --import tsx test/bench/control-plane-bench.ts \
 *     [--partitions 10000] [--samples 5] [--failover-partitions 6] [--base-port 25090] \
 *     [--session-timeout-ms 3000] [--timeout-s 900]
 *
 * Prints progress on stderr and one JSON object as its last stdout line:
 *   failoverMs / failoverSamplesMs   SIGKILL of a broker -> every partition it led has another
 *       leader in every surviving broker's Metadata; the median and every sample. Each sample
 *       uses a fresh RF=3 topic created while all brokers are in, and kills the next broker in
 *       turn (restarted afterwards): without replication a restarted broker never rejoins the
 *       ISRs of older topics, so reusing a topic would measure an unhealthy cluster. The clock
 *       starts before `cluster.sh kill` runs (so it includes the script's few ms before the
 *       signal) and stops when the poll (every 50 ms) that sees the new leaders returns.
 *   create1000PartitionsMs   CreateTopics of 1,000 partitions (RF 3) -> all of them with a
 *       leader in every broker's Metadata (create1000AckMs: until CreateTopics answered).
 *   rssMB   VmRSS of the controller and each broker with `--partitions` partitions (topics of
 *       1,000, RF 3, so every broker hosts every partition), once every broker has created all
 *       its partition logs (median of 5 readings); `baselineRssMB` right after start-up.
 *   createAllMetadataMs / createAllLogsMs   all those topics created one after the other (each
 *       once every broker is unfenced) -> in every broker's Metadata / logs on every broker's disk.
 *   sessionFencingsWhileCreating, leaderChangesWhileCreating   brokers fenced for a missed
 *       session while creating (a broker too busy creating logs to heartbeat), and partitions
 *       whose leader epoch moved: non-zero means the creation figures include that churn.
 *   restartMisreports   `cluster.sh restart` failures that the broker's /readyz contradicted.
 * The cluster is stopped at the end whatever happens; its dir is removed, or kept (with the
 * server logs) after a failure.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { type Admin, Samsa, type TopicMetadata } from '@samsa/client'

const { values: args } = parseArgs({
  options: {
    partitions: { type: 'string', default: '10000' },
    samples: { type: 'string', default: '5' },
    'failover-partitions': { type: 'string', default: '6' },
    'base-port': { type: 'string', default: '25090' },
    'session-timeout-ms': { type: 'string', default: '3000' },
    'timeout-s': { type: 'string', default: '900' },
  },
})
const totalPartitions = positive('partitions')
const samples = positive('samples')
const failoverPartitions = positive('failover-partitions')
const basePort = positive('base-port')
const sessionTimeoutMs = positive('session-timeout-ms')
const waitTimeoutMs = positive('timeout-s') * 1000
const BROKERS = [1, 2, 3] as const
const TOPIC_SIZE = 1000
const POLL_MS = 50

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'samsa-bench-control-'))

function positive(name: keyof typeof args): number {
  const n = Number(args[name])
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer`)
  return n
}

function progress(message: string): void {
  process.stderr.write(`[bench:control-plane] ${message}\n`)
}

function cluster(verb: string, ...rest: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [join(ROOT, 'scripts/cluster.sh'), verb, ...rest, '--dir', dir],
      { cwd: ROOT, timeout: 180_000 },
      (err, stdout, stderr) =>
        err
          ? reject(new Error(`cluster.sh ${verb} failed: ${stderr || err.message}`))
          : resolve(stdout),
    )
  })
}

/** Polls `probe` every POLL_MS until it returns a value; errors count as "not yet". */
async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = waitTimeoutMs,
) {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await probe()
      if (value !== undefined) return value
    } catch (err) {
      last = err
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`, { cause: last })
    await sleep(POLL_MS)
  }
}

/**
 * One admin client per broker, talking to that broker only, so each one's Metadata is seen.
 * Polls do not retry (the next poll is the retry); changes (create, delete) use the client's
 * default retries, as an application would.
 */
const admins = new Map<string, Admin>()
async function adminOf(brokerId: number, retrying = false): Promise<Admin> {
  const key = `${brokerId}${retrying ? '+retry' : ''}`
  let admin = admins.get(key)
  if (!admin) {
    admin = new Samsa({
      clientId: 'bench-control-plane',
      brokers: [`127.0.0.1:${basePort + brokerId}`],
      requestTimeoutMs: 10_000,
      ...(retrying ? {} : { retry: { retries: 0 } }),
    }).admin()
    admins.set(key, admin)
  }
  return admin
}
async function dropAdmins(brokerId: number): Promise<void> {
  for (const key of [`${brokerId}`, `${brokerId}+retry`]) {
    await admins.get(key)?.disconnect()
    admins.delete(key)
  }
}

async function topicsAt(brokerId: number, topics: readonly string[]): Promise<TopicMetadata[]> {
  return (await (await adminOf(brokerId)).fetchTopicMetadata({ topics })).topics
}

/** Resolves once every broker in `brokers` shows each topic whole and led (`ok` per partition). */
function seenByAll(
  brokers: readonly number[],
  topics: ReadonlyMap<string, number>,
  ok: (p: TopicMetadata['partitions'][number]) => boolean = (p) => p.leader >= 0,
): Promise<true | undefined> {
  return Promise.all(brokers.map((id) => topicsAt(id, [...topics.keys()]))).then((views) =>
    views.every((view) =>
      [...topics].every(([name, count]) => {
        const topic = view.find((t) => t.name === name)
        return (
          topic !== undefined && topic.partitions.length === count && topic.partitions.every(ok)
        )
      }),
    )
      ? true
      : undefined,
  )
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2)
}

function rssMB(server: string): number {
  const pid = readFileSync(join(dir, 'pids', `${server}.pid`), 'utf8').trim()
  const kB = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  if (kB === undefined) throw new Error(`no VmRSS for ${server} (pid ${pid})`)
  return Math.round(Number(kB) / 102.4) / 10
}

/** Median of 5 readings 200 ms apart, per server. */
async function rssAll(): Promise<Record<string, number>> {
  const servers = ['controller', ...BROKERS.map((id) => `broker-${id}`)]
  const readings = new Map<string, number[]>(servers.map((s) => [s, []]))
  for (let i = 0; i < 5; i++) {
    for (const s of servers) readings.get(s)!.push(rssMB(s))
    await sleep(200)
  }
  return Object.fromEntries(servers.map((s) => [s, median(readings.get(s)!)]))
}

/** `cluster.sh restart` reports failures that are not (see below); counted in the result. */
let restartMisreports = 0

/**
 * `cluster.sh restart ID`. The script can report "exited during start-up" for a broker that is
 * starting fine: it may read /proc/<pid>/cmdline before the launched child has exec'd node, see
 * the script's own command line and call the server dead. So on failure, the broker's own
 * /readyz decides (for up to 60 s).
 */
async function restartBroker(id: number): Promise<void> {
  try {
    await cluster('restart', String(id))
  } catch (err) {
    progress(`cluster.sh restart ${id} failed; asking broker ${id}'s /readyz itself`)
    const url = `http://127.0.0.1:${basePort + 100 + id}/readyz`
    await until(
      `broker ${id} ready`,
      async () =>
        (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status === 200
          ? true
          : undefined,
      60_000,
    ).catch(() => {
      throw err
    })
    restartMisreports++
  }
}

async function failoverSample(i: number): Promise<number> {
  const victim = BROKERS[i % BROKERS.length]!
  const survivors = BROKERS.filter((id) => id !== victim)
  const topic = `failover-${i}`
  await (await adminOf(survivors[0]!, true)).createTopics({
    topics: [{ topic, numPartitions: failoverPartitions, replicationFactor: 3 }],
  })
  const healthy = new Map([[topic, failoverPartitions]])
  await until(`${topic} led with full ISRs on every broker`, () =>
    seenByAll(BROKERS, healthy, (p) => p.leader >= 0 && p.isr.length === 3),
  )
  const [before] = await topicsAt(survivors[0]!, [topic])
  const led = new Set(
    before!.partitions.filter((p) => p.leader === victim).map((p) => p.partitionId),
  )
  if (led.size === 0) throw new Error(`broker ${victim} leads nothing in ${topic}`)

  const start = performance.now()
  await cluster('kill', String(victim))
  await until(`new leaders for broker ${victim}'s partitions`, () =>
    seenByAll(
      survivors,
      healthy,
      (p) => !led.has(p.partitionId) || (p.leader >= 0 && p.leader !== victim),
    ),
  )
  const elapsed = Math.round(performance.now() - start)
  progress(`sample ${i + 1}/${samples}: broker ${victim} (led ${led.size}) -> ${elapsed} ms`)

  await dropAdmins(victim)
  await restartBroker(victim)
  await allUnfenced(survivors[0]!)
  return elapsed
}

/** Waits until the controller (asked through broker `via`) has every broker unfenced. */
function allUnfenced(via: number): Promise<true> {
  return until('every broker unfenced', async () => {
    const { brokers } = await (await adminOf(via)).describeCluster()
    return brokers.length === BROKERS.length && brokers.every((b) => !b.fenced) ? true : undefined
  })
}

/** Brokers the controller has fenced for a missed session so far (from its log). */
function sessionFencings(): number {
  const log = readFileSync(join(dir, 'logs', 'controller.log'), 'utf8')
  return log
    .split('\n')
    .filter((line) => line.includes('"broker fenced after its session expired"')).length
}

/** Partition logs (`<topic>-<n>` dirs) broker `id` has created for the `bench-*` topics. */
function benchLogs(id: number): number {
  const names = readdirSync(join(dir, 'data', `broker-${id}`))
  return names.filter((name) => /^bench-\d+-\d+$/.test(name)).length
}

async function main(): Promise<void> {
  progress(
    `cluster in ${dir}, base port ${basePort}, broker.session.timeout.ms=${sessionTimeoutMs}`,
  )
  await cluster(
    'start',
    '--brokers',
    String(BROKERS.length),
    '--base-port',
    String(basePort),
    '--set',
    `broker.session.timeout.ms=${sessionTimeoutMs}`,
  )
  const baseline = await rssAll()

  const failoverSamplesMs: number[] = []
  for (let i = 0; i < samples; i++) failoverSamplesMs.push(await failoverSample(i))
  const admin = await adminOf(1, true)
  await admin.deleteTopics({ topics: failoverSamplesMs.map((_, i) => `failover-${i}`) })

  // Topics bench-0, bench-1, ... of 1,000 partitions (the last one smaller if need be).
  const sizes = new Map<string, number>()
  for (let left = totalPartitions, k = 0; left > 0; left -= TOPIC_SIZE, k++) {
    sizes.set(`bench-${k}`, Math.min(TOPIC_SIZE, left))
  }
  const fencingsBefore = sessionFencings()
  const createStart = performance.now()
  const createMs: number[] = []
  let create1000AckMs: number | undefined
  for (const [topic, count] of sizes) {
    // A broker busy creating the last topic's logs may have missed heartbeats and be fenced;
    // RF 3 needs all three (and each measurement starts from a whole cluster).
    await allUnfenced(1)
    const start = performance.now()
    await admin.createTopics({
      topics: [{ topic, numPartitions: count, replicationFactor: 3 }],
      waitForLeaders: false,
      timeout: waitTimeoutMs,
    })
    create1000AckMs ??= Math.round(performance.now() - start)
    await until(`${topic} led on every broker`, () => seenByAll(BROKERS, new Map([[topic, count]])))
    createMs.push(Math.round(performance.now() - start))
    progress(
      `${topic} (${count} partitions) on every broker's Metadata after ${createMs.at(-1)} ms`,
    )
  }
  const metadataAllMs = Math.round(performance.now() - createStart)
  await until(`every broker's ${totalPartitions} partition logs`, async () => {
    const counts = BROKERS.map(benchLogs)
    progress(`partition logs created: ${counts.join(' / ')} of ${totalPartitions}`)
    return counts.every((n) => n >= totalPartitions) ? true : undefined
  })
  const logsAllMs = Math.round(performance.now() - createStart)
  const final = (await topicsAt(1, [...sizes.keys()])).flatMap((t) => t.partitions)
  const { brokers } = await admin.describeCluster()
  const rss = await rssAll()

  const result = {
    brokers: BROKERS.length,
    sessionTimeoutMs,
    failoverPartitions,
    failoverMs: median(failoverSamplesMs),
    failoverSamplesMs,
    create1000PartitionsMs: createMs[0],
    create1000AckMs,
    createTopicPartitions: Math.min(TOPIC_SIZE, totalPartitions),
    partitions: totalPartitions,
    createAllMetadataMs: metadataAllMs,
    createAllLogsMs: logsAllMs,
    // A broker too busy creating logs to heartbeat is fenced, which moves leaderships.
    sessionFencingsWhileCreating: sessionFencings() - fencingsBefore,
    leaderChangesWhileCreating: final.filter((p) => p.leaderEpoch > 0).length,
    fencedBrokersAtEnd: brokers.filter((b) => b.fenced).map((b) => b.nodeId),
    rssMB: { partitions: totalPartitions, ...rss },
    restartMisreports,
    baselineRssMB: baseline,
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

let stopping: Promise<void> | undefined
/** Stops the cluster; removes its dir, unless `keep` (after a failure, for its logs). */
function stopCluster(keep = false): Promise<void> {
  stopping ??= (async () => {
    for (const admin of admins.values()) await admin.disconnect()
    admins.clear()
    progress('stopping the cluster')
    await cluster('stop').catch((err: unknown) => progress(String(err)))
    if (keep) progress(`kept ${dir} (server logs in ${join(dir, 'logs')})`)
    else rmSync(dir, { recursive: true, force: true })
  })()
  return stopping
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopCluster().finally(() => process.exit(130))
  })
}

try {
  await main()
} catch (err) {
  process.exitCode = 1
  progress(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  if (err instanceof Error && err.cause) progress(`cause: ${String(err.cause)}`)
} finally {
  await stopCluster(process.exitCode === 1)
}
