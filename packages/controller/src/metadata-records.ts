/**
 * The records of the metadata log (DESIGN.md §4). The controller is a deterministic state
 * machine over these: replaying them in order rebuilds the same image, and brokers follow the
 * same records through WatchMetadata. Records carry resulting values (epochs, ISR, leader), so
 * applying one never re-derives anything (Kafka's KRaft records work the same way).
 *
 * Versions: the record at version N is the N-th record ever committed (the first has version
 * 1); an image at version N has applied records 1..N. Versions and broker epochs are plain
 * numbers here: a metadata log would need 2^53 records to lose precision. They travel as int64
 * strings on the wire.
 */

/** Where a broker listens. */
export interface BrokerEndpoint {
  readonly host: string
  /** gRPC port. */
  readonly port: number
  /** HTTP admin port; 0 for none. */
  readonly httpPort: number
}

/** A broker (re-)registered; it starts fenced. Replaces any previous registration of the id. */
export interface BrokerRegisteredRecord {
  readonly type: 'broker-registered'
  readonly brokerId: number
  /** The version of this record: the broker's new epoch. */
  readonly brokerEpoch: number
  readonly incarnationId: string
  readonly endpoint: BrokerEndpoint
  /** `broker.rack`, or null. */
  readonly rack: string | null
}

export interface BrokerFencedRecord {
  readonly type: 'broker-fenced'
  readonly brokerId: number
  readonly brokerEpoch: number
  /** 'session-timeout', 'controlled-shutdown', ... */
  readonly reason: string
}

export interface BrokerUnfencedRecord {
  readonly type: 'broker-unfenced'
  readonly brokerId: number
  readonly brokerEpoch: number
}

export interface TopicCreatedRecord {
  readonly type: 'topic-created'
  readonly name: string
  readonly topicId: string
  /** Topic-level config overrides. */
  readonly configs: Readonly<Record<string, string>>
}

/** Removes the topic and every partition of it. */
export interface TopicDeletedRecord {
  readonly type: 'topic-deleted'
  readonly name: string
  readonly topicId: string
}

export interface PartitionCreatedRecord {
  readonly type: 'partition-created'
  readonly topic: string
  readonly topicId: string
  readonly partition: number
  readonly replicas: readonly number[]
  readonly isr: readonly number[]
  readonly leader: number
  readonly leaderEpoch: number
  readonly partitionEpoch: number
}

/** The new leader, ISR and epochs of a partition: full values, not a diff. */
export interface PartitionChangedRecord {
  readonly type: 'partition-changed'
  readonly topic: string
  readonly topicId: string
  readonly partition: number
  readonly leader: number
  readonly isr: readonly number[]
  readonly leaderEpoch: number
  readonly partitionEpoch: number
  /** The leader came from outside the ISR (unclean.leader.election.enable). */
  readonly unclean: boolean
  /** 'broker-fenced', 'alter-partition', 'preferred-election', ... */
  readonly reason: string
}

/** One topic config override set (value) or removed (null). */
export interface ConfigChangedRecord {
  readonly type: 'config-changed'
  readonly topic: string
  readonly name: string
  readonly value: string | null
}

export type MetadataRecord =
  | BrokerRegisteredRecord
  | BrokerFencedRecord
  | BrokerUnfencedRecord
  | TopicCreatedRecord
  | TopicDeletedRecord
  | PartitionCreatedRecord
  | PartitionChangedRecord
  | ConfigChangedRecord

export type MetadataRecordType = MetadataRecord['type']
