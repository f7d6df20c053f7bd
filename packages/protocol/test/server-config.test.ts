import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, it } from 'node:test'
import {
  envNameOf,
  InvalidConfigError,
  loadServerConfig,
  parseHostPort,
  requireConfigKeys,
} from '../src/index.js'

function yamlFile(t: { after(fn: () => void): void }, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsa-config-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'server.yaml')
  fs.writeFileSync(file, text)
  return file
}

describe('server config', () => {
  it("takes Kafka's defaults", () => {
    const config = loadServerConfig()
    assert.equal(config['replica.lag.time.max.ms'], 30000)
    assert.equal(config['replica.lag.max.messages'], 0)
    assert.equal(config['broker.session.timeout.ms'], 9000)
    assert.equal(config['log.segment.bytes'], 1024 ** 3)
    assert.equal(config['unclean.leader.election.enable'], false)
  })

  it('reads YAML, then SAMSA_ env overrides, then --set overrides', (t) => {
    const file = yamlFile(
      t,
      'broker.id: 1\nlog.dirs: [/a, /b]\nmin.insync.replicas: 2\nlog:\n  retention.ms: 1000\n',
    )
    const config = loadServerConfig({
      file,
      env: { SAMSA_MIN_INSYNC_REPLICAS: '3', SAMSA_BOOTSTRAP: '127.0.0.1:1' },
      overrides: { 'broker.id': '7' },
    })
    assert.equal(config['broker.id'], 7)
    assert.deepEqual(config['log.dirs'], ['/a', '/b'])
    assert.equal(config['min.insync.replicas'], 3)
    assert.equal(config['log.retention.ms'], 1000)
    assert.equal(envNameOf('log.dirs'), 'SAMSA_LOG_DIRS')
  })

  it('splits comma-separated lists from the environment', () => {
    const config = loadServerConfig({ env: { SAMSA_LOG_DIRS: '/x, /y' } })
    assert.deepEqual(config['log.dirs'], ['/x', '/y'])
  })

  it('refuses an unknown key, naming it', (t) => {
    const file = yamlFile(t, 'broker.id: 1\nreplica.lag.time.max: 5\n')
    assert.throws(
      () => loadServerConfig({ file }),
      (err: unknown) => {
        assert.ok(err instanceof InvalidConfigError)
        assert.equal(err.code, 'INVALID_CONFIG')
        assert.match(err.message, /unknown config key 'replica\.lag\.time\.max'/)
        return true
      },
    )
  })

  it('refuses a bad value, naming the key and the value', () => {
    assert.throws(
      () => loadServerConfig({ overrides: { 'min.insync.replicas': 'two' } }),
      /config key 'min\.insync\.replicas' = "two"/,
    )
    assert.throws(
      () => loadServerConfig({ overrides: { listeners: 'nohost' } }),
      /'listeners'.*host:port/,
    )
    assert.throws(
      () => loadServerConfig({ env: { SAMSA_UNCLEAN_LEADER_ELECTION_ENABLE: 'yes' } }),
      /'unclean\.leader\.election\.enable'/,
    )
  })

  it('refuses an unreadable or malformed file', (t) => {
    assert.throws(() => loadServerConfig({ file: '/nonexistent/samsa.yaml' }), InvalidConfigError)
    assert.throws(() => loadServerConfig({ file: yamlFile(t, 'a: [') }), InvalidConfigError)
    assert.throws(() => loadServerConfig({ file: yamlFile(t, '- 1\n- 2\n') }), InvalidConfigError)
  })

  it('checks the keys a role needs', () => {
    const config = loadServerConfig()
    assert.throws(
      () => requireConfigKeys(config, 'broker', ['broker.id', 'log.dirs']),
      /'broker\.id', 'log\.dirs'/,
    )
    assert.deepEqual(parseHostPort('127.0.0.1:9092'), { host: '127.0.0.1', port: 9092 })
  })
})
