import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import { CorruptIndexError, OffsetIndex } from '../src/index.js'
import { tempDir } from './helpers.js'

describe('OffsetIndex', () => {
  it('finds the last entry at or before an offset by binary search', () => {
    const index = OffsetIndex.create('/nonexistent/x.index', 100, 1024)
    index.append(110, 400)
    index.append(120, 800)
    index.append(135, 1200)
    assert.deepEqual(index.lookup(99), { offset: 100, position: 0 })
    assert.deepEqual(index.lookup(100), { offset: 100, position: 0 })
    assert.deepEqual(index.lookup(109), { offset: 100, position: 0 })
    assert.deepEqual(index.lookup(110), { offset: 110, position: 400 })
    assert.deepEqual(index.lookup(134), { offset: 120, position: 800 })
    assert.deepEqual(index.lookup(10_000), { offset: 135, position: 1200 })
  })

  it('answers the segment start when empty', () => {
    const index = OffsetIndex.create('/nonexistent/x.index', 7, 1024)
    assert.deepEqual(index.lookup(50), { offset: 7, position: 0 })
    assert.deepEqual(index.lastEntry(), { offset: 7, position: 0 })
  })

  it('refuses entries that do not move forward or do not fit a uint32', () => {
    const index = OffsetIndex.create('/nonexistent/x.index', 0, 1024)
    index.append(5, 100)
    assert.throws(() => index.append(5, 200), CorruptIndexError)
    assert.throws(() => index.append(6, 100), CorruptIndexError)
    assert.throws(() => index.append(2 ** 32, 300), CorruptIndexError)
  })

  it('is full at segment.index.bytes / 8 entries', () => {
    const index = OffsetIndex.create('/nonexistent/x.index', 0, 24)
    assert.equal(index.maxEntries, 3)
    for (let i = 1; i <= 3; i++) index.append(i, i * 10)
    assert.equal(index.isFull(), true)
    assert.throws(() => index.append(4, 40), CorruptIndexError)
  })

  it('truncates away the entries at or after an offset', () => {
    const index = OffsetIndex.create('/nonexistent/x.index', 0, 1024)
    for (let i = 1; i <= 5; i++) index.append(i * 10, i * 100)
    index.truncateTo(30)
    assert.equal(index.entries, 2)
    assert.deepEqual(index.lastEntry(), { offset: 20, position: 200 })
    index.truncateTo(0)
    assert.equal(index.entries, 0)
  })

  it('writes 8-byte big-endian entries of relative offset and position, and loads them back', (t) => {
    const dir = tempDir(t)
    const file = path.join(dir, '00000000000000000100.index')
    const index = OffsetIndex.create(file, 100, 1024)
    index.append(103, 4096)
    index.append(109, 8200)
    index.flush()
    const bytes = fs.readFileSync(file)
    assert.equal(bytes.toString('hex'), '0000000300001000' + '0000000900002008')
    const loaded = OffsetIndex.load(file, 100, 1024, 10_000)
    assert.deepEqual(loaded.lookup(110), { offset: 109, position: 8200 })
    assert.deepEqual(OffsetIndex.readLastEntry(file, 100), { offset: 109, position: 8200 })
  })

  it('rewrites only what changed after a truncation', (t) => {
    const file = path.join(tempDir(t), 'a.index')
    const index = OffsetIndex.create(file, 0, 1024)
    for (let i = 1; i <= 4; i++) index.append(i, i * 10)
    index.flush()
    index.truncateTo(3)
    index.append(5, 50)
    index.flush()
    const loaded = OffsetIndex.load(file, 0, 1024, 100)
    assert.deepEqual(
      Array.from({ length: loaded.entries }, (_, i) => loaded.entry(i)),
      [
        { offset: 1, position: 10 },
        { offset: 2, position: 20 },
        { offset: 5, position: 50 },
      ],
    )
  })

  it('refuses to load a file with a partial entry, entries out of order, or positions past the log', (t) => {
    const dir = tempDir(t)
    const file = path.join(dir, 'a.index')
    fs.writeFileSync(file, Buffer.alloc(12))
    assert.throws(() => OffsetIndex.load(file, 0, 1024, 100), CorruptIndexError)
    fs.writeFileSync(file, Buffer.from('0000000500000010' + '0000000300000020', 'hex'))
    assert.throws(() => OffsetIndex.load(file, 0, 1024, 100), CorruptIndexError)
    fs.writeFileSync(file, Buffer.from('0000000500000010', 'hex'))
    assert.throws(() => OffsetIndex.load(file, 0, 1024, 16), CorruptIndexError)
    assert.equal(OffsetIndex.load(file, 0, 1024, 17).entries, 1)
    assert.throws(
      () => OffsetIndex.load(path.join(dir, 'missing.index'), 0, 1024, 1),
      CorruptIndexError,
    )
  })
})
