import assert from 'node:assert/strict'
import {
  batchLastOffsetDelta,
  batchSize,
  buildRecordBatch,
  type pb,
  type RecordInput,
  stampBaseOffset,
  stampPartitionLeaderEpoch,
  unary,
} from '@samsa/protocol'
import { clusterViewOf, metadata, type TestBroker, waitFor } from './helpers.js'

export async function createTopic(
  b: TestBroker,
  name: string,
  numPartitions: number,
  replicationFactor: number,
  configs: Record<string, string> = {},
): Promise<void> {
  const res = await unary(
    b.client,
    b.client.createTopics,
    { topics: [{ name, numPartitions, replicationFactor, configs }] },
    { timeoutMs: 5_000 },
  )
  assert.equal(res.results[0]?.error, null, res.results[0]?.error?.message)
}

export interface Leadership {
  readonly leader: TestBroker
  readonly followers: TestBroker[]
  readonly leaderEpoch: number
  readonly replicas: number[]
}

/**
 * Waits until the partition has a leader that has applied its leadership, and every replica
 * hosts it, and says who leads it.
 */
export async function leadership(
  brokers: TestBroker[],
  topic: string,
  partition = 0,
): Promise<Leadership> {
  return waitFor(`a leader for ${topic}-${partition}`, async () => {
    const p = (await metadata(brokers[0]!, [topic])).topics[0]?.partitions[partition]
    if (p === undefined || p.leader < 0) return undefined
    for (const id of p.replicas) {
      const b = brokers.find((x) => x.brokerId === id)!
      const local = (await clusterViewOf(b)).local.find(
        (r) => r.topic === topic && r.partition === partition,
      )
      if (local?.role !== (id === p.leader ? 'leader' : 'follower')) return undefined
      if (local.leaderEpoch !== p.leaderEpoch) return undefined
    }
    return {
      leader: brokers.find((b) => b.brokerId === p.leader)!,
      followers: brokers.filter((b) => b.brokerId !== p.leader && p.replicas.includes(b.brokerId)),
      leaderEpoch: p.leaderEpoch,
      replicas: [...p.replicas],
    }
  })
}

/** One batch of records with these values (and optional keys, headers, timestamps). */
export function batch(values: Array<string | RecordInput>, now?: number): Buffer {
  return buildRecordBatch(
    values.map((v) => (typeof v === 'string' ? { value: v } : v)),
    now === undefined ? {} : { now },
  )
}

/** What the leader stores for batches it appended from `baseOffset` under `epoch`. */
export function stamped(batches: Buffer[], baseOffset: number, epoch: number): Buffer {
  const out = Buffer.concat(batches)
  let next = baseOffset
  for (let pos = 0; pos < out.length; pos += batchSize(out, pos)) {
    stampBaseOffset(out, pos, next)
    stampPartitionLeaderEpoch(out, pos, epoch)
    next += batchLastOffsetDelta(out, pos) + 1
  }
  return out
}

export async function produce(
  b: TestBroker,
  topic: string,
  partition: number,
  records: Buffer,
  options: { acks?: number; timeoutMs?: number } = {},
): Promise<pb.PartitionProduceResponse__Output> {
  const res = await unary(
    b.client,
    b.client.produce,
    {
      acks: options.acks ?? 1,
      timeoutMs: options.timeoutMs ?? 5_000,
      topics: [{ topic, partitions: [{ partition, records }] }],
    },
    { timeoutMs: (options.timeoutMs ?? 5_000) + 5_000 },
  )
  assert.equal(res.topics.length, 1)
  assert.equal(res.topics[0]!.partitions.length, 1)
  return res.topics[0]!.partitions[0]!
}

export interface FetchOptions {
  replicaId?: number
  replicaEpoch?: string
  maxWaitMs?: number
  minBytes?: number
  maxBytes?: number
  partitionMaxBytes?: number
  currentLeaderEpoch?: number
  lastFetchedEpoch?: number
}

export async function fetchPartition(
  b: TestBroker,
  topic: string,
  partition: number,
  fetchOffset: number | string,
  o: FetchOptions = {},
): Promise<pb.FetchPartitionResponse__Output> {
  const res = await fetchRaw(b, o, [{ topic, partition, fetchOffset }])
  assert.equal(res.error, null, res.error?.message)
  return res.topics[0]!.partitions[0]!
}

export function fetchRaw(
  b: TestBroker,
  o: FetchOptions,
  partitions: Array<{ topic: string; partition: number; fetchOffset: number | string }>,
): Promise<pb.FetchResponse__Output> {
  return unary(
    b.client,
    b.client.fetch,
    {
      replicaId: o.replicaId ?? -1,
      replicaEpoch: o.replicaEpoch ?? '-1',
      maxWaitMs: o.maxWaitMs ?? 0,
      minBytes: o.minBytes ?? 1,
      maxBytes: o.maxBytes ?? 0,
      topics: partitions.map((p) => ({
        topic: p.topic,
        partitions: [
          {
            partition: p.partition,
            fetchOffset: String(p.fetchOffset),
            currentLeaderEpoch: o.currentLeaderEpoch ?? -1,
            lastFetchedEpoch: o.lastFetchedEpoch ?? -1,
            logStartOffset: '-1',
            partitionMaxBytes: o.partitionMaxBytes ?? 0,
          },
        ],
      })),
    },
    { timeoutMs: (o.maxWaitMs ?? 0) + 10_000 },
  )
}

export async function listOffset(
  b: TestBroker,
  topic: string,
  partition: number,
  timestamp: number | string,
  replicaId = -1,
): Promise<pb.ListOffsetsPartitionResponse__Output> {
  const res = await unary(
    b.client,
    b.client.listOffsets,
    {
      replicaId,
      topics: [
        {
          topic,
          partitions: [{ partition, currentLeaderEpoch: -1, timestamp: String(timestamp) }],
        },
      ],
    },
    { timeoutMs: 5_000 },
  )
  assert.equal(res.error, null)
  return res.topics[0]!.partitions[0]!
}

/** The leader's log end offset (ListOffsets latest as a replica sees it). */
export async function logEndOffset(b: TestBroker, topic: string, partition = 0): Promise<number> {
  const res = await listOffset(b, topic, partition, -1, b.brokerId)
  assert.equal(res.error, null, res.error?.message)
  return Number(res.offset)
}

/** The partition's log as a consumer reads it from `offset`, and its HW and end. */
export async function snapshot(b: TestBroker, topic: string, partition = 0) {
  const f = await fetchPartition(b, topic, partition, 0, { maxBytes: 64 * 1024 * 1024 })
  assert.equal(f.error, null, f.error?.message)
  return {
    records: f.records,
    highWatermark: f.highWatermark,
    logEndOffset: await logEndOffset(b, topic, partition),
  }
}
