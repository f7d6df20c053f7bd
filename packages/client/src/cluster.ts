import type * as grpc from '@grpc/grpc-js'
import { type ErrorName, SamsaError, throwIfError, type UnaryOptions, unary } from '@samsa/protocol'
import { type BrokerClient, BrokerPool } from './broker-pool.js'
import { ClusterMetadata, type MetadataResult } from './cluster-metadata.js'
import type { ResolvedSamsaConfig } from './options.js'
import { retry } from './retry.js'

/** Errors that mean the cached metadata is wrong: the next request fetches it again. */
export const STALE_METADATA_ERRORS: ReadonlySet<ErrorName> = new Set([
  'NOT_LEADER_OR_FOLLOWER',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
])

/** A generated client's unary method, as `unary` takes it. */
export type UnaryMethod<Req, Res> = (
  argument: Req,
  callback: grpc.requestCallback<Res>,
) => grpc.ClientUnaryCall

/** One attempt's view of the broker it talks to. */
export interface BrokerConnection {
  readonly address: string
  readonly client: BrokerClient
  /**
   * Calls `method` with the request deadline; a transport failure rejects with a typed error
   * and makes the next attempt try another bootstrap broker.
   */
  unary<Req, Res>(method: UnaryMethod<Req, Res>, request: Req): Promise<Res>
}

/**
 * What every client (admin now; producer and consumer with the data path) shares: the broker
 * pool, the metadata cache and the retry policy. Each `samsa.admin()` gets its own, as KafkaJS
 * gives each client its own cluster.
 */
export class Cluster {
  readonly config: ResolvedSamsaConfig
  readonly pool: BrokerPool
  readonly metadata = new ClusterMetadata()
  /** The topics this client works with: kept in every metadata refresh of ensureTopics. */
  readonly #topics = new Set<string>()
  #refreshing: Promise<MetadataResult> | undefined

  constructor(config: ResolvedSamsaConfig) {
    this.config = config
    this.pool = new BrokerPool(config.brokers, {
      clientId: config.clientId,
      connectionTimeoutMs: config.connectionTimeoutMs,
    })
  }

  /**
   * Sends a request to a live bootstrap broker (every broker serves metadata and forwards admin
   * requests), retrying retriable errors with backoff and trying the next seed broker after a
   * transport failure. `attempt` throws the Kafka error of a response (e.g. with throwIfError).
   */
  request<T>(attempt: (broker: BrokerConnection) => Promise<T>): Promise<T> {
    return retry(async () => {
      const { address, client } = await this.pool.bootstrap()
      const connection: BrokerConnection = {
        address,
        client,
        unary: async (method, request) => {
          try {
            return await unary(client, method, request, {
              timeoutMs: this.config.requestTimeoutMs,
            })
          } catch (err) {
            this.pool.markFailed(address)
            throw err
          }
        },
      }
      try {
        return await attempt(connection)
      } catch (err) {
        if (err instanceof SamsaError && STALE_METADATA_ERRORS.has(err.code)) {
          this.metadata.invalidate()
        }
        throw err
      }
    }, this.config.retry)
  }

  /**
   * Fetches metadata for `topics` (every topic when undefined) from a bootstrap broker and
   * updates the cache. Per-topic errors are returned, not thrown.
   */
  refreshMetadata(topics?: readonly string[]): Promise<MetadataResult> {
    const wanted = topics !== undefined && topics.length > 0 ? [...topics] : undefined
    return this.request(async (broker) => {
      const response = await broker.unary(broker.client.metadata, { topics: wanted ?? [] })
      throwIfError(response.error)
      return this.metadata.update(response, wanted)
    })
  }

  /**
   * Makes sure the cache knows `topics` and is fresh: fetches metadata for them (together with
   * every topic this client used before, so the cache stays whole) when one is missing, the
   * cache is older than `metadataMaxAgeMs`, or it was invalidated. Concurrent callers share one
   * request. Per-topic errors (UNKNOWN_TOPIC_OR_PARTITION, ...) are returned, not thrown.
   */
  async ensureTopics(topics: Iterable<string>): Promise<ReadonlyMap<string, SamsaError>> {
    for (const topic of topics) this.#topics.add(topic)
    for (;;) {
      const running = this.#refreshing
      if (running === undefined) break
      await running.catch(() => undefined)
    }
    const missing = [...this.#topics].some((t) => this.metadata.topic(t) === undefined)
    if (!missing && !this.metadata.isStale(this.config.metadataMaxAgeMs)) return new Map()
    const refresh = this.refreshMetadata([...this.#topics])
    this.#refreshing = refresh
    try {
      const { errors } = await refresh
      // Topics that failed (unknown, being created) are asked for again next time, not forever.
      for (const name of errors.keys()) this.#topics.delete(name)
      return errors
    } finally {
      this.#refreshing = undefined
    }
  }

  /** host:port of the gRPC listener of live broker `nodeId`, or undefined when not known. */
  brokerAddress(nodeId: number): string | undefined {
    const broker = this.metadata.broker(nodeId)
    if (broker === undefined || broker.port <= 0) return undefined
    const host = broker.host.includes(':') ? `[${broker.host}]` : broker.host
    return `${host}:${broker.port}`
  }

  /**
   * Sends one request to broker `nodeId` (data-path requests go to the partition's leader, not
   * to any bootstrap broker). A broker the metadata does not know rejects with
   * LEADER_NOT_AVAILABLE; a transport failure rejects with its typed (retriable) error and
   * expires the metadata cache, since the broker may have died and lost its partitions. No
   * retries here: the producer and consumer decide per partition what to do.
   */
  async brokerRequest<Req, Res>(
    nodeId: number,
    pick: (client: BrokerClient) => UnaryMethod<Req, Res>,
    request: Req,
    options: UnaryOptions = {},
  ): Promise<Res> {
    const address = this.brokerAddress(nodeId)
    if (address === undefined) {
      this.metadata.invalidate()
      throw new SamsaError('LEADER_NOT_AVAILABLE', `Broker ${nodeId} is not among the live brokers`)
    }
    try {
      const client = await this.pool.connect(address)
      return await unary(client, pick(client), request, {
        timeoutMs: this.config.requestTimeoutMs,
        ...options,
      })
    } catch (err) {
      this.metadata.invalidate()
      throw err
    }
  }

  /** Refreshes the cache when it is older than `metadataMaxAgeMs` or was invalidated. */
  async refreshMetadataIfStale(): Promise<void> {
    if (this.metadata.isStale(this.config.metadataMaxAgeMs)) await this.refreshMetadata()
  }

  /** Closes every broker connection. */
  close(): void {
    this.pool.close()
  }
}
