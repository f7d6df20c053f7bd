/**
 * murmur2 exactly as Kafka's Java client computes it (`Utils.murmur2`, seed 0x9747b28c), so a
 * key lands on the same partition from Samsa's producer as from Kafka's default partitioner.
 */
const SEED = 0x9747b28c
const M = 0x5bd1e995
const R = 24

/** Kafka's murmur2 of `data` as a signed 32-bit integer (strings are hashed as UTF-8). */
export function murmur2(data: Buffer | string): number {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const length = bytes.length
  let h = SEED ^ length
  const whole = length & ~3
  for (let i = 0; i < whole; i += 4) {
    let k = bytes.readInt32LE(i)
    k = Math.imul(k, M)
    k ^= k >>> R
    k = Math.imul(k, M)
    h = Math.imul(h, M) ^ k
  }
  // The Java switch falls through from the highest remaining byte to the lowest.
  const rest = length & 3
  if (rest === 3) h ^= (bytes[whole + 2]! & 0xff) << 16
  if (rest >= 2) h ^= (bytes[whole + 1]! & 0xff) << 8
  if (rest >= 1) {
    h ^= bytes[whole]! & 0xff
    h = Math.imul(h, M)
  }
  h ^= h >>> 13
  h = Math.imul(h, M)
  h ^= h >>> 15
  return h | 0
}

/** Kafka's default partition for a keyed record: `toPositive(murmur2(key)) % numPartitions`. */
export function partitionForKey(key: Buffer | string, numPartitions: number): number {
  return (murmur2(key) & 0x7fffffff) % numPartitions
}
