import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { assignReplicas, rackAlternatedBrokers } from '../src/index.js'

const brokers3 = [{ brokerId: 1 }, { brokerId: 2 }, { brokerId: 3 }]

function count(
  assignment: number[][],
  pick: (replicas: number[]) => number[],
): Map<number, number> {
  const counts = new Map<number, number>()
  for (const replicas of assignment) {
    for (const id of pick(replicas)) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return counts
}

describe('replica placement', () => {
  it('makes each of 3 brokers leader of 2 and follower of 4 partitions of a 6-partition RF=3 topic', () => {
    for (const startIndex of [0, 1, 2]) {
      const assignment = assignReplicas(brokers3, 6, 3, { startIndex })
      assert.deepEqual([...count(assignment, (r) => [r[0]!]).values()], [2, 2, 2])
      assert.deepEqual([...count(assignment, (r) => r.slice(1)).values()], [4, 4, 4])
      for (const replicas of assignment) assert.equal(new Set(replicas).size, 3)
    }
  })

  it('spreads 12 partitions evenly, leaders and followers, and varies the follower order', () => {
    const assignment = assignReplicas(brokers3, 12, 2, { startIndex: 0 })
    assert.deepEqual([...count(assignment, (r) => [r[0]!]).values()], [4, 4, 4])
    assert.deepEqual([...count(assignment, (r) => r.slice(1)).values()], [4, 4, 4])
    // The shift grows every n partitions, so broker 1's follower is not always the same.
    const followersOf1 = new Set(assignment.filter((r) => r[0] === 1).map((r) => r[1]))
    assert.equal(followersOf1.size, 2)
  })

  it("follows Kafka's assignment for a fixed start", () => {
    assert.deepEqual(assignReplicas(brokers3, 6, 3, { startIndex: 0 }), [
      [1, 2, 3],
      [2, 3, 1],
      [3, 1, 2],
      [1, 3, 2],
      [2, 1, 3],
      [3, 2, 1],
    ])
  })

  it('continues a topic from a start partition (CreatePartitions)', () => {
    const all = assignReplicas(brokers3, 6, 2, { startIndex: 1 })
    const grown = [
      ...assignReplicas(brokers3, 2, 2, { startIndex: 1 }),
      ...assignReplicas(brokers3, 4, 2, { startIndex: 1, startPartition: 2 }),
    ]
    assert.deepEqual(grown, all)
  })

  it('puts the replicas of a partition on different racks', () => {
    const brokers = [
      { brokerId: 1, rack: 'a' },
      { brokerId: 2, rack: 'a' },
      { brokerId: 3, rack: 'b' },
      { brokerId: 4, rack: 'b' },
      { brokerId: 5, rack: 'c' },
      { brokerId: 6, rack: 'c' },
    ]
    assert.deepEqual(rackAlternatedBrokers(brokers), [1, 3, 5, 2, 4, 6])
    const rackOf = new Map(brokers.map((b) => [b.brokerId, b.rack]))
    const assignment = assignReplicas(brokers, 12, 3, { startIndex: 0 })
    for (const replicas of assignment) {
      assert.equal(new Set(replicas.map((id) => rackOf.get(id))).size, 3, `${replicas}`)
    }
    assert.deepEqual([...count(assignment, (r) => [r[0]!]).values()], [2, 2, 2, 2, 2, 2])
    // RF 2 over 3 racks: still two racks per partition.
    for (const replicas of assignReplicas(brokers, 12, 2, { startIndex: 0 })) {
      assert.notEqual(rackOf.get(replicas[0]!), rackOf.get(replicas[1]!))
    }
  })

  it('uses every rack before repeating one when RF exceeds the number of racks', () => {
    const brokers = [
      { brokerId: 1, rack: 'a' },
      { brokerId: 2, rack: 'a' },
      { brokerId: 3, rack: 'b' },
      { brokerId: 4, rack: 'b' },
    ]
    const rackOf = new Map(brokers.map((b) => [b.brokerId, b.rack]))
    for (const replicas of assignReplicas(brokers, 8, 3, { startIndex: 0 })) {
      assert.equal(new Set(replicas).size, 3)
      assert.equal(new Set(replicas.map((id) => rackOf.get(id))).size, 2)
    }
  })

  it('refuses a replication factor above the broker count, and bad counts', () => {
    const check = (fn: () => unknown, code: string) =>
      assert.throws(fn, (err: unknown) => (err as { code?: string }).code === code)
    check(() => assignReplicas(brokers3, 3, 4), 'INVALID_REPLICATION_FACTOR')
    check(() => assignReplicas(brokers3, 3, 0), 'INVALID_REPLICATION_FACTOR')
    check(() => assignReplicas([], 1, 1), 'INVALID_REPLICATION_FACTOR')
    check(() => assignReplicas(brokers3, 0, 1), 'INVALID_PARTITIONS')
    check(() => assignReplicas(brokers3, -2, 1), 'INVALID_PARTITIONS')
  })

  it('always gives distinct replicas and balanced leaders (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 8 }),
        fc.nat(),
        (n, partitions, rfSeed, start) => {
          const brokers = Array.from({ length: n }, (_, i) => ({
            brokerId: i + 10,
            rack: `r${i % 3}`,
          }))
          const rf = 1 + (rfSeed % n)
          const assignment = assignReplicas(brokers, partitions, rf, { startIndex: start % n })
          assert.equal(assignment.length, partitions)
          for (const replicas of assignment) assert.equal(new Set(replicas).size, rf)
          const leaders = [...count(assignment, (r) => [r[0]!]).values()]
          assert.ok(Math.max(...leaders) - Math.min(...leaders) <= 1)
        },
      ),
    )
  })
})
