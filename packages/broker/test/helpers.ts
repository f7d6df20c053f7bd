import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import { type RunningController, startController } from '@samsa/controller'
import {
  createBrokerClient,
  parseServerConfig,
  type pb,
  type ServerConfig,
  unary,
} from '@samsa/protocol'
import { pino } from 'pino'
import { type ClusterView, type RunningBroker, startBroker } from '../src/index.js'

/** Short timeouts so fencing and reconnects happen within a test's patience. */
export const SESSION_TIMEOUT_MS = 1_500
export const HEARTBEAT_INTERVAL_MS = 200

/** Quiet by default; `SAMSA_TEST_LOG=debug` shows the brokers' logs. */
export const testLogger = pino({ level: process.env.SAMSA_TEST_LOG ?? 'silent' })

/** A temp dir removed when the test ends. */
export function tempDir(t: TestContext, prefix = 'samsa-broker-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Polls `condition` until it holds (returns a truthy value), failing after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  condition: () => T | Promise<T>,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await condition()
      if (value) return value as NonNullable<T>
      last = value
    } catch (err) {
      last = err
    }
    if (Date.now() > deadline) {
      assert.fail(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

export interface TestController {
  running: RunningController
  readonly dir: string
  /** Stops the controller (idempotent). */
  stop(): Promise<void>
  /** Starts it again on the same dir and port. */
  restart(): Promise<void>
}

export async function startTestController(t: TestContext): Promise<TestController> {
  const dir = tempDir(t, 'samsa-controller-')
  const start = (port: number) =>
    startController({
      dir,
      port,
      brokerSessionTimeoutMs: SESSION_TIMEOUT_MS,
      sessionCheckIntervalMs: 100,
    })
  const c: TestController = {
    running: await start(0),
    dir,
    stop: () => c.running.close(),
    async restart() {
      c.running = await start(c.running.port)
    },
  }
  t.after(() => c.running.close())
  return c
}

export function brokerConfig(
  brokerId: number,
  logDir: string,
  controllerAddress: string,
  overrides: Record<string, unknown> = {},
): ServerConfig {
  return parseServerConfig({
    'broker.id': brokerId,
    'log.dirs': logDir,
    listeners: '127.0.0.1:0',
    'http.listener': '127.0.0.1:0',
    'controller.quorum.bootstrap.servers': controllerAddress,
    'broker.heartbeat.interval.ms': HEARTBEAT_INTERVAL_MS,
    'broker.session.timeout.ms': SESSION_TIMEOUT_MS,
    ...overrides,
  })
}

export interface TestBroker {
  running: RunningBroker
  readonly brokerId: number
  readonly logDir: string
  client: pb.BrokerServiceClient
  /** Stops the broker gracefully (idempotent). */
  stop(): Promise<void>
  /** Stops the broker (if running) and starts a new incarnation on the same log dir. */
  restart(overrides?: Record<string, unknown>): Promise<void>
}

export async function startTestBroker(
  t: TestContext,
  brokerId: number,
  controllerAddress: string,
  overrides: Record<string, unknown> = {},
): Promise<TestBroker> {
  const logDir = tempDir(t, `samsa-broker-${brokerId}-`)
  const start = (extra: Record<string, unknown>) =>
    startBroker(brokerConfig(brokerId, logDir, controllerAddress, { ...overrides, ...extra }), {
      logger: testLogger,
    })
  const running = await start({})
  const b: TestBroker = {
    running,
    brokerId,
    logDir,
    client: createBrokerClient(running.address),
    stop: () => b.running.close(),
    async restart(extra = {}) {
      b.client.close()
      await b.running.close()
      b.running = await start(extra)
      b.client = createBrokerClient(b.running.address)
    },
  }
  t.after(async () => {
    b.client.close()
    await b.running.close()
  })
  return b
}

/** A controller and `n` brokers (ids 1..n), all ready. */
export async function startCluster(
  t: TestContext,
  n = 3,
  overrides: Record<string, unknown> = {},
): Promise<{ controller: TestController; brokers: TestBroker[] }> {
  const controller = await startTestController(t)
  const brokers: TestBroker[] = []
  for (let id = 1; id <= n; id++) {
    brokers.push(await startTestBroker(t, id, controller.running.address, overrides))
  }
  await waitFor('every broker ready', async () => {
    for (const b of brokers)
      if ((await httpGet(b.running.httpPort, '/readyz')).status !== 200) return false
    return true
  })
  return { controller, brokers }
}

export async function httpGet(
  port: number,
  path: string,
  method = 'GET',
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : undefined }
}

export async function clusterViewOf(b: TestBroker): Promise<ClusterView> {
  const { status, body } = await httpGet(b.running.httpPort, '/v1/cluster')
  assert.equal(status, 200)
  return body as ClusterView
}

export function metadata(
  b: TestBroker,
  topics: string[] = [],
): Promise<pb.MetadataResponse__Output> {
  return unary(b.client, b.client.metadata, { topics }, { timeoutMs: 5_000 })
}

/** What a Metadata answer says about partitions, in a comparable form. */
export function partitionPicture(res: pb.MetadataResponse__Output): string[] {
  return res.topics.flatMap((t) =>
    t.partitions.map(
      (p) =>
        `${t.name}-${p.partition} leader=${p.leader} epoch=${p.leaderEpoch} replicas=${p.replicas.join(',')} isr=${p.isr.join(',')}`,
    ),
  )
}
