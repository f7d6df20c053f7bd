import type { ChannelState } from './controller-channel.js'
import type { Readiness } from './http-server.js'
import type { MetadataCache } from './metadata-cache.js'
import type { LocalReplica } from './replica-manager.js'

/** The JSON body of `GET /v1/cluster`: the cluster as one broker's metadata cache sees it. */
export interface ClusterView {
  /** The broker that answered. */
  readonly brokerId: number
  readonly clusterId: string
  /** The version of the answering broker's metadata cache. */
  readonly metadataVersion: number
  readonly self: {
    readonly brokerId: number
    readonly incarnationId: string
    /** -1 while not registered. */
    readonly brokerEpoch: number
    readonly registered: boolean
    readonly fenced: boolean
    readonly ready: boolean
    readonly reason: string
    readonly controller: { readonly address: string; readonly reachable: boolean }
  }
  /** Every registered broker, fenced ones included, by id. */
  readonly brokers: ReadonlyArray<{
    readonly brokerId: number
    readonly endpoint: { readonly host: string; readonly port: number; readonly httpPort: number }
    readonly rack: string | null
    readonly fenced: boolean
    readonly brokerEpoch: number
  }>
  /** Every topic, by name. */
  readonly topics: ReadonlyArray<{
    readonly name: string
    readonly topicId: string
    readonly configs: Readonly<Record<string, string>>
    readonly partitions: ReadonlyArray<{
      readonly partition: number
      /** -1 when offline. */
      readonly leader: number
      readonly leaderEpoch: number
      readonly partitionEpoch: number
      readonly replicas: readonly number[]
      readonly isr: readonly number[]
      readonly offline: boolean
    }>
  }>
  /** The replicas this broker hosts, with its role in each. */
  readonly local: readonly LocalReplica[]
}

export function clusterView(input: {
  readonly brokerId: number
  readonly incarnationId: string
  readonly cache: MetadataCache
  readonly channel: ChannelState
  readonly readiness: Readiness
  readonly local: readonly LocalReplica[]
}): ClusterView {
  const { brokerId, cache, channel, readiness } = input
  return {
    brokerId,
    clusterId: cache.clusterId,
    metadataVersion: cache.version,
    self: {
      brokerId,
      incarnationId: input.incarnationId,
      brokerEpoch: channel.registration?.brokerEpoch ?? -1,
      registered: channel.registration !== undefined,
      fenced: channel.fenced,
      ready: readiness.ready,
      reason: readiness.reason,
      controller: { address: channel.controllerAddress, reachable: channel.controllerReachable },
    },
    brokers: cache.brokers().map((b) => ({
      brokerId: b.brokerId,
      endpoint: { ...b.endpoint },
      rack: b.rack,
      fenced: b.fenced,
      brokerEpoch: b.brokerEpoch,
    })),
    topics: cache.topics().map((t) => ({
      name: t.name,
      topicId: t.topicId,
      configs: { ...t.configs },
      partitions: t.partitions.map((p) => ({
        partition: p.partition,
        leader: p.leader,
        leaderEpoch: p.leaderEpoch,
        partitionEpoch: p.partitionEpoch,
        replicas: [...p.replicas],
        isr: [...p.isr],
        offline: p.leader === -1,
      })),
    })),
    local: input.local,
  }
}
