import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Logger } from '@samsa/protocol'
import { buildRecordBatch, decodeRecordBatches } from '@samsa/protocol'
import { Log, type LogConfig, type LogOptions, type Time } from '../src/index.js'

/** A fresh temp directory, removed when the test (or suite) ends. */
export function tempDir(t: { after(fn: () => void): void }, prefix = 'samsa-storage-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A clock the test moves by hand. */
export class ManualTime implements Time {
  constructor(public ms = 1_000_000) {}
  now(): number {
    return this.ms
  }
  advance(ms: number): void {
    this.ms += ms
  }
}

export interface BatchSpec {
  /** Number of records (default 1). */
  records?: number
  /** Bytes per value (default 10). */
  valueSize?: number
  /** Timestamp of every record (default 1000). */
  timestamp?: number
  baseOffset?: number
  partitionLeaderEpoch?: number
  /** A tag written into each value so reads can be checked. */
  tag?: string
}

/** One RecordBatch v2 with `records` records (values `<tag>-<i>` padded to valueSize). */
export function batch(spec: BatchSpec = {}): Buffer {
  const n = spec.records ?? 1
  const size = spec.valueSize ?? 10
  const tag = spec.tag ?? 'v'
  const records = Array.from({ length: n }, (_, i) => ({
    key: `k${i}`,
    value: `${tag}-${i}`.padEnd(size, '.'),
    timestamp: spec.timestamp ?? 1000,
  }))
  return buildRecordBatch(records, {
    baseOffset: spec.baseOffset ?? 0,
    partitionLeaderEpoch: spec.partitionLeaderEpoch ?? -1,
    now: spec.timestamp ?? 1000,
  })
}

/** (baseOffset, lastOffset, first value) of every batch in a read result. */
export function describeBatches(
  buf: Buffer,
): Array<{ base: number; last: number; values: string[] }> {
  return decodeRecordBatches(buf).map((b) => ({
    base: b.header.baseOffset,
    last: b.header.baseOffset + b.header.lastOffsetDelta,
    values: b.records.map((r) => r.value?.toString() ?? ''),
  }))
}

/** Every offset of every record in a read result. */
export function offsetsIn(buf: Buffer): number[] {
  return decodeRecordBatches(buf).flatMap((b) => b.records.map((r) => Number(r.offset)))
}

/** A logger that remembers entries, to assert on what start-up repaired. */
export class MemoryLogger implements Logger {
  readonly entries: Array<{ level: string; obj: object; msg?: string }> = []
  error(obj: object, msg?: string): void {
    this.entries.push({ level: 'error', obj, msg })
  }
  warn(obj: object, msg?: string): void {
    this.entries.push({ level: 'warn', obj, msg })
  }
  info(obj: object, msg?: string): void {
    this.entries.push({ level: 'info', obj, msg })
  }
  debug(obj: object, msg?: string): void {
    this.entries.push({ level: 'debug', obj, msg })
  }
  messages(level: string): string[] {
    return this.entries.filter((e) => e.level === level).map((e) => e.msg ?? '')
  }
}

/** Sorted names of the files in a directory. */
export function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort()
}

/**
 * A temp directory plus the logs opened in it; one `after` hook closes the logs still open, then
 * removes the directory.
 */
export function fixture(t: { after(fn: () => Promise<void> | void): void }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samsa-log-'))
  const logs: Log[] = []
  t.after(async () => {
    for (const log of logs) if (!log.isClosed) await log.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  return {
    dir,
    async open(config: Partial<LogConfig> = {}, options: LogOptions = {}): Promise<Log> {
      const log = await Log.open(dir, config, options)
      logs.push(log)
      return log
    },
  }
}

/** `<20-digit base>.log` of a log dir. */
export function segmentPath(dir: string, baseOffset: number, suffix = '.log'): string {
  return path.join(dir, `${String(baseOffset).padStart(20, '0')}${suffix}`)
}
