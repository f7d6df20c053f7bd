import {
  brokerInfo,
  type ErrorName,
  errorInfo,
  isLegalTopicName,
  type pb,
  SamsaError,
  samsaErrorFromGrpc,
  toErrorInfo,
} from '@samsa/protocol'
import type { ControllerChannel, ControllerMethod } from './controller-channel.js'
import { FetchHandler } from './fetch-handler.js'
import { ListOffsetsHandler } from './list-offsets-handler.js'
import type { Logger } from './logger.js'
import type { MetadataCache } from './metadata-cache.js'
import { PartitionResolver } from './partition-resolver.js'
import { ProduceHandler } from './produce-handler.js'
import type { Purgatories } from './purgatories.js'
import type { ReplicaManager } from './replica-manager.js'
import { serve } from './request-handling.js'
import { unsupportedHandlers } from './unsupported-handlers.js'
import { topicMetadata } from './wire.js'

/** How long a forwarded admin request may wait for the controller. */
export const ADMIN_FORWARD_TIMEOUT_MS = 10_000

type ErrorInfo = { code: number; message: string }

export interface BrokerServiceOptions {
  readonly brokerId: number
  readonly cache: MetadataCache
  readonly channel: ControllerChannel
  /** The hosted partitions Produce, Fetch and ListOffsets are served from. */
  readonly replicaManager: ReplicaManager
  /** Where acks=-1 produces and long-poll fetches wait. */
  readonly purgatories: Purgatories
  readonly logger: Logger
  /** Default {@link ADMIN_FORWARD_TIMEOUT_MS}. */
  readonly adminTimeoutMs?: number
}

/**
 * The BrokerService handlers (DESIGN.md §5): the data path (Produce, Fetch, ListOffsets) served
 * from the hosted partitions, Metadata answered from this broker's metadata cache, the admin RPCs
 * forwarded to the controller with its answers (and error codes) passed through, and the
 * consumer-group RPCs answered with UNSUPPORTED_VERSION until their issue lands. Kafka errors
 * travel in the response bodies; gRPC statuses are left for transport failures.
 */
export class BrokerService {
  readonly #o: BrokerServiceOptions
  readonly #log: Logger
  readonly #adminTimeoutMs: number
  readonly #produce: ProduceHandler
  readonly #fetch: FetchHandler
  readonly #listOffsets: ListOffsetsHandler

  constructor(options: BrokerServiceOptions) {
    this.#o = options
    this.#log = options.logger
    this.#adminTimeoutMs = options.adminTimeoutMs ?? ADMIN_FORWARD_TIMEOUT_MS
    const { brokerId, cache, replicaManager, purgatories, logger } = options
    const resolver = new PartitionResolver({ brokerId, replicaManager, cache })
    this.#produce = new ProduceHandler({ resolver, purgatory: purgatories.produce, logger })
    this.#fetch = new FetchHandler({
      brokerId,
      resolver,
      cache,
      purgatory: purgatories.fetch,
      logger,
    })
    this.#listOffsets = new ListOffsetsHandler({ resolver, logger })
  }

  handlers(): pb.BrokerServiceHandlers {
    const log = this.#log
    // A caller that goes away (deadline, cancel) drops its wait in the purgatory.
    const onCancel =
      (call: { on(event: 'cancelled', listener: () => void): unknown }) => (cancel: () => void) =>
        call.on('cancelled', cancel)
    return {
      Produce: (call, callback) =>
        serve(
          'Produce',
          call,
          callback,
          () => this.#produce.handle(call.request, onCancel(call)),
          log,
        ),
      Fetch: (call, callback) =>
        serve('Fetch', call, callback, () => this.#fetch.handle(call.request, onCancel(call)), log),
      ListOffsets: (call, callback) =>
        serve('ListOffsets', call, callback, () => this.#listOffsets.handle(call.request), log),

      Metadata: (call, callback) =>
        serve('Metadata', call, callback, () => this.metadata(call.request), log),

      CreateTopics: (call, callback) =>
        serve(
          'CreateTopics',
          call,
          callback,
          () =>
            this.#forward(
              (c) => c.createTopics,
              call.request,
              (error): pb.CreateTopicsResponse => ({
                error,
                results: call.request.topics.map((t) => ({
                  name: t.name,
                  error,
                  numPartitions: -1,
                  replicationFactor: -1,
                })),
              }),
            ),
          log,
        ),
      DeleteTopics: (call, callback) =>
        serve(
          'DeleteTopics',
          call,
          callback,
          () =>
            this.#forward(
              (c) => c.deleteTopics,
              call.request,
              (error): pb.DeleteTopicsResponse => ({
                error,
                results: call.request.names.map((name) => ({ name, error })),
              }),
            ),
          log,
        ),
      CreatePartitions: (call, callback) =>
        serve(
          'CreatePartitions',
          call,
          callback,
          () =>
            this.#forward(
              (c) => c.createPartitions,
              call.request,
              (error): pb.CreatePartitionsResponse => ({
                error,
                results: call.request.topics.map((t) => ({ name: t.name, error })),
              }),
            ),
          log,
        ),
      AlterConfigs: (call, callback) =>
        serve(
          'AlterConfigs',
          call,
          callback,
          () =>
            this.#forward(
              (c) => c.alterConfigs,
              call.request,
              (error): pb.AlterConfigsResponse => ({
                error,
                results: call.request.resources.map((r) => ({ topic: r.topic, error })),
              }),
            ),
          log,
        ),
      DescribeCluster: (call, callback) =>
        serve(
          'DescribeCluster',
          call,
          callback,
          () =>
            this.#forward(
              (c) => c.describeCluster,
              call.request,
              (error): pb.DescribeClusterResponse => ({ error, controllerId: -1 }),
            ),
          log,
        ),

      ...unsupportedHandlers(log),
    }
  }

  /**
   * Metadata from the cache: unfenced brokers, and the requested topics (every topic, by name,
   * when none are named). An unknown topic comes back with UNKNOWN_TOPIC_OR_PARTITION, an
   * illegal name with INVALID_TOPIC_EXCEPTION; an offline partition with LEADER_NOT_AVAILABLE.
   * `controllerId` is this broker's id: clients cannot reach the controller and send admin
   * requests to any broker, which forwards them (Kafka's KRaft brokers do the same, KIP-590).
   */
  metadata(request: pb.MetadataRequest__Output): pb.MetadataResponse {
    const { cache, brokerId } = this.#o
    if (cache.version === 0) {
      throw new SamsaError(
        'LEADER_NOT_AVAILABLE',
        `Broker ${brokerId} has no cluster metadata yet: it is waiting for the controller`,
      )
    }
    const names = request.topics.length === 0 ? undefined : [...new Set(request.topics)]
    const topics: pb.TopicMetadata[] =
      names === undefined
        ? cache.topics().map(topicMetadata)
        : names.map((name) => {
            const topic = cache.topic(name)
            if (topic !== undefined) return topicMetadata(topic)
            const [code, message]: [ErrorName, string] = isLegalTopicName(name)
              ? ['UNKNOWN_TOPIC_OR_PARTITION', `Topic '${name}' does not exist`]
              : [
                  'INVALID_TOPIC_EXCEPTION',
                  `'${name}' is not a legal topic name: 1-249 characters of [a-zA-Z0-9._-], not '.' or '..'`,
                ]
            return { name, error: errorInfo(code, message), partitions: [] }
          })
    return {
      clusterId: cache.clusterId,
      controllerId: brokerId,
      metadataVersion: String(cache.version),
      brokers: cache.liveBrokers().map(brokerInfo),
      topics,
    }
  }

  /**
   * Forwards an admin request to the controller and passes its answer through unchanged. When
   * the controller does not answer, every item gets a retriable error: NOT_CONTROLLER when it is
   * unreachable, REQUEST_TIMED_OUT when it did not answer in time (the change may have been
   * applied; Kafka's admin clients see the same).
   */
  async #forward<Req, Res>(
    method: (client: pb.ControllerServiceClient) => ControllerMethod<Req, Res>,
    request: Req,
    failed: (error: ErrorInfo) => Res,
  ): Promise<Res> {
    const { channel } = this.#o
    const address = channel.address
    try {
      return await channel.call(method, request, this.#adminTimeoutMs)
    } catch (err) {
      const error = samsaErrorFromGrpc(err)
      this.#log.debug({ err: error, controller: address }, 'could not forward to the controller')
      if (error.code === 'REQUEST_TIMED_OUT') {
        return failed(
          errorInfo(
            'REQUEST_TIMED_OUT',
            `The controller at ${address} did not answer within ${this.#adminTimeoutMs} ms; the change may or may not have been applied`,
          ),
        )
      }
      if (error.code === 'NETWORK_EXCEPTION') {
        return failed(
          errorInfo(
            'NOT_CONTROLLER',
            `The controller at ${address} is unreachable (${error.message}); retry shortly`,
          ),
        )
      }
      return failed(toErrorInfo(error))
    }
  }
}
