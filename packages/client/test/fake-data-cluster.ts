import { EventEmitter } from 'node:events'
import type { TestContext } from 'node:test'
import type * as grpc from '@grpc/grpc-js'
import {
  batchLastOffsetDelta,
  batchPositions,
  batchRecordCount,
  batchSize,
  bindGrpcServer,
  createGrpcServer,
  type DecodedRecord,
  decodeRecordBatches,
  type ErrorName,
  errorInfo,
  loadSamsaPackage,
  type pb,
  shutdownGrpcServer,
  stampBaseOffset,
  validateProducedBatch,
} from '@samsa/protocol'

/** One partition's log: whole batches with their offsets stamped, as a leader keeps them. */
interface FakePartition {
  leader: number
  leaderEpoch: number
  logStartOffset: number
  batches: { baseOffset: number; lastOffset: number; bytes: Buffer }[]
}

/** An error a test injects into the next answers for one partition. */
export interface InjectedError {
  rpc: 'Produce' | 'Fetch'
  topic: string
  partition: number
  code: ErrorName
  /** How many answers get it. Default 1. */
  times?: number
  /** Name the current leader (KIP-951) in the answer. Default false. */
  withLeader?: boolean
}

/** A Produce request as a broker received it, with the batches of each partition decoded. */
export interface SeenProduce {
  broker: number
  acks: number
  partitions: { topic: string; partition: number; batches: DecodedRecord[][] }[]
}

/**
 * An in-memory stand-in for a cluster's data path: brokers 1..n, each a real gRPC server on a
 * loopback port, sharing one table of partitions. Each partition has a leader; Produce and Fetch
 * to another broker get NOT_LEADER_OR_FOLLOWER. Produce validates and stamps batches like a
 * leader; Fetch long-polls for `min_bytes` up to `max_wait_ms`. Tests inject errors, delays and
 * leader moves, and read the logs back.
 */
export class FakeDataCluster {
  readonly topics = new Map<string, FakePartition[]>()
  readonly produces: SeenProduce[] = []
  readonly fetches: { broker: number; request: pb.FetchRequest__Output }[] = []
  readonly injected: InjectedError[] = []
  readonly ports = new Map<number, number>()
  /** Produce answers wait on this gate when set (tests release it). */
  produceGate: Promise<void> | undefined
  /** Concurrent Produce requests per broker, now and at most. */
  readonly inFlight = new Map<number, number>()
  readonly maxInFlight = new Map<number, number>()
  /**
   * Answer a Fetch whose first batch exceeds partition_max_bytes with only its first bytes, as
   * brokers did before KIP-74, instead of the whole batch.
   */
  partialBatches = false
  /** Metadata answers name this leader set; false makes metadata lag behind leader moves. */
  metadataFollowsLeaders = true
  readonly #advertised = new Map<string, number[]>()
  readonly #appends = new EventEmitter()

  constructor() {
    this.#appends.setMaxListeners(0)
  }

  /** Starts brokers `ids`; they stop when the test ends. Resolves with their addresses. */
  async start(t: TestContext, ids: readonly number[] = [1, 2, 3]): Promise<string[]> {
    const addresses: string[] = []
    for (const id of ids) {
      const server = createGrpcServer()
      server.addService(
        loadSamsaPackage().BrokerService.service,
        this.#handlers(id) as grpc.UntypedServiceImplementation,
      )
      const port = await bindGrpcServer(server, '127.0.0.1', 0)
      this.ports.set(id, port)
      t.after(() => shutdownGrpcServer(server, 50))
      addresses.push(`127.0.0.1:${port}`)
    }
    return addresses
  }

  /** A topic whose partition p is led by `leaderOf(p)` (default round-robin over the brokers). */
  createTopic(name: string, partitions: number, leaderOf?: (p: number) => number): void {
    const ids = [...this.ports.keys()]
    const leaders = Array.from(
      { length: partitions },
      (_, p) => leaderOf?.(p) ?? ids[p % ids.length]!,
    )
    this.topics.set(
      name,
      leaders.map((leader) => ({ leader, leaderEpoch: 0, logStartOffset: 0, batches: [] })),
    )
    this.#advertised.set(name, leaders)
  }

  /** Moves leadership of a partition (epoch + 1); metadata shows it unless told to lag. */
  moveLeader(topic: string, partition: number, leader: number): void {
    const p = this.#partition(topic, partition)
    p.leader = leader
    p.leaderEpoch++
    if (this.metadataFollowsLeaders) this.#advertised.get(topic)![partition] = leader
  }

  /** Lets metadata catch up with every leader move. */
  syncMetadata(): void {
    for (const [name, partitions] of this.topics) {
      this.#advertised.set(
        name,
        partitions.map((p) => p.leader),
      )
    }
  }

  /** Appends records as a producer elsewhere would. */
  append(topic: string, partition: number, batch: Buffer): void {
    this.#append(this.#partition(topic, partition), Buffer.from(batch))
    this.#appends.emit('append')
  }

  /** Every record of a partition, in offset order. */
  records(topic: string, partition: number): DecodedRecord[] {
    return this.#partition(topic, partition).batches.flatMap((b) =>
      decodeRecordBatches(b.bytes).flatMap((d) => d.records),
    )
  }

  /** Drops records before `offset` (retention). */
  truncateStart(topic: string, partition: number, offset: number): void {
    const p = this.#partition(topic, partition)
    p.batches = p.batches.filter((b) => b.lastOffset >= offset)
    p.logStartOffset = offset
  }

  inject(error: InjectedError): void {
    this.injected.push({ times: 1, withLeader: false, ...error })
  }

  #partition(topic: string, partition: number): FakePartition {
    const p = this.topics.get(topic)?.[partition]
    if (p === undefined) throw new Error(`no partition ${topic}-${partition}`)
    return p
  }

  #logEnd(p: FakePartition): number {
    return (p.batches.at(-1)?.lastOffset ?? p.logStartOffset - 1) + 1
  }

  #append(p: FakePartition, records: Buffer): number {
    let offset = this.#logEnd(p)
    const base = offset
    for (const pos of batchPositions(records)) {
      const size = batchSize(records, pos)
      const bytes = records.subarray(pos, pos + size)
      stampBaseOffset(bytes, 0, offset)
      const lastOffset = offset + batchLastOffsetDelta(bytes, 0)
      p.batches.push({ baseOffset: offset, lastOffset, bytes })
      offset += batchRecordCount(bytes, 0)
    }
    return base
  }

  #takeInjected(
    rpc: 'Produce' | 'Fetch',
    topic: string,
    partition: number,
  ): InjectedError | undefined {
    const i = this.injected.findIndex(
      (e) => e.rpc === rpc && e.topic === topic && e.partition === partition,
    )
    if (i < 0) return undefined
    const e = this.injected[i]!
    if (--e.times! <= 0) this.injected.splice(i, 1)
    return e
  }

  /** The error a partition gets on `broker`, or undefined when the request may proceed. */
  #check(
    rpc: 'Produce' | 'Fetch',
    broker: number,
    topic: string,
    partition: number,
  ): { error: pb.ErrorInfo; currentLeader?: pb.LeaderIdAndEpoch } | undefined {
    const p = this.topics.get(topic)?.[partition]
    if (p === undefined)
      return { error: errorInfo('UNKNOWN_TOPIC_OR_PARTITION', 'no such partition') }
    const injected = this.#takeInjected(rpc, topic, partition)
    const leader = { leaderId: p.leader, leaderEpoch: p.leaderEpoch }
    if (injected !== undefined) {
      return {
        error: errorInfo(injected.code, `injected ${injected.code}`),
        ...(injected.withLeader ? { currentLeader: leader } : {}),
      }
    }
    if (p.leader !== broker) {
      return {
        error: errorInfo('NOT_LEADER_OR_FOLLOWER', `${p.leader} leads`),
        currentLeader: leader,
      }
    }
    return undefined
  }

  #metadata(request: pb.MetadataRequest__Output): pb.MetadataResponse {
    const names = request.topics.length > 0 ? request.topics : [...this.topics.keys()].sort()
    return {
      clusterId: 'fake',
      controllerId: 0,
      metadataVersion: '1',
      brokers: [...this.ports].map(([id, port]) => ({
        brokerId: id,
        endpoint: { host: '127.0.0.1', port, httpPort: 0 },
        brokerEpoch: '1',
      })),
      topics: names.map((name) => {
        const partitions = this.topics.get(name)
        if (partitions === undefined) {
          return { name, error: errorInfo('UNKNOWN_TOPIC_OR_PARTITION', `no topic ${name}`) }
        }
        const advertised = this.#advertised.get(name)!
        return {
          name,
          topicId: `id-${name}`,
          partitions: partitions.map((p, i) => ({
            topic: name,
            partition: i,
            leader: advertised[i]!,
            leaderEpoch: advertised[i] === p.leader ? p.leaderEpoch : p.leaderEpoch - 1,
            replicas: [advertised[i]!],
            isr: [advertised[i]!],
          })),
        }
      }),
    }
  }

  async #produce(broker: number, request: pb.ProduceRequest__Output): Promise<pb.ProduceResponse> {
    const now = (this.inFlight.get(broker) ?? 0) + 1
    this.inFlight.set(broker, now)
    this.maxInFlight.set(broker, Math.max(now, this.maxInFlight.get(broker) ?? 0))
    try {
      const seen: SeenProduce = { broker, acks: request.acks, partitions: [] }
      this.produces.push(seen)
      await this.produceGate
      const topics = request.topics.map((t) => ({
        topic: t.topic,
        partitions: t.partitions.map((pd): pb.PartitionProduceResponse => {
          const batches = decodeRecordBatches(pd.records).map((b) => b.records)
          seen.partitions.push({ topic: t.topic, partition: pd.partition, batches })
          const failure = this.#check('Produce', broker, t.topic, pd.partition)
          if (failure !== undefined) {
            return { partition: pd.partition, baseOffset: '-1', logStartOffset: '-1', ...failure }
          }
          let end = 0
          while (end < pd.records.length) end += validateProducedBatch(pd.records, end)
          const p = this.#partition(t.topic, pd.partition)
          const base = this.#append(p, Buffer.from(pd.records))
          return {
            partition: pd.partition,
            baseOffset: request.acks === 0 ? '-1' : String(base),
            logAppendTimeMs: '-1',
            logStartOffset: String(p.logStartOffset),
          }
        }),
      }))
      this.#appends.emit('append')
      return { topics }
    } finally {
      this.inFlight.set(broker, this.inFlight.get(broker)! - 1)
    }
  }

  #readFetch(
    broker: number,
    request: pb.FetchRequest__Output,
  ): { bytes: number; response: pb.FetchResponse } {
    let bytes = 0
    const topics = request.topics.map((t) => ({
      topic: t.topic,
      partitions: t.partitions.map((fp): pb.FetchPartitionResponse => {
        const failure = this.#check('Fetch', broker, t.topic, fp.partition)
        if (failure !== undefined) return { partition: fp.partition, ...failure }
        const p = this.#partition(t.topic, fp.partition)
        const offset = Number(fp.fetchOffset)
        const end = this.#logEnd(p)
        const marks = {
          highWatermark: String(end),
          logStartOffset: String(p.logStartOffset),
          lastStableOffset: String(end),
        }
        if (offset < p.logStartOffset || offset > end) {
          return { partition: fp.partition, error: errorInfo('OFFSET_OUT_OF_RANGE'), ...marks }
        }
        const chunks: Buffer[] = []
        let size = 0
        for (const b of p.batches) {
          if (b.lastOffset < offset) continue
          if (size + b.bytes.length > fp.partitionMaxBytes) {
            if (chunks.length === 0 && this.partialBatches) {
              chunks.push(b.bytes.subarray(0, fp.partitionMaxBytes))
              size = fp.partitionMaxBytes
              break
            }
            if (chunks.length > 0) break
          }
          chunks.push(b.bytes)
          size += b.bytes.length
        }
        bytes += size
        return { partition: fp.partition, records: Buffer.concat(chunks), ...marks }
      }),
    }))
    return { bytes, response: { topics } }
  }

  async #fetch(
    broker: number,
    call: grpc.ServerUnaryCall<pb.FetchRequest__Output, pb.FetchResponse>,
  ) {
    const request = call.request
    this.fetches.push({ broker, request })
    const deadline = Date.now() + request.maxWaitMs
    for (;;) {
      const read = this.#readFetch(broker, request)
      const failed = read.response.topics?.some((t) => t.partitions?.some((p) => p.error))
      if (failed || read.bytes >= Math.max(1, request.minBytes) || Date.now() >= deadline) {
        return read.response
      }
      if (call.cancelled) return read.response
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(0, deadline - Date.now()))
        function done() {
          clearTimeout(timer)
          resolve()
        }
        this.#appends.once('append', done)
      })
    }
  }

  #listOffsets(broker: number, request: pb.ListOffsetsRequest__Output): pb.ListOffsetsResponse {
    return {
      topics: request.topics.map((t) => ({
        topic: t.topic,
        partitions: t.partitions.map((lp) => {
          const p = this.topics.get(t.topic)?.[lp.partition]
          if (p === undefined) {
            return { partition: lp.partition, error: errorInfo('UNKNOWN_TOPIC_OR_PARTITION') }
          }
          if (p.leader !== broker) {
            return { partition: lp.partition, error: errorInfo('NOT_LEADER_OR_FOLLOWER') }
          }
          const ts = Number(lp.timestamp)
          const offset = ts === -2 ? p.logStartOffset : this.#logEnd(p)
          return { partition: lp.partition, offset: String(offset), timestamp: '-1' }
        }),
      })),
    }
  }

  #handlers(broker: number): Partial<pb.BrokerServiceHandlers> {
    return {
      Metadata: (call, cb) => cb(null, this.#metadata(call.request)),
      Produce: (call, cb) => {
        this.#produce(broker, call.request).then(
          (r) => cb(null, r),
          (err: Error) => cb(null, { error: errorInfo('CORRUPT_MESSAGE', err.message) }),
        )
      },
      Fetch: (call, cb) => {
        this.#fetch(broker, call).then(
          (r) => cb(null, r),
          (err: Error) => cb(null, { error: errorInfo('UNKNOWN_SERVER_ERROR', err.message) }),
        )
      },
      ListOffsets: (call, cb) => cb(null, this.#listOffsets(broker, call.request)),
    }
  }
}
