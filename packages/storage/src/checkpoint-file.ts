import fs from 'node:fs'
import { CorruptCheckpointError } from './errors.js'
import { writeFileAtomic } from './file-io.js'

/** How one entry of a checkpoint file is written as a line and parsed back. */
export interface CheckpointFormatter<T> {
  toLine(entry: T): string
  /** Returns undefined for a malformed line. */
  fromLine(line: string): T | undefined
}

/**
 * A checkpoint file in Kafka's text layout (`CheckpointFile`): a version line, a count line,
 * then one entry per line.
 *
 * ```
 * 0
 * 2
 * orders 0 1200
 * orders 1 877
 * ```
 *
 * Writes are atomic (temp file, fsync, rename, fsync the directory), so a reader sees the old
 * or the new contents, never a mix.
 */
export class CheckpointFile<T> {
  /**
   * @param path the file
   * @param version the expected version line (Kafka uses 0 for all the files storage writes)
   */
  constructor(
    readonly path: string,
    private readonly formatter: CheckpointFormatter<T>,
    readonly version = 0,
  ) {}

  /** Atomically replaces the file with `entries`. */
  write(entries: Iterable<T>): void {
    const lines: string[] = []
    for (const entry of entries) lines.push(this.formatter.toLine(entry))
    writeFileAtomic(
      this.path,
      `${this.version}\n${lines.length}\n${lines.join('\n')}${lines.length ? '\n' : ''}`,
    )
  }

  /**
   * Reads the entries; a missing file reads as no entries. A malformed file throws
   * {@link CorruptCheckpointError} (KAFKA_STORAGE_ERROR) naming the file and line.
   */
  read(): T[] {
    let text: string
    try {
      text = fs.readFileSync(this.path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw err
    }
    const lines = text.split('\n')
    if (lines.at(-1) === '') lines.pop()
    const fail = (line: number, why: string): never => {
      throw new CorruptCheckpointError(
        `malformed checkpoint file ${this.path} (line ${line}): ${why}`,
      )
    }
    if (lines.length < 2) fail(1, 'missing version or count line')
    if (lines[0] !== String(this.version)) fail(1, `unsupported version '${lines[0]}'`)
    const count = parseCount(lines[1]!)
    if (count === undefined) fail(2, `bad count '${lines[1]}'`)
    if (lines.length - 2 !== count) fail(2, `count ${count} but ${lines.length - 2} entries`)
    const entries: T[] = []
    for (let i = 2; i < lines.length; i++) {
      const entry = this.formatter.fromLine(lines[i]!)
      if (entry === undefined) fail(i + 1, `bad entry '${lines[i]}'`)
      entries.push(entry as T)
    }
    return entries
  }
}

function parseCount(s: string): number | undefined {
  return /^\d+$/.test(s) ? Number(s) : undefined
}

/** Parses a decimal (optionally negative) safe integer, or returns undefined. */
export function parseSafeInt(s: string | undefined): number | undefined {
  if (s === undefined || !/^-?\d+$/.test(s)) return undefined
  const n = Number(s)
  return Number.isSafeInteger(n) ? n : undefined
}

/** An entry of `recovery-point-offset-checkpoint` / `log-start-offset-checkpoint`. */
export interface TopicPartitionOffset {
  topic: string
  partition: number
  offset: number
}

/** Kafka's `topic partition offset` line format. */
export const topicPartitionOffsetFormatter: CheckpointFormatter<TopicPartitionOffset> = {
  toLine: (e) => `${e.topic} ${e.partition} ${e.offset}`,
  fromLine(line) {
    const parts = line.split(' ')
    if (parts.length !== 3 || parts[0] === '') return undefined
    const partition = parseSafeInt(parts[1])
    const offset = parseSafeInt(parts[2])
    if (partition === undefined || partition < 0 || offset === undefined) return undefined
    return { topic: parts[0]!, partition, offset }
  },
}
