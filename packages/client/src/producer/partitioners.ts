import { partitionForKey } from '@samsa/protocol'
import type { PartitionMetadata } from '../cluster-metadata.js'
import type { Partitioner, PartitionerArgs } from './types.js'

function hasKey(args: PartitionerArgs): boolean {
  return args.message.key !== null && args.message.key !== undefined
}

/** Partitions with a leader; all of them when none has one (the record then waits for one). */
function available(partitions: readonly PartitionMetadata[]): readonly PartitionMetadata[] {
  const led = partitions.filter((p) => p.leader >= 0)
  return led.length > 0 ? led : partitions
}

/**
 * Kafka's (and KafkaJS's) default partitioner: a keyed record goes to
 * `(murmur2(key) & 0x7fffffff) % partitionCount` over every partition, so the same key always
 * lands on the same partition whatever their leaders' state; a record without a key goes
 * round-robin over the partitions that have a leader, from a random start per topic.
 */
export function createDefaultPartitioner(random: () => number = Math.random): Partitioner {
  const counters = new Map<string, number>()
  return (args) => {
    const { partitionMetadata } = args
    if (hasKey(args)) return partitionForKey(args.message.key!, partitionMetadata.length)
    const next = counters.get(args.topic) ?? Math.floor(random() * 0x7fffffff)
    counters.set(args.topic, (next + 1) % 0x7fffffff)
    const candidates = available(partitionMetadata)
    return candidates[next % candidates.length]!.partitionId
  }
}

/**
 * The sticky partitioner (KIP-480): records without a key all go to one partition until the
 * batch they fill there is closed (full, or sent), then to another partition picked at random
 * among those with a leader. Fewer, fuller batches than round-robin at the same linger.
 * `generation(topic, partition)` counts the batches closed on a partition (the accumulator's).
 */
export function createStickyPartitioner(
  generation: (topic: string, partition: number) => number,
  random: () => number = Math.random,
): Partitioner {
  const sticky = new Map<string, { partition: number; generation: number }>()
  return (args) => {
    const { topic, partitionMetadata } = args
    if (hasKey(args)) return partitionForKey(args.message.key!, partitionMetadata.length)
    const current = sticky.get(topic)
    if (current !== undefined && generation(topic, current.partition) === current.generation) {
      return current.partition
    }
    const candidates = available(partitionMetadata).filter(
      (p, _, all) => all.length === 1 || p.partitionId !== current?.partition,
    )
    const partition = candidates[Math.floor(random() * candidates.length)]!.partitionId
    sticky.set(topic, { partition, generation: generation(topic, partition) })
    return partition
  }
}
