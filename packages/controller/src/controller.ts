import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, open, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { type Logger, noopLogger, SamsaError } from '@samsa/protocol'
import {
  type BrokerHeartbeatRequest,
  leadsAnyPartition,
  planBrokerHeartbeat,
  planFenceBroker,
  planRegisterBroker,
  type RegisterBrokerRequest,
} from './broker-commands.js'
import { BrokerHeartbeats } from './broker-heartbeats.js'
import {
  type CommandContext,
  type ControllerDefaults,
  commandContext,
  DEFAULT_CONTROLLER_DEFAULTS,
} from './command-context.js'
import { type ElectionOutcome, electPreferred } from './leader-election.js'
import type { MetadataImage, PartitionState } from './metadata-image.js'
import { MetadataLog, type VersionedRecord } from './metadata-log.js'
import type { MetadataRecord } from './metadata-records.js'
import {
  type AlterPartitionRequest,
  type ElectionType,
  planAlterPartition,
  planElectLeaders,
} from './partition-commands.js'
import {
  type AlterConfigsRequest,
  type CreatePartitionsRequest,
  type CreateTopicRequest,
  type CreateTopicResult,
  type DeleteTopicResult,
  type Plan,
  planAlterConfigs,
  planCreatePartitions,
  planCreateTopics,
  planDeleteTopics,
  type TopicResult,
} from './topic-commands.js'

export interface ControllerOptions {
  /** Where the metadata log, its snapshots and meta.properties live. */
  readonly dir: string
  /** This controller's id, reported by DescribeCluster. Default 0. */
  readonly nodeId?: number
  /** Cluster defaults (num.partitions, default.replication.factor, unclean election). */
  readonly defaults?: Partial<ControllerDefaults>
  /** `broker.session.timeout.ms`: a broker silent this long is fenced. Default 9000. */
  readonly brokerSessionTimeoutMs?: number
  /**
   * How often to look for expired sessions; 0 disables the timer (and pause detection, see
   * {@link Controller.fenceExpiredBrokers}). Default 250 ms.
   */
  readonly sessionCheckIntervalMs?: number
  /**
   * `auto.leader.rebalance.enable`: give leadership back to the preferred replica once it
   * rejoins the ISR. Default true.
   */
  readonly autoLeaderRebalanceEnable?: boolean
  /** Metadata log snapshot threshold in bytes (see MetadataLogOptions). */
  readonly snapshotBytes?: number
  readonly logger?: Logger
  /** Clock for broker sessions; tests inject one. Default Date.now. */
  readonly clock?: () => number
  /** Topic ids and randomness for planning; tests inject them. */
  readonly context?: Partial<Omit<CommandContext, 'defaults'>>
}

/**
 * A session check running this much later than scheduled means the controller itself was not
 * running (SIGSTOP, a stalled VM, a blocked event loop): timer jitter and GC pauses are far
 * shorter. Capped at half the session timeout for very short sessions.
 */
const PAUSE_THRESHOLD_MS = 1_000

export interface HeartbeatResult {
  readonly isFenced: boolean
  readonly isCaughtUp: boolean
  readonly shouldShutDown: boolean
}

/** Called after every commit with the records it added, in order. */
export type CommitListener = (records: readonly VersionedRecord[]) => void

/**
 * The active controller (DESIGN.md §4): validates commands against the image, commits their
 * records to the metadata log (fsynced) and only then answers. Commands run one at a time, so
 * each is planned against every commit before it. Broker sessions are tracked in memory and
 * brokers silent for `broker.session.timeout.ms` are fenced.
 */
export class Controller {
  readonly nodeId: number
  readonly clusterId: string
  readonly #log: MetadataLog
  readonly #ctx: CommandContext
  readonly #heartbeats: BrokerHeartbeats
  readonly #logger: Logger
  readonly #autoRebalance: boolean
  readonly #clock: () => number
  readonly #sessionCheckIntervalMs: number
  readonly #pauseThresholdMs: number
  /** When the session checker last ran (clock ms). */
  #lastSessionCheckMs: number
  readonly #listeners = new Set<CommitListener>()
  #queue: Promise<unknown> = Promise.resolve()
  #timer: NodeJS.Timeout | undefined
  #closed = false

  private constructor(log: MetadataLog, clusterId: string, options: ControllerOptions) {
    this.#log = log
    this.clusterId = clusterId
    this.nodeId = options.nodeId ?? 0
    this.#ctx = commandContext({
      ...options.context,
      defaults: { ...DEFAULT_CONTROLLER_DEFAULTS, ...options.defaults },
    })
    this.#logger = options.logger ?? noopLogger
    this.#autoRebalance = options.autoLeaderRebalanceEnable ?? true
    this.#clock = options.clock ?? Date.now
    const sessionTimeoutMs = options.brokerSessionTimeoutMs ?? 9_000
    this.#heartbeats = new BrokerHeartbeats(sessionTimeoutMs, this.#clock)
    // Brokers that were live before a restart get one session to reach this controller.
    for (const broker of log.image.brokers.values()) {
      if (!broker.fenced) this.#heartbeats.track(broker.brokerId)
    }
    const interval = options.sessionCheckIntervalMs ?? 250
    this.#sessionCheckIntervalMs = interval
    this.#pauseThresholdMs = Math.min(PAUSE_THRESHOLD_MS, sessionTimeoutMs / 2)
    this.#lastSessionCheckMs = this.#clock()
    if (interval > 0) {
      this.#timer = setInterval(() => {
        this.fenceExpiredBrokers().catch((err: unknown) =>
          this.#logger.error({ err }, 'fencing expired brokers failed'),
        )
      }, interval)
    }
  }

  /** Opens the metadata log in `options.dir` (replaying it) and starts session checks. */
  static async open(options: ControllerOptions): Promise<Controller> {
    await mkdir(options.dir, { recursive: true })
    const clusterId = await loadOrCreateClusterId(options.dir)
    const log = await MetadataLog.open({
      dir: join(options.dir, 'metadata'),
      ...(options.snapshotBytes === undefined ? {} : { snapshotBytes: options.snapshotBytes }),
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    })
    return new Controller(log, clusterId, options)
  }

  /** The committed metadata. Do not change it. */
  get image(): MetadataImage {
    return this.#log.image
  }

  get version(): number {
    return this.#log.version
  }

  get defaults(): ControllerDefaults {
    return this.#ctx.defaults
  }

  /** Records after `version` if still retained in memory (else undefined: send a snapshot). */
  recordsSince(version: number): VersionedRecord[] | undefined {
    return this.#log.recordsSince(version)
  }

  /** Calls `listener` after every commit; returns the function that unsubscribes it. */
  onCommit(listener: CommitListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  async registerBroker(
    request: RegisterBrokerRequest & { clusterId?: string },
  ): Promise<{ brokerEpoch: number }> {
    return this.#run(async () => {
      if (request.clusterId && request.clusterId !== this.clusterId) {
        throw new SamsaError(
          'INCONSISTENT_CLUSTER_ID',
          `Broker ${request.brokerId} belongs to cluster ${request.clusterId}, this is ${this.clusterId}`,
        )
      }
      const { records, brokerEpoch } = planRegisterBroker(this.image, request, {
        sessionAlive: (id) => this.#heartbeats.isAlive(id),
        uncleanDefault: this.#ctx.defaults.uncleanLeaderElectionEnable,
      })
      await this.#commit(records)
      this.#heartbeats.touch(request.brokerId)
      this.#logger.info(
        { brokerId: request.brokerId, brokerEpoch, incarnationId: request.incarnationId },
        'broker registered',
      )
      return { brokerEpoch }
    })
  }

  async brokerHeartbeat(request: BrokerHeartbeatRequest): Promise<HeartbeatResult> {
    return this.#run(async () => {
      const { records, isCaughtUp } = planBrokerHeartbeat(
        this.image,
        request,
        this.#ctx.defaults.uncleanLeaderElectionEnable,
      )
      this.#heartbeats.touch(request.brokerId)
      await this.#commit(records)
      if (records.length > 0) {
        this.#logger.info(
          { brokerId: request.brokerId, fenced: this.image.broker(request.brokerId)?.fenced },
          request.wantShutDown ? 'broker in controlled shutdown' : 'broker unfenced',
        )
      }
      const fenced = this.image.broker(request.brokerId)?.fenced ?? true
      // A broker fenced for its controlled shutdown has no live session (as in Kafka's
      // BrokerHeartbeatManager, a fenced broker's session is never valid): when it comes back
      // as a new incarnation it registers at once instead of getting
      // DUPLICATE_BROKER_REGISTRATION until broker.session.timeout.ms. Ended only after the
      // fence is committed, so a failed commit leaves the session (and its expiry) in place.
      if (request.wantShutDown && fenced) this.#heartbeats.remove(request.brokerId)
      return {
        isFenced: fenced,
        isCaughtUp,
        shouldShutDown: request.wantShutDown && !leadsAnyPartition(this.image, request.brokerId),
      }
    })
  }

  /**
   * The session checker (run every `sessionCheckIntervalMs`): fences every broker whose
   * session expired; returns their ids. When it runs much later than scheduled, the controller
   * itself was not running (SIGSTOP, a stalled host) and no heartbeat could reach it, so every
   * session is first extended by that lag: otherwise a paused controller would fence every
   * broker on resume and move every leadership at once. Without a schedule (interval 0) there
   * is no lag to measure.
   */
  async fenceExpiredBrokers(): Promise<number[]> {
    if (this.#closed) return []
    return this.#run(async () => {
      this.#discountOwnPause()
      const fenced: number[] = []
      for (const brokerId of this.#heartbeats.takeExpired()) {
        const records = planFenceBroker(
          this.image,
          brokerId,
          'session-timeout',
          this.#ctx.defaults.uncleanLeaderElectionEnable,
        )
        if (records.length === 0) continue
        await this.#commit(records)
        fenced.push(brokerId)
        this.#logger.info(
          { brokerId, partitionsChanged: records.length - 1 },
          'broker fenced after its session expired',
        )
      }
      return fenced
    })
  }

  createTopics(
    requests: readonly CreateTopicRequest[],
    validateOnly = false,
  ): Promise<CreateTopicResult[]> {
    return this.#runPlan(() => planCreateTopics(this.image, requests, this.#ctx), validateOnly)
  }

  deleteTopics(names: readonly string[]): Promise<DeleteTopicResult[]> {
    return this.#runPlan(() => planDeleteTopics(this.image, names), false)
  }

  createPartitions(
    requests: readonly CreatePartitionsRequest[],
    validateOnly = false,
  ): Promise<TopicResult[]> {
    return this.#runPlan(() => planCreatePartitions(this.image, requests, this.#ctx), validateOnly)
  }

  alterConfigs(
    requests: readonly AlterConfigsRequest[],
    validateOnly = false,
  ): Promise<TopicResult[]> {
    return this.#runPlan(() => planAlterConfigs(this.image, requests), validateOnly)
  }

  electLeaders(
    type: ElectionType,
    partitions?: ReadonlyArray<{ topic: string; partition: number }>,
  ): Promise<ElectionOutcome[]> {
    return this.#runPlan(() => planElectLeaders(this.image, type, partitions), false)
  }

  /**
   * Commits a leader's ISR change and resolves with the partition's new state; rejects with
   * AlterPartitionError (carrying the current state) or STALE_BROKER_EPOCH. When the change
   * brings the preferred replica back into the ISR, leadership returns to it in a following
   * commit (auto.leader.rebalance.enable).
   */
  async alterPartition(request: AlterPartitionRequest): Promise<PartitionState> {
    return this.#run(async () => {
      const { record } = planAlterPartition(this.image, request)
      if (record) {
        await this.#commit([record])
        this.#logger.info(
          { topic: request.topic, partition: request.partition, isr: record.isr },
          'ISR changed',
        )
      }
      const committed = this.image.partition(request.topic, request.partition)!
      if (this.#autoRebalance && record) {
        const outcome = electPreferred(this.image, committed)
        if (outcome.record) await this.#commit([outcome.record])
      }
      return committed
    })
  }

  /** Stops session checks, waits for commands in flight and closes the log. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    if (this.#timer) clearInterval(this.#timer)
    this.#listeners.clear()
    await this.#queue.catch(() => {})
    await this.#log.close()
  }

  /** Extends every broker session by the time the session checker ran late, if it was paused. */
  #discountOwnPause(): void {
    if (this.#sessionCheckIntervalMs <= 0) return
    const now = this.#clock()
    const lateMs = now - this.#lastSessionCheckMs - this.#sessionCheckIntervalMs
    this.#lastSessionCheckMs = now
    if (lateMs < this.#pauseThresholdMs) return
    this.#heartbeats.extendSessions(lateMs)
    this.#logger.warn(
      { lateMs },
      'session check ran late: the controller was not running; extending broker sessions by that time',
    )
  }

  #run<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(() => {
      if (this.#closed) {
        throw new SamsaError('NOT_CONTROLLER', 'The controller is shutting down')
      }
      return fn()
    })
    this.#queue = run.catch(() => {})
    return run
  }

  #runPlan<R>(plan: () => Plan<R>, validateOnly: boolean): Promise<R[]> {
    return this.#run(async () => {
      const { records, results } = plan()
      if (!validateOnly) await this.#commit(records)
      return results
    })
  }

  async #commit(records: readonly MetadataRecord[]): Promise<void> {
    if (records.length === 0) return
    const first = this.#log.version + 1
    await this.#log.commit(records)
    const committed = records.map((record, i) => ({ version: first + i, record }))
    for (const listener of this.#listeners) {
      try {
        listener(committed)
      } catch (err) {
        this.#logger.error({ err }, 'metadata commit listener failed')
      }
    }
  }
}

/** Reads `cluster.id` from `<dir>/meta.properties`, writing a new one (atomically) if absent. */
async function loadOrCreateClusterId(dir: string): Promise<string> {
  const path = join(dir, 'meta.properties')
  if (existsSync(path)) {
    const match = /^cluster\.id=(.+)$/m.exec(readFileSync(path, 'utf8'))
    if (match?.[1]) return match[1].trim()
  }
  const clusterId = randomUUID()
  const tmp = `${path}.tmp`
  const handle = await open(tmp, 'w')
  try {
    await handle.write(`# Samsa controller metadata\ncluster.id=${clusterId}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await rename(tmp, path)
  const dirHandle = await open(dir, 'r')
  try {
    await dirHandle.sync()
  } finally {
    await dirHandle.close()
  }
  return clusterId
}
