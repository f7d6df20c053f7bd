import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import {
  InvalidEpochEntryError,
  LEADER_EPOCH_CHECKPOINT_FILE,
  LeaderEpochCache,
  UNDEFINED_EPOCH,
  UNDEFINED_EPOCH_OFFSET,
} from '../src/index.js'
import { MemoryLogger, tempDir } from './helpers.js'

function cacheWith(t: { after(fn: () => void): void }, entries: Array<[number, number]>) {
  const dir = tempDir(t)
  const cache = LeaderEpochCache.load(dir)
  for (const [epoch, offset] of entries) cache.assign(epoch, offset)
  return { dir, cache }
}

describe('LeaderEpochCache', () => {
  it('records the start offset of each new epoch and checkpoints it', (t) => {
    const { dir, cache } = cacheWith(t, [
      [0, 0],
      [2, 10],
      [3, 25],
    ])
    assert.deepEqual(cache.epochEntries(), [
      { epoch: 0, startOffset: 0 },
      { epoch: 2, startOffset: 10 },
      { epoch: 3, startOffset: 25 },
    ])
    assert.equal(
      fs.readFileSync(path.join(dir, LEADER_EPOCH_CHECKPOINT_FILE), 'utf8'),
      '0\n3\n0 0\n2 10\n3 25\n',
    )
    assert.deepEqual(LeaderEpochCache.load(dir).epochEntries(), cache.epochEntries())
  })

  it('ignores a repeat of the latest epoch at a later offset', (t) => {
    const { cache } = cacheWith(t, [
      [1, 0],
      [1, 5],
    ])
    assert.deepEqual(cache.epochEntries(), [{ epoch: 1, startOffset: 0 }])
  })

  it('removes entries that would break monotonicity, as Kafka does', (t) => {
    const { cache } = cacheWith(t, [
      [1, 0],
      [2, 10],
      [3, 20],
      [2, 15],
    ])
    assert.deepEqual(cache.epochEntries(), [
      { epoch: 1, startOffset: 0 },
      { epoch: 2, startOffset: 15 },
    ])
  })

  it('refuses negative epochs and offsets', (t) => {
    const { cache } = cacheWith(t, [])
    assert.throws(() => cache.assign(-1, 0), InvalidEpochEntryError)
    assert.throws(() => cache.assign(0, -5), InvalidEpochEntryError)
  })

  it('answers endOffsetFor with the next epoch start, or the log end offset for the latest epoch (KIP-101/279)', (t) => {
    const { cache } = cacheWith(t, [
      [1, 0],
      [3, 10],
      [5, 30],
    ])
    assert.deepEqual(cache.endOffsetFor(5, 42), { epoch: 5, endOffset: 42 })
    assert.deepEqual(cache.endOffsetFor(3, 42), { epoch: 3, endOffset: 30 })
    // An epoch the cache skipped: the largest known epoch below it, and the next start.
    assert.deepEqual(cache.endOffsetFor(4, 42), { epoch: 3, endOffset: 30 })
    assert.deepEqual(cache.endOffsetFor(2, 42), { epoch: 1, endOffset: 10 })
    // Older than anything known: the first known epoch's start.
    assert.deepEqual(cache.endOffsetFor(0, 42), { epoch: 0, endOffset: 0 })
    assert.deepEqual(cache.endOffsetFor(9, 42), {
      epoch: UNDEFINED_EPOCH,
      endOffset: UNDEFINED_EPOCH_OFFSET,
    })
    assert.deepEqual(cache.endOffsetFor(UNDEFINED_EPOCH, 42), {
      epoch: UNDEFINED_EPOCH,
      endOffset: UNDEFINED_EPOCH_OFFSET,
    })
  })

  it('forgets epochs that start at or after a truncation point', (t) => {
    const { dir, cache } = cacheWith(t, [
      [1, 0],
      [2, 10],
      [3, 20],
    ])
    cache.truncateFromEnd(10)
    assert.deepEqual(cache.epochEntries(), [{ epoch: 1, startOffset: 0 }])
    assert.deepEqual(LeaderEpochCache.load(dir).epochEntries(), [{ epoch: 1, startOffset: 0 }])
  })

  it('moves the first epoch up to a new log start offset', (t) => {
    const { cache } = cacheWith(t, [
      [1, 0],
      [2, 10],
      [3, 20],
    ])
    cache.truncateFromStart(15)
    assert.deepEqual(cache.epochEntries(), [
      { epoch: 2, startOffset: 15 },
      { epoch: 3, startOffset: 20 },
    ])
    cache.truncateFromStart(20)
    assert.deepEqual(cache.epochEntries(), [{ epoch: 3, startOffset: 20 }])
  })

  it('maps an offset to the epoch that wrote it', (t) => {
    const { cache } = cacheWith(t, [
      [1, 5],
      [2, 10],
    ])
    assert.equal(cache.epochForOffset(4), undefined)
    assert.equal(cache.epochForOffset(9), 1)
    assert.equal(cache.epochForOffset(10), 2)
  })

  it('starts empty, with a warning, from an unreadable checkpoint', (t) => {
    const dir = tempDir(t)
    fs.writeFileSync(path.join(dir, LEADER_EPOCH_CHECKPOINT_FILE), '0\n5\n1 0\n')
    const logger = new MemoryLogger()
    const cache = LeaderEpochCache.load(dir, logger)
    assert.deepEqual(cache.epochEntries(), [])
    assert.equal(logger.messages('warn').length, 1)
  })
})
