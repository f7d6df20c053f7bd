import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import { OffsetOutOfRangeError } from '@samsa/protocol'
import fc from 'fast-check'
import { Log, type LogConfig } from '../src/index.js'
import { batch, ManualTime } from './helpers.js'

/*
 * Random sequences of append / follower append / read / roll / truncate / retention / close and
 * reopen / crash and reopen, run against the real Log and against a plain model: a list of
 * segments, each a list of batches (offsets and bytes). After every step the log end offset, log
 * start offset and segment base offsets must agree; reads must return exactly the model's bytes.
 */

interface ModelBatch {
  base: number
  last: number
  bytes: Buffer
}

interface ModelSegment {
  base: number
  batches: ModelBatch[]
}

class Model {
  segments: ModelSegment[] = [{ base: 0, batches: [] }]
  logStartOffset = 0
  logEndOffset = 0

  constructor(readonly config: LogConfig) {}

  private get active(): ModelSegment {
    return this.segments.at(-1)!
  }

  static size(segment: ModelSegment): number {
    return segment.batches.reduce((n, b) => n + b.bytes.length, 0)
  }

  append(batches: ModelBatch[]): void {
    const bytes = batches.reduce((n, b) => n + b.bytes.length, 0)
    const size = Model.size(this.active)
    if (size > 0 && size > this.config.segmentBytes - bytes) this.roll()
    this.active.batches.push(...batches)
    this.logEndOffset = batches.at(-1)!.last + 1
  }

  roll(): void {
    if (Model.size(this.active) === 0) return
    this.segments.push({ base: this.logEndOffset, batches: [] })
  }

  read(offset: number, maxBytes: number, bound: number): Buffer {
    const upper = Math.min(bound, this.logEndOffset)
    if (offset >= upper) return Buffer.alloc(0)
    let i = 0
    for (let j = 0; j < this.segments.length; j++) if (this.segments[j]!.base <= offset) i = j
    for (; i < this.segments.length; i++) {
      const batches = this.segments[i]!.batches
      const first = batches.findIndex((b) => b.last >= offset)
      if (first < 0) continue
      if (batches[first]!.last >= upper) return Buffer.alloc(0)
      const out = [batches[first]!]
      let total = batches[first]!.bytes.length
      for (let k = first + 1; k < batches.length; k++) {
        const b = batches[k]!
        if (b.last >= upper || total + b.bytes.length > maxBytes) break
        out.push(b)
        total += b.bytes.length
      }
      return Buffer.concat(out.map((b) => b.bytes))
    }
    return Buffer.alloc(0)
  }

  truncateTo(offset: number): void {
    if (offset >= this.logEndOffset) return
    if (offset < this.segments[0]!.base) {
      this.truncateFullyAndStartAt(offset)
      return
    }
    this.segments = this.segments.filter((s) => s.base <= offset)
    const active = this.active
    const cut = active.batches.findIndex((b) => b.last >= offset)
    if (cut >= 0) {
      this.logEndOffset = Math.min(offset, active.batches[cut]!.base)
      active.batches = active.batches.slice(0, cut)
    } else {
      this.logEndOffset = active.batches.length > 0 ? active.batches.at(-1)!.last + 1 : active.base
    }
    this.logStartOffset = Math.min(this.logStartOffset, this.logEndOffset)
  }

  truncateFullyAndStartAt(offset: number): void {
    this.segments = [{ base: offset, batches: [] }]
    this.logStartOffset = offset
    this.logEndOffset = offset
  }

  deleteOldSegments(): void {
    const retentionBytes = this.config.retentionBytes
    if (retentionBytes < 0) return
    let excess = this.segments.reduce((n, s) => n + Model.size(s), 0) - retentionBytes
    while (this.segments.length > 1 && excess - Model.size(this.segments[0]!) >= 0) {
      excess -= Model.size(this.segments.shift()!)
    }
    this.logStartOffset = Math.max(this.logStartOffset, this.segments[0]!.base)
  }

  allBatches(): ModelBatch[] {
    return this.segments.flatMap((s) => s.batches)
  }
}

type Op =
  | { op: 'append'; records: number; valueSize: number }
  | { op: 'appendAsFollower'; batches: number }
  | { op: 'read'; at: number; maxBytes: number; bound: number }
  | { op: 'roll' }
  | { op: 'truncateTo'; at: number }
  | { op: 'truncateFullyAndStartAt'; ahead: number }
  | { op: 'retention' }
  | { op: 'reopen' }
  | { op: 'crash' }

const fraction = fc.nat({ max: 1_000_000 })
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('append' as const),
      records: fc.integer({ min: 1, max: 5 }),
      valueSize: fc.integer({ min: 0, max: 120 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('appendAsFollower' as const),
      batches: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('read' as const),
      at: fraction,
      maxBytes: fc.integer({ min: 0, max: 600 }),
      bound: fraction,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('roll' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncateTo' as const), at: fraction }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('truncateFullyAndStartAt' as const),
      ahead: fc.integer({ min: 0, max: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('retention' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reopen' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('crash' as const) }) },
)

const configArb = fc.record({
  segmentBytes: fc.integer({ min: 200, max: 1200 }),
  indexIntervalBytes: fc.integer({ min: 0, max: 300 }),
  retentionBytes: fc.oneof(fc.constant(-1), fc.constant(0), fc.integer({ min: 0, max: 2000 })),
})

/** A value in [lo, hi] chosen by a random natural number. */
function pick(n: number, lo: number, hi: number): number {
  return lo + (n % (hi - lo + 1))
}

async function run(root: string, configInput: Partial<LogConfig>, ops: Op[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(root, 'run-'))
  const config = { ...configInput, retentionMs: -1 } as LogConfig
  const options = { time: new ManualTime() }
  let log = await Log.open(dir, config, options)
  const model = new Model({ ...log.config })
  let tag = 0
  const check = (): void => {
    assert.equal(log.logEndOffset, model.logEndOffset, 'log end offset')
    assert.equal(log.logStartOffset, model.logStartOffset, 'log start offset')
    assert.deepEqual(
      log.segmentBaseOffsets(),
      model.segments.map((s) => s.base),
      'segments',
    )
  }
  try {
    for (const step of ops) {
      switch (step.op) {
        case 'append': {
          const b = batch({ records: step.records, valueSize: step.valueSize, tag: `t${tag++}` })
          if (b.length > model.config.segmentBytes) break
          const info = log.append(b, { leaderEpoch: 1 })
          assert.equal(info.firstOffset, model.logEndOffset)
          model.append([{ base: info.firstOffset, last: info.lastOffset, bytes: Buffer.from(b) }])
          break
        }
        case 'appendAsFollower': {
          const batches: ModelBatch[] = []
          let next = model.logEndOffset
          for (let i = 0; i < step.batches; i++) {
            const b = batch({
              records: 2,
              baseOffset: next,
              partitionLeaderEpoch: 1,
              tag: `f${tag++}`,
            })
            batches.push({ base: next, last: next + 1, bytes: b })
            next += 2
          }
          const all = Buffer.concat(batches.map((b) => b.bytes))
          if (all.length > model.config.segmentBytes) break
          log.appendAsFollower(all)
          model.append(batches)
          break
        }
        case 'read': {
          const offset = pick(step.at, model.logStartOffset - 1, model.logEndOffset + 1)
          const bound = pick(step.bound, model.logStartOffset, model.logEndOffset + 1)
          if (offset < model.logStartOffset || offset > model.logEndOffset) {
            assert.throws(() => log.read(offset, step.maxBytes, bound), OffsetOutOfRangeError)
          } else {
            const got = log.read(offset, step.maxBytes, bound)
            assert.ok(
              got.equals(model.read(offset, step.maxBytes, bound)),
              `read(${offset}, ${step.maxBytes}, ${bound})`,
            )
          }
          break
        }
        case 'roll':
          log.roll()
          model.roll()
          break
        case 'truncateTo': {
          const offset = pick(step.at, 0, model.logEndOffset)
          log.truncateTo(offset)
          model.truncateTo(offset)
          break
        }
        case 'truncateFullyAndStartAt': {
          const offset = model.logEndOffset + step.ahead
          log.truncateFullyAndStartAt(offset)
          model.truncateFullyAndStartAt(offset)
          break
        }
        case 'retention':
          log.deleteOldSegments()
          model.deleteOldSegments()
          break
        case 'reopen':
          await log.close()
          log = await Log.open(dir, config, { ...options, logStartOffset: log.logStartOffset })
          assert.equal(log.loadReport.recoveredSegments, 0)
          break
        case 'crash': {
          // What a SIGKILL leaves on disk: the files as they are, no clean-shutdown marker.
          const snapshot = `${dir}-snapshot`
          fs.cpSync(dir, snapshot, { recursive: true })
          const { logStartOffset, recoveryPoint } = log
          await log.close()
          fs.rmSync(dir, { recursive: true })
          fs.renameSync(snapshot, dir)
          log = await Log.open(dir, config, { ...options, logStartOffset, recoveryPoint })
          assert.equal(log.loadReport.truncatedBytes, 0)
          break
        }
      }
      check()
    }
    for (const b of model.allBatches()) {
      if (b.base < model.logStartOffset) continue
      assert.ok(log.read(b.base, 0).equals(b.bytes), `batch at ${b.base}`)
    }
  } finally {
    await log.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

describe('Log (property-based, against an in-memory model)', () => {
  it('agrees with the model on reads, log end offset, log start offset and segments', async (t) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'samsa-prop-'))
    t.after(() => fs.rmSync(root, { recursive: true, force: true }))
    await fc.assert(
      fc.asyncProperty(
        configArb,
        fc.array(opArb, { minLength: 10, maxLength: 80, size: 'max' }),
        (config, ops) => run(root, config, ops),
      ),
      { numRuns: 150 },
    )
  })
})
