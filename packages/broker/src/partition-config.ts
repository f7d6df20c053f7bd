import { batchSize, LOG_OVERHEAD, MessageTooLargeError } from '@samsa/protocol'
import type { TopicPartition } from '@samsa/storage'

/** The topic settings the data path enforces, resolved from topic overrides and broker defaults. */
export interface PartitionConfig {
  /** `min.insync.replicas`: the smallest ISR an acks=-1 produce is accepted with. */
  readonly minInsyncReplicas: number
  /** `max.message.bytes` (broker default `message.max.bytes`): the largest batch accepted. */
  readonly maxMessageBytes: number
}

/** Kafka's defaults: one in-sync replica suffices; batches up to 1 MiB + 12 bytes of log overhead. */
export const DEFAULT_PARTITION_CONFIG: PartitionConfig = {
  minInsyncReplicas: 1,
  maxMessageBytes: 1024 * 1024 + 12,
}

/**
 * `max.message.bytes` per batch, on headers only (Kafka checks each batch's size before its
 * CRC). A malformed header, or a length that runs past the request, is left to the log's
 * validation, which names the problem (CORRUPT_MESSAGE).
 */
export function checkBatchSizes(records: Buffer, maxBytes: number, tp: TopicPartition): void {
  for (let pos = 0; records.length - pos >= LOG_OVERHEAD; ) {
    const size = batchSize(records, pos)
    // A length past the end of the request is corruption, not size: the log reports it.
    if (size <= LOG_OVERHEAD || size > records.length - pos) return
    if (size > maxBytes) {
      throw new MessageTooLargeError(
        `A batch of ${size} bytes is larger than max.message.bytes=${maxBytes} of ${tp.topic}-${tp.partition}`,
      )
    }
    pos += size
  }
}
