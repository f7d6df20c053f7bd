import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import {
  type CommandContext,
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
