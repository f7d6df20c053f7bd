import { SamsaError } from '@samsa/protocol'
import type { Cluster } from './cluster.js'
import { errorFromResponse } from './errors.js'
import { retry } from './retry.js'

/**
 * An offset as the public API takes it: exact as a bigint, or a decimal string or safe integer
 * number (DESIGN.md §6). Offsets the API hands out are always bigint.
 */
export type OffsetInput = bigint | string | number

/** ListOffsets' special timestamps (Kafka's ListOffsetsRequest.EARLIEST/LATEST_TIMESTAMP). */
export const EARLIEST_OFFSET = -2n
export const LATEST_OFFSET = -1n

/** `value` as an exact bigint; throws TypeError for anything that is not an integer. */
export function toOffset(value: OffsetInput, what = 'offset'): bigint {
  if (typeof value === 'bigint') return value
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new TypeError(`${what} ${value} is not a safe integer`)
    return BigInt(value)
  }
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return BigInt(value.trim())
  throw new TypeError(`${what} ${JSON.stringify(value)} is not an integer`)
}

/** What one partition's ListOffsets asks: -2 earliest, -1 latest, else a timestamp in ms. */
export interface OffsetQuery {
  topic: string
  partition: number
  timestamp: bigint
}

export interface OffsetAnswer {
  topic: string
  partition: number
  /** The offset found; -1 when no record has a timestamp at or after the one asked for. */
  offset: bigint
  /** The timestamp of the record found; -1 for earliest/latest. */
  timestamp: bigint
}

export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`
}

/**
 * Asks each partition's leader for offsets (ListOffsets must reach the leader, which alone knows
 * its high watermark). Partitions whose leader moved or is unknown are asked again after a
 * metadata refresh, with the client's retry policy; a non-retriable error rejects.
 */
export async function listOffsets(
  cluster: Cluster,
  queries: readonly OffsetQuery[],
  signal?: AbortSignal,
): Promise<Map<string, OffsetAnswer>> {
  const answers = new Map<string, OffsetAnswer>()
  await retry(
    async () => {
      const pending = queries.filter((q) => !answers.has(partitionKey(q.topic, q.partition)))
      const errors = await cluster.ensureTopics(new Set(pending.map((q) => q.topic)))
      const byLeader = new Map<number, OffsetQuery[]>()
      let retriable: SamsaError | undefined
      for (const q of pending) {
        const topicError = errors.get(q.topic)
        if (topicError !== undefined) throw topicError
        const meta = cluster.metadata.topic(q.topic)?.partitions[q.partition]
        if (meta === undefined || meta.partitionId !== q.partition) {
          throw new SamsaError(
            'UNKNOWN_TOPIC_OR_PARTITION',
            `Partition ${q.partition} of topic ${q.topic} does not exist`,
          )
        }
        if (meta.leader < 0) {
          retriable = new SamsaError(
            'LEADER_NOT_AVAILABLE',
            `Partition ${q.partition} of ${q.topic} has no leader`,
          )
          cluster.metadata.invalidate()
          continue
        }
        const list = byLeader.get(meta.leader) ?? []
        list.push(q)
        byLeader.set(meta.leader, list)
      }
      const results = await Promise.allSettled(
        [...byLeader].map(([leader, list]) => askLeader(cluster, leader, list, answers, signal)),
      )
      for (const result of results) {
        if (result.status === 'rejected') {
          const err = result.reason
          if (!(err instanceof SamsaError) || !err.retriable) throw err
          retriable ??= err
        } else {
          retriable ??= result.value
        }
      }
      if (retriable !== undefined) throw retriable
      const unanswered = pending.find((q) => !answers.has(partitionKey(q.topic, q.partition)))
      if (unanswered !== undefined) {
        throw new SamsaError(
          'UNKNOWN_SERVER_ERROR',
          `The leader of ${unanswered.topic}-${unanswered.partition} left it out of its ListOffsets answer`,
        )
      }
    },
    cluster.config.retry,
    signal ? { signal } : {},
  )
  return answers
}

/** One ListOffsets to one leader; answers go into `answers`; resolves with a retriable error. */
async function askLeader(
  cluster: Cluster,
  leader: number,
  queries: readonly OffsetQuery[],
  answers: Map<string, OffsetAnswer>,
  signal: AbortSignal | undefined,
): Promise<SamsaError | undefined> {
  const topics = new Map<string, OffsetQuery[]>()
  for (const q of queries) topics.set(q.topic, [...(topics.get(q.topic) ?? []), q])
  const response = await cluster.brokerRequest(
    leader,
    (c) => c.listOffsets,
    {
      replicaId: -1,
      isolationLevel: 'ISOLATION_LEVEL_READ_UNCOMMITTED',
      topics: [...topics].map(([topic, list]) => ({
        topic,
        partitions: list.map((q) => ({
          partition: q.partition,
          currentLeaderEpoch: -1,
          timestamp: q.timestamp.toString(),
        })),
      })),
    },
    signal ? { signal } : {},
  )
  const requestError = errorFromResponse(response.error)
  if (requestError !== undefined) throw requestError
  let retriable: SamsaError | undefined
  for (const t of response.topics) {
    for (const p of t.partitions) {
      const error = errorFromResponse(p.error)
      if (error !== undefined) {
        if (!error.retriable) throw error
        cluster.metadata.invalidate()
        retriable ??= error
        continue
      }
      answers.set(partitionKey(t.topic, p.partition), {
        topic: t.topic,
        partition: p.partition,
        offset: BigInt(p.offset || '-1'),
        timestamp: BigInt(p.timestamp || '-1'),
      })
    }
  }
  return retriable
}
