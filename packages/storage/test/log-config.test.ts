import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  DEFAULT_LOG_CONFIG,
  InvalidConfigurationError,
  logConfigFromKafkaKeys,
  parseTopicPartitionDirName,
  resolveLogConfig,
} from '../src/index.js'

describe('LogConfig', () => {
  it("has Kafka's defaults", () => {
    assert.deepEqual(resolveLogConfig(), {
      segmentBytes: 1024 * 1024 * 1024,
      segmentMs: 604_800_000,
      segmentIndexBytes: 10 * 1024 * 1024,
      indexIntervalBytes: 4096,
      retentionMs: 604_800_000,
      retentionBytes: -1,
      flushMessages: Number.MAX_SAFE_INTEGER,
      flushMs: Number.MAX_SAFE_INTEGER,
    })
    assert.deepEqual(resolveLogConfig(), DEFAULT_LOG_CONFIG)
  })

  it('refuses out-of-range values, naming the Kafka key', () => {
    assert.throws(() => resolveLogConfig({ segmentBytes: 10 }), /segment\.bytes/)
    assert.throws(() => resolveLogConfig({ retentionMs: -2 }), InvalidConfigurationError)
    assert.throws(() => resolveLogConfig({ indexIntervalBytes: 1.5 }), /index\.interval\.bytes/)
    assert.throws(() => resolveLogConfig({ segmentBytes: 2 ** 31 }), /segment\.bytes/)
  })

  it('reads Kafka topic-config names', () => {
    const config = logConfigFromKafkaKeys({ 'segment.bytes': '1048576', 'retention.ms': -1 })
    assert.equal(config.segmentBytes, 1_048_576)
    assert.equal(config.retentionMs, -1)
    assert.throws(() => logConfigFromKafkaKeys({ 'segment.size': 1 }), /unknown log config key/)
    assert.throws(() => logConfigFromKafkaKeys({ 'retention.ms': 'soon' }), /retention\.ms/)
  })
})

describe('partition directory names', () => {
  it('parses <topic>-<partition>, the last dash separating them', () => {
    assert.deepEqual(parseTopicPartitionDirName('orders-3'), { topic: 'orders', partition: 3 })
    assert.deepEqual(parseTopicPartitionDirName('my-topic.v2-10'), {
      topic: 'my-topic.v2',
      partition: 10,
    })
    for (const bad of [
      'orders',
      'orders-',
      '-1',
      'orders-x',
      'a b-1',
      'orders-1.abc-delete',
      '..-1',
    ]) {
      assert.equal(parseTopicPartitionDirName(bad), undefined, bad)
    }
  })
})
