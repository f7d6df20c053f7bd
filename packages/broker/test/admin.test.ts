import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as grpc from '@grpc/grpc-js'
import { loadSamsaPackage, type pb, unary } from '@samsa/protocol'
import { metadata, startCluster, type TestBroker, waitFor } from './helpers.js'

/** The cluster's metadata version as the controller reports it (through the broker). */
async function controllerVersion(b: TestBroker): Promise<string> {
  const res = await unary(b.client, b.client.describeCluster, {}, { timeoutMs: 5_000 })
  assert.equal(res.error, null)
  return res.metadataVersion
}

describe('admin requests through a broker', () => {
  it("answer bad input with Kafka's error codes and change nothing", async (t) => {
    const { controller, brokers } = await startCluster(t, 1)
    const b = brokers[0]!
    const c = b.client
    const created = await unary(c, c.createTopics, {
      topics: [{ name: 'exists', numPartitions: 2, replicationFactor: 1 }],
    })
    assert.equal(created.results[0]?.error, null)
    await waitFor(
      'the broker to see the topic',
      async () => (await metadata(b, ['exists'])).topics[0]?.error === null,
    )
    const versionBefore = await controllerVersion(b)
    assert.equal(
      (await unary(c, c.describeCluster, {})).controllerId,
      controller.running.controller.nodeId,
    )

    const res = await unary(c, c.createTopics, {
      topics: [
        { name: 'bad/name', numPartitions: 1, replicationFactor: 1 },
        { name: '..', numPartitions: 1, replicationFactor: 1 },
        { name: 'too-wide', numPartitions: 1, replicationFactor: 2 },
        { name: 'no-partitions', numPartitions: 0, replicationFactor: 1 },
        { name: 'negative', numPartitions: -5, replicationFactor: 1 },
        { name: 'exists', numPartitions: 1, replicationFactor: 1 },
        {
          name: 'bad-config',
          numPartitions: 1,
          replicationFactor: 1,
          configs: { 'no.such.key': '1' },
        },
        {
          name: 'bad-value',
          numPartitions: 1,
          replicationFactor: 1,
          configs: { 'retention.ms': 'soon' },
        },
      ],
    })
    assert.equal(res.error, null)
    assert.deepEqual(
      res.results.map((r) => [r.name, r.error?.code ?? 0]),
      [
        ['bad/name', 17], // INVALID_TOPIC_EXCEPTION
        ['..', 17],
        ['too-wide', 38], // INVALID_REPLICATION_FACTOR
        ['no-partitions', 37], // INVALID_PARTITIONS
        ['negative', 37],
        ['exists', 36], // TOPIC_ALREADY_EXISTS
        ['bad-config', 40], // INVALID_CONFIG
        ['bad-value', 40],
      ],
    )
    for (const r of res.results) assert.ok(r.error?.message, `${r.name} says why`)

    const fewer = await unary(c, c.createPartitions, { topics: [{ name: 'exists', count: 1 }] })
    assert.equal(fewer.results[0]?.error?.code, 37)
    const unknownDelete = await unary(c, c.deleteTopics, { names: ['missing'] })
    assert.equal(unknownDelete.results[0]?.error?.code, 3)
    const badAlter = await unary(c, c.alterConfigs, {
      resources: [{ topic: 'exists', configs: [{ name: 'no.such.key', value: '1' }] }],
    })
    assert.equal(badAlter.results[0]?.error?.code, 40)

    // Nothing was committed, and the broker's picture is unchanged.
    assert.equal(await controllerVersion(b), versionBefore)
    const all = await metadata(b)
    assert.deepEqual(
      all.topics.map((topic) => [topic.name, topic.partitions.length]),
      [['exists', 2]],
    )
    assert.equal(all.metadataVersion, versionBefore)
  })

  it('answers Metadata for unknown and illegal topics per topic', async (t) => {
    const { brokers } = await startCluster(t, 1)
    const res = await metadata(brokers[0]!, ['missing', 'bad/name', 'missing'])
    assert.equal(res.error, null)
    assert.deepEqual(
      res.topics.map((topic) => [topic.name, topic.error?.code]),
      [
        ['missing', 3], // UNKNOWN_TOPIC_OR_PARTITION
        ['bad/name', 17], // INVALID_TOPIC_EXCEPTION
      ],
    )
    assert.deepEqual(
      res.brokers.map((b) => b.brokerId),
      [1],
    )
  })

  it('answers the group RPCs with UNSUPPORTED_VERSION until they arrive, and serves the data path', async (t) => {
    const { brokers } = await startCluster(t, 1)
    const c = brokers[0]!.client
    const produce = await unary(c, c.produce, {
      acks: -1,
      timeoutMs: 1000,
      topics: [{ topic: 'x', partitions: [{ partition: 0, records: Buffer.from('not a batch') }] }],
    })
    assert.equal(produce.error, null)
    assert.equal(produce.topics[0]?.partitions[0]?.error?.code, 3) // UNKNOWN_TOPIC_OR_PARTITION
    assert.equal(produce.topics[0]?.partitions[0]?.baseOffset, '-1')

    const fetch = await unary(c, c.fetch, {
      replicaId: -1,
      maxWaitMs: 10_000,
      topics: [{ topic: 'x', partitions: [{ partition: 0, fetchOffset: '0' }] }],
    })
    assert.equal(fetch.error, null)
    assert.equal(fetch.topics[0]?.partitions[0]?.error?.code, 3)

    const offsets = await unary(c, c.listOffsets, {
      topics: [{ topic: 'x', partitions: [{ partition: 0, timestamp: '-1' }] }],
    })
    assert.equal(offsets.topics[0]?.partitions[0]?.error?.code, 3)

    const coordinator = await unary(c, c.findCoordinator, { key: 'g' })
    assert.equal(coordinator.error?.code, 35)
    assert.match(coordinator.error?.message ?? '', /consumer-group/)
    for (const answer of [
      await unary(c, c.consumerGroupHeartbeat, { groupId: 'g' }),
      await unary(c, c.offsetCommit, { groupId: 'g' }),
      await unary(c, c.offsetFetch, { groupId: 'g' }),
      await unary(c, c.listGroups, {}),
      await unary(c, c.describeGroups, { groupIds: ['g'] }),
      await unary(c, c.deleteGroups, { groupIds: ['g'] }),
    ]) {
      assert.equal(answer.error?.code, 35)
    }
    // Still serving afterwards.
    assert.equal((await metadata(brokers[0]!)).error, null)
  })

  it('answers bytes that do not decode with INVALID_REQUEST, and keeps serving', async (t) => {
    const { brokers } = await startCluster(t, 1)
    const b = brokers[0]!
    const raw = new grpc.Client(b.running.address, grpc.credentials.createInsecure())
    t.after(() => raw.close())
    const definition = loadSamsaPackage().BrokerService.service
    for (const method of ['Metadata', 'CreateTopics', 'Produce'] as const) {
      // A field tag followed by a truncated varint: not a protobuf message.
      const bytes = await new Promise<Buffer>((resolve, reject) =>
        raw.makeUnaryRequest(
          definition[method].path,
          (x: Buffer) => x,
          (x: Buffer) => x,
          Buffer.from([0x08, 0xff, 0xff]),
          (err, res) => (err ? reject(err) : resolve(res!)),
        ),
      )
      const answer = definition[method].responseDeserialize(bytes) as {
        error: pb.ErrorInfo__Output
      }
      assert.equal(answer.error?.code, 42, `${method}: INVALID_REQUEST`)
      assert.match(answer.error.message, /Could not decode/)
    }
    assert.equal((await metadata(b)).error, null)
  })
})
