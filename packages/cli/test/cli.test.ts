import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { run } from '../src/index.js'
import { samsa, TestIo, tempDir, waitFor } from './helpers.js'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

interface Server {
  io: TestIo
  exit: Promise<number>
}

/** Runs `samsa <role> ...` in-process until it logs `<role> started`. */
async function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const io = new TestIo(env)
  const exit = run(['node', 'samsa', ...args], io)
  let code: number | undefined
  void exit.then((c) => {
    code = c
  })
  try {
    await waitFor(`${args[0]} to start`, () => {
      if (code !== undefined) throw new Error(`${args[0]} exited with ${code}: ${io.err}`)
      return io.logs().some((l) => l.msg === `${args[0]} started`)
    })
  } catch (err) {
    io.signal('SIGTERM')
    await exit
    throw err
  }
  return { io, exit }
}

describe('samsa CLI against in-process servers', () => {
  const servers: Server[] = []
  let bootstrap = ''

  const dir = mkdtempSync(join(tmpdir(), 'samsa-cli-'))

  before(async () => {
    const controllerPort = await freePort()
    const controllerFile = join(dir, 'controller.yaml')
    writeFileSync(controllerFile, `controller.listener: 127.0.0.1:1\nlogger.level: info\n`)
    // The file, then SAMSA_* variables, then --set: the last one wins.
    servers.push(
      await serve(
        [
          'controller',
          '--config',
          controllerFile,
          '--set',
          `controller.listener=127.0.0.1:${controllerPort}`,
        ],
        { SAMSA_METADATA_LOG_DIR: join(dir, 'meta'), SAMSA_CONTROLLER_LISTENER: '127.0.0.1:2' },
      ),
    )
    const addresses: string[] = []
    for (const id of [1, 2, 3]) {
      const broker = await serve([
        'broker',
        '--set',
        `broker.id=${id}`,
        '--set',
        'listeners=127.0.0.1:0',
        '--set',
        'http.listener=127.0.0.1:0',
        '--set',
        `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
        '--set',
        `log.dirs=${join(dir, `broker-${id}`)}`,
      ])
      servers.push(broker)
      const started = broker.io.logs().find((l) => l.msg === 'broker started')
      addresses.push(String(started?.address))
    }
    bootstrap = addresses.join(',')
    await waitFor('three unfenced brokers', async () => {
      const { code, out } = await samsa([
        'cluster',
        'describe',
        '--output',
        'json',
        '--bootstrap',
        bootstrap,
      ])
      if (code !== 0) return false
      const brokers = (JSON.parse(out) as { brokers: { fenced: boolean }[] }).brokers
      return brokers.length === 3 && brokers.every((b) => !b.fenced)
    })
  })

  after(async () => {
    // Brokers first (their graceful stop talks to the controller), then the controller.
    for (const server of [...servers].reverse()) {
      server.io.signal('SIGTERM')
      assert.equal(await server.exit, 0, server.io.err)
    }
    rmSync(dir, { recursive: true, force: true })
  })

  it('logs pino JSON lines and stops gracefully on SIGTERM with exit code 0', () => {
    const controller = servers[0]!
    const started = controller.io.logs().find((l) => l.msg === 'controller started')
    assert.equal(started?.role, 'controller')
    assert.equal(typeof started?.pid, 'number')
    assert.ok(controller.io.listening)
  })

  it('creates, lists, describes, alters and deletes topics', async () => {
    const b = ['--bootstrap', bootstrap]
    let r = await samsa([
      'topics',
      'create',
      '--topic',
      'orders',
      '--partitions',
      '6',
      '--replication-factor',
      '3',
      '--config',
      'retention.ms=60000',
      ...b,
    ])
    assert.equal(r.code, 0, r.err)
    assert.equal(r.out, 'Created topic orders.\n')

    r = await samsa(['topics', 'list', '--output', 'json', ...b])
    assert.deepEqual(JSON.parse(r.out), ['orders'])

    r = await samsa(['topics', 'describe', '--topic', 'orders', '--output', 'json', ...b])
    assert.equal(r.code, 0, r.err)
    const described = JSON.parse(r.out) as {
      topic: string
      configs: Record<string, string>
      partitions: {
        partition: number
        leader: number
        replicas: number[]
        isr: number[]
        leaderEpoch: number
      }[]
    }
    assert.equal(described.topic, 'orders')
    assert.deepEqual(described.configs, { 'retention.ms': '60000' })
    assert.deepEqual(
      described.partitions.map((p) => p.partition),
      [0, 1, 2, 3, 4, 5],
    )
    for (const p of described.partitions) {
      assert.equal(p.replicas.length, 3)
      assert.equal(p.leader, p.replicas[0])
      assert.deepEqual([...p.isr].sort(), [...p.replicas].sort())
      assert.equal(p.leaderEpoch, 0)
    }

    r = await samsa(['topics', 'describe', '--topic', 'orders', ...b])
    assert.match(
      r.out,
      /^Topic: orders\t.*PartitionCount: 6\tReplicationFactor: 3\tConfigs: retention.ms=60000\n/,
    )
    assert.match(r.out, /PARTITION +LEADER +REPLICAS +ISR +LEADER EPOCH/)

    r = await samsa([
      'topics',
      'alter',
      '--topic',
      'orders',
      '--partitions',
      '8',
      '--config',
      'retention.ms=1000',
      '--output',
      'json',
      ...b,
    ])
    assert.equal(r.code, 0, r.err)
    r = await samsa(['topics', 'describe', '--topic', 'orders', '--output', 'json', ...b])
    const altered = JSON.parse(r.out) as { configs: Record<string, string>; partitions: unknown[] }
    assert.equal(altered.partitions.length, 8)
    assert.deepEqual(altered.configs, { 'retention.ms': '1000' })

    r = await samsa([
      'topics',
      'alter',
      '--topic',
      'orders',
      '--delete-config',
      'retention.ms',
      ...b,
    ])
    assert.equal(r.code, 0, r.err)

    r = await samsa(['topics', 'delete', '--topic', 'orders', ...b])
    assert.equal(r.out, 'Deleted topic orders.\n')
    r = await samsa(['topics', 'list', ...b])
    assert.equal(r.out, '')
  })

  it('produces stdin lines and consumes them back', async () => {
    const b = ['--bootstrap', bootstrap]
    let r = await samsa(['topics', 'create', '--topic', 'lines', '--partitions', '2', ...b])
    assert.equal(r.code, 0, r.err)
    r = await samsa(
      ['produce', '--topic', 'lines', '--partition', '1', '--acks', '1', '--header', 'h=1', ...b],
      {},
      'first\nsecond\n\nfourth\n',
    )
    assert.equal(r.code, 0, r.err)
    assert.equal(r.out, '')
    r = await samsa(
      ['produce', '--topic', 'lines', '--key-separator', '=', '--output', 'json', ...b],
      {},
      'k=v\n',
    )
    assert.equal(r.code, 0, r.err)
    const summary = JSON.parse(r.out) as { records: number; partitions: { records: number }[] }
    assert.equal(summary.records, 1)
    assert.equal(summary.partitions[0]?.records, 1)

    r = await samsa([
      'consume',
      '--topic',
      'lines',
      '--partition',
      '1',
      '--from-beginning',
      '--max-messages',
      '4',
      ...b,
    ])
    assert.equal(r.code, 0, r.err)
    assert.equal(r.out, 'first\nsecond\n\nfourth\n')

    r = await samsa([
      'consume',
      '--topic',
      'lines',
      '--from-beginning',
      '--timeout-ms',
      '500',
      '--output',
      'json',
      ...b,
    ])
    assert.equal(r.code, 0, r.err)
    const records = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string | null; value: string; headers: object })
    assert.equal(records.length, 5)
    assert.deepEqual(records.find((x) => x.value === 'first')?.headers, { h: '1' })
    assert.equal(records.find((x) => x.key === 'k')?.value, 'v')

    r = await samsa(['produce', '--topic', 'lines', '--key-separator', ':', ...b], {}, 'a:1\nb\n')
    assert.equal(r.code, 1)
    assert.match(r.err, /^error: INVALID_REQUEST: line 2 has no key separator ":"\n$/)

    r = await samsa(['topics', 'delete', '--topic', 'lines', ...b])
    assert.equal(r.code, 0, r.err)
  })

  it('reads the bootstrap servers from SAMSA_BOOTSTRAP', async () => {
    const r = await samsa(['cluster', 'describe'], { SAMSA_BOOTSTRAP: bootstrap })
    assert.equal(r.code, 0, r.err)
    assert.match(r.out, /^ClusterId: \S+\tController: 0\tMetadataVersion: \d+\n/)
    assert.match(r.out, /\n1 +127\.0\.0\.1 +\d+ +\d+ +- +unfenced +\d+ +\S+\n/)
  })

  it('prints one line error: <CODE_NAME>: message and exits 1 for bad requests', async () => {
    const b = ['--bootstrap', bootstrap]
    const cases: [string[], string][] = [
      [['topics', 'create', '--topic', 'bad/name'], 'INVALID_TOPIC_EXCEPTION'],
      [
        ['topics', 'create', '--topic', 'wide', '--replication-factor', '4'],
        'INVALID_REPLICATION_FACTOR',
      ],
      [['topics', 'create', '--topic', 'none', '--partitions', '0'], 'INVALID_PARTITIONS'],
      [['topics', 'create', '--topic', 'cfg', '--config', 'no.such.key=1'], 'INVALID_CONFIG'],
      [['topics', 'describe', '--topic', 'missing'], 'UNKNOWN_TOPIC_OR_PARTITION'],
      [['topics', 'delete', '--topic', 'missing'], 'UNKNOWN_TOPIC_OR_PARTITION'],
      [['topics', 'alter', '--topic', 'missing'], 'INVALID_REQUEST'],
    ]
    for (const [args, code] of cases) {
      const r = await samsa([...args, ...b])
      assert.equal(r.code, 1, args.join(' '))
      assert.match(r.err, new RegExp(`^error: ${code}: .+\\n$`), args.join(' '))
      assert.equal(r.out, '')
    }
    const created = await samsa(['topics', 'create', '--topic', 'once', ...b])
    assert.equal(created.code, 0, created.err)
    const again = await samsa(['topics', 'create', '--topic', 'once', ...b])
    assert.equal(again.code, 1)
    assert.match(again.err, /^error: TOPIC_ALREADY_EXISTS: /)
    assert.deepEqual(JSON.parse((await samsa(['topics', 'list', '--output', 'json', ...b])).out), [
      'once',
    ])
  })

  it('reports an unreachable cluster as NETWORK_EXCEPTION', async () => {
    const r = await samsa(['topics', 'list', '--bootstrap', `127.0.0.1:${await freePort()}`])
    assert.equal(r.code, 1)
    assert.match(r.err, /^error: NETWORK_EXCEPTION: /)
  })
})

describe('samsa controller / broker with a bad config', () => {
  it('exits 1 naming the key, without a stack trace', async (t) => {
    const dir = tempDir(t)
    const file = join(dir, 'broker.yaml')
    writeFileSync(file, `broker.id: 1\nlog.dirs: ${dir}\nno.such.key: 1\n`)
    for (const [args, key] of [
      [['broker', '--config', file], 'no.such.key'],
      [
        [
          'controller',
          '--set',
          'broker.session.timeout.ms=soon',
          '--set',
          `metadata.log.dir=${dir}`,
        ],
        'broker.session.timeout.ms',
      ],
      [['controller', '--set', 'controller.listener=127.0.0.1:0'], 'metadata.log.dir'],
      [['broker', '--set', `log.dirs=${dir}`], 'broker.id'],
    ] as const) {
      const io = new TestIo()
      const code = await run(['node', 'samsa', ...args], io)
      assert.equal(code, 1, args.join(' '))
      assert.match(
        io.err,
        new RegExp(`^error: INVALID_CONFIG: .*'${key.replaceAll('.', '\\.')}'.*\\n$`),
      )
      assert.doesNotMatch(io.err + io.out, /\n\s+at /)
      assert.ok(!io.listening, 'stops listening for signals')
    }
  })
})
