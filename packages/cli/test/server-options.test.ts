import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadServerConfig } from '@samsa/protocol'
import { controllerOptions } from '../src/index.js'

describe('controllerOptions', () => {
  it("maps the shared config's Kafka keys onto the controller's options", () => {
    const config = loadServerConfig({
      overrides: {
        'node.id': '5',
        'controller.listener': '127.0.0.1:19000',
        'metadata.log.dir': '/data/meta',
        'broker.session.timeout.ms': '3000',
        'num.partitions': '6',
        'default.replication.factor': '3',
        'unclean.leader.election.enable': 'true',
        'auto.leader.rebalance.enable': 'false',
        'metadata.log.max.record.bytes.between.snapshots': '4096',
      },
    })
    assert.deepEqual(controllerOptions(config), {
      nodeId: 5,
      dir: '/data/meta',
      host: '127.0.0.1',
      port: 19000,
      brokerSessionTimeoutMs: 3000,
      autoLeaderRebalanceEnable: false,
      snapshotBytes: 4096,
      defaults: {
        numPartitions: 6,
        defaultReplicationFactor: 3,
        uncleanLeaderElectionEnable: true,
      },
    })
  })

  it('takes node.id as the controller id: default 0, never negative', () => {
    const base = { 'metadata.log.dir': '/data/meta' }
    assert.equal(controllerOptions(loadServerConfig({ overrides: base })).nodeId, 0)
    assert.equal(
      controllerOptions(loadServerConfig({ env: { SAMSA_NODE_ID: '3' }, overrides: base })).nodeId,
      3,
    )
    assert.throws(() => loadServerConfig({ overrides: { ...base, 'node.id': '-1' } }), {
      code: 'INVALID_CONFIG',
      message: /'node.id'/,
    })
  })

  it('needs metadata.log.dir, naming the key', () => {
    assert.throws(() => controllerOptions(loadServerConfig({})), {
      code: 'INVALID_CONFIG',
      message: /'metadata.log.dir'/,
    })
  })
})
