import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DeadlineQueue, DelayedOperation, DelayedOperationPurgatory } from '../src/index.js'
import { testLogger, waitFor } from './helpers.js'

/** An operation that completes when `ready` is set; records how it ended. */
class Waiter extends DelayedOperation {
  ready = false
  checks = 0
  outcome: 'ready' | 'expired' | undefined
  throwOnCheck = false

  override tryComplete(): boolean {
    this.checks++
    if (this.throwOnCheck) throw new Error('boom')
    return this.ready && this.forceComplete()
  }

  protected override onComplete(): void {
    this.outcome = this.ready ? 'ready' : 'expired'
  }

  protected override onCompleteFailed(): void {}
}

describe('DeadlineQueue', () => {
  it('expires entries in deadline order with one timer, and removed entries never expire', async () => {
    let now = 0
    const expired: number[] = []
    const queue = new DeadlineQueue<{ deadlineMs: number; heapIndex: number }>(
      (e) => expired.push(e.deadlineMs),
      () => now,
    )
    const entries = Array.from({ length: 2_000 }, (_, i) => ({
      deadlineMs: 1 + ((i * 7_919) % 1_000),
      heapIndex: -1,
    }))
    for (const e of entries) queue.add(e)
    assert.equal(queue.size, 2_000)
    const removed = new Set(entries.filter((_, i) => i % 3 === 0))
    for (const e of removed) queue.remove(e)
    assert.equal(queue.size, 2_000 - removed.size)

    const kept = entries.filter((e) => !removed.has(e)).map((e) => e.deadlineMs)
    now = 500
    const due = kept.filter((d) => d <= 500).length
    await waitFor('the entries due by 500 to expire', () => expired.length >= due)
    assert.equal(expired.length, due)
    now = 10_000
    await waitFor('every entry to expire', () => queue.size === 0)
    assert.deepEqual(
      expired,
      kept.sort((a, b) => a - b),
    )
    assert.ok(entries.every((e) => e.heapIndex === -1))
  })
})

describe('DelayedOperationPurgatory', () => {
  it('completes a watched operation when its key is checked and the condition holds, once', () => {
    const purgatory = new DelayedOperationPurgatory<Waiter>('test', testLogger)
    const op = new Waiter(purgatory.now() + 60_000)
    assert.equal(purgatory.tryCompleteElseWatch(op, ['a', 'b']), false)
    assert.equal(purgatory.size, 1)
    assert.equal(purgatory.watching('a'), 1)
    assert.equal(purgatory.checkAndComplete('a'), 0)
    assert.equal(purgatory.checkAndComplete('other'), 0)
    op.ready = true
    assert.equal(purgatory.checkAndComplete('b'), 1)
    assert.equal(op.outcome, 'ready')
    assert.equal(purgatory.size, 0)
    assert.equal(purgatory.watching('a'), 0)
    assert.equal(purgatory.watching('b'), 0)
    const checks = op.checks
    assert.equal(purgatory.checkAndComplete('a'), 0)
    assert.equal(op.checks, checks, 'a completed operation is no longer checked')
    assert.equal(op.forceComplete(), false)
  })

  it('completes at once when the condition already holds or the deadline is already past', () => {
    const purgatory = new DelayedOperationPurgatory<Waiter>('test', testLogger)
    const ready = new Waiter(purgatory.now() + 60_000)
    ready.ready = true
    assert.equal(purgatory.tryCompleteElseWatch(ready, ['a']), true)
    assert.equal(ready.outcome, 'ready')
    const late = new Waiter(purgatory.now())
    assert.equal(purgatory.tryCompleteElseWatch(late, ['a']), true)
    assert.equal(late.outcome, 'expired')
    assert.equal(purgatory.size, 0)
  })

  it('expires an operation at its deadline', async () => {
    const purgatory = new DelayedOperationPurgatory<Waiter>('test', testLogger)
    const started = performance.now()
    const op = new Waiter(purgatory.now() + 50)
    purgatory.tryCompleteElseWatch(op, ['a'])
    await waitFor('the operation to expire', () => op.outcome)
    assert.equal(op.outcome, 'expired')
    assert.ok(performance.now() - started >= 49)
    assert.equal(purgatory.size, 0)
    assert.equal(purgatory.watching('a'), 0)
  })

  it('drops a cancelled operation without answering it', () => {
    const purgatory = new DelayedOperationPurgatory<Waiter>('test', testLogger)
    const op = new Waiter(purgatory.now() + 60_000)
    purgatory.tryCompleteElseWatch(op, ['a'])
    op.cancel()
    assert.equal(purgatory.size, 0)
    assert.equal(purgatory.watching('a'), 0)
    op.ready = true
    assert.equal(purgatory.checkAndComplete('a'), 0)
    assert.equal(op.outcome, undefined)
  })

  it('answers everything on shutdown, and later operations do not wait', () => {
    const purgatory = new DelayedOperationPurgatory<Waiter>('test', testLogger)
    const ops = Array.from({ length: 100 }, () => new Waiter(purgatory.now() + 60_000))
    for (const op of ops) purgatory.tryCompleteElseWatch(op, ['a'])
    assert.equal(purgatory.size, 100)
    purgatory.shutdown()
    assert.ok(ops.every((op) => op.outcome === 'expired'))
    assert.equal(purgatory.size, 0)
    const later = new Waiter(purgatory.now() + 60_000)
    assert.equal(purgatory.tryCompleteElseWatch(later, ['a']), true)
    assert.equal(later.outcome, 'expired')
  })

  it('completes an operation whose check throws instead of breaking the check loop', () => {
    const purgatory = new DelayedOperationPurgatory<Waiter>('test', testLogger)
    const bad = new Waiter(purgatory.now() + 60_000)
    const good = new Waiter(purgatory.now() + 60_000)
    purgatory.tryCompleteElseWatch(bad, ['a'])
    purgatory.tryCompleteElseWatch(good, ['a'])
    bad.throwOnCheck = true
    good.ready = true
    assert.equal(purgatory.checkAndComplete('a'), 2)
    assert.equal(bad.outcome, 'expired')
    assert.equal(good.outcome, 'ready')
    assert.equal(purgatory.size, 0)
  })
})
