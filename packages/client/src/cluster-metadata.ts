import { errorFromInfo, type pb, type SamsaError } from '@samsa/protocol'

/** A live (unfenced) broker as the metadata names it. */
export interface BrokerMetadata {
  readonly nodeId: number
  readonly host: string
  /** gRPC port. */
  readonly port: number
  /** `broker.rack`, or null when the broker declared none. */
  readonly rack: string | null
}

/**
 * One partition's replication state (KafkaJS's PartitionMetadata plus `leaderEpoch`). The high
 * watermark and log start offset come with the data path; they are left out rather than guessed.
 */
export interface PartitionMetadata {
  /** 0, or the Kafka error code of the partition (e.g. 5 LEADER_NOT_AVAILABLE when offline). */
  readonly partitionErrorCode: number
  readonly partitionId: number
  /** Broker id of the leader; -1 while the partition is offline. */
  readonly leader: number
  readonly leaderEpoch: number
  /** Assigned replicas in assignment order; the first is the preferred leader. */
  readonly replicas: readonly number[]
  /** In-sync replicas. */
  readonly isr: readonly number[]
  /** Assigned replicas that are not among the live brokers. */
  readonly offlineReplicas: readonly number[]
}

export interface TopicMetadata {
  readonly name: string
  readonly topicId: string
  /** Topic-level config overrides; keys not here take the broker defaults. */
  readonly configs: Readonly<Record<string, string>>
  /** Ordered by partition id. */
  readonly partitions: readonly PartitionMetadata[]
}

/** What one Metadata response told: the topics asked for, and the errors of the others. */
export interface MetadataResult {
  readonly topics: readonly TopicMetadata[]
  /** Per topic name, the error the broker answered for it (UNKNOWN_TOPIC_OR_PARTITION, ...). */
  readonly errors: ReadonlyMap<string, SamsaError>
}

/** The topic as a client sees it, from the wire form. */
export function topicFromWire(
  topic: pb.TopicMetadata__Output,
  liveBrokers: ReadonlySet<number>,
): TopicMetadata {
  const partitions = topic.partitions
    .map(
      (p): PartitionMetadata => ({
        partitionErrorCode: p.error?.code ?? 0,
        partitionId: p.partition,
        leader: p.leader,
        leaderEpoch: p.leaderEpoch,
        replicas: [...p.replicas],
        isr: [...p.isr],
        offlineReplicas: p.replicas.filter((id) => !liveBrokers.has(id)),
      }),
    )
    .sort((a, b) => a.partitionId - b.partitionId)
  return { name: topic.name, topicId: topic.topicId, configs: { ...topic.configs }, partitions }
}

/**
 * The client's cache of cluster metadata: live brokers and the topics it has asked about.
 * Fetched from any broker; expired after `metadataMaxAgeMs` or at once by {@link invalidate}
 * when a broker says the cache is wrong (NOT_LEADER_OR_FOLLOWER and friends).
 */
export class ClusterMetadata {
  readonly #brokers = new Map<number, BrokerMetadata>()
  readonly #topics = new Map<string, TopicMetadata>()
  #updatedAt = Number.NEGATIVE_INFINITY
  #clusterId = ''
  #controllerId = -1
  #version = -1n

  get clusterId(): string {
    return this.#clusterId
  }

  get controllerId(): number {
    return this.#controllerId
  }

  /** The metadata version of the broker cache that answered last; -1 before the first answer. */
  get version(): bigint {
    return this.#version
  }

  get brokers(): readonly BrokerMetadata[] {
    return [...this.#brokers.values()].sort((a, b) => a.nodeId - b.nodeId)
  }

  broker(nodeId: number): BrokerMetadata | undefined {
    return this.#brokers.get(nodeId)
  }

  topic(name: string): TopicMetadata | undefined {
    return this.#topics.get(name)
  }

  /**
   * Takes in a broker's word on who leads a partition now (the `current_leader` of a
   * NOT_LEADER_OR_FOLLOWER answer, KIP-951), so the next request goes there without waiting for
   * a metadata round trip. Ignored unless its epoch is newer than the cached one.
   */
  updateLeader(topic: string, partition: number, leader: number, leaderEpoch: number): boolean {
    const cached = this.#topics.get(topic)
    const current = cached?.partitions.find((p) => p.partitionId === partition)
    if (cached === undefined || current === undefined || leaderEpoch <= current.leaderEpoch) {
      return false
    }
    if (leader >= 0 && !this.#brokers.has(leader)) return false
    const updated: PartitionMetadata = { ...current, leader, leaderEpoch }
    this.#topics.set(topic, {
      ...cached,
      partitions: cached.partitions.map((p) => (p.partitionId === partition ? updated : p)),
    })
    return true
  }

  /** Whether the cache must be fetched again before use. */
  isStale(maxAgeMs: number, now = Date.now()): boolean {
    return now - this.#updatedAt >= maxAgeMs
  }

  /** Marks the cache stale, so the next use fetches it again. */
  invalidate(): void {
    this.#updatedAt = Number.NEGATIVE_INFINITY
  }

  /**
   * Takes in a Metadata response. `requested` is the topics asked for, or undefined for every
   * topic (then topics the answer leaves out are dropped from the cache).
   */
  update(
    response: pb.MetadataResponse__Output,
    requested: readonly string[] | undefined,
    now = Date.now(),
  ): MetadataResult {
    this.#clusterId = response.clusterId
    this.#controllerId = response.controllerId
    this.#version = BigInt(response.metadataVersion || '-1')
    this.#brokers.clear()
    for (const b of response.brokers) {
      this.#brokers.set(b.brokerId, {
        nodeId: b.brokerId,
        host: b.endpoint?.host ?? '',
        port: b.endpoint?.port ?? 0,
        rack: b.rack === '' ? null : b.rack,
      })
    }
    const live = new Set(this.#brokers.keys())
    if (requested === undefined) this.#topics.clear()
    const topics: TopicMetadata[] = []
    const errors = new Map<string, SamsaError>()
    for (const t of response.topics) {
      const error = errorFromInfo(t.error)
      if (error !== undefined) {
        errors.set(t.name, error)
        if (error.code === 'UNKNOWN_TOPIC_OR_PARTITION') this.#topics.delete(t.name)
        continue
      }
      const topic = topicFromWire(t, live)
      this.#topics.set(topic.name, topic)
      topics.push(topic)
    }
    this.#updatedAt = now
    return { topics, errors }
  }
}
