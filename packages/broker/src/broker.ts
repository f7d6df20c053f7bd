import { randomUUID } from 'node:crypto'
import {
  addHealthService,
  bindGrpcServer,
  createGrpcServer,
  loadSamsaPackage,
  type ServerConfig,
  shutdownGrpcServer,
} from '@samsa/protocol'
import { LogManager } from '@samsa/storage'
import { brokerSettings } from './broker-config.js'
import { BrokerService } from './broker-service.js'
import { clusterView } from './cluster-view.js'
import { ControllerChannel } from './controller-channel.js'
import { type Readiness, startAdminHttpServer } from './http-server.js'
import { IsrManager } from './isr-manager.js'
import { createBrokerLogger, type Logger } from './logger.js'
import { LogDirsMetadata } from './meta-properties.js'
import { MetadataCache } from './metadata-cache.js'
import { MetadataWatcher } from './metadata-watcher.js'
import { combineListeners } from './partition-state.js'
import { Purgatories } from './purgatories.js'
import { DefaultReplicaFetcherManager } from './replica-fetcher-manager.js'
import { ReplicaManager } from './replica-manager.js'
import { tolerantService } from './request-handling.js'

/** The gRPC health service name whose status follows the broker's readiness. */
export const BROKER_SERVICE_NAME = 'samsa.v1.BrokerService'

export interface BrokerOptions {
  /** Root logger; every component takes a child of it. Default: pino JSON on stdout at `logger.level`. */
  logger?: Logger
}

/** A broker serving gRPC and HTTP; `close()` shuts it down gracefully. */
export interface RunningBroker {
  readonly brokerId: number
  /** The gRPC port actually bound (useful with port 0). */
  readonly port: number
  /** The HTTP admin port actually bound. */
  readonly httpPort: number
  /** The advertised gRPC `host:port` clients dial. */
  readonly address: string
  /**
   * Stops and restarts this broker's replica fetchers while it stays registered and serving:
   * a follower that stalls like a SIGSTOPped process, for tests of the ISR rules.
   */
  readonly replication: { pauseFetching(): void; resumeFetching(): void }
  /**
   * Graceful shutdown: tells the controller (heartbeat with wantShutDown) so leadership moves to
   * in-sync replicas, stops the metadata stream, the servers and the fetchers, and closes the
   * logs cleanly. Idempotent (every call returns the same promise) and safe at any time; never
   * rejects (a failing step is logged and the next one still runs).
   */
  close(): Promise<void>
}

/**
 * Starts a broker: opens its logs, serves BrokerService (and the gRPC health service) on
 * `listeners` and the HTTP admin endpoints on `http.listener` (port 0 picks a free port for
 * either), then registers with the controller and follows its metadata in the background. It
 * resolves once the servers are bound; `/readyz` says when the broker is registered, unfenced
 * and caught up. The library form of `samsa broker`.
 *
 * Throws InvalidConfigError naming the key when `broker.id` or `log.dirs` is missing, or when a
 * log dir belongs to another broker.
 */
export async function startBroker(
  config: ServerConfig,
  options: BrokerOptions = {},
): Promise<RunningBroker> {
  const settings = brokerSettings(config)
  const { brokerId } = settings
  const root = options.logger ?? createBrokerLogger(config['logger.level'])
  const child = (component: string) => root.child({ component, brokerId })
  const log = child('broker')
  const incarnationId = randomUUID()
  const logDirs = LogDirsMetadata.load(settings.logDirs, brokerId)

  const logManager = await LogManager.open(settings.logManager, { logger: child('log-manager') })
  const cache = new MetadataCache()
  const purgatories = new Purgatories(child('purgatory'))
  const brokerEpoch = (): number => channel.registration?.brokerEpoch ?? -1
  const fetcherManager = new DefaultReplicaFetcherManager({
    brokerId,
    brokerEpoch,
    cache,
    partition: (topic, partition) => replicaManager.partition(topic, partition),
    settings: settings.replicaFetch,
    logger: child('replica-fetcher'),
  })
  const isrManager: IsrManager = new IsrManager({
    brokerId,
    brokerEpoch,
    channel: { call: (method, request, timeoutMs) => channel.call(method, request, timeoutMs) },
    cache,
    partitions: () => replicaManager.partitions(),
    policy: settings.isrPolicy,
    logger: child('isr-manager'),
  })
  const replicaManager: ReplicaManager = new ReplicaManager({
    brokerId,
    logManager,
    fetcherManager,
    logger: child('replica-manager'),
    listener: combineListeners(purgatories, {
      highWatermarkAdvanced() {},
      appended() {},
      stateChanged() {},
      followerCaughtUp: (p) => isrManager.followerCaughtUp(p),
    }),
    partitionDefaults: settings.partitionDefaults,
  })
  const channel: ControllerChannel = new ControllerChannel({
    brokerId,
    incarnationId,
    rack: settings.rack,
    clusterId: logDirs.clusterId,
    controllerAddresses: settings.controllerAddresses,
    heartbeatIntervalMs: settings.heartbeatIntervalMs,
    sessionTimeoutMs: settings.sessionTimeoutMs,
    metadataVersion: (): number => watcher.appliedVersion,
    onRegistered: (registration) => logDirs.recordClusterId(registration.clusterId),
    logger: child('controller-channel'),
  })
  let closing = false
  const readiness = (): Readiness => {
    if (closing) return { ready: false, reason: 'shutting down' }
    const state = channel.state
    const registration = state.registration
    if (registration === undefined) {
      return {
        ready: false,
        reason: `not registered with the controller yet${state.lastError ? ` (${state.lastError})` : ''}`,
      }
    }
    const applied = watcher.appliedVersion
    if (applied < registration.brokerEpoch) {
      return {
        ready: false,
        reason: `metadata not caught up: applied version ${applied}, registered at ${registration.brokerEpoch}`,
      }
    }
    const self = cache.broker(brokerId)
    if (state.fenced || !self || self.brokerEpoch !== registration.brokerEpoch || self.fenced) {
      return { ready: false, reason: 'fenced: waiting for the controller to unfence this broker' }
    }
    return {
      ready: true,
      reason: state.controllerReachable
        ? 'registered, unfenced and caught up'
        : `registered, unfenced and caught up; controller unreachable, serving from the metadata cache (${state.lastError ?? ''})`,
    }
  }

  const server = createGrpcServer()
  const health = addHealthService(server, { '': 'SERVING', [BROKER_SERVICE_NAME]: 'NOT_SERVING' })
  let lastReady = false
  const refreshReadiness = () => {
    const { ready, reason } = readiness()
    if (ready === lastReady) return
    lastReady = ready
    health.setStatus(BROKER_SERVICE_NAME, ready ? 'SERVING' : 'NOT_SERVING')
    log.info({ ready, reason }, ready ? 'broker ready' : 'broker not ready')
  }
  const watcher: MetadataWatcher = new MetadataWatcher({
    brokerId,
    channel,
    cache,
    onUpdate: (changes) => replicaManager.applyMetadata(cache, changes),
    onApplied: (version) => {
      channel.metadataApplied(version)
      refreshReadiness()
    },
    logger: child('metadata-watcher'),
  })
  channel.onChange(refreshReadiness)
  const service = new BrokerService({
    brokerId,
    cache,
    channel,
    replicaManager,
    purgatories,
    logger: child('broker-service'),
  })
  server.addService(tolerantService(loadSamsaPackage().BrokerService.service), service.handlers())

  let port: number
  let http: Awaited<ReturnType<typeof startAdminHttpServer>>
  try {
    port = await bindGrpcServer(server, settings.listener.host, settings.listener.port)
    http = await startAdminHttpServer({
      host: settings.httpListener.host,
      port: settings.httpListener.port,
      readiness,
      clusterView: () =>
        clusterView({
          brokerId,
          incarnationId,
          cache,
          channel: channel.state,
          readiness: readiness(),
          local: replicaManager.localReplicas(),
        }),
      logger: child('http'),
    })
  } catch (err) {
    server.forceShutdown()
    await channel.close()
    await logManager.close()
    throw err
  }

  const endpoint = {
    host: settings.advertised.host,
    port: settings.advertised.port === 0 ? port : settings.advertised.port,
    httpPort: http.port,
  }
  log.info(
    {
      listener: `${settings.listener.host}:${port}`,
      advertised: `${endpoint.host}:${endpoint.port}`,
      httpPort: http.port,
      incarnationId,
      controllers: settings.controllerAddresses,
      logDirs: settings.logDirs,
    },
    'broker listening',
  )
  channel.start(endpoint)
  watcher.start()
  isrManager.start()

  let closed: Promise<void> | undefined
  const step = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn()
    } catch (err) {
      log.error({ err }, `shutdown step failed: ${what}`)
    }
  }
  return {
    brokerId,
    port,
    httpPort: http.port,
    address: `${endpoint.host}:${endpoint.port}`,
    replication: {
      pauseFetching: () => fetcherManager.pause(),
      resumeFetching: () => fetcherManager.resume(),
    },
    close() {
      closed ??= (async () => {
        closing = true
        health.setStatus('', 'NOT_SERVING')
        health.setStatus(BROKER_SERVICE_NAME, 'NOT_SERVING')
        log.info('broker shutting down')
        // Controlled shutdown while still serving; then stop applying metadata and fetching,
        // answer the requests still waiting, stop the servers, and close the logs last, once
        // nothing touches them.
        await step('controlled shutdown', () =>
          channel.shutdown(settings.controlledShutdown, Math.min(settings.sessionTimeoutMs, 5_000)),
        )
        isrManager.close()
        await step('replica manager', () => replicaManager.shutdown())
        // Waiting produces and fetches are answered now, before the servers stop.
        await step('purgatories', async () => purgatories.shutdown())
        await step('metadata watch', () => watcher.stop())
        await step('servers', () => Promise.all([shutdownGrpcServer(server, 1_000), http.close()]))
        await step('logs', () => logManager.close())
        await step('controller channel', () => channel.close())
        log.info('broker stopped')
      })()
      return closed
    },
  }
}
