import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  buildRecordBatch,
  checkBatch,
  decodeRecordBatches,
  validBatchesLength,
} from '@samsa/protocol'
import { Log } from '../src/index.js'

const child = fileURLToPath(new URL('./fixtures/append-until-killed.ts', import.meta.url))
const ROUNDS = 4

/** Runs the appending child until it has reported `reports` appends, then SIGKILLs it. */
async function appendUntilKilled(dir: string, seed: number, reports: number): Promise<number> {
  const proc: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@samsa/source', '--import', 'tsx', child, dir, String(seed)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let lastReported = -1
  let seen = 0
  let pending = ''
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  const killTimer = setTimeout(() => proc.kill('SIGKILL'), 60_000) // bound the round in time
  await new Promise<void>((resolve) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop()!
      for (const line of lines) {
        lastReported = Number(line)
        if (++seen === reports) {
          proc.kill('SIGKILL') // mid-append: the child is appending as fast as it can
          resolve()
        }
      }
    })
    proc.once('exit', () => resolve())
  })
  await exited
  clearTimeout(killTimer)
  assert.ok(seen >= reports, `child exited after ${seen} appends, before being killed`)
  return lastReported
}

/** Every batch intact, offsets contiguous from 0, every value the offset it sits at. */
function verifyLog(log: Log): number {
  let next = 0
  while (next < log.logEndOffset) {
    const data = log.read(next, 1 << 20)
    for (let pos = 0; pos < data.length; pos += checkBatch(data, pos));
    for (const batch of decodeRecordBatches(data)) {
      for (const record of batch.records) {
        assert.equal(record.offset, BigInt(next), 'offsets are contiguous')
        assert.equal(record.value!.toString().split(':')[0], String(next), 'value matches offset')
        next++
      }
    }
  }
  return next
}

describe('crash recovery', () => {
  it('keeps every batch a SIGKILLed appender reported written, and nothing torn', async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsa-crash-'))
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }))

    let seed = 20261125
    for (let round = 0; round < ROUNDS; round++) {
      const reported = await appendUntilKilled(dir, seed++, 50 + ((seed * 7919) % 400))
      const log = await Log.open(dir, { segmentBytes: 64 * 1024, indexIntervalBytes: 512 })
      try {
        assert.ok(log.logEndOffset > reported, `LEO ${log.logEndOffset} keeps offset ${reported}`)
        assert.equal(verifyLog(log), log.logEndOffset)
        assert.ok(log.numberOfSegments > 1, 'the appender rolled segments')
      } finally {
        await log.close()
      }
    }
  })

  it('cuts a torn write at the last whole batch after an unclean stop', async (t) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsa-torn-'))
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
    const reported = await appendUntilKilled(dir, 7, 100)

    // A write the kernel took only part of: the first bytes of one more batch.
    const active = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.log'))
      .sort()
      .at(-1)!
    const activePath = path.join(dir, active)
    const wholeBytes = validBatchesLength(fs.readFileSync(activePath))
    const torn = buildRecordBatch([{ value: 'torn'.repeat(100) }])
    fs.appendFileSync(activePath, torn.subarray(0, torn.length - 17))

    const log = await Log.open(dir, { segmentBytes: 64 * 1024, indexIntervalBytes: 512 })
    try {
      assert.ok(log.logEndOffset > reported)
      assert.equal(verifyLog(log), log.logEndOffset)
      assert.equal(fs.statSync(activePath).size, wholeBytes, 'the torn bytes are gone')
      const appended = log.append(buildRecordBatch([{ value: `${log.logEndOffset}:after` }]), {
        leaderEpoch: 2,
      })
      assert.equal(verifyLog(log), appended.lastOffset + 1)
    } finally {
      await log.close()
    }
  })
})
