import { type pb, SamsaError, samsaErrorFromGrpc } from '@samsa/protocol'
import { type Cluster, STALE_METADATA_ERRORS } from '../cluster.js'
import { errorFromResponse } from '../errors.js'
import { partitionKey } from '../offsets.js'
import { retryDelay } from '../retry.js'
import {
  type BatchProfile,
  type PartitionQueue,
  type PendingBatch,
  type RecordAccumulator,
  sameProfile,
} from './accumulator.js'
import type { ResolvedProducerOptions } from './producer.js'

/**
 * Bytes of one partition's batches in one request; the rest waits for the next request (Kafka's
 * `max.request.size` default). A single larger batch still goes, alone.
 */
const PARTITION_REQUEST_BYTES = 1024 * 1024
/** Bytes of one Produce request, well under the 64 MiB gRPC message limit. */
const REQUEST_BYTES = 16 * 1024 * 1024

/** The batches of one partition that one request carries, oldest first. */
export interface ProduceEntry {
  readonly queue: PartitionQueue
  readonly batches: PendingBatch[]
}

interface ProduceRequestPlan {
  readonly profile: BatchProfile
  readonly entries: ProduceEntry[]
}

/**
 * Kafka's Sender: takes batches out of the accumulator when they are ready and sends them to
 * their partitions' leaders, one Produce request per broker at a time carrying every partition
 * of that broker that has records, at most `maxInFlightRequests` requests per broker. A
 * partition with a request in flight (or waiting out a retry backoff) sends nothing else, so
 * its records are appended in the order they were sent.
 */
export class ProduceSender {
  readonly #cluster: Cluster
  readonly #accumulator: RecordAccumulator
  readonly #options: ResolvedProducerOptions
  readonly #inFlight = new Map<number, number>()
  /** Queues held until the metadata refresh that follows a stale-metadata error completes. */
  readonly #waitingMetadata = new Set<PartitionQueue>()
  readonly #idleWaiters: (() => void)[] = []
  #flushing = 0
  #immediate: NodeJS.Immediate | undefined
  #timer: NodeJS.Timeout | undefined
  #timerAt = Number.POSITIVE_INFINITY
  #refresh: Promise<void> | undefined
  #closed = false

  constructor(cluster: Cluster, accumulator: RecordAccumulator, options: ResolvedProducerOptions) {
    this.#cluster = cluster
    this.#accumulator = accumulator
    this.#options = options
  }

  /** Looks for batches to send on the next turn of the event loop (calls coalesce). */
  wake(): void {
    if (this.#closed || this.#immediate !== undefined) return
    this.#immediate = setImmediate(() => this.#drain())
  }

  /** Sends every batch without lingering; resolves once nothing is queued or in flight. */
  async flush(): Promise<void> {
    this.#flushing++
    try {
      while (this.#accumulator.busy && !this.#closed) {
        await new Promise<void>((resolve) => {
          this.#idleWaiters.push(resolve)
          this.wake()
        })
      }
    } finally {
      this.#flushing--
    }
  }

  /** Stops every timer. Batches still queued are failed (disconnect() flushes before this). */
  close(): void {
    this.#closed = true
    if (this.#immediate !== undefined) clearImmediate(this.#immediate)
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#immediate = undefined
    this.#timer = undefined
    const error = new SamsaError('NETWORK_EXCEPTION', 'The producer was disconnected')
    for (const queue of this.#accumulator.queues()) {
      for (const batch of queue.batches.splice(0)) batch.fail(error)
    }
    this.#notifyIdle()
  }

  #drain(): void {
    this.#immediate = undefined
    if (this.#closed) return
    const now = Date.now()
    if (this.#cluster.metadata.isStale(this.#cluster.config.metadataMaxAgeMs)) {
      void this.#refreshMetadata()
    }
    const candidates = new Map<number, PartitionQueue[]>()
    const ready = new Set<number>()
    let next = Number.POSITIVE_INFINITY
    for (const queue of this.#accumulator.queues()) {
      const front = queue.batches[0]
      if (front === undefined || queue.inFlight || this.#waitingMetadata.has(queue)) continue
      if (front.retryAt > now) {
        next = Math.min(next, front.retryAt)
        continue
      }
      const leader = this.#leaderOf(queue)
      if (leader < 0) {
        this.#noLeader(queue, front, now)
        if (queue.batches[0] === front) next = Math.min(next, front.retryAt)
        continue
      }
      candidates.set(leader, [...(candidates.get(leader) ?? []), queue])
      const lingerEnd = front.createdAt + this.#options.lingerMs
      if (
        front.closed ||
        queue.batches.length > 1 ||
        front.attempts > 0 ||
        this.#flushing > 0 ||
        lingerEnd <= now
      ) {
        ready.add(leader)
      } else {
        next = Math.min(next, lingerEnd)
      }
    }
    // A broker with one ready partition gets every partition it leads that has records.
    for (const broker of ready) {
      const queues = candidates.get(broker)!
      while ((this.#inFlight.get(broker) ?? 0) < this.#options.maxInFlightRequests) {
        const plan = collect(queues)
        if (plan === undefined) break
        void this.#send(broker, plan)
      }
    }
    this.#schedule(next, now)
    this.#notifyIdle()
  }

  #schedule(at: number, now: number): void {
    if (at === Number.POSITIVE_INFINITY || at >= this.#timerAt) return
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timerAt = at
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined
        this.#timerAt = Number.POSITIVE_INFINITY
        this.#drain()
      },
      Math.max(0, at - now),
    )
  }

  /** The cached leader of the queue's partition, or -1 when it has none this client can reach. */
  #leaderOf(queue: PartitionQueue): number {
    const partition = this.#cluster.metadata.topic(queue.topic)?.partitions[queue.partition]
    if (partition === undefined || partition.partitionId !== queue.partition) return -1
    if (partition.leader < 0 || this.#cluster.brokerAddress(partition.leader) === undefined) {
      return -1
    }
    return partition.leader
  }

  /** No leader to send to: an attempt that failed with LEADER_NOT_AVAILABLE. */
  #noLeader(queue: PartitionQueue, front: PendingBatch, now: number): void {
    const known = this.#cluster.metadata.topic(queue.topic) !== undefined
    const error = known
      ? new SamsaError(
          'LEADER_NOT_AVAILABLE',
          `Partition ${queue.partition} of ${queue.topic} has no reachable leader`,
        )
      : new SamsaError('UNKNOWN_TOPIC_OR_PARTITION', `Topic ${queue.topic} is not known`)
    front.attempts++
    if (front.attempts > this.#options.retry.retries) {
      for (const batch of queue.batches.splice(0)) batch.fail(error)
      return
    }
    front.retryAt = now + retryDelay(front.attempts, this.#options.retry)
    this.#awaitMetadata(queue)
  }

  async #send(broker: number, plan: ProduceRequestPlan): Promise<void> {
    const { profile, entries } = plan
    this.#inFlight.set(broker, (this.#inFlight.get(broker) ?? 0) + 1)
    try {
      const topics = new Map<string, pb.PartitionProduceData[]>()
      for (const { queue, batches } of entries) {
        const records = Buffer.concat(batches.map((b) => b.encode()))
        const partitions = topics.get(queue.topic) ?? []
        partitions.push({ partition: queue.partition, records })
        topics.set(queue.topic, partitions)
      }
      const response = await this.#cluster.brokerRequest(
        broker,
        (client) => client.produce,
        {
          acks: profile.acks,
          timeoutMs: profile.timeoutMs,
          transactionalId: '',
          topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })),
        },
        {
          // acks=-1 may wait `timeoutMs` for replication before the broker answers.
          timeoutMs:
            this.#cluster.config.requestTimeoutMs + (profile.acks === -1 ? profile.timeoutMs : 0),
        },
      )
      this.#complete(entries, response, profile)
    } catch (err) {
      const error = samsaErrorFromGrpc(err)
      for (const entry of entries) this.#failed(entry, error, null)
    } finally {
      this.#inFlight.set(broker, (this.#inFlight.get(broker) ?? 1) - 1)
      for (const { queue } of entries) queue.inFlight = false
      this.#notifyIdle()
      this.wake()
    }
  }

  #complete(
    entries: readonly ProduceEntry[],
    response: pb.ProduceResponse__Output,
    profile: BatchProfile,
  ): void {
    const requestError = errorFromResponse(response.error)
    const answers = new Map<string, pb.PartitionProduceResponse__Output>()
    for (const t of response.topics) {
      for (const p of t.partitions) answers.set(partitionKey(t.topic, p.partition), p)
    }
    for (const entry of entries) {
      const answer = answers.get(partitionKey(entry.queue.topic, entry.queue.partition))
      let error = requestError ?? errorFromResponse(answer?.error)
      if (error === undefined && answer === undefined && profile.acks !== 0) {
        error = new SamsaError(
          'UNKNOWN_SERVER_ERROR',
          `The broker did not answer for ${entry.queue.topic}-${entry.queue.partition}`,
        )
      }
      if (error !== undefined) {
        this.#failed(entry, error, answer?.currentLeader ?? null)
        continue
      }
      let baseOffset = BigInt(answer?.baseOffset || '-1')
      const logAppendTime = Number(answer?.logAppendTimeMs || '-1')
      const logStartOffset = BigInt(answer?.logStartOffset || '-1')
      // The broker appends a partition's batches back to back from `baseOffset`.
      for (const batch of entry.batches) {
        batch.succeed(baseOffset, logAppendTime, logStartOffset)
        if (baseOffset >= 0n) baseOffset += BigInt(batch.recordCount)
      }
    }
  }

  /**
   * A partition's batches failed: back to the front of its queue for a retry after backoff
   * (re-routed first when the metadata was stale), or failed for good with the typed error.
   */
  #failed(
    entry: ProduceEntry,
    error: SamsaError,
    currentLeader: pb.LeaderIdAndEpoch__Output | null,
  ): void {
    const { queue, batches } = entry
    if (this.#closed) {
      for (const batch of batches) batch.fail(error)
      return
    }
    if (error.code === 'MESSAGE_TOO_LARGE' && batches.length > 1) {
      // Perhaps only one batch is too large: send each alone, so only that one fails.
      for (const batch of batches) batch.solo = true
      queue.batches.unshift(...batches)
      return
    }
    const attempts = Math.max(...batches.map((b) => b.attempts)) + 1
    if (!error.retriable || attempts > this.#options.retry.retries) {
      for (const batch of batches) batch.fail(error)
      return
    }
    let delay = retryDelay(attempts, this.#options.retry)
    if (STALE_METADATA_ERRORS.has(error.code)) {
      const redirected =
        currentLeader !== null &&
        currentLeader.leaderId >= 0 &&
        this.#cluster.metadata.updateLeader(
          queue.topic,
          queue.partition,
          currentLeader.leaderId,
          currentLeader.leaderEpoch,
        )
      // The broker named the new leader (KIP-951): go there at once.
      if (redirected) delay = 0
      else this.#awaitMetadata(queue)
    }
    const retryAt = Date.now() + delay
    for (const batch of batches) {
      batch.attempts = attempts
      batch.retryAt = retryAt
    }
    queue.batches.unshift(...batches)
  }

  /** Holds `queue` until a fresh metadata refresh completes. */
  #awaitMetadata(queue: PartitionQueue): void {
    this.#waitingMetadata.add(queue)
    void this.#refreshMetadata().then(() => {
      this.#waitingMetadata.delete(queue)
      this.wake()
    })
  }

  /** One metadata refresh at a time for every topic with queued records; never rejects. */
  #refreshMetadata(): Promise<void> {
    if (this.#refresh === undefined) {
      const topics = new Set<string>()
      for (const queue of this.#accumulator.queues()) {
        if (queue.batches.length > 0 || queue.inFlight) topics.add(queue.topic)
      }
      this.#cluster.metadata.invalidate()
      const refresh = this.#cluster.ensureTopics(topics).then(
        () => undefined,
        () => undefined,
      )
      this.#refresh = refresh
      void refresh.then(() => {
        this.#refresh = undefined
        this.wake()
      })
    }
    return this.#refresh
  }

  #notifyIdle(): void {
    if (this.#accumulator.busy && !this.#closed) return
    for (const resolve of this.#idleWaiters.splice(0)) resolve()
  }
}

/**
 * Takes the batches of one request out of `queues` (one broker's): from each partition not in
 * flight, its oldest batches alike in acks, timeout and compression, up to the size bounds.
 */
function collect(queues: readonly PartitionQueue[]): ProduceRequestPlan | undefined {
  let profile: BatchProfile | undefined
  const entries: ProduceEntry[] = []
  let total = 0
  for (const queue of queues) {
    const front = queue.batches[0]
    if (queue.inFlight || front === undefined) continue
    profile ??= front.profile
    if (!sameProfile(front.profile, profile)) continue
    if (entries.length > 0 && total + front.bytes > REQUEST_BYTES) break
    const batches: PendingBatch[] = []
    let bytes = 0
    for (;;) {
      const batch = queue.batches[0]
      if (batch === undefined || !sameProfile(batch.profile, profile)) break
      if (batches.length > 0) {
        const solo = batch.solo || batches[0]!.solo
        if (solo || bytes + batch.bytes > PARTITION_REQUEST_BYTES || batch.retryAt > Date.now()) {
          break
        }
      }
      queue.close(batch)
      batches.push(queue.batches.shift()!)
      bytes += batch.bytes
    }
    queue.inFlight = true
    entries.push({ queue, batches })
    total += bytes
  }
  return profile === undefined || entries.length === 0 ? undefined : { profile, entries }
}
