import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import {
  type CommandContext,
  Controller,
  type ControllerOptions,
  commandContext,
  DEFAULT_CONTROLLER_DEFAULTS,
  MetadataImage,
  type MetadataRecord,
} from '../src/index.js'

/** A temp dir removed when the test ends. */
export function tempDir(t: TestContext, prefix = 'samsa-controller-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Deterministic planning: topic ids t1, t2, ... and placement starting at broker index 0. */
export function fixedContext(overrides: Partial<CommandContext['defaults']> = {}): CommandContext {
  let next = 0
  return commandContext({
    defaults: { ...DEFAULT_CONTROLLER_DEFAULTS, ...overrides },
    newTopicId: () => `t${++next}`,
    random: () => 0,
  })
}

export function applyAll(image: MetadataImage, records: readonly MetadataRecord[]): MetadataImage {
  for (const record of records) image.apply(record)
  return image
}

/** Registered, unfenced brokers (optionally with racks). */
export function imageWithBrokers(ids: readonly number[], racks?: readonly string[]): MetadataImage {
  const image = new MetadataImage()
  ids.forEach((brokerId, i) => {
    const brokerEpoch = image.version + 1
    image.apply({
      type: 'broker-registered',
      brokerId,
      brokerEpoch,
      incarnationId: `inc-${brokerId}`,
      endpoint: { host: '127.0.0.1', port: 9090 + brokerId, httpPort: 0 },
      rack: racks?.[i] ?? null,
    })
    image.apply({ type: 'broker-unfenced', brokerId, brokerEpoch })
  })
  return image
}

export function leaderCounts(image: MetadataImage, topic: string): Map<number, number> {
  const counts = new Map<number, number>()
  for (const p of image.topic(topic)!.partitions)
    counts.set(p.leader, (counts.get(p.leader) ?? 0) + 1)
  return counts
}

/** broker.session.timeout.ms of the controllers {@link startController} opens. */
export const SESSION_MS = 9_000

/**
 * A controller in a temp dir (closed when the test ends) with a hand-driven clock, topic ids
 * topic-1, topic-2, ... and session checks only when the test asks for them (unless `options`
 * says otherwise).
 */
export async function startController(
  t: TestContext,
  dir = tempDir(t),
  options: Partial<ControllerOptions> = {},
) {
  const clock = { now: 1_000_000 }
  let ids = 0
  const controller = await Controller.open({
    dir,
    brokerSessionTimeoutMs: SESSION_MS,
    sessionCheckIntervalMs: 0,
    clock: () => clock.now,
    context: { newTopicId: () => `topic-${++ids}`, random: () => 0 },
    ...options,
  })
  t.after(() => controller.close())
  return { controller, clock, dir }
}

/** Registers brokers and heartbeats them until unfenced; returns their epochs. */
export async function joinBrokers(
  controller: Controller,
  ids: readonly number[],
  racks: readonly string[] = [],
): Promise<Map<number, number>> {
  const epochs = new Map<number, number>()
  for (const [i, brokerId] of ids.entries()) {
    const { brokerEpoch } = await controller.registerBroker({
      brokerId,
      incarnationId: `inc-${brokerId}`,
      endpoint: { host: '127.0.0.1', port: 9090 + brokerId, httpPort: 9190 + brokerId },
      rack: racks[i] ?? null,
    })
    epochs.set(brokerId, brokerEpoch)
  }
  for (const brokerId of ids) {
    const hb = await controller.brokerHeartbeat({
      brokerId,
      brokerEpoch: epochs.get(brokerId)!,
      wantShutDown: false,
      currentMetadataVersion: controller.version,
    })
    assert.equal(hb.isFenced, false)
  }
  return epochs
}
