import { createServer, type Server } from 'node:net'
import type { TestContext } from 'node:test'
import type * as grpc from '@grpc/grpc-js'
import {
  bindGrpcServer,
  createGrpcServer,
  loadSamsaPackage,
  type pb,
  shutdownGrpcServer,
} from '@samsa/protocol'

export type Handlers = Partial<pb.BrokerServiceHandlers>

/** A BrokerService on a free loopback port answering with `handlers`; stopped after the test. */
export async function startFakeBroker(t: TestContext, handlers: Handlers): Promise<string> {
  const server = createGrpcServer()
  server.addService(
    loadSamsaPackage().BrokerService.service,
    handlers as grpc.UntypedServiceImplementation,
  )
  const port = await bindGrpcServer(server, '127.0.0.1', 0)
  t.after(() => shutdownGrpcServer(server, 100))
  return `127.0.0.1:${port}`
}

/** A port on which nothing listens (bound, then released). */
export async function deadAddress(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `127.0.0.1:${port}`
}

/**
 * A TCP server that accepts connections and never answers, like a broker stopped with SIGSTOP
 * (the kernel still completes the handshake).
 */
export async function silentAddress(t: TestContext): Promise<string> {
  const sockets = new Set<import('node:net').Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.after(async () => {
    for (const s of sockets) s.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
  const { port } = server.address() as { port: number }
  return `127.0.0.1:${port}`
}

export interface FakeTopic {
  name: string
  topicId: string
  configs: Record<string, string>
  partitions: {
    partition: number
    leader: number
    leaderEpoch: number
    replicas: number[]
    isr: number[]
  }[]
}

/** Metadata answers for a cluster of brokers 1..n on made-up ports. */
export function metadataResponse(
  topics: Iterable<FakeTopic>,
  requested: readonly string[],
  liveBrokers: readonly number[] = [1, 2, 3],
): pb.MetadataResponse {
  const all = new Map([...topics].map((t) => [t.name, t]))
  const names = requested.length > 0 ? requested : [...all.keys()].sort()
  return {
    clusterId: 'fake-cluster',
    controllerId: 0,
    metadataVersion: '42',
    brokers: liveBrokers.map((id) => ({
      brokerId: id,
      endpoint: { host: '127.0.0.1', port: 9090 + id, httpPort: 9190 + id },
      fenced: false,
      brokerEpoch: String(id * 10),
      incarnationId: `inc-${id}`,
    })),
    topics: names.map((name) => {
      const t = all.get(name)
      if (!t) return { name, error: { code: 3, message: `Topic ${name} does not exist` } }
      return {
        name: t.name,
        topicId: t.topicId,
        configs: t.configs,
        partitions: t.partitions.map((p) => ({
          topic: t.name,
          partitionEpoch: 0,
          offline: p.leader < 0,
          ...p,
        })),
      }
    }),
  }
}

/** `response` as the client receives it: through the wire codec, defaults filled in. */
export function overTheWire(response: pb.MetadataResponse): pb.MetadataResponse__Output {
  const method = loadSamsaPackage().BrokerService.service.Metadata
  return method.responseDeserialize(method.responseSerialize(response))
}

/** A topic with `count` partitions led round-robin over brokers 1..3 with RF 3. */
export function fakeTopic(
  name: string,
  count: number,
  configs: Record<string, string> = {},
): FakeTopic {
  return {
    name,
    topicId: `id-${name}`,
    configs,
    partitions: Array.from({ length: count }, (_, partition) => {
      const replicas = [0, 1, 2].map((i) => ((partition + i) % 3) + 1)
      return { partition, leader: replicas[0]!, leaderEpoch: 0, replicas, isr: [...replicas] }
    }),
  }
}
