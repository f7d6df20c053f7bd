import { InvalidConfigurationError } from './errors.js'

/**
 * Per-log (per-topic) storage settings. Field names are camelCase; the Kafka topic-config name of
 * each is given in its doc comment and in {@link LOG_CONFIG_KEYS}. Defaults are Kafka's.
 */
export interface LogConfig {
  /** `segment.bytes`: roll a new segment when the active one would exceed this. Default 1 GiB. */
  segmentBytes: number
  /** `segment.ms`: roll a non-empty active segment this long after its first append. Default 7 days. */
  segmentMs: number
  /** `segment.index.bytes`: maximum size of a segment's offset (and time) index; a full index
   * rolls the segment. Default 10 MiB. */
  segmentIndexBytes: number
  /** `index.interval.bytes`: bytes of log between two offset-index entries. Default 4096. */
  indexIntervalBytes: number
  /** `retention.ms`: delete non-active segments whose largest timestamp is older than this;
   * -1 = keep forever. Default 7 days. */
  retentionMs: number
  /** `retention.bytes`: delete the oldest non-active segments while the log is larger than this;
   * -1 = unlimited. Default -1. */
  retentionBytes: number
  /** `flush.messages`: fsync after this many records were appended since the last fsync.
   * Default `Number.MAX_SAFE_INTEGER` (never: replication is the durability, as in Kafka). */
  flushMessages: number
  /** `flush.ms`: fsync when the last fsync is older than this. Default `Number.MAX_SAFE_INTEGER`
   * (never). Checked on append and by {@link LogManager}'s flush scheduler. */
  flushMs: number
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Kafka's defaults for every {@link LogConfig} field. */
export const DEFAULT_LOG_CONFIG: Readonly<LogConfig> = Object.freeze({
  segmentBytes: 1024 * 1024 * 1024,
  segmentMs: 7 * DAY_MS,
  segmentIndexBytes: 10 * 1024 * 1024,
  indexIntervalBytes: 4096,
  retentionMs: 7 * DAY_MS,
  retentionBytes: -1,
  flushMessages: Number.MAX_SAFE_INTEGER,
  flushMs: Number.MAX_SAFE_INTEGER,
})

/** Kafka topic-config name -> {@link LogConfig} field. */
export const LOG_CONFIG_KEYS = Object.freeze({
  'segment.bytes': 'segmentBytes',
  'segment.ms': 'segmentMs',
  'segment.index.bytes': 'segmentIndexBytes',
  'index.interval.bytes': 'indexIntervalBytes',
  'retention.ms': 'retentionMs',
  'retention.bytes': 'retentionBytes',
  'flush.messages': 'flushMessages',
  'flush.ms': 'flushMs',
} as const satisfies Record<string, keyof LogConfig>)

/** Smallest accepted segment: one batch header. Kafka's own minimum is 14 bytes. */
const MIN_SEGMENT_BYTES = 61
/** Positions in the offset index are uint32, and Kafka caps segment.bytes at Int.MaxValue. */
const MAX_SEGMENT_BYTES = 2 ** 31 - 1

/**
 * Fills in Kafka's defaults and checks ranges. Throws {@link InvalidConfigurationError}
 * (INVALID_CONFIG) naming the Kafka key of the first bad value.
 */
export function resolveLogConfig(overrides: Partial<LogConfig> = {}): LogConfig {
  const config: LogConfig = { ...DEFAULT_LOG_CONFIG }
  for (const [key, value] of Object.entries(overrides) as Array<[keyof LogConfig, unknown]>) {
    if (value !== undefined) config[key] = value as number
  }
  check(config, 'segmentBytes', MIN_SEGMENT_BYTES, MAX_SEGMENT_BYTES)
  check(config, 'segmentMs', 1)
  // 8 bytes = room for one offset-index entry (and the time index gets at least one slot).
  check(config, 'segmentIndexBytes', 12, MAX_SEGMENT_BYTES)
  check(config, 'indexIntervalBytes', 0, MAX_SEGMENT_BYTES)
  check(config, 'retentionMs', -1)
  check(config, 'retentionBytes', -1)
  check(config, 'flushMessages', 1)
  check(config, 'flushMs', 0)
  return config
}

/**
 * Builds a {@link LogConfig} from Kafka topic-config names (`{'segment.bytes': 1048576}`);
 * values may be numbers or decimal strings. Unknown keys are refused.
 */
export function logConfigFromKafkaKeys(entries: Record<string, string | number>): LogConfig {
  const overrides: Partial<LogConfig> = {}
  for (const [key, raw] of Object.entries(entries)) {
    const field = (LOG_CONFIG_KEYS as Record<string, keyof LogConfig>)[key]
    if (field === undefined) {
      throw new InvalidConfigurationError(`unknown log config key '${key}'`)
    }
    const value = typeof raw === 'number' ? raw : Number(raw.trim())
    if (typeof raw === 'string' && raw.trim() === '') {
      throw new InvalidConfigurationError(`invalid value '' for '${key}'`)
    }
    overrides[field] = value
  }
  return resolveLogConfig(overrides)
}

function kafkaKey(field: keyof LogConfig): string {
  for (const [key, value] of Object.entries(LOG_CONFIG_KEYS)) if (value === field) return key
  return field
}

function check(
  config: LogConfig,
  field: keyof LogConfig,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): void {
  const value = config[field]
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new InvalidConfigurationError(
      `invalid value ${String(value)} for '${kafkaKey(field)}': expected an integer in [${min}, ${max}]`,
    )
  }
}
