import { isLegalTopicName } from '@samsa/protocol'

/** A topic and partition number. */
export interface TopicPartition {
  topic: string
  partition: number
}

/** The partition directory name, `<topic>-<partition>`. */
export function topicPartitionDirName(topic: string, partition: number): string {
  return `${topic}-${partition}`
}

/**
 * Parses `<topic>-<partition>` (the last `-` separates them, as topics may contain `-`), or
 * returns undefined for any other name.
 */
export function parseTopicPartitionDirName(name: string): TopicPartition | undefined {
  const dash = name.lastIndexOf('-')
  if (dash <= 0) return undefined
  const topic = name.slice(0, dash)
  const digits = name.slice(dash + 1)
  if (!/^\d{1,9}$/.test(digits) || !isLegalTopicName(topic)) return undefined
  return { topic, partition: Number(digits) }
}

/** `topic-partition`, a map key. */
export function topicPartitionKey(topic: string, partition: number): string {
  return `${topic}-${partition}`
}
