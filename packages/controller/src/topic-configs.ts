import { SamsaError } from '@samsa/protocol'

type Validator = (value: string) => string | undefined

const integer =
  (min: number, max: number): Validator =>
  (v) =>
    /^-?\d+$/.test(v) && Number(v) >= min && Number(v) <= max
      ? undefined
      : `must be an integer in [${min}, ${max}]`
/**
 * Kafka's long, up to 2^53 - 1 rather than 2^63 - 1: brokers and storage hold these values as
 * JavaScript numbers, so a larger one (e.g. Long.MAX_VALUE as "forever") could not be honoured
 * exactly; -1 is the way to say "unlimited" where Kafka has it.
 */
const long = (min: number): Validator => integer(min, Number.MAX_SAFE_INTEGER)
/** Kafka's int. */
const int = (min: number, max = 2 ** 31 - 1): Validator => integer(min, max)
const bool: Validator = (v) => (v === 'true' || v === 'false' ? undefined : 'must be true or false')
const oneOf =
  (...allowed: string[]): Validator =>
  (v) =>
    allowed.includes(v) ? undefined : `must be one of ${allowed.join(', ')}`
const ratio: Validator = (v) =>
  v.trim() !== '' && Number.isFinite(Number(v)) && Number(v) >= 0 && Number(v) <= 1
    ? undefined
    : 'must be a number in [0, 1]'
const cleanupPolicy: Validator = (v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .every((s) => s === 'delete' || s === 'compact')
    ? undefined
    : 'must be delete, compact or "compact,delete"'

/**
 * The topic-level configs a topic may override, with Kafka's names and value rules (see
 * Kafka's TopicConfig). Keys not overridden take the broker's `log.*` / cluster defaults.
 * The keys storage reads (segment.*, index.interval.bytes, retention.*, flush.*) take
 * @samsa/storage's bounds (its `resolveLogConfig`) where they are tighter than Kafka's, so a
 * topic never carries a value its logs would have to ignore.
 */
export const TOPIC_CONFIGS: Readonly<Record<string, Validator>> = {
  'cleanup.policy': cleanupPolicy,
  'compression.type': oneOf('producer', 'uncompressed', 'none', 'gzip', 'snappy', 'lz4', 'zstd'),
  'delete.retention.ms': long(0),
  'file.delete.delay.ms': long(0),
  'flush.messages': long(1),
  'flush.ms': long(0),
  'index.interval.bytes': int(0),
  'max.compaction.lag.ms': long(1),
  'max.message.bytes': int(0),
  'message.timestamp.type': oneOf('CreateTime', 'LogAppendTime'),
  'min.cleanable.dirty.ratio': ratio,
  'min.compaction.lag.ms': long(0),
  'min.insync.replicas': int(1),
  'retention.bytes': long(-1),
  'retention.ms': long(-1),
  // Kafka allows 14; a segment must hold at least one record batch header (61 bytes).
  'segment.bytes': int(61),
  // Kafka allows 4; each index must hold at least one entry, and a time-index entry is 12 bytes.
  'segment.index.bytes': int(12),
  'segment.ms': long(1),
  'unclean.leader.election.enable': bool,
}

/** Whether `key` is a topic-level config. */
export function isTopicConfig(key: string): boolean {
  return Object.hasOwn(TOPIC_CONFIGS, key)
}

/** Throws INVALID_CONFIG naming the first unknown key or bad value. */
export function validateTopicConfigs(configs: Readonly<Record<string, string>>): void {
  for (const [key, value] of Object.entries(configs)) validateTopicConfig(key, value)
}

/** Throws INVALID_CONFIG unless `key` is a topic config and `value` fits it. */
export function validateTopicConfig(key: string, value: string): void {
  const validate = isTopicConfig(key) ? TOPIC_CONFIGS[key] : undefined
  if (validate === undefined) {
    throw new SamsaError('INVALID_CONFIG', `Unknown topic config "${key}"`)
  }
  const problem = validate(value)
  if (problem !== undefined) {
    throw new SamsaError(
      'INVALID_CONFIG',
      `Invalid value "${value}" for topic config "${key}": ${problem}`,
    )
  }
}
