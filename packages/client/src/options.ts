/**
 * KafkaJS's retry options, with its defaults and meaning: a failed request that is retriable
 * (see `SamsaError.retriable`) is sent again up to `retries` times; the wait before retry n is
 * `initialRetryTime * multiplier^(n-1)`, randomised by ±`factor`, capped at `maxRetryTime`.
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 5. */
  retries?: number
  /** Wait before the first retry, in ms. Default 300. */
  initialRetryTime?: number
  /** Longest wait between two attempts, in ms. Default 30000. */
  maxRetryTime?: number
  /** Randomisation of each wait: ±factor of it. Default 0.2. */
  factor?: number
  /** Growth of the wait from one retry to the next. Default 2. */
  multiplier?: number
}

export const DEFAULT_RETRY: Readonly<Required<RetryOptions>> = Object.freeze({
  retries: 5,
  initialRetryTime: 300,
  maxRetryTime: 30_000,
  factor: 0.2,
  multiplier: 2,
})

/** What `new Samsa(config)` takes (KafkaJS's `KafkaConfig`, Samsa's names for times). */
export interface SamsaConfig {
  /** Identifies this application to the brokers (sent as the gRPC user agent). Default 'samsa'. */
  clientId?: string
  /**
   * Bootstrap brokers, `host:port` of their gRPC listeners. The client asks them, in turn,
   * for the cluster's metadata; any one live broker is enough.
   */
  brokers: readonly string[]
  /** Deadline of each request, in ms. Default 30000 (KafkaJS's `requestTimeout`). */
  requestTimeoutMs?: number
  /**
   * How long to wait for a connection to a broker before trying the next one, in ms.
   * Default 1000 (KafkaJS's `connectionTimeout`).
   */
  connectionTimeoutMs?: number
  /**
   * Metadata older than this is fetched again before it is used, in ms. Default 300000
   * (Kafka's `metadata.max.age.ms`). Errors that mean the cached metadata is wrong
   * (NOT_LEADER_OR_FOLLOWER, UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE) expire it at once.
   */
  metadataMaxAgeMs?: number
  /** Retries of retriable errors. Defaults: see {@link RetryOptions}. */
  retry?: RetryOptions
}

/** A SamsaConfig with every default filled in. */
export interface ResolvedSamsaConfig {
  readonly clientId: string
  readonly brokers: readonly string[]
  readonly requestTimeoutMs: number
  readonly connectionTimeoutMs: number
  readonly metadataMaxAgeMs: number
  readonly retry: Readonly<Required<RetryOptions>>
}

export function resolveConfig(config: SamsaConfig): ResolvedSamsaConfig {
  const brokers = [...(config.brokers ?? [])].map((b) => b.trim()).filter(Boolean)
  if (brokers.length === 0) {
    throw new TypeError('Samsa needs at least one bootstrap broker (config.brokers)')
  }
  for (const broker of brokers) {
    if (!/^[^\s:]+:\d{1,5}$/.test(broker) && !/^\[[^\]]+\]:\d{1,5}$/.test(broker)) {
      throw new TypeError(`Bootstrap broker "${broker}" is not host:port`)
    }
  }
  return {
    clientId: config.clientId ?? 'samsa',
    brokers,
    requestTimeoutMs: config.requestTimeoutMs ?? 30_000,
    connectionTimeoutMs: config.connectionTimeoutMs ?? 1_000,
    metadataMaxAgeMs: config.metadataMaxAgeMs ?? 300_000,
    retry: { ...DEFAULT_RETRY, ...config.retry },
  }
}
