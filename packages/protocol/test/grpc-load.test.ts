import assert from 'node:assert/strict'
import { describe, it, type TestContext } from 'node:test'
import type * as grpc from '@grpc/grpc-js'
import {
  addHealthService,
  bindGrpcServer,
  checkHealth,
  createBrokerClient,
  createControllerClient,
  createGrpcServer,
  errorFromInfo,
  errorInfo,
  loadSamsaPackage,
  PROTO_LOADER_OPTIONS,
  type pb,
  protoLoaderGenTypesArgs,
  SamsaError,
  shutdownGrpcServer,
  unary,
} from '../src/index.js'

/** Above 2^53: a JS number would round it, a string keeps it exact. */
const BIG_VERSION = '9007199254740993'

async function startServer(
  t: TestContext,
  register: (server: grpc.Server) => void,
): Promise<string> {
  const server = createGrpcServer()
  register(server)
  addHealthService(server)
  const port = await bindGrpcServer(server, '127.0.0.1', 0)
  t.after(() => shutdownGrpcServer(server, 1_000))
  return `127.0.0.1:${port}`
}

describe('the samsa.v1 gRPC package', () => {
  it('loads once and exposes both services', () => {
    const samsa = loadSamsaPackage()
    assert.equal(loadSamsaPackage(), samsa)
    assert.ok(samsa.ControllerService.service.DescribeCluster)
    assert.ok(samsa.BrokerService.service.Fetch)
    assert.ok(samsa.BrokerService.service.ConsumerGroupHeartbeat)
  })

  it('generates types with the run-time loader options', () => {
    assert.equal(PROTO_LOADER_OPTIONS.longs, String)
    assert.deepEqual(
      protoLoaderGenTypesArgs().filter((a) => !a.startsWith('--grpcLib')),
      [
        '--longs=String',
        '--enums=String',
        '--defaults',
        '--oneofs',
        '--importFileExtension=.js',
        '--includeComments',
      ],
    )
  })

  it('serves a unary call whose int64 fields arrive as strings', async (t) => {
    const samsa = loadSamsaPackage()
    let seenEpoch: unknown
    const handlers = {
      DescribeCluster: (_call, callback) => {
        callback(null, {
          clusterId: 'c1',
          controllerId: 0,
          metadataVersion: BIG_VERSION,
          brokers: [{ brokerId: 1, endpoint: { host: '127.0.0.1', port: 9091 }, brokerEpoch: 7 }],
        })
      },
      BrokerHeartbeat: (call, callback) => {
        seenEpoch = call.request.brokerEpoch
        callback(null, { error: errorInfo('STALE_BROKER_EPOCH', 'register again') })
      },
    } satisfies Partial<pb.ControllerServiceHandlers>
    const address = await startServer(t, (server) =>
      server.addService(samsa.ControllerService.service, handlers),
    )
    const client = createControllerClient(address)
    t.after(() => client.close())

    const res = await unary(client, client.describeCluster, {}, { timeoutMs: 5_000 })
    assert.equal(res.metadataVersion, BIG_VERSION)
    assert.equal(typeof res.metadataVersion, 'string')
    assert.equal(res.brokers[0]?.brokerEpoch, '7')
    assert.equal(res.brokers[0]?.endpoint?.port, 9091)
    assert.equal(res.brokers[0]?.fenced, false, 'defaults: absent scalars arrive as zero values')
    assert.equal(res.error, null, 'defaults: absent messages arrive as null')
    assert.equal(errorFromInfo(res.error), undefined)

    const hb = await unary(client, client.brokerHeartbeat, {
      brokerId: 1,
      brokerEpoch: BIG_VERSION,
      currentMetadataVersion: '0',
    })
    assert.equal(seenEpoch, BIG_VERSION, 'int64 request fields arrive as strings on the server')
    const err = errorFromInfo(hb.error)
    assert.ok(err instanceof SamsaError)
    assert.equal(err.code, 'STALE_BROKER_EPOCH')
    assert.equal(err.errorCode, 77)
  })

  it('answers health checks for every server', async (t) => {
    const address = await startServer(t, () => {})
    assert.equal(await checkHealth(address), 'SERVING')
  })

  it('maps transport failures to typed, retriable errors', async (t) => {
    const samsa = loadSamsaPackage()
    const address = await startServer(t, (server) =>
      server.addService(samsa.ControllerService.service, {}),
    )
    const client = createControllerClient(address)
    t.after(() => client.close())
    await assert.rejects(unary(client, client.describeCluster, {}), (err: unknown) => {
      assert.ok(err instanceof SamsaError)
      assert.equal(err.code, 'UNSUPPORTED_VERSION')
      return true
    })
    const nowhere = createControllerClient('127.0.0.1:1')
    t.after(() => nowhere.close())
    await assert.rejects(
      unary(nowhere, nowhere.describeCluster, {}, { timeoutMs: 2_000 }),
      (err: unknown) => err instanceof SamsaError && err.retriable,
    )
  })

  it('carries record bytes above grpc-js default 4 MiB limit, with enums as names', async (t) => {
    const samsa = loadSamsaPackage()
    const records = Buffer.alloc(6 * 1024 * 1024, 7)
    let isolation: unknown
    const handlers = {
      Fetch: (call, callback) => {
        isolation = call.request.isolationLevel
        callback(null, {
          topics: [
            {
              topic: 't',
              partitions: [{ partition: 0, highWatermark: '12', divergingEpoch: null, records }],
            },
          ],
        })
      },
    } satisfies Partial<pb.BrokerServiceHandlers>
    const address = await startServer(t, (server) =>
      server.addService(samsa.BrokerService.service, handlers),
    )
    const client = createBrokerClient(address)
    t.after(() => client.close())
    const res = await unary(client, client.fetch, {
      replicaId: -1,
      isolationLevel: 'ISOLATION_LEVEL_READ_COMMITTED',
      topics: [{ topic: 't', partitions: [{ partition: 0, fetchOffset: '0' }] }],
    })
    assert.equal(isolation, 'ISOLATION_LEVEL_READ_COMMITTED')
    const partition = res.topics[0]?.partitions[0]
    assert.equal(partition?.highWatermark, '12')
    assert.equal(partition?.divergingEpoch, null)
    assert.ok(partition?.records.equals(records))
  })
})
