import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadServerConfig } from '@samsa/protocol'
import { controllerOptions } from '../src/index.js'

describe('controllerOptions', () => {
  it("maps the shared config's Kafka keys onto the controller's options", () => {
    const config = loadServerConfig({
      overrides: {
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

  it('needs metadata.log.dir, naming the key', () => {
    assert.throws(() => controllerOptions(loadServerConfig({})), {
      code: 'INVALID_CONFIG',
      message: /'metadata.log.dir'/,
    })
  })
})
