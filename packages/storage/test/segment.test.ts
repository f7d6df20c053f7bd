import assert from 'node:assert/strict'
import fs from 'node:fs'
import { describe, it } from 'node:test'
import { stampBaseOffset } from '@samsa/protocol'
import { Segment, SegmentCache, segmentFileName } from '../src/index.js'
import { batch, offsetsIn, tempDir } from './helpers.js'

const CONFIG = { maxIndexSize: 1024, indexIntervalBytes: 100 }

/** A segment at `base` holding `count` batches of 2 records each (timestamps 1000, 1100, ...). */
function segmentWith(dir: string, base: number, count: number, config = CONFIG): Segment {
  const segment = Segment.create(dir, base, config)
  for (let i = 0; i < count; i++) {
    const b = batch({ records: 2, timestamp: 1000 + i * 100, tag: `s${i}` })
    stampBaseOffset(b, 0, base + i * 2)
    segment.append(b, base + i * 2 + 1, 0)
  }
  return segment
}

describe('Segment', () => {
  it('names its files by the 20-digit base offset', () => {
    assert.equal(segmentFileName(1234, '.log'), '00000000000000001234.log')
  })

  it('translates an offset to its batch by an index lookup then a forward scan of headers', (t) => {
    const segment = segmentWith(tempDir(t), 100, 20)
    const one = batch({ records: 2 }).length
    assert.ok(segment.offsetIndex().entries > 3)
    for (const [offset, index] of [
      [100, 0],
      [101, 0],
      [117, 8],
      [139, 19],
    ] as const) {
      assert.deepEqual(segment.translateOffset(offset), {
        baseOffset: 100 + index * 2,
        lastOffset: 101 + index * 2,
        position: index * one,
        size: one,
      })
    }
    assert.equal(segment.translateOffset(140), undefined)
    assert.equal(segment.nextOffset, 140)
    segment.closeFd()
  })

  it('reads whole batches up to maxBytes and never past maxPosition', (t) => {
    const segment = segmentWith(tempDir(t), 0, 10)
    const one = batch({ records: 2 }).length
    assert.deepEqual(
      offsetsIn(segment.readBatches(one, one, Math.floor(one * 2.5), segment.size)),
      [2, 3, 4, 5],
    )
    assert.deepEqual(offsetsIn(segment.readBatches(one, one, 0, segment.size)), [2, 3])
    assert.deepEqual(offsetsIn(segment.readBatches(one, one, 1 << 20, one * 3)), [2, 3, 4, 5])
    segment.closeFd()
  })

  it('truncates whole batches and its index entries', (t) => {
    const segment = segmentWith(tempDir(t), 0, 10)
    const one = batch({ records: 2 }).length
    assert.equal(segment.truncateTo(7, 0), one * 7)
    assert.equal(segment.size, one * 3)
    assert.equal(segment.nextOffset, 6)
    assert.ok(segment.offsetIndex().lastEntry().offset < 6)
    assert.equal(segment.largestTimestamp(), 1200)
    segment.closeFd()
  })

  it('recovers by re-validating every batch, cutting a torn tail and rebuilding indexes', (t) => {
    const dir = tempDir(t)
    const written = segmentWith(dir, 0, 10)
    written.seal()
    written.releaseResources()
    const one = batch({ records: 2 }).length
    fs.truncateSync(written.logPath, one * 7 + 30)
    const segment = Segment.open(dir, 0, CONFIG)
    assert.equal(segment.checkTail(true).ok, false)
    const result = segment.recover()
    assert.equal(result.batches, 7)
    assert.equal(result.truncatedBytes, 30)
    assert.match(result.reason ?? '', /declares/)
    assert.equal(segment.nextOffset, 14)
    assert.deepEqual(segment.translateOffset(13)?.baseOffset, 12)
    segment.closeFd()
  })

  it('passes its tail check after a clean seal, and knows its next offset from it', (t) => {
    const dir = tempDir(t)
    const written = segmentWith(dir, 50, 10)
    written.seal()
    written.releaseResources()
    const segment = Segment.open(dir, 50, CONFIG)
    assert.deepEqual(segment.checkTail(true), { ok: true, nextOffset: 70 })
    assert.equal(segment.largestTimestamp(), 1900)
    segment.releaseResources()
  })

  it('finds the first record at or after a timestamp', (t) => {
    const segment = segmentWith(tempDir(t), 0, 10)
    assert.deepEqual(segment.findOffsetByTimestamp(1350, 0), { offset: 8, timestamp: 1400 })
    assert.deepEqual(segment.findOffsetByTimestamp(0, 5), { offset: 5, timestamp: 1200 })
    assert.equal(segment.findOffsetByTimestamp(5000, 0), undefined)
    segment.closeFd()
  })

  it('deletes its files, renaming the .log first', (t) => {
    const dir = tempDir(t)
    const segment = segmentWith(dir, 0, 3)
    segment.seal()
    segment.deleteFiles()
    assert.deepEqual(fs.readdirSync(dir), [])
  })
})

describe('SegmentCache', () => {
  it('keeps at most maxOpenSegments fds open, closing the least recently used', (t) => {
    const dir = tempDir(t)
    const segments = [0, 100, 200].map((base) => {
      const s = segmentWith(dir, base, 3)
      s.seal()
      s.releaseResources()
      return Segment.open(dir, base, CONFIG)
    })
    const cache = new SegmentCache({ maxOpenSegments: 2 })
    for (const s of segments) {
      s.translateOffset(s.baseOffset)
      cache.touch(s)
    }
    assert.deepEqual(
      segments.map((s) => s.hasOpenFd),
      [false, true, true],
    )
    // Indexes are bounded separately (by bytes): all three stay loaded.
    assert.deepEqual(
      segments.map((s) => s.resourceBytes > 0),
      [true, true, true],
    )
    segments[1]!.translateOffset(100)
    cache.touch(segments[1]!)
    segments[0]!.translateOffset(0)
    cache.touch(segments[0]!)
    assert.deepEqual(
      segments.map((s) => s.hasOpenFd),
      [true, true, false],
    )
    cache.clear()
    assert.deepEqual(
      segments.map((s) => s.hasResources),
      [false, false, false],
    )
  })

  it('bounds the memory of loaded indexes', (t) => {
    const dir = tempDir(t)
    const config = { maxIndexSize: 1024, indexIntervalBytes: 0 }
    const segments = [0, 100].map((base) => {
      const s = segmentWith(dir, base, 10, config)
      s.seal()
      s.releaseResources()
      return Segment.open(dir, base, config)
    })
    const cache = new SegmentCache({ maxIndexBytes: 100 })
    for (const s of segments) {
      s.translateOffset(s.baseOffset)
      cache.touch(s)
    }
    assert.equal(segments[0]!.resourceBytes, 0)
    assert.ok(segments[1]!.resourceBytes > 0)
    assert.equal(segments[0]!.hasOpenFd, true)
    cache.clear()
  })
})
