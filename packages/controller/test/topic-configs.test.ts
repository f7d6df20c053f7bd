import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
// Test only: the controller does not depend on storage, but the topic configs it accepts are
// the ones brokers hand to storage, so the two must agree. (Resolves through the workspace
// root's devDependencies.)
import { LOG_CONFIG_KEYS, logConfigFromKafkaKeys } from '@samsa/storage'
import { isTopicConfig, validateTopicConfig } from '../src/index.js'
import { joinBrokers, startController } from './helpers.js'

function accepts(check: () => void): boolean {
  try {
    check()
    return true
  } catch {
    return false
  }
}

describe('topic configs', () => {
  it('refuses a segment smaller than one batch header and an index smaller than one entry', () => {
    for (const [key, tooSmall, smallest] of [
      ['segment.bytes', '60', '61'],
      ['segment.index.bytes', '11', '12'],
    ] as const) {
      assert.throws(() => validateTopicConfig(key, tooSmall), {
        code: 'INVALID_CONFIG',
        message: new RegExp(`"${key.replaceAll('.', '\\.')}"`),
      })
      assert.doesNotThrow(() => validateTopicConfig(key, smallest))
    }
  })

  it('refuses what storage cannot honour when a topic is created, naming the key', async (t) => {
    const { controller } = await startController(t)
    await joinBrokers(controller, [1])
    const version = controller.version
    const results = await controller.createTopics([
      { name: 'a', numPartitions: 1, replicationFactor: 1, configs: { 'segment.bytes': '14' } },
      {
        name: 'b',
        numPartitions: 1,
        replicationFactor: 1,
        configs: { 'segment.index.bytes': '4' },
      },
      {
        name: 'c',
        numPartitions: 1,
        replicationFactor: 1,
        configs: { 'retention.ms': '9223372036854775807' },
      },
    ])
    assert.deepEqual(
      results.map((r) => [r.error?.code, /config "([^"]+)"/.exec(r.error?.message ?? '')?.[1]]),
      [
        ['INVALID_CONFIG', 'segment.bytes'],
        ['INVALID_CONFIG', 'segment.index.bytes'],
        ['INVALID_CONFIG', 'retention.ms'],
      ],
    )
    assert.equal(controller.version, version, 'nothing committed')
  })

  it('accepts exactly the values storage accepts for every key storage reads', () => {
    const probes = [
      '-2',
      '-1',
      '0',
      '1',
      '7',
      '8',
      '11',
      '12',
      '13',
      '14',
      '60',
      '61',
      '4096',
      String(2 ** 31 - 1),
      String(2 ** 31),
      String(Number.MAX_SAFE_INTEGER),
      '9007199254740993',
      '9223372036854775807',
    ]
    for (const key of Object.keys(LOG_CONFIG_KEYS)) {
      assert.ok(isTopicConfig(key), `${key} is a topic config`)
      for (const value of probes) {
        const storage = accepts(() => logConfigFromKafkaKeys({ [key]: value }))
        const controller = accepts(() => validateTopicConfig(key, value))
        assert.equal(
          controller,
          storage,
          `${key}=${value}: storage ${storage ? 'accepts' : 'refuses'} it`,
        )
      }
    }
  })
})
