import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { BATCH_HEADER_SIZE } from '@samsa/protocol'
import { CLEAN_SHUTDOWN_FILE, LEADER_EPOCH_CHECKPOINT_FILE, type Log } from '../src/index.js'
import { batch, fixture, MemoryLogger, offsetsIn, segmentPath } from './helpers.js'

/**
 * Simulates a SIGKILL: the directory is copied as it is while the log is open (what the page
 * cache holds, no clean-shutdown marker), the log is closed, and the copy takes its place.
 */
async function crash(dir: string, log: Log): Promise<void> {
  const snapshot = `${dir}-crash`
  fs.cpSync(dir, snapshot, { recursive: true })
  await log.close()
  fs.rmSync(dir, { recursive: true })
  fs.renameSync(snapshot, dir)
}

const ONE = batch({ records: 2 }).length

async function writeLog(
  f: ReturnType<typeof fixture>,
  batches: number,
  config: Record<string, number> = {},
): Promise<Log> {
  const log = await f.open({ segmentBytes: ONE * 4, ...config })
  for (let i = 0; i < batches; i++)
    log.append(batch({ records: 2, tag: `r${i}` }), { leaderEpoch: 1 })
  return log
}

describe('Log recovery', () => {
  it('skips the scan after a clean shutdown', async (t) => {
    const f = fixture(t)
    await (await writeLog(f, 10)).close()
    assert.ok(fs.existsSync(path.join(f.dir, CLEAN_SHUTDOWN_FILE)))
    const log = await f.open({ segmentBytes: ONE * 4 })
    assert.equal(log.loadReport.hadCleanShutdown, true)
    assert.equal(log.loadReport.recoveredSegments, 0)
    assert.equal(fs.existsSync(path.join(f.dir, CLEAN_SHUTDOWN_FILE)), false)
    assert.equal(log.logEndOffset, 20)
  })

  it('re-validates segments from the recovery point on after an unclean stop', async (t) => {
    const f = fixture(t)
    const log = await writeLog(f, 10) // segments at 0, 8, 16
    await crash(f.dir, log)
    const again = await f.open({ segmentBytes: ONE * 4 }, { recoveryPoint: 9 })
    assert.equal(again.loadReport.hadCleanShutdown, false)
    assert.equal(again.loadReport.recoveredSegments, 2)
    assert.equal(again.logEndOffset, 20)
    assert.deepEqual(offsetsIn(again.read(16, 1 << 20)), [16, 17, 18, 19])
  })

  it('truncates a torn tail on recovery and logs what it repaired', async (t) => {
    const f = fixture(t)
    const log = await writeLog(f, 6) // segments at 0 (4 batches), 8 (2 batches)
    await crash(f.dir, log)
    const active = segmentPath(f.dir, 8)
    fs.truncateSync(active, fs.statSync(active).size - 5)
    const logger = new MemoryLogger()
    const again = await f.open({ segmentBytes: ONE * 4 }, { logger })
    assert.equal(again.logEndOffset, 10)
    assert.equal(again.loadReport.truncatedBytes, ONE - 5)
    assert.equal(fs.statSync(active).size, ONE)
    assert.ok(logger.messages('warn').some((m) => m.includes('truncated')))
    assert.deepEqual(offsetsIn(again.read(8, 1 << 20)), [8, 9])
    assert.equal(again.append(batch(), { leaderEpoch: 1 }).firstOffset, 10)
  })

  it('truncates a torn batch header', async (t) => {
    const f = fixture(t)
    await crash(f.dir, await writeLog(f, 2))
    fs.appendFileSync(
      segmentPath(f.dir, 0),
      batch({ records: 2 }).subarray(0, BATCH_HEADER_SIZE - 10),
    )
    const again = await f.open()
    assert.equal(again.logEndOffset, 4)
    assert.equal(fs.statSync(segmentPath(f.dir, 0)).size, ONE * 2)
  })

  it('repairs garbage appended to a .log file, even after a clean shutdown', async (t) => {
    const f = fixture(t)
    await (await writeLog(f, 3)).close()
    fs.appendFileSync(segmentPath(f.dir, 0), randomBytes(300))
    const logger = new MemoryLogger()
    const again = await f.open({}, { logger })
    assert.equal(again.logEndOffset, 6)
    assert.equal(fs.statSync(segmentPath(f.dir, 0)).size, ONE * 3)
    assert.ok(logger.messages('warn').length > 0)
  })

  it('repairs a valid-looking batch with a bad CRC at the tail after a clean shutdown', async (t) => {
    const f = fixture(t)
    await (await writeLog(f, 3)).close()
    const file = segmentPath(f.dir, 0)
    const bytes = fs.readFileSync(file)
    bytes[bytes.length - 3]! ^= 0xff
    fs.writeFileSync(file, bytes)
    const again = await f.open()
    assert.equal(again.logEndOffset, 4)
  })

  it('cuts at a corrupt batch and deletes the unflushed segments after it', async (t) => {
    const f = fixture(t)
    const log = await writeLog(f, 10) // segments at 0, 8, 16
    await crash(f.dir, log)
    const middle = segmentPath(f.dir, 8)
    const bytes = fs.readFileSync(middle)
    bytes[ONE + 70]! ^= 0x01 // inside the second batch of segment 8
    fs.writeFileSync(middle, bytes)
    const logger = new MemoryLogger()
    const again = await f.open({ segmentBytes: ONE * 4 }, { logger, recoveryPoint: 8 })
    assert.equal(again.logEndOffset, 10)
    assert.deepEqual(again.segmentBaseOffsets(), [0, 8])
    assert.equal(again.loadReport.deletedSegments, 1)
    assert.equal(fs.existsSync(segmentPath(f.dir, 16)), false)
    assert.ok(logger.messages('warn').some((m) => m.includes('deleted the segments after')))
  })

  it('repairs a truncated older segment without touching later ones', async (t) => {
    const f = fixture(t)
    await (await writeLog(f, 10)).close() // segments at 0, 8, 16
    const first = segmentPath(f.dir, 0)
    fs.truncateSync(first, ONE * 3 + 20)
    const again = await f.open({ segmentBytes: ONE * 4 })
    assert.equal(fs.statSync(first).size, ONE * 3)
    assert.deepEqual(again.segmentBaseOffsets(), [0, 8, 16])
    assert.equal(again.logEndOffset, 20)
    // The lost batch is skipped: a read in the hole answers from the next segment.
    assert.deepEqual(offsetsIn(again.read(6, ONE)), [8, 9])
  })

  it('never fails start-up on a .log full of random bytes', async (t) => {
    const f = fixture(t)
    await (await writeLog(f, 6)).close() // segments at 0, 8
    fs.writeFileSync(segmentPath(f.dir, 8), randomBytes(5000))
    fs.writeFileSync(segmentPath(f.dir, 0, '.index'), randomBytes(77))
    const again = await f.open({ segmentBytes: ONE * 4 })
    assert.equal(again.logEndOffset, 8)
    assert.deepEqual(offsetsIn(again.read(0, 1 << 20)).length, 8)
    assert.equal(again.append(batch(), { leaderEpoch: 1 }).firstOffset, 8)
  })

  it('rebuilds a missing or corrupt index', async (t) => {
    const f = fixture(t)
    await (await writeLog(f, 10, { indexIntervalBytes: 1 })).close()
    fs.unlinkSync(segmentPath(f.dir, 0, '.index'))
    fs.writeFileSync(segmentPath(f.dir, 8, '.timeindex'), Buffer.alloc(5))
    const again = await f.open({ segmentBytes: ONE * 4, indexIntervalBytes: 1 })
    assert.ok(fs.statSync(segmentPath(f.dir, 0, '.index')).size > 0)
    assert.equal(fs.statSync(segmentPath(f.dir, 8, '.timeindex')).size % 12, 0)
    for (let offset = 0; offset < 20; offset += 3) {
      assert.equal(offsetsIn(again.read(offset, 1))[0], offset - (offset % 2))
    }
  })

  it('removes stray files: half-deleted segments, orphan indexes, temp files', async (t) => {
    const f = fixture(t)
    await (await writeLog(f, 2)).close()
    fs.writeFileSync(`${segmentPath(f.dir, 50)}.deleted`, 'x')
    fs.writeFileSync(segmentPath(f.dir, 70, '.index'), Buffer.alloc(8))
    fs.writeFileSync(path.join(f.dir, 'leader-epoch-checkpoint.tmp'), 'x')
    const again = await f.open()
    assert.equal(again.loadReport.removedFiles, 3)
    assert.deepEqual(fs.readdirSync(f.dir).sort(), [
      '00000000000000000000.index',
      '00000000000000000000.log',
      '00000000000000000000.timeindex',
      'leader-epoch-checkpoint',
    ])
  })

  it('relearns leader epochs from recovered batches when the checkpoint is lost', async (t) => {
    const f = fixture(t)
    const log = await f.open()
    log.append(batch(), { leaderEpoch: 2 })
    log.append(batch(), { leaderEpoch: 5 })
    await crash(f.dir, log)
    fs.unlinkSync(path.join(f.dir, LEADER_EPOCH_CHECKPOINT_FILE))
    const again = await f.open()
    assert.deepEqual(again.leaderEpochCache.epochEntries(), [
      { epoch: 2, startOffset: 0 },
      { epoch: 5, startOffset: 1 },
    ])
  })

  it('drops epochs that start past the recovered log end', async (t) => {
    const f = fixture(t)
    const log = await f.open()
    log.append(batch(), { leaderEpoch: 2 })
    log.append(batch(), { leaderEpoch: 5 })
    await crash(f.dir, log)
    fs.truncateSync(segmentPath(f.dir, 0), batch().length + 10) // tears the second batch
    const again = await f.open()
    assert.equal(again.logEndOffset, 1)
    assert.deepEqual(again.leaderEpochCache.epochEntries(), [{ epoch: 2, startOffset: 0 }])
  })

  it('keeps the time index right for the active segment across a reopen', async (t) => {
    const f = fixture(t)
    const log = await f.open({ indexIntervalBytes: 1 })
    for (const ts of [100, 300, 200]) log.append(batch({ timestamp: ts }), { leaderEpoch: 0 })
    await log.close()
    const again = await f.open({ indexIntervalBytes: 1 })
    again.append(batch({ timestamp: 250 }), { leaderEpoch: 0 })
    assert.deepEqual(again.offsetForTimestamp(250), { offset: 1, timestamp: 300 })
    assert.deepEqual(again.offsetForTimestamp(301), undefined)
  })
})
