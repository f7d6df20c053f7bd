import {
  InvalidConfigError,
  parseHostPort,
  requireConfigKeys,
  type ServerConfig,
} from '@samsa/protocol'
import type { LogConfig, LogManagerConfig } from '@samsa/storage'
import { LOG_CONFIG_KEYS, resolveLogConfig } from '@samsa/storage'
import type { IsrPolicy } from './isr-policy.js'
import type { PartitionConfig } from './partition-config.js'
import { DEFAULT_REPLICA_FETCH_SETTINGS, type ReplicaFetchSettings } from './replica-fetcher.js'

/** A `host:port` split into its parts. */
export interface HostPort {
  readonly host: string
  readonly port: number
}

/** What the broker reads from the shared server config, validated once at start-up. */
export interface BrokerSettings {
  readonly brokerId: number
  readonly rack: string | null
  /** Where the gRPC server binds (port 0: any free port). */
  readonly listener: HostPort
  /** What clients and other brokers are told; port 0 means "the port actually bound". */
  readonly advertised: HostPort
  /** Where the HTTP admin server binds. */
  readonly httpListener: HostPort
  readonly controllerAddresses: readonly string[]
  readonly heartbeatIntervalMs: number
  readonly sessionTimeoutMs: number
  readonly controlledShutdown: boolean
  readonly logDirs: readonly string[]
  readonly logManager: LogManagerConfig
  /** `min.insync.replicas` and `message.max.bytes`: what topics inherit unless they override. */
  readonly partitionDefaults: PartitionConfig
  /** `replica.lag.time.max.ms` and `replica.lag.max.messages`. */
  readonly isrPolicy: IsrPolicy
  /** `replica.fetch.wait.max.ms`, `replica.fetch.min.bytes`, `replica.fetch.max.bytes`. */
  readonly replicaFetch: ReplicaFetchSettings
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]'])

/**
 * Reads and checks the broker's keys: `broker.id` and `log.dirs` are required (InvalidConfigError
 * naming the missing key), and the advertised host must be one others can dial, so a wildcard
 * bind address needs `advertised.listeners`.
 */
export function brokerSettings(config: ServerConfig): BrokerSettings {
  requireConfigKeys(config, 'broker', ['broker.id', 'log.dirs'])
  const listener = parseHostPort(config.listeners)
  const advertised = parseHostPort(config['advertised.listeners'] ?? config.listeners)
  if (WILDCARD_HOSTS.has(advertised.host)) {
    throw new InvalidConfigError(
      `config key 'advertised.listeners' must be set when 'listeners' binds the wildcard address ${config.listeners}: other brokers and clients cannot dial ${advertised.host}`,
    )
  }
  const logDirs = [...config['log.dirs']]
  return {
    brokerId: config['broker.id'],
    rack: config['broker.rack'] ?? null,
    listener,
    advertised,
    httpListener: parseHostPort(config['http.listener']),
    controllerAddresses: [...config['controller.quorum.bootstrap.servers']],
    heartbeatIntervalMs: config['broker.heartbeat.interval.ms'],
    sessionTimeoutMs: config['broker.session.timeout.ms'],
    controlledShutdown: config['controlled.shutdown.enable'],
    logDirs,
    partitionDefaults: {
      minInsyncReplicas: config['min.insync.replicas'],
      maxMessageBytes: config['message.max.bytes'],
    },
    isrPolicy: {
      lagTimeMaxMs: config['replica.lag.time.max.ms'],
      lagMaxMessages: config['replica.lag.max.messages'],
    },
    replicaFetch: {
      ...DEFAULT_REPLICA_FETCH_SETTINGS,
      maxWaitMs: config['replica.fetch.wait.max.ms'],
      minBytes: config['replica.fetch.min.bytes'],
      partitionMaxBytes: config['replica.fetch.max.bytes'],
      // Kafka's replica.fetch.backoff.ms (1000) is longer than a test's patience and a failover's
      // budget; a leader that went away is usually replaced within a heartbeat.
      backoffMs: Math.min(
        DEFAULT_REPLICA_FETCH_SETTINGS.backoffMs,
        config['replica.lag.time.max.ms'] / 3,
      ),
    },
    logManager: {
      logDirs,
      retentionCheckIntervalMs: config['log.retention.check.interval.ms'],
      defaultConfig: {
        segmentBytes: config['log.segment.bytes'],
        segmentMs: config['log.roll.ms'],
        segmentIndexBytes: config['log.index.size.max.bytes'],
        indexIntervalBytes: config['log.index.interval.bytes'],
        retentionMs: config['log.retention.ms'],
        retentionBytes: config['log.retention.bytes'],
        ...(config['log.flush.interval.messages'] === undefined
          ? {}
          : { flushMessages: config['log.flush.interval.messages'] }),
        ...(config['log.flush.interval.ms'] === undefined
          ? {}
          : { flushMs: config['log.flush.interval.ms'] }),
      },
    },
  }
}

/**
 * The storage overrides among a topic's config overrides (`retention.ms` -> retentionMs, ...).
 * Other topic keys (`min.insync.replicas`, `cleanup.policy`, ...) are not the log's business and
 * are skipped. The controller validated every value, but its bounds are Kafka's and storage's
 * can be tighter (e.g. a segment must hold at least one batch header): a value storage refuses
 * is left out, so the log keeps the broker default, and reported through `onRejected`.
 */
export function topicLogConfig(
  configs: Readonly<Record<string, string>>,
  onRejected?: (key: string, value: string, reason: string) => void,
): Partial<LogConfig> {
  const out: Partial<LogConfig> = {}
  for (const [key, value] of Object.entries(configs)) {
    const field = (LOG_CONFIG_KEYS as Readonly<Record<string, keyof LogConfig>>)[key]
    if (field === undefined) continue
    const n = Number(value)
    try {
      resolveLogConfig({ [field]: n })
      out[field] = n
    } catch (err) {
      onRejected?.(key, value, err instanceof Error ? err.message : String(err))
    }
  }
  return out
}

/**
 * The data-path settings of a topic: its `min.insync.replicas` and `max.message.bytes`
 * overrides, else the broker defaults. The controller validated the overrides; a value that
 * still does not parse keeps the default and is reported through `onRejected`.
 */
export function partitionConfig(
  configs: Readonly<Record<string, string>>,
  defaults: PartitionConfig,
  onRejected?: (key: string, value: string) => void,
): PartitionConfig {
  const read = (key: string, min: number, fallback: number): number => {
    const value = configs[key]
    if (value === undefined) return fallback
    const n = Number(value)
    if (Number.isSafeInteger(n) && n >= min) return n
    onRejected?.(key, value)
    return fallback
  }
  return {
    minInsyncReplicas: read('min.insync.replicas', 1, defaults.minInsyncReplicas),
    maxMessageBytes: read('max.message.bytes', 0, defaults.maxMessageBytes),
  }
}
