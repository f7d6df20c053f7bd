import type { DelayedFetch } from './delayed-fetch.js'
import { DelayedOperationPurgatory } from './delayed-operation.js'
import type { DelayedProduce } from './delayed-produce.js'
import type { Logger } from './logger.js'
import { type Partition, type PartitionListener, partitionKey } from './partition-state.js'

/**
 * The broker's two purgatories (Kafka's ReplicaManager keeps the same pair), completed by what
 * happens to partitions: a high watermark moving completes acks=-1 produces and consumer
 * fetches, an append completes follower fetches, a leadership change ends both kinds of wait.
 * Replication moves high watermarks through the Partition, which tells this listener.
 */
export class Purgatories implements PartitionListener {
  readonly produce: DelayedOperationPurgatory<DelayedProduce>
  readonly fetch: DelayedOperationPurgatory<DelayedFetch>

  constructor(logger: Logger, now?: () => number) {
    this.produce = new DelayedOperationPurgatory<DelayedProduce>('produce', logger, now)
    this.fetch = new DelayedOperationPurgatory<DelayedFetch>('fetch', logger, now)
  }

  highWatermarkAdvanced(p: Partition): void {
    const key = partitionKey(p.topic, p.partition)
    this.produce.checkAndComplete(key)
    this.fetch.checkAndComplete(key)
  }

  appended(p: Partition): void {
    this.fetch.checkAndComplete(partitionKey(p.topic, p.partition))
  }

  stateChanged(p: Partition): void {
    const key = partitionKey(p.topic, p.partition)
    this.produce.checkAndComplete(key)
    this.fetch.checkAndComplete(key)
  }

  /**
   * Answers everything still waiting (acks=-1 produces with REQUEST_TIMED_OUT, fetches with what
   * they have); later requests no longer wait.
   */
  shutdown(): void {
    this.produce.shutdown()
    this.fetch.shutdown()
  }
}
