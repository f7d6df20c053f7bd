import type { BrokerEndpoint, MetadataRecord } from './metadata-records.js'

/** A registered broker. */
export interface BrokerState {
  readonly brokerId: number
  readonly brokerEpoch: number
  readonly incarnationId: string
  readonly endpoint: BrokerEndpoint
  readonly rack: string | null
  readonly fenced: boolean
}

/** The replication state of one partition. Replaced, never mutated, on every change. */
export interface PartitionState {
  readonly topic: string
  readonly partition: number
  /** Assignment order; the first replica is the preferred leader. */
  readonly replicas: readonly number[]
  /** In-sync replicas, a subset of `replicas`, never empty. */
  readonly isr: readonly number[]
  /** -1 when offline. */
  readonly leader: number
  readonly leaderEpoch: number
  readonly partitionEpoch: number
}

export interface TopicState {
  readonly name: string
  readonly topicId: string
  /** Topic-level config overrides. */
  readonly configs: Readonly<Record<string, string>>
  /** Indexed by partition number. */
  readonly partitions: readonly PartitionState[]
}

/** The JSON form of an image, as written to snapshot files. */
export interface MetadataImageJson {
  readonly version: number
  readonly brokers: readonly BrokerState[]
  readonly topics: readonly TopicState[]
}

/** A record that does not fit the image it is applied to: a bug or a corrupt log. */
export class MetadataApplyError extends Error {
  override name = 'MetadataApplyError'
}

/**
 * The metadata state machine: the cluster as the records up to `version` describe it.
 * `apply(record)` is deterministic and is the only way the state changes.
 *
 * Why mutable: with 10,000 partitions, copying the maps for every record would make replay and
 * broker fencing quadratic. Instead the maps and each topic's partition array change in place,
 * while BrokerState and PartitionState values are replaced, never mutated, so one handed out
 * stays valid; `clone()` gives an independent copy when one is needed.
 */
export class MetadataImage {
  #version = 0
  readonly #brokers = new Map<number, BrokerState>()
  readonly #topics = new Map<string, TopicState>()

  /** The version of the last record applied; 0 for the empty image. */
  get version(): number {
    return this.#version
  }

  get brokers(): ReadonlyMap<number, BrokerState> {
    return this.#brokers
  }

  get topics(): ReadonlyMap<string, TopicState> {
    return this.#topics
  }

  broker(brokerId: number): BrokerState | undefined {
    return this.#brokers.get(brokerId)
  }

  topic(name: string): TopicState | undefined {
    return this.#topics.get(name)
  }

  partition(topic: string, partition: number): PartitionState | undefined {
    return this.#topics.get(topic)?.partitions[partition]
  }

  /** Every partition of every topic. */
  *partitions(): IterableIterator<PartitionState> {
    for (const topic of this.#topics.values()) yield* topic.partitions
  }

  /** Registered and unfenced: may lead partitions and be in ISRs. */
  isUnfenced(brokerId: number): boolean {
    const broker = this.#brokers.get(brokerId)
    return broker !== undefined && !broker.fenced
  }

  /** Unfenced brokers, by id. */
  unfencedBrokers(): BrokerState[] {
    return [...this.#brokers.values()]
      .filter((b) => !b.fenced)
      .sort((a, b) => a.brokerId - b.brokerId)
  }

  /** Applies the record that follows `version`; the image's version becomes version + 1. */
  apply(record: MetadataRecord): this {
    switch (record.type) {
      case 'broker-registered':
        this.#brokers.set(record.brokerId, {
          brokerId: record.brokerId,
          brokerEpoch: record.brokerEpoch,
          incarnationId: record.incarnationId,
          endpoint: { ...record.endpoint },
          rack: record.rack,
          fenced: true,
        })
        break
      case 'broker-fenced':
      case 'broker-unfenced': {
        const broker = this.#requireBroker(record.brokerId, record.brokerEpoch, record.type)
        this.#brokers.set(record.brokerId, { ...broker, fenced: record.type === 'broker-fenced' })
        break
      }
      case 'topic-created':
        if (this.#topics.has(record.name)) {
          throw new MetadataApplyError(`topic-created: topic ${record.name} already exists`)
        }
        this.#topics.set(record.name, {
          name: record.name,
          topicId: record.topicId,
          configs: { ...record.configs },
          partitions: [],
        })
        break
      case 'topic-deleted':
        this.#requireTopic(record.name, record.topicId, record.type)
        this.#topics.delete(record.name)
        break
      case 'partition-created': {
        const topic = this.#requireTopic(record.topic, record.topicId, record.type)
        if (record.partition !== topic.partitions.length) {
          throw new MetadataApplyError(
            `partition-created: ${record.topic}-${record.partition} is not the next partition (${topic.partitions.length})`,
          )
        }
        const state: PartitionState = {
          topic: record.topic,
          partition: record.partition,
          replicas: [...record.replicas],
          isr: [...record.isr],
          leader: record.leader,
          leaderEpoch: record.leaderEpoch,
          partitionEpoch: record.partitionEpoch,
        }
        ;(topic.partitions as PartitionState[]).push(state)
        break
      }
      case 'partition-changed': {
        const topic = this.#requireTopic(record.topic, record.topicId, record.type)
        const current = topic.partitions[record.partition]
        if (current === undefined) {
          throw new MetadataApplyError(
            `partition-changed: unknown partition ${record.topic}-${record.partition}`,
          )
        }
        // Partition states are replaced in place in the topic's array (see the class comment).
        ;(topic.partitions as PartitionState[])[record.partition] = {
          ...current,
          leader: record.leader,
          isr: [...record.isr],
          leaderEpoch: record.leaderEpoch,
          partitionEpoch: record.partitionEpoch,
        }
        break
      }
      case 'config-changed': {
        const topic = this.#requireTopic(record.topic, undefined, record.type)
        const configs = { ...topic.configs }
        if (record.value === null) delete configs[record.name]
        else configs[record.name] = record.value
        this.#topics.set(record.topic, { ...topic, configs })
        break
      }
      default: {
        const unknown: never = record
        throw new MetadataApplyError(`unknown record ${JSON.stringify(unknown)}`)
      }
    }
    this.#version += 1
    return this
  }

  /** An independent copy (later records applied to one do not show in the other). */
  clone(): MetadataImage {
    return MetadataImage.fromJSON(this.toJSON())
  }

  toJSON(): MetadataImageJson {
    return {
      version: this.#version,
      brokers: [...this.#brokers.values()].sort((a, b) => a.brokerId - b.brokerId),
      topics: [...this.#topics.values()]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((t) => ({ ...t, partitions: [...t.partitions] })),
    }
  }

  static fromJSON(json: MetadataImageJson): MetadataImage {
    const image = new MetadataImage()
    image.#version = json.version
    for (const broker of json.brokers) image.#brokers.set(broker.brokerId, { ...broker })
    for (const topic of json.topics) {
      image.#topics.set(topic.name, {
        ...topic,
        configs: { ...topic.configs },
        partitions: topic.partitions.map((p) => ({
          ...p,
          replicas: [...p.replicas],
          isr: [...p.isr],
        })),
      })
    }
    return image
  }

  #requireBroker(brokerId: number, brokerEpoch: number, type: string): BrokerState {
    const broker = this.#brokers.get(brokerId)
    if (broker === undefined || broker.brokerEpoch !== brokerEpoch) {
      throw new MetadataApplyError(
        `${type}: broker ${brokerId} epoch ${brokerEpoch} not registered`,
      )
    }
    return broker
  }

  #requireTopic(name: string, topicId: string | undefined, type: string): TopicState {
    const topic = this.#topics.get(name)
    if (topic === undefined || (topicId !== undefined && topic.topicId !== topicId)) {
      throw new MetadataApplyError(`${type}: unknown topic ${name} (${topicId ?? 'any id'})`)
    }
    return topic
  }
}
