import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SamsaError } from '@samsa/protocol'
import { DEFAULT_RETRY, retry, retryDelay } from '../src/index.js'

const fast = { ...DEFAULT_RETRY, initialRetryTime: 1, maxRetryTime: 5 }

describe('retry', () => {
  it('waits initialRetryTime * multiplier^(n-1), randomised by ±factor and capped at maxRetryTime', () => {
    const middle = () => 0.5
    assert.equal(retryDelay(1, DEFAULT_RETRY, middle), 300)
    assert.equal(retryDelay(2, DEFAULT_RETRY, middle), 600)
    assert.equal(retryDelay(3, DEFAULT_RETRY, middle), 1200)
    assert.equal(
      retryDelay(1, DEFAULT_RETRY, () => 0),
      240,
    )
    assert.equal(
      retryDelay(1, DEFAULT_RETRY, () => 0.999999),
      360,
    )
    assert.equal(retryDelay(20, DEFAULT_RETRY, middle), 30_000)
  })

  it('retries retriable errors until the call succeeds', async () => {
    let calls = 0
    const waits: number[] = []
    const result = await retry(
      async () => {
        calls++
        if (calls < 3) throw new SamsaError('NETWORK_EXCEPTION', 'down')
        return 'ok'
      },
      fast,
      { onRetry: (_err, _attempt, waitMs) => waits.push(waitMs) },
    )
    assert.equal(result, 'ok')
    assert.equal(calls, 3)
    assert.equal(waits.length, 2)
  })

  it('throws a non-retriable error at once, as the typed error', async () => {
    let calls = 0
    await assert.rejects(
      retry(async () => {
        calls++
        throw new SamsaError('INVALID_REPLICATION_FACTOR', 'too wide')
      }, fast),
      (err: SamsaError) => err.code === 'INVALID_REPLICATION_FACTOR' && !err.retriable,
    )
    assert.equal(calls, 1)
  })

  it('gives up after `retries` retries and throws the last error', async () => {
    let calls = 0
    await assert.rejects(
      retry(
        async () => {
          calls++
          throw new SamsaError('REQUEST_TIMED_OUT', `attempt ${calls}`)
        },
        { ...fast, retries: 2 },
      ),
      { code: 'REQUEST_TIMED_OUT', message: 'attempt 3' },
    )
    assert.equal(calls, 3)
  })

  it('does not retry errors that are not SamsaErrors', async () => {
    let calls = 0
    await assert.rejects(
      retry(async () => {
        calls++
        throw new TypeError('bug')
      }, fast),
      TypeError,
    )
    assert.equal(calls, 1)
  })
})
