import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { CorruptIndexError, TimeIndex } from '../src/index.js'
import { tempDir } from './helpers.js'

describe('TimeIndex', () => {
  it('appends only when the timestamp grows', () => {
    const index = TimeIndex.create('/nonexistent/x.timeindex', 0, 1200)
    index.maybeAppend(1000, 0)
    index.maybeAppend(1000, 5)
    index.maybeAppend(900, 6)
    index.maybeAppend(2000, 10)
    assert.equal(index.entries, 2)
    assert.deepEqual(index.lastEntry(), { timestamp: 2000, offset: 10 })
  })

  it('ignores batches without a timestamp (-1)', () => {
    const index = TimeIndex.create('/nonexistent/x.timeindex', 0, 1200)
    index.maybeAppend(-1, 3)
    assert.equal(index.entries, 0)
  })

  it('finds the last entry whose timestamp is at or before a target', () => {
    const index = TimeIndex.create('/nonexistent/x.timeindex', 50, 1200)
    index.maybeAppend(1000, 50)
    index.maybeAppend(2000, 60)
    index.maybeAppend(3000, 75)
    assert.deepEqual(index.lookup(999), { timestamp: -1, offset: 50 })
    assert.deepEqual(index.lookup(2000), { timestamp: 2000, offset: 60 })
    assert.deepEqual(index.lookup(2999), { timestamp: 2000, offset: 60 })
    assert.deepEqual(index.lookup(1e13), { timestamp: 3000, offset: 75 })
  })

  it('reserves its last slot for the entry written on roll', () => {
    const index = TimeIndex.create('/nonexistent/x.timeindex', 0, 36)
    assert.equal(index.maxEntries, 3)
    index.maybeAppend(1, 1)
    index.maybeAppend(2, 2)
    assert.equal(index.isFull(), true)
    assert.throws(() => index.maybeAppend(3, 3), CorruptIndexError)
    index.maybeAppend(3, 3, true)
    assert.equal(index.entries, 3)
    index.maybeAppend(4, 4, true) // no room at all: skipped, not an error
    assert.equal(index.entries, 3)
  })

  it('truncates entries at or after an offset', () => {
    const index = TimeIndex.create('/nonexistent/x.timeindex', 0, 1200)
    for (let i = 1; i <= 4; i++) index.maybeAppend(i * 100, i * 10)
    index.truncateTo(25)
    assert.deepEqual(index.lastEntry(), { timestamp: 200, offset: 20 })
  })

  it('writes 12-byte entries of int64 timestamp and uint32 relative offset, and loads them back', (t) => {
    const file = path.join(tempDir(t), '00000000000000000010.timeindex')
    const index = TimeIndex.create(file, 10, 1200)
    index.maybeAppend(1_700_000_000_123, 12)
    index.flush()
    assert.equal(fs.readFileSync(file).toString('hex'), '0000018bcfe5687b00000002')
    const loaded = TimeIndex.load(file, 10, 1200)
    assert.deepEqual(loaded.lastEntry(), { timestamp: 1_700_000_000_123, offset: 12 })
    assert.deepEqual(TimeIndex.readLastEntry(file, 10), {
      timestamp: 1_700_000_000_123,
      offset: 12,
    })
  })

  it('refuses to load a partial or backwards file', (t) => {
    const file = path.join(tempDir(t), 'a.timeindex')
    fs.writeFileSync(file, Buffer.alloc(13))
    assert.throws(() => TimeIndex.load(file, 0, 1200), CorruptIndexError)
    fs.writeFileSync(
      file,
      Buffer.from('000000000000000500000001' + '000000000000000400000002', 'hex'),
    )
    assert.throws(() => TimeIndex.load(file, 0, 1200), CorruptIndexError)
  })
})
