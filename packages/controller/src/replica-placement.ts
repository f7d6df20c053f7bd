import { SamsaError } from '@samsa/protocol'

/** A broker that can receive replicas. */
export interface PlacementBroker {
  readonly brokerId: number
  /** `broker.rack`; null or undefined for none (all such brokers count as one rack). */
  readonly rack?: string | null
}

export interface PlacementOptions {
  /**
   * Index (in the rack-alternated broker list) of the first partition's leader. Kafka picks it
   * at random per topic so that leaders of different topics spread too; tests fix it.
   * Default: random.
   */
  readonly startIndex?: number
  /** The first partition number to place (CreatePartitions continues a topic). Default 0. */
  readonly startPartition?: number
  /** Random source in [0, 1) for the defaults. Default Math.random. */
  readonly random?: () => number
}

/**
 * Places `numPartitions` partitions of `replicationFactor` replicas on `brokers`; returns the
 * replica list of each partition (the first replica is the preferred leader).
 *
 * This is Kafka's `AdminUtils.assignReplicasToBrokers` (rack-aware variant): brokers are
 * ordered so that racks alternate, partition p's first replica is broker (p + start) % n, and
 * the followers are placed at a shift from it that grows by one every n partitions, so
 * leaders and followers both spread evenly. When brokers declare racks, a partition's
 * replicas go to distinct racks first (and distinct brokers always). Brokers without a rack
 * form one rack, so with no racks at all this is the plain round robin.
 *
 * Throws INVALID_REPLICATION_FACTOR when the factor is below 1 or above the number of
 * brokers, INVALID_PARTITIONS when the partition count is below 1.
 */
export function assignReplicas(
  brokers: readonly PlacementBroker[],
  numPartitions: number,
  replicationFactor: number,
  options: PlacementOptions = {},
): number[][] {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new SamsaError(
      'INVALID_PARTITIONS',
      `Number of partitions must be at least 1, got ${numPartitions}`,
    )
  }
  if (!Number.isInteger(replicationFactor) || replicationFactor < 1) {
    throw new SamsaError(
      'INVALID_REPLICATION_FACTOR',
      `Replication factor must be at least 1, got ${replicationFactor}`,
    )
  }
  if (replicationFactor > brokers.length) {
    throw new SamsaError(
      'INVALID_REPLICATION_FACTOR',
      `Replication factor ${replicationFactor} is larger than the number of available brokers (${brokers.length})`,
    )
  }
  const random = options.random ?? Math.random
  const rackOf = new Map(brokers.map((b) => [b.brokerId, b.rack ?? '']))
  const arranged = rackAlternatedBrokers(brokers)
  const n = arranged.length
  const numRacks = new Set(rackOf.values()).size
  const startIndex = options.startIndex ?? Math.floor(random() * n)
  let partition = options.startPartition ?? 0
  let nextReplicaShift = startIndex

  const assignment: number[][] = []
  for (let i = 0; i < numPartitions; i++, partition++) {
    if (partition > 0 && partition % n === 0) nextReplicaShift += 1
    const firstIndex = (partition + startIndex) % n
    const leader = arranged[firstIndex]!
    const replicas = [leader]
    const racksWithReplicas = new Set([rackOf.get(leader)])
    const brokersWithReplicas = new Set([leader])
    let k = 0
    for (let r = 1; r < replicationFactor; r++) {
      for (;;) {
        const broker = arranged[replicaIndex(firstIndex, nextReplicaShift * numRacks, k, n)]!
        const rack = rackOf.get(broker)
        k += 1
        // A new rack until every rack has a replica, and a new broker until every broker has
        // one (which, with replicationFactor <= n, always ends).
        if (
          (!racksWithReplicas.has(rack) || racksWithReplicas.size === numRacks) &&
          (!brokersWithReplicas.has(broker) || brokersWithReplicas.size === n)
        ) {
          replicas.push(broker)
          racksWithReplicas.add(rack)
          brokersWithReplicas.add(broker)
          break
        }
      }
    }
    assignment.push(replicas)
  }
  return assignment
}

function replicaIndex(firstIndex: number, secondShift: number, index: number, n: number): number {
  const shift = 1 + ((secondShift + index) % (n - 1))
  return (firstIndex + shift) % n
}

/**
 * Brokers ordered so that consecutive ones are on different racks where possible: racks in
 * name order, brokers in id order within a rack, taking one broker from each rack in turn
 * (Kafka's getRackAlternatedBrokerList).
 */
export function rackAlternatedBrokers(brokers: readonly PlacementBroker[]): number[] {
  const byRack = new Map<string, number[]>()
  for (const b of brokers) {
    const rack = b.rack ?? ''
    const list = byRack.get(rack) ?? []
    list.push(b.brokerId)
    byRack.set(rack, list)
  }
  const racks = [...byRack.keys()].sort()
  for (const list of byRack.values()) list.sort((a, b) => a - b)
  const result: number[] = []
  for (let i = 0; result.length < brokers.length; i++) {
    for (const rack of racks) {
      const id = byRack.get(rack)![i]
      if (id !== undefined) result.push(id)
    }
  }
  return result
}
