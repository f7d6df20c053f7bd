import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BrokerPool, type SamsaError } from '../src/index.js'
import { deadAddress, metadataResponse, silentAddress, startFakeBroker } from './helpers.js'

describe('BrokerPool', () => {
  it('reuses one gRPC client per broker address', async (t) => {
    const pool = new BrokerPool(['127.0.0.1:1'], { clientId: 'test', connectionTimeoutMs: 100 })
    t.after(() => pool.close())
    assert.equal(pool.client('127.0.0.1:5'), pool.client('127.0.0.1:5'))
    assert.notEqual(pool.client('127.0.0.1:5'), pool.client('127.0.0.1:6'))
  })

  it('bootstraps from the next seed when the first refuses connections', async (t) => {
    const live = await startFakeBroker(t, {
      Metadata: (_call, cb) => cb(null, metadataResponse([], [])),
    })
    const pool = new BrokerPool([await deadAddress(), live], {
      clientId: 'test',
      connectionTimeoutMs: 2_000,
    })
    t.after(() => pool.close())
    const { address } = await pool.bootstrap()
    assert.equal(address, live)
    // The broker that answered is tried first next time.
    assert.equal((await pool.bootstrap()).address, live)
  })

  it('gives up on a broker that accepts TCP but never answers within connectionTimeoutMs', async (t) => {
    const pool = new BrokerPool([await silentAddress(t)], {
      clientId: 'test',
      connectionTimeoutMs: 300,
    })
    t.after(() => pool.close())
    const started = Date.now()
    await assert.rejects(
      pool.bootstrap(),
      (err: SamsaError) => err.code === 'NETWORK_EXCEPTION' && err.retriable,
    )
    assert.ok(Date.now() - started < 2_000)
  })

  it('rejects with NETWORK_EXCEPTION when no seed is reachable', async (t) => {
    const pool = new BrokerPool([await deadAddress(), await deadAddress()], {
      clientId: 'test',
      connectionTimeoutMs: 2_000,
    })
    t.after(() => pool.close())
    await assert.rejects(pool.bootstrap(), { code: 'NETWORK_EXCEPTION' })
  })
})

describe('BrokerPool after close()', () => {
  it('refuses new requests without retrying them', async () => {
    const pool = new BrokerPool(['127.0.0.1:1'], { clientId: 'test', connectionTimeoutMs: 100 })
    pool.close()
    await assert.rejects(pool.bootstrap(), /disconnected/)
  })
})
