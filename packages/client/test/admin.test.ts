import assert from 'node:assert/strict'
import { describe, it, type TestContext } from 'node:test'
import type { pb } from '@samsa/protocol'
import {
  type Admin,
  ConfigResourceTypes,
  DEFAULT_RETRY,
  Samsa,
  SamsaAggregateError,
  type SamsaError,
} from '../src/index.js'
import {
  deadAddress,
  type FakeTopic,
  fakeTopic,
  metadataResponse,
  startFakeBroker,
} from './helpers.js'

const fastRetry = { ...DEFAULT_RETRY, initialRetryTime: 5, maxRetryTime: 20 }

/**
 * A broker over an in-memory topic table, applying admin requests the way the controller does
 * for the cases these tests need. `lag` Metadata answers pass before a change shows, as when a
 * broker's metadata cache trails the controller.
 */
class FakeCluster {
  readonly topics = new Map<string, FakeTopic>()
  readonly requests: { method: string; request: unknown }[] = []
  lag = 0
  #pending: (() => void)[] = []
  failNext: { method: string; code: number }[] = []

  handlers(): Partial<pb.BrokerServiceHandlers> {
    const failure = (method: string) => {
      const i = this.failNext.findIndex((f) => f.method === method)
      if (i < 0) return undefined
      const [f] = this.failNext.splice(i, 1)
      return { code: f!.code, message: `injected ${f!.code}` }
    }
    return {
      Metadata: (call, cb) => {
        this.requests.push({ method: 'Metadata', request: call.request })
        const error = failure('Metadata')
        if (error) return cb(null, { error })
        if (this.#pending.length > 0 && this.lag-- <= 0) {
          for (const apply of this.#pending.splice(0)) apply()
        }
        cb(null, metadataResponse(this.topics.values(), call.request.topics))
      },
      CreateTopics: (call, cb) => {
        this.requests.push({ method: 'CreateTopics', request: call.request })
        const error = failure('CreateTopics')
        if (error) return cb(null, { error })
        const results = call.request.topics.map((t) => {
          if (this.topics.has(t.name)) {
            return { name: t.name, error: { code: 36, message: `Topic ${t.name} already exists` } }
          }
          if (t.replicationFactor > 3) {
            return { name: t.name, error: { code: 38, message: 'RF 4 > 3 live brokers' } }
          }
          const count = t.numPartitions === -1 ? 1 : t.numPartitions
          if (!call.request.validateOnly)
            this.#later(() => this.topics.set(t.name, fakeTopic(t.name, count, t.configs)))
          return { name: t.name, numPartitions: count, replicationFactor: 3, configs: t.configs }
        })
        cb(null, { results })
      },
      DeleteTopics: (call, cb) => {
        this.requests.push({ method: 'DeleteTopics', request: call.request })
        const results = call.request.names.map((name) => {
          if (!this.topics.has(name))
            return { name, error: { code: 3, message: `Topic ${name} does not exist` } }
          this.#later(() => this.topics.delete(name))
          return { name }
        })
        cb(null, { results })
      },
      CreatePartitions: (call, cb) => {
        this.requests.push({ method: 'CreatePartitions', request: call.request })
        const results = call.request.topics.map((t) => {
          const topic = this.topics.get(t.name)
          if (!topic) return { name: t.name, error: { code: 3, message: 'no such topic' } }
          if (t.count <= topic.partitions.length) {
            return { name: t.name, error: { code: 37, message: 'cannot shrink' } }
          }
          this.#later(() => this.topics.set(t.name, fakeTopic(t.name, t.count, topic.configs)))
          return { name: t.name }
        })
        cb(null, { results })
      },
      AlterConfigs: (call, cb) => {
        this.requests.push({ method: 'AlterConfigs', request: call.request })
        const results = call.request.resources.map((r) => {
          const topic = this.topics.get(r.topic)
          if (!topic) return { topic: r.topic, error: { code: 3, message: 'no such topic' } }
          const bad = r.configs.find((c) => c.name === 'no.such.key')
          if (bad)
            return {
              topic: r.topic,
              error: { code: 40, message: 'Unknown topic config "no.such.key"' },
            }
          this.#later(() => {
            for (const c of r.configs) {
              if (c.operation === 'CONFIG_OPERATION_DELETE') delete topic.configs[c.name]
              else topic.configs[c.name] = c.value
            }
          })
          return { topic: r.topic }
        })
        cb(null, { results })
      },
      DescribeCluster: (_call, cb) => {
        cb(null, {
          clusterId: 'fake-cluster',
          controllerId: 0,
          metadataVersion: '9007199254740993',
          brokers: [
            {
              brokerId: 2,
              endpoint: { host: 'h', port: 2, httpPort: 102 },
              fenced: true,
              brokerEpoch: '9007199254740993',
              incarnationId: 'b',
            },
            {
              brokerId: 1,
              endpoint: { host: 'h', port: 1, httpPort: 101 },
              rack: 'r1',
              brokerEpoch: '5',
              incarnationId: 'a',
            },
          ],
        })
      },
    }
  }

  #later(apply: () => void): void {
    if (this.lag > 0) this.#pending.push(apply)
    else apply()
  }
}

async function connect(
  t: TestContext,
  fake: FakeCluster,
  extraSeeds: string[] = [],
): Promise<Admin> {
  const address = await startFakeBroker(t, fake.handlers())
  const samsa = new Samsa({ clientId: 'test', brokers: [...extraSeeds, address], retry: fastRetry })
  const admin = samsa.admin()
  await admin.connect()
  t.after(() => admin.disconnect())
  return admin
}

describe('Admin', () => {
  describe('createTopics', () => {
    it('sends names, counts and config entries, -1 for the cluster defaults', async (t) => {
      const fake = new FakeCluster()
      const admin = await connect(t, fake)
      const created = await admin.createTopics({
        topics: [
          {
            topic: 'orders',
            numPartitions: 6,
            replicationFactor: 3,
            configEntries: [{ name: 'retention.ms', value: '1000' }],
          },
          { topic: 'defaults' },
        ],
      })
      assert.equal(created, true)
      const request = fake.requests.find((r) => r.method === 'CreateTopics')
        ?.request as pb.CreateTopicsRequest__Output
      assert.deepEqual(
        request.topics.map((t) => [t.name, t.numPartitions, t.replicationFactor, t.configs]),
        [
          ['orders', 6, 3, { 'retention.ms': '1000' }],
          ['defaults', -1, -1, {}],
        ],
      )
      assert.equal(request.validateOnly, false)
    })

    it('resolves only once the broker shows every new partition with a leader', async (t) => {
      const fake = new FakeCluster()
      const admin = await connect(t, fake)
      fake.lag = 3
      await admin.createTopics({ topics: [{ topic: 'late', numPartitions: 2 }] })
      const { topics } = await admin.fetchTopicMetadata({ topics: ['late'] })
      assert.equal(topics[0]?.partitions.length, 2)
    })

    it('resolves false when the topic already exists (KafkaJS contract)', async (t) => {
      const fake = new FakeCluster()
      fake.topics.set('dup', fakeTopic('dup', 1))
      const admin = await connect(t, fake)
      assert.equal(await admin.createTopics({ topics: [{ topic: 'dup' }] }), false)
    })

    it('rejects with the typed error of a failed topic', async (t) => {
      const admin = await connect(t, new FakeCluster())
      await assert.rejects(
        admin.createTopics({ topics: [{ topic: 'wide', replicationFactor: 4 }] }),
        (err: SamsaError) =>
          err.code === 'INVALID_REPLICATION_FACTOR' && err.errorCode === 38 && !err.retriable,
      )
    })

    it('rejects with a SamsaAggregateError carrying each error when several fail', async (t) => {
      const fake = new FakeCluster()
      fake.topics.set('dup', fakeTopic('dup', 1))
      const admin = await connect(t, fake)
      await assert.rejects(
        admin.createTopics({ topics: [{ topic: 'dup' }, { topic: 'wide', replicationFactor: 9 }] }),
        (err: SamsaAggregateError) =>
          err instanceof SamsaAggregateError &&
          err.errors.map((e) => e.code).join() ===
            'TOPIC_ALREADY_EXISTS,INVALID_REPLICATION_FACTOR',
      )
    })

    it('retries a retriable error (NOT_CONTROLLER) and then succeeds', async (t) => {
      const fake = new FakeCluster()
      const admin = await connect(t, fake)
      fake.failNext.push({ method: 'CreateTopics', code: 41 }, { method: 'CreateTopics', code: 41 })
      assert.equal(await admin.createTopics({ topics: [{ topic: 'retried' }] }), true)
      assert.equal(fake.requests.filter((r) => r.method === 'CreateTopics').length, 3)
    })

    it('creates nothing with validateOnly', async (t) => {
      const fake = new FakeCluster()
      const admin = await connect(t, fake)
      assert.equal(
        await admin.createTopics({ topics: [{ topic: 'dry' }], validateOnly: true }),
        true,
      )
      assert.deepEqual(await admin.listTopics(), [])
    })
  })

  it('lists topics sorted', async (t) => {
    const fake = new FakeCluster()
    for (const name of ['b', 'a', 'c']) fake.topics.set(name, fakeTopic(name, 1))
    const admin = await connect(t, fake)
    assert.deepEqual(await admin.listTopics(), ['a', 'b', 'c'])
  })

  it('fetchTopicMetadata gives partitionId, leader, leaderEpoch, replicas and isr', async (t) => {
    const fake = new FakeCluster()
    fake.topics.set('t', fakeTopic('t', 2))
    const admin = await connect(t, fake)
    const { topics } = await admin.fetchTopicMetadata({ topics: ['t'] })
    assert.deepEqual(topics[0]?.partitions[1], {
      partitionErrorCode: 0,
      partitionId: 1,
      leader: 2,
      leaderEpoch: 0,
      replicas: [2, 3, 1],
      isr: [2, 3, 1],
      offlineReplicas: [],
    })
    await assert.rejects(admin.fetchTopicMetadata({ topics: ['nope'] }), {
      code: 'UNKNOWN_TOPIC_OR_PARTITION',
    })
  })

  it('deleteTopics waits for the topic to leave the metadata; unknown topics are errors', async (t) => {
    const fake = new FakeCluster()
    fake.topics.set('old', fakeTopic('old', 1))
    const admin = await connect(t, fake)
    fake.lag = 2
    await admin.deleteTopics({ topics: ['old'] })
    assert.deepEqual(await admin.listTopics(), [])
    await assert.rejects(admin.deleteTopics({ topics: ['old'] }), {
      code: 'UNKNOWN_TOPIC_OR_PARTITION',
    })
  })

  it('createPartitions raises the count and refuses to lower it', async (t) => {
    const fake = new FakeCluster()
    fake.topics.set('t', fakeTopic('t', 2))
    const admin = await connect(t, fake)
    await admin.createPartitions({ topicPartitions: [{ topic: 't', count: 5 }] })
    const { topics } = await admin.fetchTopicMetadata({ topics: ['t'] })
    assert.equal(topics[0]?.partitions.length, 5)
    await assert.rejects(admin.createPartitions({ topicPartitions: [{ topic: 't', count: 1 }] }), {
      code: 'INVALID_PARTITIONS',
    })
  })

  it('alterConfigs sets and deletes overrides; describeConfigs reads them back', async (t) => {
    const fake = new FakeCluster()
    fake.topics.set('t', fakeTopic('t', 1, { 'cleanup.policy': 'compact' }))
    const admin = await connect(t, fake)
    await admin.alterConfigs({
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: 't',
          configEntries: [
            { name: 'retention.ms', value: '5000' },
            { name: 'cleanup.policy', value: null },
          ],
        },
      ],
    })
    const request = fake.requests.find((r) => r.method === 'AlterConfigs')
      ?.request as pb.AlterConfigsRequest__Output
    assert.deepEqual(
      request.resources[0]?.configs.map((c) => [c.name, c.operation]),
      [
        ['retention.ms', 'CONFIG_OPERATION_SET'],
        ['cleanup.policy', 'CONFIG_OPERATION_DELETE'],
      ],
    )
    const described = await admin.describeConfigs({
      resources: [{ type: ConfigResourceTypes.TOPIC, name: 't' }],
    })
    assert.deepEqual(
      described.resources[0]?.configEntries.map((e) => [e.configName, e.configValue]),
      [['retention.ms', '5000']],
    )
    await assert.rejects(
      admin.alterConfigs({
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: 't',
            configEntries: [{ name: 'no.such.key', value: '1' }],
          },
        ],
      }),
      { code: 'INVALID_CONFIG' },
    )
    await assert.rejects(
      admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.BROKER, name: '1' }] }),
      { code: 'INVALID_REQUEST' },
    )
  })

  it('describeCluster gives every broker with exact epochs, by id', async (t) => {
    const admin = await connect(t, new FakeCluster())
    const cluster = await admin.describeCluster()
    assert.equal(cluster.clusterId, 'fake-cluster')
    assert.equal(cluster.controller, 0)
    assert.equal(cluster.metadataVersion, 9007199254740993n)
    assert.deepEqual(cluster.brokers, [
      {
        nodeId: 1,
        host: 'h',
        port: 1,
        httpPort: 101,
        rack: 'r1',
        fenced: false,
        brokerEpoch: 5n,
        incarnationId: 'a',
      },
      {
        nodeId: 2,
        host: 'h',
        port: 2,
        httpPort: 102,
        rack: null,
        fenced: true,
        brokerEpoch: 9007199254740993n,
        incarnationId: 'b',
      },
    ])
  })

  it('bootstraps past a dead seed broker', async (t) => {
    const fake = new FakeCluster()
    fake.topics.set('t', fakeTopic('t', 1))
    const admin = await connect(t, fake, [await deadAddress()])
    assert.deepEqual(await admin.listTopics(), ['t'])
  })

  it('rejects with NETWORK_EXCEPTION once retries run out and no broker answers', async (t) => {
    const samsa = new Samsa({ brokers: [await deadAddress()], retry: { ...fastRetry, retries: 1 } })
    const admin = samsa.admin()
    t.after(() => admin.disconnect())
    await assert.rejects(
      admin.connect(),
      (err: SamsaError) => err.code === 'NETWORK_EXCEPTION' && err.retriable,
    )
  })
})

describe('Samsa', () => {
  it('needs host:port bootstrap brokers', () => {
    assert.throws(() => new Samsa({ brokers: [] }), TypeError)
    assert.throws(() => new Samsa({ brokers: ['nohost'] }), /not host:port/)
    assert.equal(new Samsa({ brokers: ['127.0.0.1:9091'] }).config.requestTimeoutMs, 30_000)
  })
})
