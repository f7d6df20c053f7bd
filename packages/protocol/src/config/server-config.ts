/**
 * The one schema of server config keys that the controller and the broker share, as Kafka's
 * `server.properties` is shared: each role reads the keys it needs, so one `--set key=value`
 * can reach every server. Names are Kafka's where the concept is Kafka's; the few that are
 * Samsa's own (listeners as `host:port`, `http.listener`, `logger.level`) say so.
 */
import { z } from 'zod'

const MiB = 1024 * 1024
const DAY_MS = 24 * 60 * 60 * 1000

/** An integer from YAML (a number) or from the environment (a string). */
const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v),
    z.number().int().min(min).max(max),
  )

const bool = z.preprocess(
  (v) => (v === 'true' ? true : v === 'false' ? false : v),
  z.boolean({ error: 'must be true or false' }),
)

/** `host:port`, the port 0-65535 (0: any free port). */
const hostPort = z
  .string()
  .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port')
  .refine((v) => Number(v.split(':')[1]) <= 65535, 'port must be at most 65535')

/** A list from YAML (an array) or from the environment (comma-separated). */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).min(1),
  )

export const serverConfigSchema = z.strictObject({
  // Identity and addresses.
  /**
   * This server's id in the controller role (Kafka's KRaft `node.id`), reported as the
   * controller id by DescribeCluster. Default 0. Brokers take their id from `broker.id`.
   */
  'node.id': int(0).default(0),
  /** This broker's id (broker role; required there). */
  'broker.id': int(0).optional(),
  /** Rack for rack-aware replica placement. */
  'broker.rack': z.string().min(1).optional(),
  /** Samsa: where the broker's gRPC server binds, `host:port`. */
  listeners: hostPort.default('127.0.0.1:9092'),
  /** Samsa: the `host:port` clients and other brokers are told to use. Default: `listeners`. */
  'advertised.listeners': hostPort.optional(),
  /** Samsa: where the HTTP admin server (health, metrics, cluster view) binds, `host:port`. */
  'http.listener': hostPort.default('127.0.0.1:9192'),
  /** Samsa: where the controller's gRPC server binds (controller role), `host:port`. */
  'controller.listener': hostPort.default('127.0.0.1:9090'),
  /** Controller addresses brokers connect to. */
  'controller.quorum.bootstrap.servers': list(hostPort).default(['127.0.0.1:9090']),
  /** The controller's metadata log directory (controller role; required there). */
  'metadata.log.dir': z.string().min(1).optional(),
  /** Metadata log bytes between two snapshots. */
  'metadata.log.max.record.bytes.between.snapshots': int(1024).default(20 * MiB),

  // Cluster behaviour.
  'num.partitions': int(1).default(1),
  'default.replication.factor': int(1).default(1),
  'min.insync.replicas': int(1).default(1),
  'unclean.leader.election.enable': bool.default(false),
  'auto.leader.rebalance.enable': bool.default(true),
  'broker.heartbeat.interval.ms': int(10).default(1000),
  'broker.session.timeout.ms': int(100).default(9000),
  'controlled.shutdown.enable': bool.default(true),

  // Replication.
  'replica.lag.time.max.ms': int(1).default(30000),
  /**
   * Samsa keeps Kafka's pre-0.9 count threshold (removed by KIP-16): a follower more than this
   * many records behind leaves the ISR. 0 (default) turns it off; bursts larger than the
   * threshold make ISRs flap, which is why Kafka dropped it.
   */
  'replica.lag.max.messages': int(0).default(0),
  'replica.fetch.max.bytes': int(1).default(MiB),
  'replica.fetch.wait.max.ms': int(0).default(500),
  'replica.fetch.min.bytes': int(1).default(1),
  'message.max.bytes': int(0).default(MiB + 12),

  // Storage: the defaults every topic inherits.
  'log.dirs': list(z.string().min(1)).optional(),
  'log.segment.bytes': int(61, 2 ** 31 - 1).default(1024 * MiB),
  'log.roll.ms': int(1).default(7 * DAY_MS),
  'log.index.size.max.bytes': int(12).default(10 * MiB),
  'log.index.interval.bytes': int(0).default(4096),
  'log.retention.ms': int(-1).default(7 * DAY_MS),
  'log.retention.bytes': int(-1).default(-1),
  'log.retention.check.interval.ms': int(1).default(300000),
  'log.flush.interval.messages': int(1).optional(),
  'log.flush.interval.ms': int(0).optional(),

  // Groups.
  'offsets.topic.num.partitions': int(1).default(16),
  'offsets.topic.replication.factor': int(1).default(3),

  /** Samsa: pino level (trace, debug, info, warn, error, fatal, silent). */
  'logger.level': z
    .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
    .default('info'),
})

export type ServerConfig = z.output<typeof serverConfigSchema>
export type ServerConfigKey = keyof ServerConfig

/** Every key the schema knows. */
export const SERVER_CONFIG_KEYS = Object.keys(serverConfigSchema.shape) as ServerConfigKey[]
