import * as grpc from '@grpc/grpc-js'
import { createBrokerClient, type pb, SamsaError } from '@samsa/protocol'

export type BrokerClient = pb.BrokerServiceClient

export interface BrokerPoolOptions {
  /** Sent as the gRPC user agent so broker logs can tell applications apart. */
  readonly clientId: string
  /** How long {@link BrokerPool.connect} waits for a channel to become ready. */
  readonly connectionTimeoutMs: number
}

/**
 * One gRPC client per broker address, created on first use and reused for every request after
 * it (STYLE.md: one client per target). `bootstrap()` finds a live broker among the seeds, in
 * turn, starting from the one that answered last.
 */
export class BrokerPool {
  readonly #seeds: readonly string[]
  readonly #options: BrokerPoolOptions
  readonly #clients = new Map<string, BrokerClient>()
  #preferred = 0
  #closed = false

  constructor(seeds: readonly string[], options: BrokerPoolOptions) {
    if (seeds.length === 0) throw new TypeError('BrokerPool needs at least one seed broker')
    this.#seeds = seeds
    this.#options = options
  }

  get seeds(): readonly string[] {
    return this.#seeds
  }

  /** The client for `address` (host:port), created on first use. Does not wait to connect. */
  client(address: string): BrokerClient {
    // A programming error, not a broker's: not a (retriable) SamsaError.
    if (this.#closed) throw new Error('The client is disconnected; create a new one')
    let client = this.#clients.get(address)
    if (client === undefined) {
      client = createBrokerClient(address, {
        'grpc.primary_user_agent': `samsa-client/${this.#options.clientId}`,
      })
      this.#clients.set(address, client)
    }
    return client
  }

  /**
   * The client for `address` once its channel is ready. Rejects with NETWORK_EXCEPTION
   * (retriable) when the connection fails or is not ready within `connectionTimeoutMs`: a
   * stopped (SIGSTOP) broker accepts TCP but never answers, and must not hold a request up
   * until its deadline. A channel whose last attempt failed (TRANSIENT_FAILURE) fails at once;
   * grpc-js keeps reconnecting it with backoff, so a broker that comes back is found again.
   */
  async connect(address: string): Promise<BrokerClient> {
    const client = this.client(address)
    const channel = client.getChannel()
    const deadline = Date.now() + this.#options.connectionTimeoutMs
    for (;;) {
      const state = channel.getConnectivityState(true)
      switch (state) {
        case grpc.connectivityState.READY:
          return client
        case grpc.connectivityState.TRANSIENT_FAILURE:
          throw new SamsaError('NETWORK_EXCEPTION', `Cannot connect to broker ${address}`)
        case grpc.connectivityState.SHUTDOWN:
          throw new SamsaError('NETWORK_EXCEPTION', `Connection to broker ${address} is closed`)
      }
      await new Promise<void>((resolve, reject) => {
        channel.watchConnectivityState(state, deadline, (err) => {
          if (err) {
            reject(
              new SamsaError(
                'NETWORK_EXCEPTION',
                `Connection to broker ${address} timed out after ${this.#options.connectionTimeoutMs} ms`,
              ),
            )
          } else {
            resolve()
          }
        })
      })
    }
  }

  /**
   * A connected client to one of the seed brokers: the one that answered last, else the next
   * ones in turn. Rejects with the last connection error when none can be reached.
   */
  async bootstrap(): Promise<{ address: string; client: BrokerClient }> {
    let lastError: unknown
    for (let i = 0; i < this.#seeds.length; i++) {
      const index = (this.#preferred + i) % this.#seeds.length
      const address = this.#seeds[index]!
      try {
        const client = await this.connect(address)
        this.#preferred = index
        return { address, client }
      } catch (err) {
        lastError = err
      }
    }
    throw lastError
  }

  /** A request to `address` failed at the transport: start the next bootstrap elsewhere. */
  markFailed(address: string): void {
    if (this.#seeds[this.#preferred] === address) {
      this.#preferred = (this.#preferred + 1) % this.#seeds.length
    }
  }

  /** Closes every client. The pool cannot be used afterwards. */
  close(): void {
    this.#closed = true
    for (const client of this.#clients.values()) client.close()
    this.#clients.clear()
  }
}
