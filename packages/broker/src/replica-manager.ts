import type { LogManager, TopicPartition } from '@samsa/storage'
import { partitionConfig, topicLogConfig } from './broker-config.js'
import { EventLoopSlice } from './event-loop-slice.js'
import { HighWatermarkCheckpoints } from './high-watermark-checkpoint.js'
import type { Logger } from './logger.js'
import type { CachedPartition, MetadataCache, MetadataChanges } from './metadata-cache.js'
import { DEFAULT_PARTITION_CONFIG, type PartitionConfig } from './partition-config.js'
import { readPartitionTopicId, writePartitionTopicId } from './partition-metadata-file.js'
import {
  partitionKey as key,
  Partition,
  type PartitionListener,
  type ReplicaRole,
} from './partition-state.js'
import type { FollowerAssignment, ReplicaFetcherManager } from './replica-fetcher-manager.js'

export interface ReplicaManagerOptions {
  readonly brokerId: number
  readonly logManager: LogManager
  readonly fetcherManager: ReplicaFetcherManager
  readonly logger: Logger
  /** Told when a hosted partition's state, log or high watermark moves (the purgatories). */
  readonly listener?: PartitionListener
  /**
   * The broker defaults of the settings the data path enforces (`min.insync.replicas`,
   * `message.max.bytes`); topic overrides win. Default {@link DEFAULT_PARTITION_CONFIG}.
   */
  readonly partitionDefaults?: PartitionConfig
  /**
   * How often the high watermarks are written to each log dir's `replication-offset-checkpoint`
   * (Kafka's `replica.high.watermark.checkpoint.interval.ms`); also written on shutdown. Default
   * {@link DEFAULT_HIGH_WATERMARK_CHECKPOINT_INTERVAL_MS}.
   */
  readonly highWatermarkCheckpointIntervalMs?: number
}

/** Kafka's default `replica.high.watermark.checkpoint.interval.ms`. */
export const DEFAULT_HIGH_WATERMARK_CHECKPOINT_INTERVAL_MS = 5_000

/** One hosted replica, as the cluster view shows it. */
export interface LocalReplica {
  readonly topic: string
  readonly partition: number
  readonly topicId: string
  readonly role: ReplicaRole | undefined
  readonly leader: number
  readonly leaderEpoch: number
  readonly logStartOffset: number
  readonly logEndOffset: number
  /** The leader's high watermark (-1 when the log is closed). */
  readonly highWatermark: number
}

/**
 * Reconciles the partitions this broker hosts toward the metadata (Kafka's ReplicaManager
 * applying a metadata delta; redpanda's controller_backend): for every partition whose state
 * changed and that lists this broker as a replica it creates the log through the LogManager and
 * becomes leader or follower; it deletes the logs of deleted topics and of partitions it no longer
 * hosts; after a snapshot it also deletes stray logs found on disk (a topic deleted while the
 * broker was down). Fetching for followed partitions is the ReplicaFetcherManager's job.
 *
 * Updates are applied one at a time by the MetadataWatcher; a failure on one partition (a disk
 * error) is logged and does not stop the others.
 */
export class ReplicaManager {
  readonly #o: ReplicaManagerOptions
  readonly #log: Logger
  readonly #partitions = new Map<string, Partition>()
  readonly #hwCheckpoints: HighWatermarkCheckpoints
  /** The high watermarks checkpointed before this start, each used once by the log it belongs to. */
  readonly #checkpointedHw: Map<string, number>
  readonly #checkpointTimer: NodeJS.Timeout
  #stopped = false

  constructor(options: ReplicaManagerOptions) {
    this.#o = options
    this.#log = options.logger
    this.#hwCheckpoints = new HighWatermarkCheckpoints(options.logManager, options.logger)
    this.#checkpointedHw = this.#hwCheckpoints.read()
    this.#checkpointTimer = setInterval(
      () => this.checkpointHighWatermarks(),
      options.highWatermarkCheckpointIntervalMs ?? DEFAULT_HIGH_WATERMARK_CHECKPOINT_INTERVAL_MS,
    )
    this.#checkpointTimer.unref()
  }

  /**
   * Writes every hosted partition's high watermark to its log dir's checkpoint. Never throws (a
   * failing disk is logged; the next interval tries again).
   */
  checkpointHighWatermarks(): void {
    try {
      this.#hwCheckpoints.write((topic, partition) => {
        const p = this.#partitions.get(key(topic, partition))
        if (p !== undefined) return p.highWatermark
        // Not applied yet since this start: keep what the last run knew.
        return this.#checkpointedHw.get(key(topic, partition))
      })
    } catch (err) {
      this.#log.error({ err }, 'could not checkpoint high watermarks')
    }
  }

  partition(topic: string, partition: number): Partition | undefined {
    return this.#partitions.get(key(topic, partition))
  }

  /** Every hosted partition, by topic then partition. */
  partitions(): Partition[] {
    return [...this.#partitions.values()].sort((a, b) =>
      a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
    )
  }

  /** The hosted replicas with their roles and log offsets. */
  localReplicas(): LocalReplica[] {
    return this.partitions().map((p) => {
      let logStartOffset = -1
      let logEndOffset = -1
      let highWatermark = -1
      if (!p.log.isClosed) {
        logStartOffset = p.log.logStartOffset
        logEndOffset = p.log.logEndOffset
        highWatermark = p.highWatermark
      }
      return {
        topic: p.topic,
        partition: p.partition,
        topicId: p.topicId,
        role: p.role,
        leader: p.leader,
        leaderEpoch: p.leaderEpoch,
        logStartOffset,
        logEndOffset,
        highWatermark,
      }
    })
  }

  /**
   * Applies one metadata update (see the class comment). Never throws. After {@link shutdown}
   * it does nothing, and an update being applied stops at the next partition.
   */
  async applyMetadata(cache: MetadataCache, changes: MetadataChanges): Promise<void> {
    const self = this.#o.brokerId
    for (const deleted of changes.deletedTopics) {
      for (const p of this.partitions()) {
        if (this.#stopped) return
        if (p.topic === deleted.name && p.topicId === deleted.topicId) {
          await this.#remove(p.topic, p.partition, 'topic deleted')
        }
      }
    }
    if (changes.snapshot) await this.#removeStrays(cache)

    const leaders: TopicPartition[] = []
    const follows: FollowerAssignment[] = []
    const stopFetching: TopicPartition[] = []
    const slice = new EventLoopSlice()
    for (const state of changes.partitions) {
      await slice.yieldIfDue()
      if (this.#stopped) return
      try {
        if (state.replicas.includes(self)) {
          await this.#applyReplica(cache, state, { leaders, follows, stopFetching })
        } else if (this.#partitions.has(key(state.topic, state.partition))) {
          await this.#remove(state.topic, state.partition, 'no longer a replica')
        }
      } catch (err) {
        this.#log.error(
          { err, topic: state.topic, partition: state.partition },
          'could not apply the partition state; the replica is left as it was',
        )
      }
    }
    this.#o.fetcherManager.removeFetcherForPartitions([...leaders, ...stopFetching])
    this.#o.fetcherManager.addFetcherForPartitions(follows)

    for (const topic of changes.configChangedTopics) {
      if (this.#stopped) return
      await this.#updateTopicConfig(cache, topic)
    }
  }

  /**
   * Stops applying metadata and stops fetching. The logs stay open: the LogManager closes them
   * once the update being applied, if any, has stopped (the MetadataWatcher waits for it).
   */
  async shutdown(): Promise<void> {
    this.#stopped = true
    clearInterval(this.#checkpointTimer)
    await this.#o.fetcherManager.shutdown()
    this.checkpointHighWatermarks()
  }

  async #applyReplica(
    cache: MetadataCache,
    state: CachedPartition,
    out: {
      leaders: TopicPartition[]
      follows: FollowerAssignment[]
      stopFetching: TopicPartition[]
    },
  ): Promise<void> {
    const self = this.#o.brokerId
    const { topic, partition } = state
    let p = this.#partitions.get(key(topic, partition))
    if (p !== undefined && p.topicId !== state.topicId) {
      await this.#remove(topic, partition, 'topic created again under a new id')
      p = undefined
    }
    if (p === undefined) p = await this.#createPartition(cache, state)

    const transition = p.update(state, self)
    const tp = { topic, partition }
    const fields = { topic, partition, leader: state.leader, leaderEpoch: state.leaderEpoch }
    switch (transition) {
      case 'became-leader':
      case 'new-leader-epoch': {
        out.leaders.push(tp)
        // Kafka's makeLeader: the new epoch starts at the log end offset, so a follower asking
        // where an older epoch ended gets an answer even before the first append (KIP-101).
        const latest = p.log.latestEpoch()
        if (latest === undefined || state.leaderEpoch > latest) {
          p.log.leaderEpochCache.assign(state.leaderEpoch, p.log.logEndOffset)
        }
        this.#log.info(
          { ...fields, isr: state.isr, logEndOffset: p.log.logEndOffset },
          transition === 'became-leader' ? 'became leader' : 'leader under a new epoch',
        )
        break
      }
      case 'became-follower':
      case 'new-leader':
        if (state.leader >= 0) {
          out.follows.push({
            ...tp,
            leaderId: state.leader,
            leaderEpoch: state.leaderEpoch,
            fetchOffset: p.log.logEndOffset,
          })
        } else {
          out.stopFetching.push(tp)
        }
        this.#log.info(
          fields,
          state.leader < 0
            ? 'partition offline: no leader to follow'
            : transition === 'became-follower'
              ? 'became follower'
              : 'following a new leader',
        )
        break
      case 'isr-changed':
        this.#log.debug({ ...fields, isr: state.isr }, 'ISR changed')
        break
      case 'stale':
        this.#log.warn(
          { ...fields, partitionEpoch: state.partitionEpoch, current: p.partitionEpoch },
          'ignoring a partition state older than the one applied',
        )
        break
      case 'unchanged':
        break
    }
  }

  /**
   * Opens (creating if needed) the partition's log with the topic's overrides. A log left on disk
   * by an earlier topic of the same name (its recorded topic id differs) is deleted first.
   */
  async #createPartition(cache: MetadataCache, state: CachedPartition): Promise<Partition> {
    const { topic, partition, topicId } = state
    const lm = this.#o.logManager
    const config = topicLogConfig(cache.topic(topic)?.configs ?? {}, (k, value, reason) =>
      this.#log.warn({ topic, key: k, value, reason }, 'topic config not applicable to the log'),
    )
    let log = await lm.getOrCreateLog(topic, partition, config)
    const recorded = readPartitionTopicId(log.dir)
    if (recorded !== undefined && recorded !== topicId) {
      this.#log.info(
        { topic, partition, topicId, recordedTopicId: recorded },
        'deleting a log left by an earlier topic of the same name',
      )
      await lm.deleteLog(topic, partition)
      log = await lm.getOrCreateLog(topic, partition, config)
    }
    if (recorded !== topicId) writePartitionTopicId(log.dir, topicId)
    // The checkpointed HW belongs to the log left on disk by this very topic, if any.
    const checkpointed = this.#checkpointedHw.get(key(topic, partition))
    this.#checkpointedHw.delete(key(topic, partition))
    const p = new Partition(topic, partition, topicId, log, {
      config: this.#partitionConfig(cache, topic),
      ...(recorded === topicId && checkpointed !== undefined
        ? { highWatermark: checkpointed }
        : {}),
      ...(this.#o.listener === undefined ? {} : { listener: this.#o.listener }),
    })
    this.#partitions.set(key(topic, partition), p)
    return p
  }

  /** Deletes the logs on disk that the metadata does not assign to this broker. */
  async #removeStrays(cache: MetadataCache): Promise<void> {
    const self = this.#o.brokerId
    for (const { topic, partition } of this.#o.logManager.allLogs()) {
      if (this.#stopped) return
      const state = cache.partition(topic, partition)
      if (state?.replicas.includes(self)) continue
      const reason = cache.topic(topic) === undefined ? 'topic deleted' : 'no longer a replica'
      await this.#remove(topic, partition, reason)
    }
  }

  async #remove(topic: string, partition: number, reason: string): Promise<void> {
    this.#o.fetcherManager.removeFetcherForPartitions([{ topic, partition }])
    const p = this.#partitions.get(key(topic, partition))
    this.#partitions.delete(key(topic, partition))
    p?.markRemoved()
    try {
      if (await this.#o.logManager.deleteLog(topic, partition)) {
        this.#log.info({ topic, partition, reason }, 'deleted partition log')
      }
    } catch (err) {
      this.#log.error({ err, topic, partition, reason }, 'could not delete the partition log')
    }
  }

  #partitionConfig(cache: MetadataCache, topic: string): PartitionConfig {
    return partitionConfig(
      cache.topic(topic)?.configs ?? {},
      this.#o.partitionDefaults ?? DEFAULT_PARTITION_CONFIG,
      (k, value) => this.#log.warn({ topic, key: k, value }, 'ignoring a malformed topic config'),
    )
  }

  async #updateTopicConfig(cache: MetadataCache, topic: string): Promise<void> {
    const configs = cache.topic(topic)?.configs
    if (configs === undefined) return
    const config = topicLogConfig(configs, (k, value, reason) =>
      this.#log.warn({ topic, key: k, value, reason }, 'topic config not applicable to the log'),
    )
    const dataConfig = this.#partitionConfig(cache, topic)
    for (const p of this.partitions()) {
      if (p.topic !== topic) continue
      p.config = dataConfig
      try {
        await this.#o.logManager.getOrCreateLog(topic, p.partition, config)
      } catch (err) {
        this.#log.error({ err, topic, partition: p.partition }, 'could not apply the topic config')
      }
    }
    this.#log.info({ topic, configs }, 'topic config applied to local logs')
  }
}
