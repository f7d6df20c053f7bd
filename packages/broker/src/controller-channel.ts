import { setTimeout as delay } from 'node:timers/promises'
import type * as grpc from '@grpc/grpc-js'
import {
  createControllerClient,
  errorFromInfo,
  type pb,
  SamsaError,
  samsaErrorFromGrpc,
  unary,
} from '@samsa/protocol'
import { Backoff, Sleeper } from './backoff.js'
import type { Logger } from './logger.js'
import { int64 } from './metadata-cache.js'

type ControllerClient = pb.ControllerServiceClient

/** A unary method of the generated ControllerService client. */
export type ControllerMethod<Req, Res> = (
  argument: Req,
  callback: grpc.requestCallback<Res>,
) => grpc.ClientUnaryCall

export interface ControllerChannelOptions {
  readonly brokerId: number
  /** Random per process start: tells the controller this is a new incarnation. */
  readonly incarnationId: string
  readonly rack: string | null
  /** The cluster id this broker's log dirs belong to; '' for a fresh broker. */
  readonly clusterId: string
  /** `controller.quorum.bootstrap.servers`; tried in turn while one does not answer. */
  readonly controllerAddresses: readonly string[]
  /** `broker.heartbeat.interval.ms`. */
  readonly heartbeatIntervalMs: number
  /** `broker.session.timeout.ms`: bounds each request to the controller (half of it). */
  readonly sessionTimeoutMs: number
  /** The last metadata version this broker has applied (reported in heartbeats). */
  readonly metadataVersion: () => number
  /** Called after each successful registration, before the first heartbeat that follows it. */
  readonly onRegistered?: (registration: Registration) => void | Promise<void>
  readonly logger: Logger
}

/** Where this broker listens, as registered: the ports actually bound. */
export interface BrokerEndpoint {
  readonly host: string
  readonly port: number
  readonly httpPort: number
}

export interface Registration {
  readonly brokerEpoch: number
  readonly clusterId: string
}

/** What the controller last said about this broker, for readiness and the cluster view. */
export interface ChannelState {
  readonly registration: Registration | undefined
  /** From the last heartbeat: true until the controller unfences this broker. */
  readonly fenced: boolean
  /** From the last heartbeat: metadata applied up to this broker's registration. */
  readonly caughtUp: boolean
  /** The last request to the controller got an answer. */
  readonly controllerReachable: boolean
  /** The controller address in use. */
  readonly controllerAddress: string
  /** Why the broker is not registered or the controller is unreachable, if so. */
  readonly lastError: string | undefined
}

/**
 * The broker's side of the controller relationship (Kafka's BrokerLifecycleManager plus the
 * forwarding channel): owns the ControllerService clients, registers this broker (a fresh
 * incarnation id per process start), heartbeats every `broker.heartbeat.interval.ms`, retries
 * with exponential backoff while the controller is away, registers again when the controller says
 * the broker epoch is stale, runs the controlled shutdown, and forwards admin requests.
 *
 * A fenced broker is not re-registered: it keeps heartbeating and the controller unfences it once
 * its heartbeat shows its metadata caught up (DESIGN.md §4).
 */
export class ControllerChannel {
  readonly #options: ControllerChannelOptions
  readonly #log: Logger
  readonly #clients: ControllerClient[]
  readonly #requestTimeoutMs: number
  readonly #sleeper = new Sleeper()
  readonly #backoff: Backoff
  readonly #listeners = new Set<() => void>()
  #current = 0
  #endpoint: BrokerEndpoint | undefined
  #registration: Registration | undefined
  #fenced = true
  #caughtUp = false
  #reachable = false
  /** Whether the controller has been reachable at least once (to log "lost" only after that). */
  #everReachable = false
  #lastError: string | undefined
  #loop: Promise<void> | undefined
  #stopped = false
  #closed = false
  /** Cancels the heartbeat loop's request in flight when the loop stops. */
  readonly #loopAbort = new AbortController()
  /** Cancels forwarded requests in flight when the channel closes. */
  readonly #closeAbort = new AbortController()

  constructor(options: ControllerChannelOptions) {
    if (options.controllerAddresses.length === 0) {
      throw new SamsaError('INVALID_REQUEST', 'no controller address to connect to')
    }
    this.#options = options
    this.#log = options.logger
    this.#clients = options.controllerAddresses.map((a) => createControllerClient(a))
    this.#requestTimeoutMs = Math.max(250, Math.min(options.sessionTimeoutMs / 2, 10_000))
    this.#backoff = new Backoff({
      initialMs: Math.min(100, options.heartbeatIntervalMs),
      maxMs: options.heartbeatIntervalMs,
    })
  }

  /** The ControllerService client in use (for the metadata stream). */
  get client(): ControllerClient {
    return this.#clients[this.#current]!
  }

  get address(): string {
    return this.#options.controllerAddresses[this.#current]!
  }

  get registration(): Registration | undefined {
    return this.#registration
  }

  get state(): ChannelState {
    return {
      registration: this.#registration,
      fenced: this.#fenced,
      caughtUp: this.#caughtUp,
      controllerReachable: this.#reachable,
      controllerAddress: this.address,
      lastError: this.#lastError,
    }
  }

  /** Calls `listener` after every change of {@link state}; returns the unsubscriber. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Starts registration (announcing `endpoint`) and heartbeats in the background. */
  start(endpoint: BrokerEndpoint): void {
    if (this.#loop !== undefined || this.#stopped) return
    this.#endpoint = { ...endpoint }
    this.#loop = this.#run().catch((err: unknown) => {
      this.#log.error({ err }, 'controller channel loop failed')
    })
  }

  /**
   * Tells the channel that metadata up to `version` is applied: when that completes the
   * registration of a fenced broker, heartbeat now rather than at the next interval, so the
   * controller unfences it without delay.
   */
  metadataApplied(version: number): void {
    const registration = this.#registration
    if (registration && this.#fenced && version >= registration.brokerEpoch) this.#sleeper.wake()
  }

  /**
   * Forwards one request to the controller and resolves with its response (Kafka errors in the
   * body are the caller's to read); rejects with the typed transport error (NETWORK_EXCEPTION,
   * REQUEST_TIMED_OUT) when the controller does not answer, trying the next address next time.
   */
  async call<Req, Res>(
    method: (client: ControllerClient) => ControllerMethod<Req, Res>,
    request: Req,
    timeoutMs: number,
  ): Promise<Res> {
    const index = this.#current
    const client = this.#clients[index]!
    try {
      return await unary(client, method(client), request, {
        timeoutMs,
        signal: this.#closeAbort.signal,
      })
    } catch (err) {
      const error = samsaErrorFromGrpc(err)
      if (error.code === 'NETWORK_EXCEPTION' && !this.#closed) this.#rotate(index)
      throw error
    }
  }

  /**
   * Graceful shutdown (Kafka's controlled shutdown): stops the heartbeat loop, then heartbeats
   * with `wantShutDown` until the controller answers `shouldShutDown` (it has fenced this broker
   * and moved its leaderships to in-sync replicas) or `timeoutMs` passes. Resolves with whether
   * the controller confirmed. With `controlled` false it only stops the loop.
   */
  async shutdown(controlled: boolean, timeoutMs: number): Promise<boolean> {
    this.#stopped = true
    this.#sleeper.close()
    this.#loopAbort.abort()
    await this.#loop
    const registration = this.#registration
    if (!controlled || registration === undefined || this.#closed) return false
    const deadline = Date.now() + timeoutMs
    const backoff = new Backoff({ initialMs: 50, maxMs: 500 })
    while (Date.now() < deadline) {
      const index = this.#current
      const client = this.#clients[index]!
      try {
        const response = await unary(
          client,
          client.brokerHeartbeat,
          {
            brokerId: this.#options.brokerId,
            brokerEpoch: String(registration.brokerEpoch),
            wantShutDown: true,
            currentMetadataVersion: String(this.#options.metadataVersion()),
          },
          { timeoutMs: Math.max(1, Math.min(this.#requestTimeoutMs, deadline - Date.now())) },
        )
        const error = errorFromInfo(response.error)
        if (error?.code === 'STALE_BROKER_EPOCH') {
          this.#log.info({ err: error }, 'controlled shutdown not needed: registration is gone')
          return false
        }
        if (error) {
          this.#log.debug({ err: error }, 'controlled shutdown heartbeat refused; retrying')
        } else if (response.shouldShutDown) {
          this.#log.info('controlled shutdown complete: the controller moved our leaderships')
          return true
        }
      } catch (err) {
        const error = samsaErrorFromGrpc(err)
        if (error.code === 'NETWORK_EXCEPTION') this.#rotate(index)
        if (!this.#reachable) {
          // Already lost before this attempt: do not hold the shutdown for a controller that is
          // away; it fences this broker once the session expires.
          this.#log.warn(
            { err: error },
            'controlled shutdown skipped: the controller is unreachable',
          )
          return false
        }
        this.#reachable = false
        this.#log.debug({ err: error }, 'controlled shutdown heartbeat failed; retrying')
      }
      const wait = Math.min(backoff.next(), deadline - Date.now())
      if (wait > 0) await delay(wait)
    }
    this.#log.warn(
      { timeoutMs },
      'controlled shutdown timed out: the controller will fence this broker after its session expires',
    )
    return false
  }

  /** Stops everything (without a controlled shutdown if {@link shutdown} was not called) and closes the clients. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return
    await this.shutdown(false, 0)
    this.#closed = true
    this.#closeAbort.abort()
    this.#listeners.clear()
    for (const client of this.#clients) client.close()
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      if (this.#registration === undefined && !(await this.#register())) {
        await this.#sleeper.sleep(this.#backoff.next())
        continue
      }
      if (this.#stopped) break
      const outcome = await this.#heartbeat()
      if (outcome === 'ok') {
        this.#backoff.reset()
        await this.#sleeper.sleep(this.#options.heartbeatIntervalMs)
      } else if (outcome === 'failed') {
        await this.#sleeper.sleep(this.#backoff.next())
      }
      // 'register-again': loop straight to the registration.
    }
  }

  async #register(): Promise<boolean> {
    const o = this.#options
    const index = this.#current
    const client = this.#clients[index]!
    let response: pb.RegisterBrokerResponse__Output
    try {
      response = await unary(
        client,
        client.registerBroker,
        {
          brokerId: o.brokerId,
          incarnationId: o.incarnationId,
          endpoint: { ...this.#endpoint! },
          rack: o.rack ?? '',
          clusterId: this.#registration?.clusterId ?? o.clusterId,
        },
        { timeoutMs: this.#requestTimeoutMs, signal: this.#loopAbort.signal },
      )
    } catch (err) {
      if (this.#stopped) return false
      this.#unreachable(index, samsaErrorFromGrpc(err))
      return false
    }
    this.#reached()
    const error = errorFromInfo(response.error)
    if (error) {
      // DUPLICATE_BROKER_REGISTRATION clears once the old incarnation's session expires;
      // INCONSISTENT_CLUSTER_ID needs an operator. Either way keep trying, and say why.
      const message = `registration refused: ${error.code}: ${error.message}`
      const level = error.code === 'DUPLICATE_BROKER_REGISTRATION' ? 'warn' : 'error'
      if (this.#lastError !== message) {
        this.#log[level]({ err: error }, 'controller refused the registration; retrying')
      }
      this.#lastError = message
      this.#changed()
      return false
    }
    const registration = {
      brokerEpoch: int64(response.brokerEpoch),
      clusterId: response.clusterId,
    }
    this.#registration = registration
    this.#fenced = true
    this.#caughtUp = false
    this.#lastError = undefined
    this.#backoff.reset()
    this.#log.info(
      {
        brokerEpoch: registration.brokerEpoch,
        clusterId: registration.clusterId,
        incarnationId: o.incarnationId,
        controller: this.address,
      },
      'registered with the controller',
    )
    try {
      await o.onRegistered?.(registration)
    } catch (err) {
      this.#log.error({ err }, 'after-registration step failed')
    }
    this.#changed()
    return true
  }

  async #heartbeat(): Promise<'ok' | 'failed' | 'register-again'> {
    const registration = this.#registration!
    const index = this.#current
    const client = this.#clients[index]!
    let response: pb.BrokerHeartbeatResponse__Output
    try {
      response = await unary(
        client,
        client.brokerHeartbeat,
        {
          brokerId: this.#options.brokerId,
          brokerEpoch: String(registration.brokerEpoch),
          wantShutDown: false,
          currentMetadataVersion: String(this.#options.metadataVersion()),
        },
        { timeoutMs: this.#requestTimeoutMs, signal: this.#loopAbort.signal },
      )
    } catch (err) {
      if (this.#stopped) return 'failed'
      this.#unreachable(index, samsaErrorFromGrpc(err))
      return 'failed'
    }
    const error = errorFromInfo(response.error)
    if (error?.code === 'STALE_BROKER_EPOCH') {
      this.#reached()
      this.#log.info(
        { brokerEpoch: registration.brokerEpoch, reason: error.message },
        'broker epoch is stale; registering again',
      )
      this.#registration = undefined
      this.#fenced = true
      this.#caughtUp = false
      this.#changed()
      return 'register-again'
    }
    if (error) {
      // NOT_CONTROLLER while the controller shuts down, or a server error: retry with backoff.
      this.#unreachable(index, error, false)
      return 'failed'
    }
    this.#reached()
    if (response.isFenced !== this.#fenced) {
      this.#log.info(
        { brokerEpoch: registration.brokerEpoch, metadataVersion: this.#options.metadataVersion() },
        response.isFenced ? 'broker fenced by the controller' : 'broker unfenced',
      )
    }
    const changed = response.isFenced !== this.#fenced || response.isCaughtUp !== this.#caughtUp
    this.#fenced = response.isFenced
    this.#caughtUp = response.isCaughtUp
    if (changed) this.#changed()
    return 'ok'
  }

  #reached(): void {
    if (!this.#reachable) {
      if (this.#everReachable) this.#log.info({ controller: this.address }, 'controller regained')
      this.#reachable = true
      this.#everReachable = true
      this.#lastError = undefined
      this.#changed()
    }
  }

  #unreachable(
    index: number,
    error: SamsaError,
    rotate = error.code === 'NETWORK_EXCEPTION',
  ): void {
    const address = this.#options.controllerAddresses[index]
    if (this.#reachable) {
      this.#log.info(
        { controller: address, err: error },
        'controller lost; serving from the metadata cache and retrying',
      )
    } else {
      this.#log.debug({ controller: address, err: error }, 'controller unreachable; retrying')
    }
    this.#reachable = false
    this.#lastError = `controller ${address}: ${error.code}: ${error.message}`
    if (rotate) this.#rotate(index)
    this.#changed()
  }

  /** Moves to the next controller address after `failed` did not answer. */
  #rotate(failed: number): void {
    if (this.#current === failed) {
      this.#current = (failed + 1) % this.#clients.length
    }
  }

  #changed(): void {
    for (const listener of this.#listeners) {
      try {
        listener()
      } catch (err) {
        this.#log.error({ err }, 'controller channel listener failed')
      }
    }
  }
}
