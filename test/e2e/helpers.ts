/**
 * Helpers for e2e tests: real processes through scripts/cluster.sh and the built `samsa` CLI
 * (packages/cli/bin/samsa.js), on 127.0.0.1 only. The suite builds before it runs them.
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { KafkaMessage, Samsa } from '@samsa/client'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CLUSTER_SH = join(ROOT, 'scripts/cluster.sh')
const SAMSA_JS = join(ROOT, 'packages/cli/bin/samsa.js')

export interface Result {
  code: number
  stdout: string
  stderr: string
}

function exec(file: string, args: readonly string[], timeoutMs: number): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { cwd: ROOT, timeout: timeoutMs, env: { ...process.env, SAMSA_BOOTSTRAP: '' } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

/** `samsa args...` as a user runs it. */
export function samsa(...args: string[]): Promise<Result> {
  return exec(process.execPath, [SAMSA_JS, ...args], 60_000)
}

/** `samsa args...` with `input` on its stdin (then closed). */
export function samsaWithInput(input: string, ...args: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SAMSA_JS, ...args], {
      cwd: ROOT,
      env: { ...process.env, SAMSA_BOOTSTRAP: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s))
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? 1, stdout, stderr })
    })
    child.stdin.end(input)
  })
}

/** `samsa args...`, failing the test unless it exits 0; resolves with stdout. */
export async function samsaOk(...args: string[]): Promise<string> {
  const r = await samsa(...args)
  if (r.code !== 0) throw new Error(`samsa ${args.join(' ')} exited ${r.code}: ${r.stderr}`)
  return r.stdout
}

export interface PartitionJson {
  topic: string
  partition: number
  leader: number
  replicas: number[]
  isr: number[]
  leaderEpoch: number
  highWatermark?: number
  logStartOffset?: number
}

export interface TopicJson {
  topic: string
  topicId: string
  configs: Record<string, string>
  partitions: PartitionJson[]
}

export interface BrokerJson {
  brokerId: number
  host: string
  port: number
  httpPort: number
  fenced: boolean
  brokerEpoch: number
  incarnationId: string
}

export interface ClusterJson {
  clusterId: string
  controllerId: number
  metadataVersion: number
  brokers: BrokerJson[]
}

/** `samsa topics describe --output json` (one JSON object per topic per line). */
export async function describeTopics(bootstrap: string, ...topics: string[]): Promise<TopicJson[]> {
  const out = await samsaOk(
    'topics',
    'describe',
    '--output',
    'json',
    '--bootstrap',
    bootstrap,
    ...topics.flatMap((t) => ['--topic', t]),
  )
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TopicJson)
}

export async function describeCluster(bootstrap: string): Promise<ClusterJson> {
  return JSON.parse(
    await samsaOk('cluster', 'describe', '--output', 'json', '--bootstrap', bootstrap),
  ) as ClusterJson
}

export async function listTopics(bootstrap: string): Promise<string[]> {
  return JSON.parse(
    await samsaOk('topics', 'list', '--output', 'json', '--bootstrap', bootstrap),
  ) as string[]
}

/**
 * Polls `probe` until it returns a value other than undefined, for up to `timeoutMs`. Errors
 * count as "not yet"; the last one is reported at the deadline.
 */
export async function pollUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await probe()
      if (value !== undefined) return value
    } catch (err) {
      last = err
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`, { cause: last })
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Reads `topic` from the beginning until `count` records arrived (or `timeoutMs` passed). */
export async function readMessages(
  client: Samsa,
  topic: string,
  count: number,
  timeoutMs = 60_000,
): Promise<KafkaMessage[]> {
  const consumer = client.consumer()
  const received: KafkaMessage[] = []
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true })
    await consumer.run({
      eachBatch: async ({ batch }) => {
        received.push(...batch.messages)
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

/** A cluster started by scripts/cluster.sh in its own temp dir and ports. */
export class Cluster {
  readonly dir: string
  readonly basePort: number
  readonly brokers: number
  bootstrap = ''

  constructor(basePort: number, brokers = 3) {
    this.dir = mkdtempSync(join(tmpdir(), 'samsa-e2e-'))
    this.basePort = basePort
    this.brokers = brokers
  }

  /** host:port of broker `id`'s gRPC listener. */
  broker(id: number): string {
    return `127.0.0.1:${this.basePort + id}`
  }

  script(verb: string, ...args: string[]): Promise<Result> {
    return exec('bash', [CLUSTER_SH, verb, ...args, '--dir', this.dir], 120_000)
  }

  async scriptOk(verb: string, ...args: string[]): Promise<string> {
    const r = await this.script(verb, ...args)
    if (r.code !== 0)
      throw new Error(`cluster.sh ${verb} ${args.join(' ')} exited ${r.code}: ${r.stderr}`)
    return r.stdout
  }

  /** `cluster.sh start`; resolves with the bootstrap list it printed. */
  async start(...sets: string[]): Promise<string> {
    const out = await this.scriptOk(
      'start',
      '--brokers',
      String(this.brokers),
      '--base-port',
      String(this.basePort),
      ...sets.flatMap((s) => ['--set', s]),
    )
    const match = /^bootstrap=(\S+)$/m.exec(out)
    if (!match) throw new Error(`cluster.sh start printed no bootstrap line: ${out}`)
    this.bootstrap = match[1]!
    return this.bootstrap
  }

  /** `cluster.sh status` as { id: state }. */
  async states(): Promise<Record<string, string>> {
    const out = await this.scriptOk('status')
    const states: Record<string, string> = {}
    for (const line of out.split('\n').slice(1)) {
      const [id, , state] = line.trim().split(/\s+/)
      if (id && state) states[id] = state
    }
    return states
  }

  /** Stops every server (graceful, then SIGKILL) and removes the dir. */
  async destroy(): Promise<void> {
    await this.script('stop')
    rmSync(this.dir, { recursive: true, force: true })
  }
}
