import fs from 'node:fs'
import path from 'node:path'

/** Kafka's name for the file in a partition directory that records its topic id (KIP-516). */
export const PARTITION_METADATA_FILE = 'partition.metadata'

/**
 * Reads the topic id recorded in a partition directory, or undefined when there is none (a log
 * created before topic ids were recorded, or a damaged file).
 */
export function readPartitionTopicId(partitionDir: string): string | undefined {
  let text: string
  try {
    text = fs.readFileSync(path.join(partitionDir, PARTITION_METADATA_FILE), 'utf8')
  } catch {
    return undefined
  }
  const match = /^topic_id:\s*(\S+)\s*$/m.exec(text)
  return match?.[1]
}

/**
 * Records `topicId` in the partition directory, in Kafka's format, atomically (temp file, fsync,
 * rename). It tells a broker that comes back after a topic was deleted and created again under
 * the same name that the log it still has belongs to the old topic. The directory is not fsynced:
 * a file lost in a crash is written again from metadata, which only loses that protection for the
 * crash window.
 */
export function writePartitionTopicId(partitionDir: string, topicId: string): void {
  const file = path.join(partitionDir, PARTITION_METADATA_FILE)
  const tmp = `${file}.tmp`
  const fd = fs.openSync(tmp, 'w')
  try {
    fs.writeSync(fd, `version: 0\ntopic_id: ${topicId}\n`)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, file)
}
