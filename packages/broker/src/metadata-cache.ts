import type { pb } from '@samsa/protocol'

/** A registered broker as the broker's cache knows it. */
export interface CachedBroker {
  readonly brokerId: number
  readonly brokerEpoch: number
  readonly incarnationId: string
  readonly endpoint: { readonly host: string; readonly port: number; readonly httpPort: number }
  readonly rack: string | null
  readonly fenced: boolean
}

/** The replication state of one partition. Replaced, never mutated, on every change. */
export interface CachedPartition {
  readonly topic: string
  readonly topicId: string
  readonly partition: number
  /** Assignment order; the first replica is the preferred leader. */
  readonly replicas: readonly number[]
  readonly isr: readonly number[]
  /** -1 when offline. */
  readonly leader: number
  readonly leaderEpoch: number
  readonly partitionEpoch: number
}

export interface CachedTopic {
  readonly name: string
  readonly topicId: string
  readonly configs: Readonly<Record<string, string>>
  /** Indexed by partition number. */
  readonly partitions: readonly CachedPartition[]
}

/** What one metadata update changed, for the components that act on it (ReplicaManager). */
export interface MetadataChanges {
  /** The update was a snapshot: everything may have changed, reconcile it all. */
  readonly snapshot: boolean
  /** Partitions created or changed (their state after the update), topics deleted excluded. */
  readonly partitions: readonly CachedPartition[]
  /** Topics that no longer exist (or exist again under a new topic id). */
  readonly deletedTopics: ReadonlyArray<{ readonly name: string; readonly topicId: string }>
  /** Topics whose config overrides changed (and still exist). */
  readonly configChangedTopics: readonly string[]
  readonly brokersChanged: boolean
}

/** A delta that does not fit the cache: the cache must be rebuilt from a snapshot. */
export class MetadataCacheError extends Error {
  override name = 'MetadataCacheError'
}

/** A wire int64 (a decimal string) as a number; versions and epochs stay far below 2^53. */
export function int64(value: string | number | null | undefined): number {
  const n = Number(value ?? 0)
  return Number.isFinite(n) ? n : 0
}

/**
 * The broker's copy of the cluster metadata (Kafka's KRaftMetadataCache), built from the
 * controller's WatchMetadata stream: a snapshot replaces it, each delta's records are applied in
 * order. Every broker answers Metadata from here, so clients see the same picture through any
 * broker, and it keeps answering while the controller is away.
 *
 * Maps change in place while partition, topic and broker values are replaced, never mutated, so a
 * value handed out stays a consistent picture of one version.
 */
export class MetadataCache {
  #version = 0
  #clusterId = ''
  #loaded = false
  readonly #brokers = new Map<number, CachedBroker>()
  readonly #topics = new Map<string, CachedTopic>()

  /** The version of the last update applied; 0 before the first snapshot. */
  get version(): number {
    return this.#version
  }

  get clusterId(): string {
    return this.#clusterId
  }

  /** Whether a snapshot has been applied (before that the cache knows nothing). */
  get loaded(): boolean {
    return this.#loaded
  }

  broker(brokerId: number): CachedBroker | undefined {
    return this.#brokers.get(brokerId)
  }

  /** Every registered broker, fenced or not, by id. */
  brokers(): CachedBroker[] {
    return [...this.#brokers.values()].sort((a, b) => a.brokerId - b.brokerId)
  }

  /** Registered and unfenced brokers, by id. */
  liveBrokers(): CachedBroker[] {
    return this.brokers().filter((b) => !b.fenced)
  }

  topic(name: string): CachedTopic | undefined {
    return this.#topics.get(name)
  }

  /** Every topic, by name. */
  topics(): CachedTopic[] {
    return [...this.#topics.values()].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )
  }

  partition(topic: string, partition: number): CachedPartition | undefined {
    return this.#topics.get(topic)?.partitions[partition]
  }

  /** Every partition of every topic. */
  *partitions(): IterableIterator<CachedPartition> {
    for (const topic of this.#topics.values()) yield* topic.partitions
  }

  /** Replaces everything with the snapshot at `version`. */
  loadSnapshot(version: number, snapshot: pb.MetadataSnapshot__Output): MetadataChanges {
    const previous = new Map(this.#topics)
    this.#brokers.clear()
    this.#topics.clear()
    for (const b of snapshot.brokers) this.#brokers.set(b.brokerId, cachedBroker(b))
    for (const t of snapshot.topics) {
      this.#topics.set(t.name, {
        name: t.name,
        topicId: t.topicId,
        configs: { ...t.configs },
        partitions: [...t.partitions]
          .sort((a, b) => a.partition - b.partition)
          .map((p) => ({
            topic: t.name,
            topicId: t.topicId,
            partition: p.partition,
            replicas: [...p.replicas],
            isr: [...p.isr],
            leader: p.leader,
            leaderEpoch: p.leaderEpoch,
            partitionEpoch: p.partitionEpoch,
          })),
      })
    }
    this.#clusterId = snapshot.clusterId
    this.#version = version
    this.#loaded = true
    const deletedTopics = [...previous.values()]
      .filter((t) => this.#topics.get(t.name)?.topicId !== t.topicId)
      .map((t) => ({ name: t.name, topicId: t.topicId }))
    return {
      snapshot: true,
      partitions: [...this.partitions()],
      deletedTopics,
      configChangedTopics: [],
      brokersChanged: true,
    }
  }

  /**
   * Applies the records of a delta ending at `version`. Throws MetadataCacheError when a record
   * does not fit (a gap or a bug); the cache is then partly applied and must be replaced by a
   * snapshot before it is trusted again (the version is left where it was, and `loaded` false).
   */
  applyDelta(version: number, records: readonly pb.MetadataRecord__Output[]): MetadataChanges {
    const changed = new Map<string, { topic: string; partition: number }>()
    const deleted: Array<{ name: string; topicId: string }> = []
    const configChanged = new Set<string>()
    let brokersChanged = false
    try {
      for (const record of records) {
        switch (record.record) {
          case 'brokerRegistered': {
            const r = record.brokerRegistered!
            this.#brokers.set(r.brokerId, {
              brokerId: r.brokerId,
              brokerEpoch: int64(r.brokerEpoch),
              incarnationId: r.incarnationId,
              endpoint: endpointOf(r.endpoint),
              rack: r.rack === '' ? null : r.rack,
              fenced: true,
            })
            brokersChanged = true
            break
          }
          case 'brokerFenced':
          case 'brokerUnfenced': {
            const r = (record.brokerFenced ?? record.brokerUnfenced)!
            const broker = this.#brokers.get(r.brokerId)
            if (broker === undefined || broker.brokerEpoch !== int64(r.brokerEpoch)) {
              throw new MetadataCacheError(
                `${record.record}: broker ${r.brokerId} epoch ${r.brokerEpoch} is not registered`,
              )
            }
            this.#brokers.set(r.brokerId, { ...broker, fenced: record.record === 'brokerFenced' })
            brokersChanged = true
            break
          }
          case 'topicCreated': {
            const r = record.topicCreated!
            if (this.#topics.has(r.name)) {
              throw new MetadataCacheError(`topicCreated: topic ${r.name} already exists`)
            }
            this.#topics.set(r.name, {
              name: r.name,
              topicId: r.topicId,
              configs: { ...r.configs },
              partitions: [],
            })
            break
          }
          case 'topicDeleted': {
            const r = record.topicDeleted!
            this.#requireTopic(r.name, r.topicId, record.record)
            this.#topics.delete(r.name)
            deleted.push({ name: r.name, topicId: r.topicId })
            configChanged.delete(r.name)
            for (const [key, tp] of changed) if (tp.topic === r.name) changed.delete(key)
            break
          }
          case 'partitionCreated': {
            const r = record.partitionCreated!
            const topic = this.#requireTopic(r.topic, r.topicId, record.record)
            if (r.partition !== topic.partitions.length) {
              throw new MetadataCacheError(
                `partitionCreated: ${r.topic}-${r.partition} is not the next partition (${topic.partitions.length})`,
              )
            }
            ;(topic.partitions as CachedPartition[]).push({
              topic: r.topic,
              topicId: r.topicId,
              partition: r.partition,
              replicas: [...r.replicas],
              isr: [...r.isr],
              leader: r.leader,
              leaderEpoch: r.leaderEpoch,
              partitionEpoch: r.partitionEpoch,
            })
            changed.set(`${r.topic}\u0000${r.partition}`, r)
            break
          }
          case 'partitionChanged': {
            const r = record.partitionChanged!
            const topic = this.#requireTopic(r.topic, r.topicId, record.record)
            const current = topic.partitions[r.partition]
            if (current === undefined) {
              throw new MetadataCacheError(
                `partitionChanged: unknown partition ${r.topic}-${r.partition}`,
              )
            }
            ;(topic.partitions as CachedPartition[])[r.partition] = {
              ...current,
              leader: r.leader,
              isr: [...r.isr],
              leaderEpoch: r.leaderEpoch,
              partitionEpoch: r.partitionEpoch,
            }
            changed.set(`${r.topic}\u0000${r.partition}`, r)
            break
          }
          case 'configChanged': {
            const r = record.configChanged!
            const topic = this.#requireTopic(r.topic, undefined, record.record)
            const configs = { ...topic.configs }
            if (r.deleted) delete configs[r.name]
            else configs[r.name] = r.value
            this.#topics.set(r.topic, { ...topic, configs })
            configChanged.add(r.topic)
            break
          }
          default:
            throw new MetadataCacheError(`unknown metadata record ${JSON.stringify(record)}`)
        }
      }
    } catch (err) {
      this.#loaded = false
      throw err
    }
    this.#version = version
    const partitions: CachedPartition[] = []
    for (const { topic, partition } of changed.values()) {
      const state = this.partition(topic, partition)
      if (state !== undefined) partitions.push(state)
    }
    return {
      snapshot: false,
      partitions,
      deletedTopics: deleted,
      configChangedTopics: [...configChanged],
      brokersChanged,
    }
  }

  #requireTopic(name: string, topicId: string | undefined, type: string): CachedTopic {
    const topic = this.#topics.get(name)
    if (topic === undefined || (topicId !== undefined && topic.topicId !== topicId)) {
      throw new MetadataCacheError(`${type}: unknown topic ${name} (${topicId ?? 'any id'})`)
    }
    return topic
  }
}

function endpointOf(e: pb.BrokerEndpoint__Output | null | undefined): CachedBroker['endpoint'] {
  return { host: e?.host ?? '', port: e?.port ?? 0, httpPort: e?.httpPort ?? 0 }
}

function cachedBroker(b: pb.BrokerInfo__Output): CachedBroker {
  return {
    brokerId: b.brokerId,
    brokerEpoch: int64(b.brokerEpoch),
    incarnationId: b.incarnationId,
    endpoint: endpointOf(b.endpoint),
    rack: b.rack === '' ? null : b.rack,
    fenced: b.fenced,
  }
}
