/** A topic and partition number. */
export interface TopicPartition {
  topic: string
  partition: number
}

/** Kafka's legal topic names: 1-249 of `[a-zA-Z0-9._-]`, not `.` or `..`. */
const LEGAL_TOPIC = /^[a-zA-Z0-9._-]{1,249}$/

/** Whether `topic` is a legal topic name (Kafka's rule). */
export function isLegalTopicName(topic: string): boolean {
  return LEGAL_TOPIC.test(topic) && topic !== '.' && topic !== '..'
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
