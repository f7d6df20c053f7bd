import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { InvalidTopicError, KafkaStorageError } from '@samsa/protocol'
import {
  CLEAN_SHUTDOWN_FILE,
  LOG_START_OFFSET_CHECKPOINT_FILE,
  LogManager,
  type LogManagerConfig,
  type LogManagerOptions,
  RECOVERY_POINT_CHECKPOINT_FILE,
} from '../src/index.js'
import { batch, ManualTime, MemoryLogger, offsetsIn } from './helpers.js'

function managerFixture(t: { after(fn: () => Promise<void> | void): void }) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'samsa-manager-'))
  const managers: LogManager[] = []
  t.after(async () => {
    for (const m of managers) await m.close()
    fs.rmSync(root, { recursive: true, force: true })
  })
  return {
    root,
    dirs: [path.join(root, 'a'), path.join(root, 'b')],
    async open(config: Partial<LogManagerConfig> = {}, options: LogManagerOptions = {}) {
      const manager = await LogManager.open({ logDirs: [path.join(root, 'a')], ...config }, options)
      managers.push(manager)
      return manager
    },
  }
}

/** Polls `condition` every few ms until it holds or the deadline passes (no guessed sleeps). */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('LogManager', () => {
  it('creates logs as <topic>-<partition> directories and finds them again at start', async (t) => {
    const f = managerFixture(t)
    const manager = await f.open()
    const log = await manager.getOrCreateLog('orders.v1', 3)
    log.append(batch({ records: 2 }), { leaderEpoch: 0 })
    assert.ok(fs.existsSync(path.join(f.dirs[0]!, 'orders.v1-3', '00000000000000000000.log')))
    assert.equal(await manager.getOrCreateLog('orders.v1', 3), log)
    await manager.close()
    const again = await f.open()
    const reopened = again.getLog('orders.v1', 3)!
    assert.equal(reopened.logEndOffset, 2)
    assert.equal(reopened.loadReport.hadCleanShutdown, true)
    assert.deepEqual(offsetsIn(reopened.read(0, 1000)), [0, 1])
  })

  it('skips, with a warning, a directory whose name is not <topic>-<partition>', async (t) => {
    const f = managerFixture(t)
    for (const name of ['no-partition-x', 'lost+found', 'topic-', '-3', 'bad topic-1']) {
      fs.mkdirSync(path.join(f.dirs[0]!, name), { recursive: true })
    }
    fs.mkdirSync(path.join(f.dirs[0]!, 'good-topic-0'), { recursive: true })
    const logger = new MemoryLogger()
    const manager = await f.open({}, { logger })
    assert.deepEqual(
      manager.allLogs().map((l) => [l.topic, l.partition]),
      [['good-topic', 0]],
    )
    assert.equal(logger.messages('warn').filter((m) => m.includes('<topic>-<partition>')).length, 5)
  })

  it('refuses illegal topic names and partitions', async (t) => {
    const manager = await managerFixture(t).open()
    await assert.rejects(manager.getOrCreateLog('a/b', 0), InvalidTopicError)
    await assert.rejects(manager.getOrCreateLog('..', 0), InvalidTopicError)
    await assert.rejects(manager.getOrCreateLog('ok', -1), InvalidTopicError)
  })

  it('gives concurrent creators of one partition the same log', async (t) => {
    const manager = await managerFixture(t).open()
    const [a, b] = await Promise.all([
      manager.getOrCreateLog('t', 0),
      manager.getOrCreateLog('t', 0),
    ])
    assert.equal(a, b)
    assert.equal(manager.allLogs().length, 1)
  })

  it('places new logs in the log dir holding the fewest', async (t) => {
    const f = managerFixture(t)
    const manager = await f.open({ logDirs: f.dirs })
    for (let p = 0; p < 4; p++) await manager.getOrCreateLog('t', p)
    const perDir = f.dirs.map((d) => fs.readdirSync(d).filter((n) => n.startsWith('t-')).length)
    assert.deepEqual(perDir, [2, 2])
  })

  it("keeps Kafka's per-log-dir checkpoints and a clean-shutdown marker", async (t) => {
    const f = managerFixture(t)
    const manager = await f.open()
    const log = await manager.getOrCreateLog('t', 0)
    for (let i = 0; i < 3; i++) log.append(batch(), { leaderEpoch: 0 })
    log.flush()
    manager.checkpointRecoveryPoints()
    manager.checkpointLogStartOffsets()
    const dir = f.dirs[0]!
    assert.equal(
      fs.readFileSync(path.join(dir, RECOVERY_POINT_CHECKPOINT_FILE), 'utf8'),
      '0\n1\nt 0 3\n',
    )
    assert.equal(
      fs.readFileSync(path.join(dir, LOG_START_OFFSET_CHECKPOINT_FILE), 'utf8'),
      '0\n1\nt 0 0\n',
    )
    assert.equal(fs.existsSync(path.join(dir, CLEAN_SHUTDOWN_FILE)), false)
    await manager.close()
    assert.ok(fs.existsSync(path.join(dir, CLEAN_SHUTDOWN_FILE)))
  })

  it('recovers from the checkpointed recovery point after an unclean stop', async (t) => {
    const f = managerFixture(t)
    const dir = f.dirs[0]!
    const one = batch().length
    const manager = await f.open({ defaultConfig: { segmentBytes: one * 2 } })
    const log = await manager.getOrCreateLog('t', 0)
    for (let i = 0; i < 5; i++) log.append(batch(), { leaderEpoch: 0 }) // segments 0, 2, 4
    await log.awaitBackgroundFlushes()
    manager.checkpointRecoveryPoints() // recovery point 4 (the last roll)
    assert.equal(log.recoveryPoint, 4)
    // What a SIGKILL leaves: the files as they are, no marker.
    const snapshot = `${f.root}/snapshot`
    fs.cpSync(dir, snapshot, { recursive: true })
    await manager.close()
    fs.rmSync(dir, { recursive: true })
    fs.renameSync(snapshot, dir)
    const again = await f.open({ defaultConfig: { segmentBytes: one * 2 } })
    const reopened = again.getLog('t', 0)!
    assert.equal(reopened.loadReport.hadCleanShutdown, false)
    assert.equal(reopened.loadReport.recoveredSegments, 1)
    assert.equal(reopened.logEndOffset, 5)
  })

  it('checkpoints the lowered recovery point right after a truncation', async (t) => {
    const f = managerFixture(t)
    const manager = await f.open()
    const log = await manager.getOrCreateLog('t', 0)
    for (let i = 0; i < 5; i++) log.append(batch(), { leaderEpoch: 0 })
    log.flush()
    manager.checkpointRecoveryPoints()
    log.truncateTo(2)
    const file = path.join(f.dirs[0]!, RECOVERY_POINT_CHECKPOINT_FILE)
    assert.equal(fs.readFileSync(file, 'utf8'), '0\n1\nt 0 2\n')
  })

  it('deletes a log and its directory', async (t) => {
    const f = managerFixture(t)
    const manager = await f.open()
    await manager.getOrCreateLog('t', 0)
    assert.equal(await manager.deleteLog('t', 0), true)
    assert.equal(await manager.deleteLog('t', 0), false)
    assert.equal(manager.getLog('t', 0), undefined)
    assert.deepEqual(
      fs.readdirSync(f.dirs[0]!).filter((n) => n.startsWith('t')),
      [],
    )
    assert.equal(
      fs.readFileSync(path.join(f.dirs[0]!, RECOVERY_POINT_CHECKPOINT_FILE), 'utf8'),
      '0\n0\n',
    )
  })

  it('finishes deleting a partition directory that a crash left behind', async (t) => {
    const f = managerFixture(t)
    const doomed = path.join(f.dirs[0]!, 't-0.0123abcd-delete')
    fs.mkdirSync(doomed, { recursive: true })
    fs.writeFileSync(path.join(doomed, '00000000000000000000.log'), '')
    const manager = await f.open()
    assert.equal(fs.existsSync(doomed), false)
    assert.deepEqual(manager.allLogs(), [])
  })

  it('refuses to start with the same partition in two log dirs', async (t) => {
    const f = managerFixture(t)
    for (const d of f.dirs) fs.mkdirSync(path.join(d, 't-0'), { recursive: true })
    await assert.rejects(LogManager.open({ logDirs: f.dirs }), KafkaStorageError)
  })

  it('runs retention on its own timer and checkpoints the moved log start offset', async (t) => {
    const f = managerFixture(t)
    const time = new ManualTime(1_000_000)
    const one = batch().length
    const manager = await f.open(
      { defaultConfig: { segmentBytes: one, retentionMs: 1000 }, retentionCheckIntervalMs: 5 },
      { time },
    )
    const log = await manager.getOrCreateLog('t', 0)
    for (let i = 0; i < 3; i++) log.append(batch({ timestamp: 1_000_000 }), { leaderEpoch: 0 })
    time.advance(5000)
    await waitFor(() => log.logStartOffset === 2, 'retention to delete the expired segments')
    const checkpoint = path.join(f.dirs[0]!, LOG_START_OFFSET_CHECKPOINT_FILE)
    await waitFor(() => fs.readFileSync(checkpoint, 'utf8') === '0\n1\nt 0 2\n', 'the checkpoint')
    assert.deepEqual(log.segmentBaseOffsets(), [2])
  })

  it('reopens logs with their checkpointed log start offset', async (t) => {
    const f = managerFixture(t)
    const one = batch().length
    const config = { defaultConfig: { segmentBytes: one, retentionBytes: one, retentionMs: -1 } }
    const manager = await f.open(config)
    const log = await manager.getOrCreateLog('t', 0)
    for (let i = 0; i < 4; i++) log.append(batch(), { leaderEpoch: 0 })
    assert.equal(manager.runRetention(), 3)
    await manager.close()
    const again = await f.open(config)
    assert.equal(again.getLog('t', 0)!.logStartOffset, 3)
  })

  it('applies topic configs over the broker defaults', async (t) => {
    const f = managerFixture(t)
    const manager = await f.open(
      { defaultConfig: { segmentBytes: 5000 } },
      { topicConfig: (topic) => (topic === 'small' ? { segmentBytes: 1000 } : undefined) },
    )
    assert.equal((await manager.getOrCreateLog('big', 0)).config.segmentBytes, 5000)
    assert.equal((await manager.getOrCreateLog('small', 0)).config.segmentBytes, 1000)
    assert.equal((await manager.getOrCreateLog('x', 0, { retentionMs: 5 })).config.retentionMs, 5)
  })
})
