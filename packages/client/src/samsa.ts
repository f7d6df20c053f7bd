import { Admin } from './admin/admin.js'
import { Cluster } from './cluster.js'
import { type ResolvedSamsaConfig, resolveConfig, type SamsaConfig } from './options.js'

/**
 * The entry point of the SDK, shaped like KafkaJS's `Kafka` class:
 *
 * ```ts
 * const samsa = new Samsa({ clientId: 'app', brokers: ['127.0.0.1:9091'] })
 * const admin = samsa.admin()
 * await admin.connect()
 * await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3, replicationFactor: 3 }] })
 * ```
 *
 * `producer()` and `consumer()` arrive with the data path (DESIGN.md §6); each client made here
 * gets its own broker connections and metadata cache.
 */
export class Samsa {
  readonly #config: ResolvedSamsaConfig

  /** Throws TypeError for a config without brokers or with an address that is not host:port. */
  constructor(config: SamsaConfig) {
    this.#config = resolveConfig(config)
  }

  /** The resolved configuration (defaults filled in). */
  get config(): ResolvedSamsaConfig {
    return this.#config
  }

  /** A new admin client; `connect()` it before use and `disconnect()` it when done. */
  admin(): Admin {
    return new Admin(new Cluster(this.#config))
  }
}
