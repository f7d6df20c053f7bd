import type * as grpc from '@grpc/grpc-js'
import { errorFromInfo, type pb, SamsaError, samsaErrorFromGrpc } from '@samsa/protocol'
import { Backoff, Sleeper } from './backoff.js'
import type { ControllerChannel } from './controller-channel.js'
import type { Logger } from './logger.js'
import {
  int64,
  type MetadataCache,
  MetadataCacheError,
  type MetadataChanges,
} from './metadata-cache.js'

/** Updates buffered before the stream is paused (backpressure toward the controller). */
const MAX_BUFFERED_UPDATES = 16

export interface MetadataWatcherOptions {
  readonly brokerId: number
  readonly channel: ControllerChannel
  readonly cache: MetadataCache
  /** Acts on one update (the ReplicaManager); awaited before the next update is applied. */
  readonly onUpdate: (changes: MetadataChanges) => Promise<void>
  /** Called once an update is applied by the cache and by `onUpdate`. */
  readonly onApplied?: (version: number) => void
  /** Reconnect backoff ceiling; default 2000 ms. */
  readonly maxBackoffMs?: number
  readonly logger: Logger
}

/**
 * Follows the controller's WatchMetadata stream into the MetadataCache: a snapshot, then every
 * delta in order, each handed to `onUpdate` before the next is read. When the stream ends
 * (controller restart, network) it reconnects by itself, with backoff, from the last version it
 * applied, so the controller sends only what was missed (or a snapshot). A delta that does not
 * fit the cache makes the next connection ask for a snapshot. Meanwhile the cache keeps serving.
 */
export class MetadataWatcher {
  readonly #o: MetadataWatcherOptions
  readonly #log: Logger
  readonly #sleeper = new Sleeper()
  readonly #backoff: Backoff
  #appliedVersion = 0
  #needSnapshot = false
  #call: grpc.ClientReadableStream<pb.MetadataUpdate__Output> | undefined
  #loop: Promise<void> | undefined
  #stopped = false
  #unsubscribe: (() => void) | undefined
  /** What the loop is sleeping for, so only news that matters to it wakes it. */
  #waitingFor: 'registration' | 'controller' | undefined

  constructor(options: MetadataWatcherOptions) {
    this.#o = options
    this.#log = options.logger
    this.#backoff = new Backoff({ initialMs: 50, maxMs: options.maxBackoffMs ?? 2_000 })
  }

  /** The version of the last update fully applied (cache and ReplicaManager); 0 for none. */
  get appliedVersion(): number {
    return this.#appliedVersion
  }

  /** Starts following once the broker is registered (the watch carries its broker epoch). */
  start(): void {
    if (this.#loop !== undefined || this.#stopped) return
    this.#unsubscribe = this.#o.channel.onChange(() => {
      const { registration, controllerReachable } = this.#o.channel.state
      if (
        (this.#waitingFor === 'registration' && registration !== undefined) ||
        (this.#waitingFor === 'controller' && controllerReachable)
      ) {
        this.#sleeper.wake()
      }
    })
    this.#loop = this.#run().catch((err: unknown) => {
      this.#log.error({ err }, 'metadata watcher loop failed')
    })
  }

  /** Ends the stream and waits for the update being applied, if any. Idempotent. */
  async stop(): Promise<void> {
    this.#stopped = true
    this.#unsubscribe?.()
    this.#sleeper.close()
    this.#call?.cancel()
    await this.#loop
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      const registration = this.#o.channel.registration
      if (registration === undefined) {
        // Woken by the channel as soon as it registers.
        await this.#sleepFor('registration', 1_000)
        continue
      }
      const from = this.#needSnapshot ? 0 : this.#o.cache.version
      const received = await this.#follow(registration.brokerEpoch, from)
      if (this.#stopped) break
      if (received) this.#backoff.reset()
      // Woken early when the heartbeats find the controller again.
      await this.#sleepFor('controller', this.#backoff.next())
    }
  }

  async #sleepFor(what: 'registration' | 'controller', ms: number): Promise<void> {
    this.#waitingFor = what
    try {
      await this.#sleeper.sleep(ms)
    } finally {
      this.#waitingFor = undefined
    }
  }

  /** Follows one stream until it ends; resolves with whether any update was applied. */
  #follow(brokerEpoch: number, fromVersion: number): Promise<boolean> {
    const { channel, brokerId } = this.#o
    this.#log.debug({ controller: channel.address, fromVersion, brokerEpoch }, 'watching metadata')
    return new Promise((resolve) => {
      const call = channel.client.watchMetadata({
        brokerId,
        brokerEpoch: String(brokerEpoch),
        fromVersion: String(fromVersion),
      })
      this.#call = call
      const queue: pb.MetadataUpdate__Output[] = []
      let received = false
      let processing = false
      let ended = false
      let abandoned = false
      let resolved = false
      const settle = () => {
        if (ended && !processing && !resolved) {
          resolved = true
          if (this.#call === call) this.#call = undefined
          resolve(received)
        }
      }
      const drain = async () => {
        if (processing) return
        processing = true
        while (queue.length > 0 && !abandoned && !this.#stopped) {
          const update = queue.shift()!
          try {
            await this.#apply(update)
            received = true
          } catch (err) {
            abandoned = true
            const quiet = err instanceof SamsaError && err.code === 'STALE_BROKER_EPOCH'
            this.#log[quiet ? 'info' : 'warn'](
              { err },
              'metadata update not applied; reconnecting the watch',
            )
            call.cancel()
          }
        }
        processing = false
        if (!abandoned && !ended) call.resume()
        settle()
      }
      call.on('data', (update: pb.MetadataUpdate__Output) => {
        queue.push(update)
        if (queue.length >= MAX_BUFFERED_UPDATES) call.pause()
        void drain()
      })
      call.on('error', (err: unknown) => {
        ended = true
        if (!abandoned && !this.#stopped) {
          const error = samsaErrorFromGrpc(err)
          this.#log.debug({ err: error }, 'metadata stream ended; reconnecting')
        }
        settle()
      })
      call.on('end', () => {
        ended = true
        settle()
      })
    })
  }

  async #apply(update: pb.MetadataUpdate__Output): Promise<void> {
    const refused = errorFromInfo(update.error)
    if (refused) throw refused
    const cache = this.#o.cache
    const version = int64(update.version)
    let changes: MetadataChanges
    if (update.update === 'snapshot' && update.snapshot) {
      changes = cache.loadSnapshot(version, update.snapshot)
      this.#needSnapshot = false
      this.#log.info(
        {
          metadataVersion: version,
          brokers: update.snapshot.brokers.length,
          topics: update.snapshot.topics.length,
        },
        'metadata snapshot loaded',
      )
    } else if (update.update === 'delta' && update.delta) {
      const records = update.delta.records
      const first = version - records.length + 1
      if (version <= cache.version) {
        this.#log.debug({ metadataVersion: version }, 'skipping a metadata delta already applied')
        return
      }
      if (!cache.loaded || first !== cache.version + 1) {
        throw new MetadataCacheError(
          `metadata delta ${first}..${version} does not follow version ${cache.version}`,
        )
      }
      try {
        changes = cache.applyDelta(version, records)
      } catch (err) {
        this.#needSnapshot = true
        throw err
      }
      this.#log.debug(
        { metadataVersion: version, records: records.length },
        'metadata delta applied',
      )
    } else {
      return
    }
    await this.#o.onUpdate(changes)
    this.#appliedVersion = version
    this.#o.onApplied?.(version)
  }
}
