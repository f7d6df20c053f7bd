import assert from 'node:assert/strict'
import { appendFileSync, readdirSync, statSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import {
  MetadataLog,
  type MetadataRecord,
  planCreateTopics,
  planFenceBroker,
} from '../src/index.js'
import { fixedContext, imageWithBrokers, tempDir } from './helpers.js'

/** The records of a small cluster: 3 brokers, a 6-partition topic, a fenced broker. */
function someRecords(): MetadataRecord[] {
  const image = imageWithBrokers([1, 2, 3])
  const records: MetadataRecord[] = []
  // Re-derive the broker records from a fresh image so the sequence starts at version 1.
  for (const b of image.brokers.values()) {
    records.push({
      type: 'broker-registered',
      brokerId: b.brokerId,
      brokerEpoch: records.length + 1,
      incarnationId: b.incarnationId,
      endpoint: b.endpoint,
      rack: b.rack,
    })
    records.push({ type: 'broker-unfenced', brokerId: b.brokerId, brokerEpoch: records.length })
  }
  const topics = planCreateTopics(
    image,
    [
      {
        name: 'orders',
        numPartitions: 6,
        replicationFactor: 3,
        configs: { 'retention.ms': '1000' },
      },
    ],
    fixedContext(),
  )
  records.push(...topics.records)
  for (const r of topics.records) image.apply(r)
  records.push(...planFenceBroker(image, 2, 'session-timeout', false))
  records.push({ type: 'config-changed', topic: 'orders', name: 'retention.ms', value: null })
  return records
}

async function openLog(dir: string, options: { snapshotBytes?: number; warnings?: object[] } = {}) {
  return MetadataLog.open({
    dir,
    ...(options.snapshotBytes === undefined ? {} : { snapshotBytes: options.snapshotBytes }),
    logger: {
      debug() {},
      info() {},
      warn: (obj) => options.warnings?.push(obj),
      error() {},
    },
  })
}

describe('metadata log', () => {
  it('numbers records from 1 and replays to the same image after a restart', async (t) => {
    const dir = tempDir(t)
    const records = someRecords()
    const log = await openLog(dir)
    assert.equal(log.version, 0)
    assert.equal(await log.commit(records.slice(0, 6)), 6)
    for (const r of records.slice(6)) await log.commit([r])
    const before = log.image.toJSON()
    assert.equal(before.version, records.length)
    await log.close()

    const reopened = await openLog(dir)
    t.after(() => reopened.close())
    assert.deepEqual(reopened.image.toJSON(), before)
    assert.equal(reopened.image.topic('orders')!.configs['retention.ms'], undefined)
    assert.equal(reopened.image.broker(2)!.fenced, true)
    // It keeps appending after the replayed records.
    await reopened.commit([
      { type: 'config-changed', topic: 'orders', name: 'retention.ms', value: '5' },
    ])
    assert.equal(reopened.version, records.length + 1)
  })

  it('truncates a torn tail, logs it, and keeps every complete record', async (t) => {
    const dir = tempDir(t)
    const records = someRecords()
    const log = await openLog(dir)
    await log.commit(records.slice(0, 10))
    const at10 = log.image.toJSON()
    await log.commit(records.slice(10, 11))
    await log.close()

    const segment = join(dir, readdirSync(dir).find((n) => n.endsWith('.log'))!)
    // A crash in the middle of the last record's write: drop its last 5 bytes.
    truncateSync(segment, statSync(segment).size - 5)
    const warnings: object[] = []
    const reopened = await openLog(dir, { warnings })
    assert.equal(reopened.version, 10)
    assert.deepEqual(reopened.image.toJSON(), at10)
    assert.equal(warnings.length, 1)
    await reopened.commit(records.slice(10, 11))
    await reopened.close()

    // Garbage after the last record (a torn header) is dropped the same way.
    appendFileSync(segment, Buffer.from([0, 0, 1]))
    const again = await openLog(dir, { warnings })
    t.after(() => again.close())
    assert.equal(again.version, 11)
    assert.equal(warnings.length, 2)
  })

  it('drops a tail record whose CRC does not match', async (t) => {
    const dir = tempDir(t)
    const log = await openLog(dir)
    await log.commit(someRecords().slice(0, 3))
    await log.close()
    const segment = join(dir, readdirSync(dir).find((n) => n.endsWith('.log'))!)
    const size = statSync(segment).size
    // Flip the last byte of the last record's JSON payload.
    const { openSync, readSync, writeSync, closeSync } = await import('node:fs')
    const fd = openSync(segment, 'r+')
    const byte = Buffer.alloc(1)
    readSync(fd, byte, 0, 1, size - 1)
    byte[0] = byte[0]! ^ 0xff
    writeSync(fd, byte, 0, 1, size - 1)
    closeSync(fd)
    const reopened = await openLog(dir)
    t.after(() => reopened.close())
    assert.equal(reopened.version, 2)
  })

  it('snapshots past the size threshold and replays snapshot + later records', async (t) => {
    const dir = tempDir(t)
    const records = someRecords()
    const log = await openLog(dir, { snapshotBytes: 2_000 })
    for (const r of records) await log.commit([r])
    assert.ok(log.snapshotVersion > 0, 'a snapshot was written')
    const files = readdirSync(dir)
    assert.equal(files.filter((n) => n.endsWith('.snapshot')).length, 1)
    assert.equal(files.filter((n) => n.endsWith('.tmp')).length, 0)
    // Older segments were deleted: the remaining ones start at or after the snapshot.
    for (const name of files.filter((n) => n.endsWith('.log'))) {
      assert.ok(Number(name.slice(0, 20)) >= log.snapshotVersion)
    }
    const before = log.image.toJSON()
    await log.close()

    const reopened = await openLog(dir, { snapshotBytes: 2_000 })
    t.after(() => reopened.close())
    assert.deepEqual(reopened.image.toJSON(), before)
    // Deltas are served only from what is retained; older versions get undefined (snapshot).
    assert.deepEqual(reopened.recordsSince(reopened.version), [])
    assert.equal(reopened.recordsSince(reopened.version + 1), undefined)
  })

  it('serves the records after a version to watchers', async (t) => {
    const dir = tempDir(t)
    const records = someRecords()
    const log = await MetadataLog.open({ dir, retainedRecords: 5 })
    t.after(() => log.close())
    await log.commit(records)
    const tail = log.recordsSince(log.version - 3)!
    assert.deepEqual(
      tail.map((e) => e.version),
      [log.version - 2, log.version - 1, log.version],
    )
    assert.deepEqual(tail[2]!.record, records[records.length - 1])
    assert.equal(log.recordsSince(0), undefined, 'older than what is retained')
  })

  it('rolls back a batch whose records do not fit the image, on disk and in memory', async (t) => {
    const dir = tempDir(t)
    const records = someRecords()
    const log = await openLog(dir)
    await log.commit(records.slice(0, 6))
    const before = log.image.toJSON()
    await assert.rejects(
      log.commit([...records.slice(6, 8), { type: 'topic-deleted', name: 'ghost', topicId: 'x' }]),
      /unknown topic ghost/,
    )
    assert.deepEqual(log.image.toJSON(), before)
    assert.equal(await log.commit(records.slice(6, 8)), 8)
    const after = log.image.toJSON()
    await log.close()
    const reopened = await openLog(dir)
    t.after(() => reopened.close())
    assert.deepEqual(reopened.image.toJSON(), after)
  })
})
