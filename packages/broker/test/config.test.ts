import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { InvalidConfigError, parseServerConfig } from '@samsa/protocol'
import { startBroker } from '../src/index.js'
import { tempDir, testLogger } from './helpers.js'

// Port 1 refuses connections: these brokers must never reach a controller someone else runs.
const base = {
  listeners: '127.0.0.1:0',
  'http.listener': '127.0.0.1:0',
  'controller.quorum.bootstrap.servers': '127.0.0.1:1',
}

describe('broker config', () => {
  it('refuses to start without broker.id, naming the key', async (t) => {
    const config = parseServerConfig({ ...base, 'log.dirs': tempDir(t) })
    await assert.rejects(startBroker(config, { logger: testLogger }), (err: unknown) => {
      assert.ok(err instanceof InvalidConfigError)
      assert.match(err.message, /'broker\.id'/)
      return true
    })
  })

  it('refuses to start without log.dirs, naming the key', async () => {
    const config = parseServerConfig({ ...base, 'broker.id': 1 })
    await assert.rejects(startBroker(config, { logger: testLogger }), (err: unknown) => {
      assert.ok(err instanceof InvalidConfigError)
      assert.match(err.message, /'log\.dirs'/)
      return true
    })
  })

  it('refuses a log dir that belongs to another broker', async (t) => {
    const dir = tempDir(t)
    writeFileSync(join(dir, 'meta.properties'), 'version=1\nnode.id=7\n')
    const config = parseServerConfig({ ...base, 'broker.id': 1, 'log.dirs': dir })
    await assert.rejects(startBroker(config, { logger: testLogger }), (err: unknown) => {
      assert.ok(err instanceof InvalidConfigError)
      assert.match(err.message, /'broker\.id'.*belongs to broker 7/)
      return true
    })
  })

  it('refuses a wildcard bind address without advertised.listeners', async (t) => {
    const config = parseServerConfig({
      ...base,
      listeners: '0.0.0.0:0',
      'broker.id': 1,
      'log.dirs': tempDir(t),
    })
    await assert.rejects(startBroker(config, { logger: testLogger }), /'advertised\.listeners'/)
  })

  it('fails start-up when the HTTP port is taken, releasing everything it opened', async (t) => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    t.after(() => new Promise<void>((resolve) => blocker.close(() => resolve())))
    const address = blocker.address()
    assert.ok(address !== null && typeof address === 'object')
    const dir = tempDir(t)
    const config = (httpPort: number) =>
      parseServerConfig({
        ...base,
        'http.listener': `127.0.0.1:${httpPort}`,
        'broker.id': 1,
        'log.dirs': dir,
      })
    await assert.rejects(startBroker(config(address.port), { logger: testLogger }), /EADDRINUSE/)
    // The log dir was closed cleanly: the same dir opens again at once.
    const broker = await startBroker(config(0), { logger: testLogger })
    await broker.close()
  })
})
