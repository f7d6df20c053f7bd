import * as grpc from '@grpc/grpc-js'
import {
  addHealthService,
  bindGrpcServer,
  brokerInfo,
  createGrpcServer,
  type Logger,
  loadSamsaPackage,
  noopLogger,
  partitionMetadata,
  type pb,
  SamsaError,
  shutdownGrpcServer,
  toErrorInfo,
} from '@samsa/protocol'
import { Controller, type ControllerOptions } from './controller.js'
import type { VersionedRecord } from './metadata-log.js'
import { AlterPartitionError } from './partition-commands.js'
import { int64, metadataSnapshot, wireRecord } from './wire.js'

/** The most records a slow WatchMetadata reader may fall behind before its stream is ended. */
const MAX_PENDING_RECORDS = 100_000

type Callback<T> = grpc.sendUnaryData<T>

/** Runs `fn`, answering its result, or a response carrying the Kafka error it threw. */
function answer<Res extends { error?: pb.ErrorInfo | null }>(
  callback: Callback<Res>,
  fn: () => Promise<NoInfer<Res>>,
  logger: Logger,
): void {
  fn().then(
    (response) => callback(null, response),
    (err: unknown) => {
      if (!(err instanceof SamsaError)) logger.error({ err }, 'controller request failed')
      callback(null, { error: toErrorInfo(err) } as Res)
    },
  )
}

/**
 * The ControllerService handlers over a Controller. Kafka errors travel in the response bodies;
 * gRPC statuses are left for transport failures.
 */
export class ControllerService {
  readonly #controller: Controller
  readonly #logger: Logger
  readonly #watchers = new Set<
    grpc.ServerWritableStream<pb.WatchMetadataRequest__Output, pb.MetadataUpdate>
  >()

  constructor(controller: Controller, logger: Logger = noopLogger) {
    this.#controller = controller
    this.#logger = logger
  }

  /** Ends every WatchMetadata stream (watchers reconnect, e.g. to a restarted controller). */
  endWatches(): void {
    for (const call of this.#watchers) call.end()
    this.#watchers.clear()
  }

  handlers(): pb.ControllerServiceHandlers {
    const c = this.#controller
    const log = this.#logger
    return {
      RegisterBroker: (call, callback) =>
        answer(
          callback,
          async () => {
            const r = call.request
            const { brokerEpoch } = await c.registerBroker({
              brokerId: r.brokerId,
              incarnationId: r.incarnationId,
              endpoint: {
                host: r.endpoint?.host ?? '',
                port: r.endpoint?.port ?? 0,
                httpPort: r.endpoint?.httpPort ?? 0,
              },
              rack: r.rack === '' ? null : r.rack,
              clusterId: r.clusterId,
            })
            return { brokerEpoch: String(brokerEpoch), clusterId: c.clusterId }
          },
          log,
        ),
      BrokerHeartbeat: (call, callback) =>
        answer(
          callback,
          async () => {
            const r = call.request
            return c.brokerHeartbeat({
              brokerId: r.brokerId,
              brokerEpoch: int64(r.brokerEpoch),
              wantShutDown: r.wantShutDown,
              currentMetadataVersion: int64(r.currentMetadataVersion),
            })
          },
          log,
        ),
      WatchMetadata: (call) => this.#watch(call),
      AlterPartition: (call, callback) => {
        const r = call.request
        c.alterPartition({
          brokerId: r.brokerId,
          brokerEpoch: int64(r.brokerEpoch),
          topic: r.topic,
          partition: r.partition,
          leaderEpoch: r.leaderEpoch,
          partitionEpoch: r.partitionEpoch,
          newIsr: r.newIsr,
        }).then(
          (state) => callback(null, { partition: partitionMetadata(state) }),
          (err: unknown) =>
            callback(null, {
              error: toErrorInfo(err),
              ...(err instanceof AlterPartitionError
                ? { partition: partitionMetadata(err.current) }
                : {}),
            }),
        )
      },
      CreateTopics: (call, callback) =>
        answer(
          callback,
          async () => {
            const results = await c.createTopics(
              call.request.topics.map((t) => ({
                name: t.name,
                numPartitions: t.numPartitions,
                replicationFactor: t.replicationFactor,
                configs: t.configs,
              })),
              call.request.validateOnly,
            )
            return {
              results: results.map((r) => ({
                name: r.name,
                topicId: r.topicId ?? '',
                numPartitions: r.numPartitions ?? -1,
                replicationFactor: r.replicationFactor ?? -1,
                configs: { ...(r.configs ?? {}) },
                ...(r.error ? { error: toErrorInfo(r.error) } : {}),
              })),
            }
          },
          log,
        ),
      DeleteTopics: (call, callback) =>
        answer(
          callback,
          async () => ({
            results: (await c.deleteTopics(call.request.names)).map((r) => ({
              name: r.name,
              topicId: r.topicId ?? '',
              ...(r.error ? { error: toErrorInfo(r.error) } : {}),
            })),
          }),
          log,
        ),
      CreatePartitions: (call, callback) =>
        answer(
          callback,
          async () => ({
            results: (
              await c.createPartitions(
                call.request.topics.map((t) => ({ name: t.name, count: t.count })),
                call.request.validateOnly,
              )
            ).map((r) => ({ name: r.name, ...(r.error ? { error: toErrorInfo(r.error) } : {}) })),
          }),
          log,
        ),
      AlterConfigs: (call, callback) =>
        answer(
          callback,
          async () => ({
            results: (
              await c.alterConfigs(
                call.request.resources.map((res) => ({
                  topic: res.topic,
                  configs: Object.fromEntries(
                    res.configs.map((cfg) => [
                      cfg.name,
                      cfg.operation === 'CONFIG_OPERATION_DELETE' ? null : cfg.value,
                    ]),
                  ),
                })),
                call.request.validateOnly,
              )
            ).map((r) => ({ topic: r.name, ...(r.error ? { error: toErrorInfo(r.error) } : {}) })),
          }),
          log,
        ),
      DescribeCluster: (_call, callback) =>
        answer(
          callback,
          async () => ({
            clusterId: c.clusterId,
            controllerId: c.nodeId,
            metadataVersion: String(c.version),
            brokers: [...c.image.brokers.values()]
              .sort((a, b) => a.brokerId - b.brokerId)
              .map(brokerInfo),
          }),
          log,
        ),
      ElectLeaders: (call, callback) =>
        answer(
          callback,
          async () => {
            const wanted = call.request.topicPartitions.flatMap((tp) =>
              tp.partitions.map((partition) => ({ topic: tp.topic, partition })),
            )
            const outcomes = await c.electLeaders(
              call.request.electionType === 'ELECTION_TYPE_UNCLEAN' ? 'unclean' : 'preferred',
              wanted.length > 0 ? wanted : undefined,
            )
            return {
              results: outcomes.map((o) => ({
                topic: o.topic,
                partition: o.partition,
                leader: o.leader,
                ...(o.error ? { error: toErrorInfo(new SamsaError(o.error, o.error)) } : {}),
              })),
            }
          },
          log,
        ),
    }
  }

  /**
   * WatchMetadata: a snapshot (or, when the watcher's version is still retained, just the
   * records after it), then every commit as a delta, in order. A watcher that does not read
   * (write() keeps returning false) has deltas queued and coalesced until it drains; past
   * MAX_PENDING_RECORDS its stream ends with RESOURCE_EXHAUSTED and it reconnects for a
   * snapshot.
   */
  #watch(
    call: grpc.ServerWritableStream<pb.WatchMetadataRequest__Output, pb.MetadataUpdate>,
  ): void {
    const c = this.#controller
    const { brokerId } = call.request
    if (brokerId >= 0) {
      const broker = c.image.broker(brokerId)
      if (!broker || broker.brokerEpoch !== int64(call.request.brokerEpoch)) {
        call.write({
          version: String(c.version),
          error: toErrorInfo(
            new SamsaError('STALE_BROKER_EPOCH', `Broker ${brokerId} must register again`),
          ),
        })
        call.end()
        return
      }
    }
    let pending: VersionedRecord[] = []
    let blocked = false
    let done = false
    const send = (records: readonly VersionedRecord[]) => {
      if (done || records.length === 0) return
      const last = records[records.length - 1]!
      blocked = !call.write({
        version: String(last.version),
        delta: { records: records.map((r) => wireRecord(r.record)) },
      })
    }
    const unsubscribe = c.onCommit((records) => {
      if (!blocked) {
        send(records)
        return
      }
      pending.push(...records)
      if (pending.length > MAX_PENDING_RECORDS) {
        finish()
        call.emit('error', {
          code: grpc.status.RESOURCE_EXHAUSTED,
          details: 'WatchMetadata reader fell too far behind; reconnect',
        })
      }
    })
    const finish = () => {
      done = true
      unsubscribe()
      this.#watchers.delete(call)
    }
    call.on('drain', () => {
      blocked = false
      const batch = pending
      pending = []
      send(batch)
    })
    call.on('cancelled', finish)
    call.on('close', finish)
    call.on('error', finish)
    this.#watchers.add(call)

    const from = int64(call.request.fromVersion)
    const deltas = from > 0 ? c.recordsSince(from) : undefined
    if (deltas === undefined) {
      blocked = !call.write({
        version: String(c.version),
        snapshot: metadataSnapshot(c.image, c.clusterId),
      })
    } else {
      send(deltas)
    }
  }
}

export interface ControllerServerConfig extends ControllerOptions {
  /** Listen address. Default 127.0.0.1. */
  readonly host?: string
  /** gRPC port; 0 picks a free one. */
  readonly port: number
}

/** A controller serving gRPC; `close()` stops it (streams, server, then the log). */
export interface RunningController {
  readonly controller: Controller
  readonly port: number
  /** host:port */
  readonly address: string
  close(): Promise<void>
}

/**
 * Opens the controller in `config.dir` and serves ControllerService and the gRPC health
 * service on host:port. The library form of `samsa controller`.
 */
export async function startController(config: ControllerServerConfig): Promise<RunningController> {
  const logger = config.logger ?? noopLogger
  const controller = await Controller.open(config)
  const service = new ControllerService(controller, logger)
  const server = createGrpcServer()
  server.addService(loadSamsaPackage().ControllerService.service, service.handlers())
  const health = addHealthService(server)
  const host = config.host ?? '127.0.0.1'
  let port: number
  try {
    port = await bindGrpcServer(server, host, config.port)
  } catch (err) {
    server.forceShutdown()
    await controller.close()
    throw err
  }
  logger.info(
    { host, port, clusterId: controller.clusterId, version: controller.version },
    'controller listening',
  )
  let closing: Promise<void> | undefined
  return {
    controller,
    port,
    address: `${host}:${port}`,
    close() {
      closing ??= (async () => {
        health.setStatus('', 'NOT_SERVING')
        service.endWatches()
        await shutdownGrpcServer(server, 2_000)
        await controller.close()
        logger.info({ port }, 'controller stopped')
      })()
      return closing
    },
  }
}
