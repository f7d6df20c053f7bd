import assert from 'node:assert/strict'
import fs from 'node:fs'
import { describe, it } from 'node:test'
import {
  BatchField,
  batchBaseOffset,
  batchPartitionLeaderEpoch,
  CorruptRecordError,
  crc32c,
  InvalidRecordError,
  MessageTooLargeError,
  OffsetOutOfRangeError,
} from '@samsa/protocol'
import {
  FencedLeaderEpochError,
  LogClosedError,
  UnexpectedAppendOffsetError,
} from '../src/index.js'
import { batch, describeBatches, fixture, ManualTime, offsetsIn, segmentPath } from './helpers.js'

/** Recomputes a batch's CRC after a test edited a covered field. */
function recrc(buf: Buffer): Buffer {
  buf.writeUInt32BE(crc32c(buf, BatchField.attributes, buf.length), BatchField.crc)
  return buf
}

function filesSizes(dir: string): Record<string, number> {
  return Object.fromEntries(fs.readdirSync(dir).map((f) => [f, fs.statSync(`${dir}/${f}`).size]))
}

describe('Log append (leader)', () => {
  it('assigns consecutive offsets and stamps baseOffset and leader epoch in place', async (t) => {
    const log = await fixture(t).open()
    const a = batch({ records: 3, timestamp: 5000 })
    const b = batch({ records: 2, timestamp: 7000 })
    const infoA = log.append(a, { leaderEpoch: 4 })
    const infoB = log.append(b, { leaderEpoch: 4 })
    assert.deepEqual(
      [infoA.firstOffset, infoA.lastOffset, infoB.firstOffset, infoB.lastOffset],
      [0, 2, 3, 4],
    )
    assert.equal(infoB.maxTimestamp, 7000)
    assert.equal(infoA.recordCount, 3)
    assert.equal(batchBaseOffset(b, 0), 3)
    assert.equal(batchPartitionLeaderEpoch(b, 0), 4)
    assert.equal(log.logEndOffset, 5)
    assert.deepEqual(offsetsIn(log.read(0, 1 << 20)), [0, 1, 2, 3, 4])
  })

  it('appends several batches in one call', async (t) => {
    const log = await fixture(t).open()
    const info = log.append(Buffer.concat([batch({ records: 2 }), batch({ records: 3 })]), {
      leaderEpoch: 0,
    })
    assert.deepEqual([info.firstOffset, info.lastOffset, info.batchCount], [0, 4, 2])
    assert.deepEqual(
      describeBatches(log.read(0, 1 << 20)).map((b) => [b.base, b.last]),
      [
        [0, 1],
        [2, 4],
      ],
    )
  })

  it('records the start offset of each leader epoch in the epoch cache', async (t) => {
    const log = await fixture(t).open()
    log.append(batch({ records: 2 }), { leaderEpoch: 1 })
    log.append(batch({ records: 2 }), { leaderEpoch: 1 })
    log.append(batch({ records: 2 }), { leaderEpoch: 3 })
    assert.deepEqual(log.leaderEpochCache.epochEntries(), [
      { epoch: 1, startOffset: 0 },
      { epoch: 3, startOffset: 4 },
    ])
    assert.deepEqual(log.endOffsetForEpoch(1), { epoch: 1, endOffset: 4 })
    assert.deepEqual(log.endOffsetForEpoch(3), { epoch: 3, endOffset: 6 })
  })

  describe('refuses bad input and writes nothing, not even partially', () => {
    const cases: Array<[string, () => Buffer, new (...args: never[]) => Error]> = [
      [
        'a bad CRC',
        () => {
          const b = batch({ records: 2 })
          b[b.length - 1]! ^= 0xff
          return b
        },
        CorruptRecordError,
      ],
      [
        'a wrong magic',
        () => {
          const b = batch()
          b.writeInt8(1, BatchField.magic)
          return b
        },
        CorruptRecordError,
      ],
      [
        'a length that overruns the buffer',
        () => batch({ records: 2 }).subarray(0, 70),
        CorruptRecordError,
      ],
      [
        'a declared length larger than the buffer',
        () => {
          const b = batch()
          b.writeInt32BE(b.length, BatchField.batchLength)
          return b
        },
        CorruptRecordError,
      ],
      [
        'zero records',
        () => {
          const b = batch()
          b.writeInt32BE(0, BatchField.recordCount)
          b.writeInt32BE(-1, BatchField.lastOffsetDelta)
          return recrc(b)
        },
        InvalidRecordError,
      ],
      ['an empty buffer', () => Buffer.alloc(0), InvalidRecordError],
      [
        'trailing bytes after a good batch',
        () => Buffer.concat([batch(), Buffer.alloc(20)]),
        CorruptRecordError,
      ],
      [
        'a good batch followed by a corrupt one',
        () => {
          const bad = batch({ records: 3 })
          bad[bad.length - 2]! ^= 1
          return Buffer.concat([batch({ records: 2 }), bad])
        },
        CorruptRecordError,
      ],
    ]
    for (const [name, make, error] of cases) {
      it(`refuses ${name}`, async (t) => {
        const f = fixture(t)
        const log = await f.open()
        log.append(batch({ records: 2, tag: 'before' }), { leaderEpoch: 0 })
        const before = filesSizes(f.dir)
        assert.throws(() => log.append(make(), { leaderEpoch: 0 }), error)
        assert.equal(log.logEndOffset, 2)
        log.flush()
        assert.deepEqual(filesSizes(f.dir), before)
        assert.deepEqual(offsetsIn(log.read(0, 1 << 20)), [0, 1])
        // and the log still takes good appends afterwards
        assert.equal(log.append(batch(), { leaderEpoch: 0 }).firstOffset, 2)
      })
    }

    it('refuses an append larger than segment.bytes', async (t) => {
      const log = await fixture(t).open({ segmentBytes: 200 })
      assert.throws(
        () => log.append(batch({ valueSize: 300 }), { leaderEpoch: 0 }),
        MessageTooLargeError,
      )
      assert.equal(log.logEndOffset, 0)
      assert.equal(log.size, 0)
    })

    it('refuses a leader epoch older than the latest one in the log', async (t) => {
      const log = await fixture(t).open()
      log.append(batch(), { leaderEpoch: 5 })
      assert.throws(() => log.append(batch(), { leaderEpoch: 4 }), FencedLeaderEpochError)
      assert.throws(() => log.append(batch(), { leaderEpoch: -1 }), InvalidRecordError)
      assert.equal(log.logEndOffset, 1)
    })
  })
})

describe('Log appendAsFollower', () => {
  it("keeps the leader's offsets and epochs and learns its epoch history", async (t) => {
    const log = await fixture(t).open()
    log.appendAsFollower(
      Buffer.concat([
        batch({ records: 2, baseOffset: 0, partitionLeaderEpoch: 1 }),
        batch({ records: 3, baseOffset: 2, partitionLeaderEpoch: 2 }),
      ]),
    )
    log.appendAsFollower(batch({ records: 1, baseOffset: 5, partitionLeaderEpoch: 2 }))
    assert.equal(log.logEndOffset, 6)
    assert.deepEqual(offsetsIn(log.read(0, 1 << 20)), [0, 1, 2, 3, 4, 5])
    assert.deepEqual(log.leaderEpochCache.epochEntries(), [
      { epoch: 1, startOffset: 0 },
      { epoch: 2, startOffset: 2 },
    ])
  })

  for (const [name, make] of [
    ['a first batch past the log end offset', () => batch({ baseOffset: 5 })],
    ['a first batch before the log end offset', () => batch({ baseOffset: 1 })],
    [
      'offsets going backwards inside the append',
      () => Buffer.concat([batch({ records: 2, baseOffset: 2 }), batch({ baseOffset: 3 })]),
    ],
  ] as const) {
    it(`refuses ${name} with UnexpectedAppendOffsetError and writes nothing`, async (t) => {
      const f = fixture(t)
      const log = await f.open()
      log.appendAsFollower(batch({ records: 2, baseOffset: 0 }))
      const before = filesSizes(f.dir)
      assert.throws(() => log.appendAsFollower(make()), UnexpectedAppendOffsetError)
      assert.equal(log.logEndOffset, 2)
      assert.deepEqual(filesSizes(f.dir), before)
    })
  }

  it('refuses a corrupt batch and writes nothing', async (t) => {
    const log = await fixture(t).open()
    const bad = batch({ baseOffset: 0 })
    bad[bad.length - 1]! ^= 0x10
    assert.throws(() => log.appendAsFollower(bad), CorruptRecordError)
    assert.equal(log.size, 0)
  })
})

describe('Log read', () => {
  async function logOfTenBatches(t: Parameters<typeof fixture>[0], config = {}) {
    const log = await fixture(t).open({ indexIntervalBytes: 100, ...config })
    for (let i = 0; i < 10; i++) log.append(batch({ records: 3, tag: `b${i}` }), { leaderEpoch: 0 })
    return log
  }

  it('returns the batch holding the fetch offset, whole, straight from the file', async (t) => {
    const log = await logOfTenBatches(t)
    const one = batch({ records: 3 }).length
    const data = log.read(16, one)
    assert.equal(data.length, one)
    assert.deepEqual(describeBatches(data)[0]!.values, ['b5-0......', 'b5-1......', 'b5-2......'])
  })

  it('returns one whole batch even when it is larger than maxBytes', async (t) => {
    const log = await logOfTenBatches(t)
    const data = log.read(0, 1)
    assert.deepEqual(offsetsIn(data), [0, 1, 2])
  })

  it('returns as many whole batches as fit in maxBytes, never a partial one', async (t) => {
    const log = await logOfTenBatches(t)
    const one = batch({ records: 3 }).length
    assert.deepEqual(
      describeBatches(log.read(3, one * 3 + one / 2)).map((b) => b.base),
      [3, 6, 9],
    )
    assert.equal(offsetsIn(log.read(0, 1 << 20)).length, 30)
  })

  it('returns nothing at or after upperBound (the high watermark)', async (t) => {
    const log = await logOfTenBatches(t)
    assert.deepEqual(
      describeBatches(log.read(0, 1 << 20, 9)).map((b) => b.base),
      [0, 3, 6],
    )
    // A batch that reaches the bound is left out whole.
    assert.deepEqual(
      describeBatches(log.read(0, 1 << 20, 10)).map((b) => b.base),
      [0, 3, 6],
    )
    assert.equal(log.read(9, 1 << 20, 9).length, 0)
    assert.equal(log.read(9, 1 << 20, 10).length, 0)
  })

  it('returns an empty buffer at the log end offset', async (t) => {
    const log = await logOfTenBatches(t)
    assert.equal(log.read(30, 1000).length, 0)
  })

  it('throws OffsetOutOfRangeError below the log start offset or past the log end offset', async (t) => {
    const log = await logOfTenBatches(t)
    assert.throws(() => log.read(31, 1000), OffsetOutOfRangeError)
    assert.throws(() => log.read(-1, 1000), OffsetOutOfRangeError)
  })

  it('finds offsets across many segments', async (t) => {
    const one = batch({ records: 3 }).length
    const log = await logOfTenBatches(t, { segmentBytes: one * 2 })
    assert.equal(log.numberOfSegments, 5)
    for (let offset = 0; offset < 30; offset++) {
      const first = describeBatches(log.read(offset, 1))[0]!
      assert.equal(first.base, offset - (offset % 3), `offset ${offset}`)
    }
    // One read never spans segments.
    assert.deepEqual(
      describeBatches(log.read(0, 1 << 20)).map((b) => b.base),
      [0, 3],
    )
  })
})

describe('Log roll', () => {
  it('rolls a new segment when an append would pass segment.bytes', async (t) => {
    const f = fixture(t)
    const one = batch().length
    const log = await f.open({ segmentBytes: one * 3 })
    for (let i = 0; i < 7; i++) log.append(batch(), { leaderEpoch: 0 })
    assert.deepEqual(log.segmentBaseOffsets(), [0, 3, 6])
    assert.ok(fs.existsSync(segmentPath(f.dir, 3, '.index')))
    assert.ok(fs.existsSync(segmentPath(f.dir, 3, '.timeindex')))
  })

  it('rolls a non-empty segment older than segment.ms, by the injected clock', async (t) => {
    const time = new ManualTime()
    const log = await fixture(t).open({ segmentMs: 60_000 }, { time })
    log.append(batch(), { leaderEpoch: 0 })
    time.advance(60_000)
    log.append(batch(), { leaderEpoch: 0 })
    assert.equal(log.numberOfSegments, 1)
    time.advance(1)
    log.append(batch(), { leaderEpoch: 0 })
    assert.deepEqual(log.segmentBaseOffsets(), [0, 2])
  })

  it('never rolls an empty segment by age', async (t) => {
    const time = new ManualTime()
    const log = await fixture(t).open({ segmentMs: 10 }, { time })
    time.advance(1_000_000)
    log.append(batch(), { leaderEpoch: 0 })
    assert.equal(log.numberOfSegments, 1)
  })

  it('rolls when the offset index is full', async (t) => {
    // 48 bytes = 6 offset-index entries; an entry before every batch but the first. One
    // timestamp, so the time index holds a single entry and never fills.
    const log = await fixture(t).open({ segmentIndexBytes: 48, indexIntervalBytes: 0 })
    for (let i = 0; i < 15; i++) log.append(batch({ timestamp: 5 }), { leaderEpoch: 0 })
    assert.deepEqual(log.segmentBaseOffsets(), [0, 7, 14])
    assert.deepEqual(offsetsIn(log.read(0, 1 << 20)), [0, 1, 2, 3, 4, 5, 6])
  })

  it('rolls when the time index is full (its last slot is kept for the roll)', async (t) => {
    // 48 bytes = 4 time-index slots: 3 usable, one kept for the final entry.
    const log = await fixture(t).open({ segmentIndexBytes: 48, indexIntervalBytes: 0 })
    for (let i = 0; i < 9; i++) log.append(batch({ timestamp: 1000 + i }), { leaderEpoch: 0 })
    assert.deepEqual(log.segmentBaseOffsets(), [0, 4, 8])
  })

  it('fsyncs the rolled segment in the background, then moves the recovery point past it', async (t) => {
    const log = await fixture(t).open({ segmentBytes: batch().length })
    log.append(batch(), { leaderEpoch: 0 })
    assert.equal(log.recoveryPoint, 0)
    log.append(batch(), { leaderEpoch: 0 })
    log.append(batch(), { leaderEpoch: 0 })
    await log.awaitBackgroundFlushes()
    assert.equal(log.recoveryPoint, 2)
  })

  it('does not trust a background fsync that a truncation overtook', async (t) => {
    const log = await fixture(t).open({ segmentBytes: batch().length })
    log.append(batch(), { leaderEpoch: 0 })
    log.append(batch(), { leaderEpoch: 0 }) // rolls; segment 0 fsyncs in the background
    log.truncateTo(0)
    log.append(batch(), { leaderEpoch: 0 })
    await log.awaitBackgroundFlushes()
    assert.equal(log.recoveryPoint, 0)
    log.flush()
    assert.equal(log.recoveryPoint, 1)
  })

  it('rolls on demand, but not an empty segment', async (t) => {
    const log = await fixture(t).open()
    log.roll()
    assert.equal(log.numberOfSegments, 1)
    log.append(batch(), { leaderEpoch: 0 })
    log.roll()
    assert.deepEqual(log.segmentBaseOffsets(), [0, 1])
  })
})

describe('Log retention', () => {
  it('deletes non-active segments older than retention.ms by their largest timestamp', async (t) => {
    const time = new ManualTime(100_000)
    const log = await fixture(t).open({ retentionMs: 10_000 }, { time })
    log.append(batch({ timestamp: 80_000 }), { leaderEpoch: 0 })
    log.roll()
    log.append(batch({ timestamp: 95_000 }), { leaderEpoch: 0 })
    log.roll()
    log.append(batch({ timestamp: 50_000 }), { leaderEpoch: 0 }) // active: never deleted
    assert.equal(log.deleteOldSegments(), 1)
    assert.deepEqual(log.segmentBaseOffsets(), [1, 2])
    assert.equal(log.logStartOffset, 1)
    time.advance(10_000)
    assert.equal(log.deleteOldSegments(), 1)
    assert.deepEqual(log.segmentBaseOffsets(), [2])
    assert.equal(log.logStartOffset, 2)
    assert.throws(() => log.read(1, 100), OffsetOutOfRangeError)
  })

  it('deletes the oldest segments while the log is larger than retention.bytes', async (t) => {
    const one = batch().length
    const log = await fixture(t).open({
      retentionBytes: one * 2 + 1,
      retentionMs: -1,
      segmentBytes: one,
    })
    for (let i = 0; i < 5; i++) log.append(batch(), { leaderEpoch: 0 })
    assert.equal(log.numberOfSegments, 5)
    assert.equal(log.deleteOldSegments(), 2)
    assert.deepEqual(log.segmentBaseOffsets(), [2, 3, 4])
    assert.equal(log.logStartOffset, 2)
    assert.equal(log.deleteOldSegments(), 0)
  })

  it('keeps everything with retention.ms and retention.bytes at -1', async (t) => {
    const time = new ManualTime()
    const log = await fixture(t).open(
      { retentionMs: -1, retentionBytes: -1, segmentBytes: 100 },
      { time },
    )
    for (let i = 0; i < 5; i++) log.append(batch({ timestamp: 1 }), { leaderEpoch: 0 })
    time.advance(1e12)
    assert.equal(log.deleteOldSegments(), 0)
  })

  it('moves the first epoch of the epoch cache up to the new log start offset', async (t) => {
    const one = batch().length
    const log = await fixture(t).open({ retentionBytes: 0, retentionMs: -1, segmentBytes: one * 2 })
    log.append(batch(), { leaderEpoch: 1 })
    log.append(batch(), { leaderEpoch: 1 })
    log.append(batch(), { leaderEpoch: 1 })
    log.deleteOldSegments()
    assert.equal(log.logStartOffset, 2)
    assert.deepEqual(log.leaderEpochCache.epochEntries(), [{ epoch: 1, startOffset: 2 }])
  })
})

describe('Log truncation', () => {
  async function logOfSegments(t: Parameters<typeof fixture>[0]) {
    const one = batch({ records: 2 }).length
    const log = await fixture(t).open({ segmentBytes: one * 2 })
    for (let i = 0; i < 6; i++) log.append(batch({ records: 2 }), { leaderEpoch: i < 3 ? 1 : 2 })
    return log // segments at 0, 4, 8; epochs 1@0, 2@6
  }

  it('truncateTo removes every batch from the offset on, across segments', async (t) => {
    const log = await logOfSegments(t)
    assert.equal(log.truncateTo(6), 6)
    assert.deepEqual(log.segmentBaseOffsets(), [0, 4])
    assert.equal(log.logEndOffset, 6)
    assert.deepEqual(offsetsIn(log.read(4, 1 << 20)), [4, 5])
    assert.deepEqual(log.leaderEpochCache.epochEntries(), [{ epoch: 1, startOffset: 0 }])
    assert.equal(log.append(batch(), { leaderEpoch: 3 }).firstOffset, 6)
    assert.deepEqual(offsetsIn(log.read(6, 1 << 20)), [6])
    assert.deepEqual(log.leaderEpochCache.epochEntries(), [
      { epoch: 1, startOffset: 0 },
      { epoch: 3, startOffset: 6 },
    ])
  })

  it('truncateTo inside a batch removes that whole batch', async (t) => {
    const log = await logOfSegments(t)
    assert.equal(log.truncateTo(3), 2)
    assert.equal(log.logEndOffset, 2)
    assert.deepEqual(log.segmentBaseOffsets(), [0])
  })

  it('truncateTo at a segment base empties that segment and keeps it active', async (t) => {
    const log = await logOfSegments(t)
    assert.equal(log.truncateTo(4), 4)
    assert.deepEqual(log.segmentBaseOffsets(), [0, 4])
    log.append(batch(), { leaderEpoch: 2 })
    assert.deepEqual(offsetsIn(log.read(4, 1 << 20)), [4])
  })

  it('truncateTo at or past the log end offset does nothing', async (t) => {
    const log = await logOfSegments(t)
    assert.equal(log.truncateTo(12), 12)
    assert.equal(log.truncateTo(100), 12)
    assert.deepEqual(log.segmentBaseOffsets(), [0, 4, 8])
  })

  it('truncateFullyAndStartAt empties the log and restarts it at an offset', async (t) => {
    const log = await logOfSegments(t)
    log.truncateFullyAndStartAt(100)
    assert.deepEqual(log.segmentBaseOffsets(), [100])
    assert.equal(log.logStartOffset, 100)
    assert.equal(log.logEndOffset, 100)
    assert.deepEqual(log.leaderEpochCache.epochEntries(), [])
    assert.throws(() => log.read(5, 100), OffsetOutOfRangeError)
    log.appendAsFollower(batch({ baseOffset: 100, partitionLeaderEpoch: 7 }))
    assert.deepEqual(offsetsIn(log.read(100, 1000)), [100])
  })

  it('lowers the recovery point to the new log end offset', async (t) => {
    const log = await logOfSegments(t)
    log.flush()
    log.truncateTo(5)
    assert.equal(log.recoveryPoint, 4)
  })
})

describe('Log offsetForTimestamp', () => {
  it('finds the first record whose timestamp is at or after the target, across segments', async (t) => {
    const log = await fixture(t).open({ segmentBytes: 300, indexIntervalBytes: 1 })
    for (let i = 0; i < 12; i++)
      log.append(batch({ records: 2, timestamp: 1000 + i * 100 }), { leaderEpoch: 0 })
    assert.ok(log.numberOfSegments > 3)
    assert.deepEqual(log.offsetForTimestamp(0), { offset: 0, timestamp: 1000 })
    assert.deepEqual(log.offsetForTimestamp(1000), { offset: 0, timestamp: 1000 })
    assert.deepEqual(log.offsetForTimestamp(1001), { offset: 2, timestamp: 1100 })
    assert.deepEqual(log.offsetForTimestamp(1750), { offset: 16, timestamp: 1800 })
    assert.deepEqual(log.offsetForTimestamp(2100), { offset: 22, timestamp: 2100 })
    assert.equal(log.offsetForTimestamp(2101), undefined)
  })

  it('handles timestamps that do not grow with offsets', async (t) => {
    const log = await fixture(t).open({ indexIntervalBytes: 1 })
    for (const ts of [5000, 1000, 3000, 7000, 2000])
      log.append(batch({ timestamp: ts }), { leaderEpoch: 0 })
    assert.deepEqual(log.offsetForTimestamp(2500), { offset: 0, timestamp: 5000 })
    assert.deepEqual(log.offsetForTimestamp(6000), { offset: 3, timestamp: 7000 })
  })
})

describe('Log flush policy', () => {
  it('fsyncs after flush.messages records and moves the recovery point', async (t) => {
    const log = await fixture(t).open({ flushMessages: 5 })
    log.append(batch({ records: 3 }), { leaderEpoch: 0 })
    assert.equal(log.recoveryPoint, 0)
    log.append(batch({ records: 3 }), { leaderEpoch: 0 })
    assert.equal(log.recoveryPoint, 6)
  })

  it('fsyncs when flush.ms has passed, by the injected clock', async (t) => {
    const time = new ManualTime()
    const log = await fixture(t).open({ flushMs: 1000 }, { time })
    log.append(batch(), { leaderEpoch: 0 })
    log.maybeFlush()
    assert.equal(log.recoveryPoint, 0)
    time.advance(1000)
    log.maybeFlush()
    assert.equal(log.recoveryPoint, 1)
  })

  it('does not fsync appends by default', async (t) => {
    const log = await fixture(t).open()
    for (let i = 0; i < 10; i++) log.append(batch(), { leaderEpoch: 0 })
    assert.equal(log.recoveryPoint, 0)
    log.flush()
    assert.equal(log.recoveryPoint, 10)
  })
})

describe('Log close', () => {
  it('refuses calls after close with LogClosedError', async (t) => {
    const log = await fixture(t).open()
    await log.close()
    assert.throws(() => log.append(batch(), { leaderEpoch: 0 }), LogClosedError)
    assert.throws(() => log.read(0, 10), LogClosedError)
    await log.close()
  })

  it('reopens with the same offsets, epochs and data', async (t) => {
    const f = fixture(t)
    const log = await f.open({ segmentBytes: 400 })
    for (let i = 0; i < 10; i++) log.append(batch({ records: 2, tag: `x${i}` }), { leaderEpoch: i })
    await log.close()
    const again = await f.open({ segmentBytes: 400 })
    assert.equal(again.loadReport.hadCleanShutdown, true)
    assert.equal(again.loadReport.recoveredSegments, 0)
    assert.equal(again.logEndOffset, 20)
    assert.equal(again.latestEpoch(), 9)
    assert.deepEqual(offsetsIn(again.read(18, 1000)), [18, 19])
    assert.equal(again.append(batch(), { leaderEpoch: 9 }).firstOffset, 20)
  })
})
