import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import {
  CheckpointFile,
  CorruptCheckpointError,
  topicPartitionOffsetFormatter,
} from '../src/index.js'
import { tempDir } from './helpers.js'

describe('CheckpointFile', () => {
  it("writes Kafka's layout: version line, count line, one entry per line", (t) => {
    const file = path.join(tempDir(t), 'recovery-point-offset-checkpoint')
    const checkpoint = new CheckpointFile(file, topicPartitionOffsetFormatter)
    checkpoint.write([
      { topic: 'orders', partition: 0, offset: 1200 },
      { topic: 'orders', partition: 1, offset: 877 },
    ])
    assert.equal(fs.readFileSync(file, 'utf8'), '0\n2\norders 0 1200\norders 1 877\n')
    assert.deepEqual(checkpoint.read(), [
      { topic: 'orders', partition: 0, offset: 1200 },
      { topic: 'orders', partition: 1, offset: 877 },
    ])
  })

  it('reads a missing file as no entries', (t) => {
    const checkpoint = new CheckpointFile(
      path.join(tempDir(t), 'none'),
      topicPartitionOffsetFormatter,
    )
    assert.deepEqual(checkpoint.read(), [])
  })

  it('writes an empty checkpoint', (t) => {
    const file = path.join(tempDir(t), 'cp')
    new CheckpointFile(file, topicPartitionOffsetFormatter).write([])
    assert.equal(fs.readFileSync(file, 'utf8'), '0\n0\n')
  })

  it('refuses a malformed file with a typed error naming the line', (t) => {
    const file = path.join(tempDir(t), 'cp')
    const checkpoint = new CheckpointFile(file, topicPartitionOffsetFormatter)
    for (const text of ['1\n0\n', '0\n2\na 0 1\n', '0\n1\na x 1\n', '0\nz\n', '0\n1\na 0\n', '']) {
      fs.writeFileSync(file, text)
      assert.throws(() => checkpoint.read(), CorruptCheckpointError, JSON.stringify(text))
    }
  })

  it('replaces the file atomically and leaves no temp file behind', (t) => {
    const dir = tempDir(t)
    const file = path.join(dir, 'cp')
    const checkpoint = new CheckpointFile(file, topicPartitionOffsetFormatter)
    checkpoint.write([{ topic: 'a', partition: 0, offset: 1 }])
    checkpoint.write([{ topic: 'a', partition: 0, offset: 2 }])
    assert.deepEqual(fs.readdirSync(dir), ['cp'])
    assert.deepEqual(checkpoint.read(), [{ topic: 'a', partition: 0, offset: 2 }])
  })

  it('keeps the previous contents when a write fails before the rename', (t) => {
    const dir = tempDir(t)
    const file = path.join(dir, 'cp')
    const checkpoint = new CheckpointFile(file, topicPartitionOffsetFormatter)
    checkpoint.write([{ topic: 'a', partition: 0, offset: 1 }])
    fs.mkdirSync(`${file}.tmp`) // the temp file cannot be created
    assert.throws(() => checkpoint.write([{ topic: 'a', partition: 0, offset: 2 }]))
    assert.deepEqual(checkpoint.read(), [{ topic: 'a', partition: 0, offset: 1 }])
  })
})
