import { SamsaError } from '@samsa/protocol'
import { planBrokerRemoval, planOfflineElections } from './leader-election.js'
import type { MetadataImage } from './metadata-image.js'
import type { BrokerEndpoint, MetadataRecord } from './metadata-records.js'

export interface RegisterBrokerRequest {
  readonly brokerId: number
  readonly incarnationId: string
  readonly endpoint: BrokerEndpoint
  readonly rack: string | null
}

/**
 * Registers (or re-registers) a broker: a broker-registered record whose version becomes the
 * broker's epoch, the broker starting fenced. A registration that replaces a live one (a
 * restarted broker) also takes the old incarnation out of every ISR and leadership, since its
 * log may have lost unflushed data. Another incarnation of an id whose session is still alive
 * is refused.
 */
export function planRegisterBroker(
  image: MetadataImage,
  request: RegisterBrokerRequest,
  options: { sessionAlive: (brokerId: number) => boolean; uncleanDefault: boolean },
): { records: MetadataRecord[]; brokerEpoch: number } {
  const { brokerId, incarnationId, endpoint } = request
  if (!Number.isInteger(brokerId) || brokerId < 0) {
    throw new SamsaError(
      'INVALID_REQUEST',
      `Broker id must be a non-negative integer, got ${brokerId}`,
    )
  }
  if (incarnationId === '') throw new SamsaError('INVALID_REQUEST', 'Missing incarnation id')
  if (endpoint.host === '' || !(endpoint.port > 0 && endpoint.port < 65536)) {
    throw new SamsaError('INVALID_REQUEST', `Bad endpoint ${endpoint.host}:${endpoint.port}`)
  }
  const existing = image.broker(brokerId)
  if (existing && existing.incarnationId !== incarnationId && options.sessionAlive(brokerId)) {
    throw new SamsaError(
      'DUPLICATE_BROKER_REGISTRATION',
      `Broker ${brokerId} is already registered by another live incarnation (${existing.incarnationId}); it must stop or miss broker.session.timeout.ms first`,
    )
  }
  const brokerEpoch = image.version + 1
  const records: MetadataRecord[] = [
    {
      type: 'broker-registered',
      brokerId,
      brokerEpoch,
      incarnationId,
      endpoint: { host: endpoint.host, port: endpoint.port, httpPort: endpoint.httpPort },
      rack: request.rack === '' ? null : request.rack,
    },
  ]
  if (existing && !existing.fenced) {
    records.push(...planBrokerRemoval(image, brokerId, 're-registration', options.uncleanDefault))
  }
  return { records, brokerEpoch }
}

export interface BrokerHeartbeatRequest {
  readonly brokerId: number
  readonly brokerEpoch: number
  readonly wantShutDown: boolean
  /** The last metadata version the broker applied. */
  readonly currentMetadataVersion: number
}

/** Throws STALE_BROKER_EPOCH unless `brokerEpoch` is the broker's current registration. */
export function requireCurrentEpoch(
  image: MetadataImage,
  brokerId: number,
  brokerEpoch: number,
): void {
  const broker = image.broker(brokerId)
  if (!broker) {
    throw new SamsaError('STALE_BROKER_EPOCH', `Broker ${brokerId} is not registered`)
  }
  if (broker.brokerEpoch !== brokerEpoch) {
    throw new SamsaError(
      'STALE_BROKER_EPOCH',
      `Broker ${brokerId} epoch ${brokerEpoch} is not the current one (${broker.brokerEpoch}); register again`,
    )
  }
}

/**
 * A heartbeat: unfences a fenced broker once its metadata reaches its own registration (and
 * elects it where it can end an offline partition); a broker that wants to shut down is fenced
 * ('controlled-shutdown'), which moves its leaderships away first.
 */
export function planBrokerHeartbeat(
  image: MetadataImage,
  request: BrokerHeartbeatRequest,
  uncleanDefault: boolean,
): { records: MetadataRecord[]; isCaughtUp: boolean } {
  const { brokerId, brokerEpoch } = request
  requireCurrentEpoch(image, brokerId, brokerEpoch)
  const broker = image.broker(brokerId)!
  const isCaughtUp = request.currentMetadataVersion >= brokerEpoch
  if (request.wantShutDown) {
    return {
      records: planFenceBroker(image, brokerId, 'controlled-shutdown', uncleanDefault),
      isCaughtUp,
    }
  }
  if (!broker.fenced || !isCaughtUp) return { records: [], isCaughtUp }
  const eligible = (id: number) => id === brokerId || image.isUnfenced(id)
  return {
    records: [
      { type: 'broker-unfenced', brokerId, brokerEpoch },
      ...planOfflineElections(image, eligible, uncleanDefault, 'broker-unfenced'),
    ],
    isCaughtUp,
  }
}

/** Fences a broker (e.g. after broker.session.timeout.ms); nothing if it is already fenced. */
export function planFenceBroker(
  image: MetadataImage,
  brokerId: number,
  reason: string,
  uncleanDefault: boolean,
): MetadataRecord[] {
  const broker = image.broker(brokerId)
  if (!broker || broker.fenced) return []
  return [
    { type: 'broker-fenced', brokerId, brokerEpoch: broker.brokerEpoch, reason },
    ...planBrokerRemoval(image, brokerId, reason, uncleanDefault),
  ]
}

/** Whether `brokerId` leads any partition. */
export function leadsAnyPartition(image: MetadataImage, brokerId: number): boolean {
  for (const p of image.partitions()) if (p.leader === brokerId) return true
  return false
}
