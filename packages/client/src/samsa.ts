import { Admin } from './admin/admin.js'
import { Cluster } from './cluster.js'
import { Consumer } from './consumer/consumer.js'
import type { ConsumerOptions } from './consumer/types.js'
import { type ResolvedSamsaConfig, resolveConfig, type SamsaConfig } from './options.js'
import { Producer } from './producer/producer.js'
import type { ProducerOptions } from './producer/types.js'

/**
 * The entry point of the SDK, shaped like KafkaJS's `Kafka` class (DESIGN.md §6):
 *
 * ```ts
 * const samsa = new Samsa({ clientId: 'app', brokers: ['127.0.0.1:9091'] })
 * const admin = samsa.admin()
 * await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3, replicationFactor: 3 }] })
 * const producer = samsa.producer({ acks: -1 })
 * await producer.send({ topic: 'orders', messages: [{ key: 'k', value: 'v' }] })
 * const consumer = samsa.consumer()
 * await consumer.subscribe({ topics: ['orders'], fromBeginning: true })
 * await consumer.run({ eachMessage: async ({ partition, message }) => {} })
 * ```
 *
 * Each client made here gets its own broker connections and metadata cache; `disconnect()` it
 * when done.
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

  /** A new producer (see ProducerOptions for its batching and retry settings). */
  producer(options: ProducerOptions = {}): Producer {
    return new Producer(new Cluster(this.#config), options)
  }

  /**
   * A new consumer without a group (assign() or subscribe()). A `groupId` throws
   * UNSUPPORTED_VERSION until consumer groups arrive.
   */
  consumer(options: ConsumerOptions = {}): Consumer {
    return new Consumer(new Cluster(this.#config), options)
  }
}
