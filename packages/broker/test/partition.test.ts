import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it, type TestContext } from 'node:test'
import { buildRecordBatch, SamsaError } from '@samsa/protocol'
import { Log } from '@samsa/storage'
import { type CachedPartition, Partition, type PartitionListener } from '../src/index.js'

/** A log in a temp dir, closed and removed when the test ends. */
async function openLog(t: TestContext): Promise<Log> {
  const dir = mkdtempSync(join(tmpdir(), 'samsa-partition-'))
  const log = await Log.open(dir)
  t.after(async () => {
    await log.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return log
}

const SELF = 1

function state(overrides: Partial<CachedPartition> = {}): CachedPartition {
  return {
    topic: 't',
    topicId: 'id',
    partition: 0,
    replicas: [1, 2, 3],
    isr: [1, 2, 3],
    leader: SELF,
    leaderEpoch: 0,
    partitionEpoch: 0,
    ...overrides,
  }
}

async function partitionOf(
  t: TestContext,
  initial: CachedPartition,
  config = { minInsyncReplicas: 2, maxMessageBytes: 10_000 },
) {
  const log = await openLog(t)
  const events: string[] = []
  const listener: PartitionListener = {
    highWatermarkAdvanced: (p) => events.push(`hw ${p.highWatermark}`),
    appended: (p) => events.push(`append ${p.log.logEndOffset}`),
    stateChanged: () => events.push('state'),
  }
  const p = new Partition('t', 0, 'id', log, { config, listener })
  assert.equal(
    p.update(initial, SELF),
    initial.leader === SELF ? 'became-leader' : 'became-follower',
  )
  return { p, events }
}

const records = (n: number) =>
  buildRecordBatch(Array.from({ length: n }, (_, i) => ({ value: `v${i}` })))

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (err) {
    return err instanceof SamsaError ? err.code : String(err)
  }
  return undefined
}

describe('Partition (leader side)', () => {
  it('keeps HW = LEO when it is the only in-sync replica', async (t) => {
    const { p, events } = await partitionOf(t, state({ replicas: [1], isr: [1] }), {
      minInsyncReplicas: 1,
      maxMessageBytes: 10_000,
    })
    p.appendRecordsToLeader(records(3), 1)
    p.appendRecordsToLeader(records(2), -1)
    assert.equal(p.log.logEndOffset, 5)
    assert.equal(p.highWatermark, 5)
    assert.deepEqual(events, ['state', 'append 3', 'hw 3', 'append 5', 'hw 5'])
  })

  it('moves the HW to the minimum follower LEO over the ISR, never back', async (t) => {
    const { p } = await partitionOf(t, state())
    p.appendRecordsToLeader(records(10), 1)
    assert.equal(p.highWatermark, 0, 'followers whose position is unknown hold the HW back')
    assert.ok(p.updateFollowerFetchState(2, 10, 0))
    assert.equal(p.highWatermark, 0)
    assert.ok(p.updateFollowerFetchState(3, 4, 0))
    assert.equal(p.highWatermark, 4)
    p.updateFollowerFetchState(3, 10, 0)
    assert.equal(p.highWatermark, 10)
    p.updateFollowerFetchState(2, 6, 0)
    assert.equal(p.highWatermark, 10, 'the HW never goes back')
    assert.equal(p.updateFollowerFetchState(9, 10, 0), false, 'not a replica')
    assert.equal(p.updateFollowerFetchState(SELF, 10, 0), false, 'not a follower')
  })

  it('does not wait for a follower outside the ISR, and advances when the ISR shrinks', async (t) => {
    const { p } = await partitionOf(t, state({ isr: [1, 2] }))
    p.appendRecordsToLeader(records(5), 1)
    p.updateFollowerFetchState(2, 5, 0)
    assert.equal(p.highWatermark, 5)

    const { p: q } = await partitionOf(t, state())
    q.appendRecordsToLeader(records(5), 1)
    q.updateFollowerFetchState(2, 5, 0)
    assert.equal(q.highWatermark, 0)
    assert.equal(q.update(state({ isr: [1, 2], partitionEpoch: 1 }), SELF), 'isr-changed')
    assert.equal(q.highWatermark, 5)
  })

  it('records when a follower was last caught up', async (t) => {
    let now = 1_000
    const log = await openLog(t)
    const p = new Partition('t', 0, 'id', log, { now: () => now })
    p.update(state(), SELF)
    const follower = () => p.followerStates().find((f) => f.brokerId === 2)!
    assert.equal(follower().lastCaughtUpTimeMs, 1_000, 'ISR members start caught up')
    p.appendRecordsToLeader(records(5), 1)
    now = 2_000
    p.updateFollowerFetchState(2, 3, 0)
    assert.equal(follower().lastCaughtUpTimeMs, 1_000, 'behind the leader')
    now = 3_000
    p.updateFollowerFetchState(2, 5, 0)
    assert.equal(follower().lastCaughtUpTimeMs, 3_000)
    assert.equal(follower().logEndOffset, 5)
  })

  it('refuses appends it must not take, leaving the log unchanged', async (t) => {
    const { p } = await partitionOf(t, state({ isr: [1] }))
    assert.equal(
      codeOf(() => p.appendRecordsToLeader(records(1), -1)),
      'NOT_ENOUGH_REPLICAS',
    )
    p.appendRecordsToLeader(records(1), 1) // acks=1 does not need the ISR
    const big = buildRecordBatch([{ value: Buffer.alloc(20_000) }])
    assert.equal(
      codeOf(() => p.appendRecordsToLeader(Buffer.concat([records(1), big]), 1)),
      'MESSAGE_TOO_LARGE',
    )
    assert.equal(p.log.logEndOffset, 1)

    const { p: follower } = await partitionOf(t, state({ leader: 2 }))
    assert.equal(
      codeOf(() => follower.appendRecordsToLeader(records(1), 1)),
      'NOT_LEADER_OR_FOLLOWER',
    )
    assert.equal(follower.log.logEndOffset, 0)
  })

  it('says when an acks=-1 append is done, and why it failed', async (t) => {
    const { p } = await partitionOf(t, state())
    p.appendRecordsToLeader(records(4), -1)
    assert.deepEqual(p.checkEnoughReplicasReachOffset(4), { done: false })
    p.updateFollowerFetchState(2, 4, 0)
    p.updateFollowerFetchState(3, 4, 0)
    assert.deepEqual(p.checkEnoughReplicasReachOffset(4), { done: true })

    p.appendRecordsToLeader(records(1), -1)
    p.update(state({ isr: [1], partitionEpoch: 1 }), SELF) // shrinks below min.insync.replicas=2
    assert.deepEqual(p.checkEnoughReplicasReachOffset(5), {
      done: true,
      error: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
    })
    p.update(state({ leader: 2, leaderEpoch: 1, partitionEpoch: 2 }), SELF)
    assert.deepEqual(p.checkEnoughReplicasReachOffset(5), {
      done: true,
      error: 'NOT_LEADER_OR_FOLLOWER',
    })
  })

  it('forgets follower positions under a new leadership', async (t) => {
    const { p } = await partitionOf(t, state())
    p.appendRecordsToLeader(records(3), 1)
    p.updateFollowerFetchState(2, 3, 0)
    p.updateFollowerFetchState(3, 3, 0)
    assert.equal(p.highWatermark, 3)
    assert.equal(
      p.update(state({ leader: 2, leaderEpoch: 1, partitionEpoch: 1 }), SELF),
      'became-follower',
    )
    assert.equal(p.update(state({ leaderEpoch: 2, partitionEpoch: 2 }), SELF), 'became-leader')
    assert.ok(p.followerStates().every((f) => f.logEndOffset === -1))
    assert.equal(p.highWatermark, 3, 'the HW is kept')
    p.appendRecordsToLeader(records(1), 1)
    p.updateFollowerFetchState(2, 4, 0)
    assert.equal(p.highWatermark, 3)
  })
  it('counts the union of the committed and proposed ISR while a change is pending (KIP-497)', async (t) => {
    let now = 1_000
    const log = await openLog(t)
    const p = new Partition('t', 0, 'id', log, {
      now: () => now,
      config: { minInsyncReplicas: 2, maxMessageBytes: 10_000 },
    })
    p.update(state(), SELF)
    const policy = { lagTimeMaxMs: 100, lagMaxMessages: 0 }
    const eligible = () => true
    p.appendRecordsToLeader(records(4), 1)
    now = 1_500 // follower 3 never fetched within the lag time
    p.updateFollowerFetchState(2, 4, 0)
    const shrink = p.isrChangeToPropose(now, policy, eligible)
    assert.deepEqual(shrink, [1, 2])
    p.beginIsrChange(shrink!)
    assert.deepEqual([...p.maximalIsr].sort(), [1, 2, 3], 'the leaving follower still counts')
    assert.equal(p.highWatermark, 0, 'and still holds the HW back')
    assert.equal(p.isrChangeToPropose(now, policy, eligible), undefined, 'one change at a time')
    assert.ok(p.completeIsrChange({ leader: SELF, leaderEpoch: 0, partitionEpoch: 1, isr: [1, 2] }))
    assert.deepEqual(p.isr, [1, 2])
    assert.equal(p.highWatermark, 4)

    // Follower 3 comes back and reaches the HW: proposed to join, counted at once.
    p.updateFollowerFetchState(3, 4, 0)
    const expand = p.isrChangeToPropose(now, policy, eligible)
    assert.deepEqual(expand, [1, 2, 3])
    assert.equal(
      p.isrChangeToPropose(now, policy, () => false),
      undefined,
      'not if fenced',
    )
    p.beginIsrChange(expand!)
    p.appendRecordsToLeader(records(1), 1)
    p.updateFollowerFetchState(2, 5, 0)
    assert.equal(p.highWatermark, 4, 'the joining follower holds the HW back')
    // A refusal carrying an older state changes nothing but ends the pending change.
    assert.equal(
      p.completeIsrChange({ leader: SELF, leaderEpoch: 0, partitionEpoch: 1, isr: [1, 2] }),
      false,
    )
    assert.equal(p.pendingIsr, undefined)
  })

  it('does not advance the HW while the ISR is below min.insync.replicas (> 1)', async (t) => {
    const { p } = await partitionOf(t, state({ isr: [1] }))
    p.appendRecordsToLeader(records(3), 1)
    assert.equal(p.highWatermark, 0)
    assert.equal(p.update(state({ isr: [1, 2], partitionEpoch: 1 }), SELF), 'isr-changed')
    p.updateFollowerFetchState(2, 3, 0)
    assert.equal(p.highWatermark, 3)
  })
})
