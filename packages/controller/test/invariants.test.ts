import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SamsaError } from '@samsa/protocol'
import fc from 'fast-check'
import {
  MetadataImage,
  type MetadataRecord,
  planAlterPartition,
  planBrokerHeartbeat,
  planCreatePartitions,
  planCreateTopics,
  planDeleteTopics,
  planElectLeaders,
  planFenceBroker,
  planRegisterBroker,
} from '../src/index.js'
import { fixedContext } from './helpers.js'

/** One step of a random run; numbers pick brokers, topics and partitions modulo what exists. */
type Op =
  | { op: 'register'; broker: number }
  | { op: 'unfence'; broker: number }
  | { op: 'shutdown'; broker: number }
  | { op: 'fence'; broker: number }
  | { op: 'create'; partitions: number; rf: number; unclean: boolean }
  | { op: 'delete'; topic: number }
  | { op: 'grow'; topic: number; by: number }
  | { op: 'alter'; topic: number; partition: number; members: number[]; stale: number }
  | { op: 'elect'; unclean: boolean }

const broker = fc.integer({ min: 1, max: 5 })
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('register' as const), broker }),
  fc.record({ op: fc.constant('unfence' as const), broker }),
  fc.record({ op: fc.constant('shutdown' as const), broker }),
  fc.record({ op: fc.constant('fence' as const), broker }),
  fc.record({
    op: fc.constant('create' as const),
    partitions: fc.integer({ min: 1, max: 4 }),
    rf: fc.integer({ min: 1, max: 4 }),
    unclean: fc.boolean(),
  }),
  fc.record({ op: fc.constant('delete' as const), topic: fc.nat() }),
  fc.record({
    op: fc.constant('grow' as const),
    topic: fc.nat(),
    by: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    op: fc.constant('alter' as const),
    topic: fc.nat(),
    partition: fc.nat(),
    members: fc.array(broker, { maxLength: 4 }),
    stale: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ op: fc.constant('elect' as const), unclean: fc.boolean() }),
)

function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length]
}

/** Plans one step; refused commands (SamsaError) produce no records. */
function plan(
  image: MetadataImage,
  op: Op,
  ctx: ReturnType<typeof fixedContext>,
  step: number,
): MetadataRecord[] {
  try {
    switch (op.op) {
      case 'register':
        return planRegisterBroker(
          image,
          {
            brokerId: op.broker,
            incarnationId: `inc-${op.broker}-${step}`,
            endpoint: { host: '127.0.0.1', port: 9000 + op.broker, httpPort: 0 },
            rack: op.broker % 2 === 0 ? 'even' : 'odd',
          },
          { sessionAlive: () => false, uncleanDefault: false },
        ).records
      case 'unfence':
      case 'shutdown': {
        const b = image.broker(op.broker)
        if (!b) return []
        return planBrokerHeartbeat(
          image,
          {
            brokerId: op.broker,
            brokerEpoch: b.brokerEpoch,
            wantShutDown: op.op === 'shutdown',
            currentMetadataVersion: image.version,
          },
          false,
        ).records
      }
      case 'fence':
        return planFenceBroker(image, op.broker, 'session-timeout', false)
      case 'create':
        return planCreateTopics(
          image,
          [
            {
              name: `topic-${step}`,
              numPartitions: op.partitions,
              replicationFactor: op.rf,
              configs: op.unclean ? { 'unclean.leader.election.enable': 'true' } : {},
            },
          ],
          ctx,
        ).records
      case 'delete': {
        const name = pick([...image.topics.keys()], op.topic)
        return name === undefined ? [] : planDeleteTopics(image, [name]).records
      }
      case 'grow': {
        const topic = pick([...image.topics.values()], op.topic)
        if (!topic) return []
        return planCreatePartitions(
          image,
          [{ name: topic.name, count: topic.partitions.length + op.by }],
          ctx,
        ).records
      }
      case 'alter': {
        const topic = pick([...image.topics.values()], op.topic)
        const p = topic && pick(topic.partitions, op.partition)
        if (!p || p.leader === -1) return []
        const record = planAlterPartition(image, {
          brokerId: p.leader,
          brokerEpoch: image.broker(p.leader)!.brokerEpoch,
          topic: p.topic,
          partition: p.partition,
          // Sometimes stale: must be refused.
          leaderEpoch: p.leaderEpoch - (op.stale === 1 ? 1 : 0),
          partitionEpoch: p.partitionEpoch - (op.stale === 2 ? 1 : 0),
          newIsr: [p.leader, ...op.members.filter((id) => id !== p.leader)].filter(
            (id, i, all) => all.indexOf(id) === i,
          ),
        }).record
        if (op.stale === 1 || op.stale === 2) assert.fail('a stale AlterPartition was accepted')
        return record ? [record] : []
      }
      case 'elect':
        return planElectLeaders(image, op.unclean ? 'unclean' : 'preferred').records
    }
  } catch (err) {
    if (err instanceof SamsaError) return []
    throw err
  }
}

function checkInvariants(
  image: MetadataImage,
  epochs: Map<string, { leader: number; le: number; pe: number }>,
) {
  for (const topic of image.topics.values()) {
    for (const p of topic.partitions) {
      const where = `${p.topic}-${p.partition} ${JSON.stringify(p)}`
      assert.ok(p.isr.length > 0, `ISR empty: ${where}`)
      assert.equal(new Set(p.isr).size, p.isr.length, `ISR duplicates: ${where}`)
      for (const id of p.isr)
        assert.ok(p.replicas.includes(id), `ISR not within replicas: ${where}`)
      if (p.leader !== -1) {
        assert.ok(p.isr.includes(p.leader), `leader outside the ISR: ${where}`)
        assert.ok(image.isUnfenced(p.leader), `fenced leader: ${where}`)
      }
      const key = `${topic.topicId}/${p.partition}`
      const prev = epochs.get(key)
      if (prev) {
        assert.ok(
          p.leaderEpoch >= prev.le && p.partitionEpoch >= prev.pe,
          `epochs went back: ${where}`,
        )
        if (p.leader !== prev.leader)
          assert.ok(p.leaderEpoch > prev.le, `leader changed, same epoch: ${where}`)
      }
      epochs.set(key, { leader: p.leader, le: p.leaderEpoch, pe: p.partitionEpoch })
    }
  }
}

describe('controller invariants', () => {
  it('hold for random sequences of commands, and replay is deterministic', () => {
    const stats = { records: 0, changes: 0, offline: 0 }
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(opArb, { minLength: 10, maxLength: 80 }),
        (brokers, ops) => {
          const image = new MetadataImage()
          const ctx = fixedContext()
          const log: MetadataRecord[] = []
          const epochs = new Map<string, { leader: number; le: number; pe: number }>()
          // Start from a running cluster: brokers 1..n registered and unfenced.
          const setup: Op[] = []
          for (let id = 1; id <= brokers; id++)
            setup.push({ op: 'register', broker: id }, { op: 'unfence', broker: id })
          ;[...setup, ...ops].forEach((op, step) => {
            const records = plan(image, op, ctx, step)
            for (const r of records) {
              image.apply(r)
              log.push(r)
              // Every partition change bumps the partition epoch by exactly one.
              if (r.type === 'partition-changed') {
                const prev = epochs.get(`${r.topicId}/${r.partition}`)
                if (prev) assert.equal(r.partitionEpoch, prev.pe + 1)
              }
            }
            // Checked per command: within one, a broker may be fenced before its partitions move.
            checkInvariants(image, epochs)
          })
          stats.records += log.length
          stats.changes += log.filter((r) => r.type === 'partition-changed').length
          stats.offline += [...image.partitions()].filter((p) => p.leader === -1).length
          const replayed = new MetadataImage()
          for (const r of log) replayed.apply(r)
          assert.deepEqual(replayed.toJSON(), image.toJSON())
        },
      ),
      { numRuns: 300 },
    )
    // The runs must reach the interesting states, not just refuse everything.
    assert.ok(stats.changes > 100, `only ${stats.changes} partition changes`)
    assert.ok(stats.offline > 0, 'no run took a partition offline')
  })
})
