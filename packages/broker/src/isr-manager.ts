import { errorNameOf, type pb } from '@samsa/protocol'
import type { ControllerChannel } from './controller-channel.js'
import type { IsrPolicy } from './isr-policy.js'
import type { Logger } from './logger.js'
import type { MetadataCache } from './metadata-cache.js'
import { type CommittedIsr, type Partition, partitionKey } from './partition-state.js'

/** How long one AlterPartition may take before it is sent again. */
const ALTER_PARTITION_TIMEOUT_MS = 5_000
/**
 * The longest sweep interval: Kafka sweeps every `replica.lag.time.max.ms` / 2, but the count
 * threshold (and an unanswered proposal's resend) should not wait that long; a sweep only reads
 * in-memory follower states.
 */
const MAX_CHECK_INTERVAL_MS = 1_000

export interface IsrManagerOptions {
  readonly brokerId: number
  /** This broker's epoch (AlterPartition.broker_epoch); -1 while not registered. */
  readonly brokerEpoch: () => number
  /** AlterPartition goes through it. */
  readonly channel: Pick<ControllerChannel, 'call'>
  /** Which brokers may join an ISR (registered and unfenced). */
  readonly cache: MetadataCache
  /** The hosted partitions (those this broker leads are checked). */
  readonly partitions: () => Iterable<Partition>
  readonly policy: IsrPolicy
  /**
   * How often every led partition is checked; default half of `replica.lag.time.max.ms`, at
   * most {@link MAX_CHECK_INTERVAL_MS}.
   */
  readonly checkIntervalMs?: number
  readonly logger: Logger
}

/**
 * The leader side of ISR changes (Kafka's Partition.maybeShrinkIsr / maybeExpandIsr with the
 * AlterPartitionManager): one periodic sweep over the partitions this broker leads (not a timer
 * per partition) proposes dropping followers that fell behind (`replica.lag.time.max.ms`, or
 * `replica.lag.max.messages` when on) and adding followers that caught up with the high
 * watermark; a follower catching up also triggers a check of its partition at once. Each
 * proposal goes to the controller through AlterPartition with the leader and partition epochs;
 * while it is pending, the partition counts the union of the old and proposed ISR (KIP-497).
 * The answer, committed state or refusal with the current state, updates the partition; a
 * request that got no answer is sent again at the next sweep, since it may have been committed.
 */
export class IsrManager {
  readonly #o: IsrManagerOptions
  readonly #log: Logger
  readonly #inFlight = new Set<string>()
  readonly #soon = new Map<string, Partition>()
  #timer: NodeJS.Timeout | undefined
  #immediate: NodeJS.Immediate | undefined
  #closed = false

  constructor(options: IsrManagerOptions) {
    this.#o = options
    this.#log = options.logger
  }

  /** Starts the periodic check. */
  start(): void {
    if (this.#timer !== undefined || this.#closed) return
    const interval =
      this.#o.checkIntervalMs ??
      Math.max(10, Math.min(MAX_CHECK_INTERVAL_MS, Math.floor(this.#o.policy.lagTimeMaxMs / 2)))
    this.#timer = setInterval(() => this.checkAll(), interval)
    this.#timer.unref()
  }

  /** Stops checking; answers still to come are ignored. */
  close(): void {
    this.#closed = true
    if (this.#timer !== undefined) clearInterval(this.#timer)
    if (this.#immediate !== undefined) clearImmediate(this.#immediate)
    this.#soon.clear()
  }

  /** A follower outside the ISR caught up: check its partition on the next turn of the loop. */
  followerCaughtUp(p: Partition): void {
    if (this.#closed) return
    this.#soon.set(partitionKey(p.topic, p.partition), p)
    this.#immediate ??= setImmediate(() => {
      this.#immediate = undefined
      const due = [...this.#soon.values()]
      this.#soon.clear()
      for (const q of due) this.#check(q)
    })
  }

  /** Checks every partition this broker leads. */
  checkAll(): void {
    if (this.#closed) return
    for (const p of this.#o.partitions()) this.#check(p)
  }

  #check(p: Partition): void {
    if (!p.isLeader || p.log.isClosed || this.#inFlight.has(partitionKey(p.topic, p.partition))) {
      return
    }
    // A proposal that got no answer may have been committed: send it again, never drop it.
    const proposed =
      p.pendingIsr ??
      p.isrChangeToPropose(Date.now(), this.#o.policy, (id) => {
        const b = this.#o.cache.broker(id)
        return b !== undefined && !b.fenced
      })
    if (proposed === undefined) return
    this.#send(p, proposed)
  }

  #send(p: Partition, proposed: readonly number[]): void {
    const key = partitionKey(p.topic, p.partition)
    const fields = {
      topic: p.topic,
      partition: p.partition,
      leaderEpoch: p.leaderEpoch,
      partitionEpoch: p.partitionEpoch,
      isr: p.isr,
      proposed,
    }
    if (p.pendingIsr === undefined) {
      p.beginIsrChange(proposed)
      this.#log.info(
        { ...fields, kind: proposed.length < p.isr.length ? 'shrink' : 'change' },
        'proposing an ISR change',
      )
    }
    this.#inFlight.add(key)
    const request: pb.AlterPartitionRequest = {
      brokerId: this.#o.brokerId,
      brokerEpoch: String(this.#o.brokerEpoch()),
      topic: p.topic,
      partition: p.partition,
      leaderEpoch: p.leaderEpoch,
      partitionEpoch: p.partitionEpoch,
      newIsr: [...proposed],
    }
    this.#o.channel
      .call((c) => c.alterPartition, request, ALTER_PARTITION_TIMEOUT_MS)
      .then(
        (response) => {
          this.#inFlight.delete(key)
          if (this.#closed) return
          this.#answered(p, response, fields)
        },
        (err: unknown) => {
          this.#inFlight.delete(key)
          if (this.#closed) return
          // Unknown outcome: the proposal stays pending and is sent again at the next check.
          this.#log.info({ ...fields, err }, 'AlterPartition got no answer; will send it again')
        },
      )
  }

  #answered(
    p: Partition,
    response: pb.AlterPartitionResponse__Output,
    fields: Record<string, unknown>,
  ): void {
    const committed = committedOf(response.partition)
    const code = response.error?.code ?? 0
    const applied = p.completeIsrChange(committed)
    if (code === 0) {
      this.#log.info(
        { ...fields, isr: committed?.isr, newPartitionEpoch: committed?.partitionEpoch },
        'ISR change committed',
      )
      return
    }
    // FENCED_LEADER_EPOCH / INVALID_UPDATE_VERSION / NOT_LEADER_OR_FOLLOWER: the state moved
    // on; it was applied when it is this leadership's, else the metadata stream brings it.
    this.#log.info(
      {
        ...fields,
        error: errorNameOf(code),
        message: response.error?.message,
        current: committed,
        applied,
      },
      'AlterPartition refused',
    )
  }
}

function committedOf(m: pb.PartitionMetadata__Output | null): CommittedIsr | undefined {
  if (m === null) return undefined
  return {
    leader: m.leader,
    leaderEpoch: m.leaderEpoch,
    partitionEpoch: m.partitionEpoch,
    isr: [...m.isr],
  }
}
