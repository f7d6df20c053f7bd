import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'
import {
  type Acks,
  createDefaultPartitioner,
  type Message,
  type RecordMetadata,
  SamsaError,
} from '@samsa/client'
import { type Command, Option } from 'commander'
import { type AdminFlags, cliClient } from '../admin-session.js'
import type { CliIo } from '../io.js'
import { bootstrapOption, collectKeyValue, outputOption, parseInteger } from '../options.js'
import { toJson } from '../output.js'

interface ProduceFlags extends AdminFlags {
  topic: string
  keySeparator?: string
  acks: string
  partition?: number
  header?: Record<string, string>
  compression: 'none' | 'gzip'
  batchSize?: number
  lingerMs?: number
}

/** Lines per send(); sends in flight at most (stdin is read no faster than they complete). */
const LINES_PER_SEND = 500
const SENDS_IN_FLIGHT = 32

export function parseAcks(value: string): Acks {
  if (value === 'all' || value === '-1') return -1
  if (value === '1') return 1
  if (value === '0') return 0
  throw new SamsaError('INVALID_REQUIRED_ACKS', `--acks must be all, -1, 1 or 0, not "${value}"`)
}

/** One stdin line as a record: all value, or key<separator>value split at the first separator. */
export function lineToMessage(
  line: string,
  lineNumber: number,
  keySeparator: string | undefined,
): Message {
  if (keySeparator === undefined) return { value: line }
  const at = line.indexOf(keySeparator)
  if (at < 0) {
    throw new SamsaError(
      'INVALID_REQUEST',
      `line ${lineNumber} has no key separator ${JSON.stringify(keySeparator)}`,
    )
  }
  return { key: line.slice(0, at), value: line.slice(at + keySeparator.length) }
}

/** Per partition: how many records were acknowledged, and the offsets they span. */
interface PartitionSummary {
  partition: number
  records: number
  firstOffset: bigint | null
  lastOffset: bigint | null
}

/**
 * `samsa produce`: each stdin line is a record value (or `key<sep>value` with
 * `--key-separator`). Prints nothing on success; with `--output json`, one summary object once
 * every record is acknowledged: `{ topic, records, partitions: [{ partition, records,
 * firstOffset, lastOffset }] }` (offsets null with acks 0, which gets none back).
 */
export function addProduceCommand(program: Command, io: CliIo): void {
  program
    .command('produce')
    .description('write stdin lines to a topic, one record per line')
    .addOption(bootstrapOption())
    .addOption(outputOption())
    .requiredOption('--topic <name>', 'topic to write to')
    .option('--key-separator <sep>', 'split each line into key<sep>value at the first <sep>')
    .addOption(
      new Option('--acks <acks>', 'acknowledgements to wait for: all (= -1), 1 or 0')
        .choices(['all', '-1', '1', '0'])
        .default('all'),
    )
    .addOption(
      new Option('--partition <n>', 'write every record to this partition').argParser(parseInteger),
    )
    .addOption(
      new Option('--header <key=value>', 'a header on every record (repeatable)').argParser(
        collectKeyValue,
      ),
    )
    .addOption(
      new Option('--compression <type>', 'batch compression')
        .choices(['none', 'gzip'])
        .default('none'),
    )
    .addOption(new Option('--batch-size <bytes>', 'batch.size').argParser(parseInteger))
    .addOption(new Option('--linger-ms <ms>', 'linger.ms').argParser(parseInteger))
    .action(async (flags: ProduceFlags) => {
      const summary = await produceLines(flags, io)
      if (flags.output === 'json') io.stdout.write(`${toJson(summary)}\n`)
    })
}

async function produceLines(flags: ProduceFlags, io: CliIo) {
  // The default partitioner, noting where each record went so the summary can count them.
  const chosen = new WeakMap<Message, number>()
  const producer = cliClient(flags, io.env).producer({
    acks: parseAcks(flags.acks),
    compression: flags.compression,
    ...(flags.batchSize === undefined ? {} : { batchSize: flags.batchSize }),
    ...(flags.lingerMs === undefined ? {} : { lingerMs: flags.lingerMs }),
    partitioner: () => {
      const partition = createDefaultPartitioner()
      return (args) => {
        const p = partition(args)
        chosen.set(args.message, p)
        return p
      }
    },
  })
  const partitions = new Map<number, PartitionSummary>()
  let records = 0
  const noted = (messages: readonly Message[], result: readonly RecordMetadata[]) => {
    const counts = new Map<number, number>()
    for (const m of messages) {
      const p = m.partition ?? chosen.get(m) ?? -1
      counts.set(p, (counts.get(p) ?? 0) + 1)
    }
    for (const r of result) {
      const count = counts.get(r.partition) ?? 0
      const s = partitions.get(r.partition) ?? {
        partition: r.partition,
        records: 0,
        firstOffset: null,
        lastOffset: null,
      }
      s.records += count
      if (r.baseOffset >= 0n) {
        const last = r.baseOffset + BigInt(count) - 1n
        if (s.firstOffset === null || r.baseOffset < s.firstOffset) s.firstOffset = r.baseOffset
        if (s.lastOffset === null || last > s.lastOffset) s.lastOffset = last
      }
      partitions.set(r.partition, s)
      records += count
    }
  }

  const pending = new Set<Promise<void>>()
  let failure: unknown
  const send = (messages: Message[]) => {
    const sent = producer.send({ topic: flags.topic, messages }).then(
      (result) => noted(messages, result),
      (err: unknown) => {
        failure ??= err
      },
    )
    pending.add(sent)
    void sent.finally(() => pending.delete(sent))
  }

  const headers = flags.header
  try {
    await producer.connect()
    const lines = createInterface({ input: Readable.from(io.stdin), crlfDelay: Infinity })
    let batch: Message[] = []
    let lineNumber = 0
    for await (const line of lines) {
      lineNumber++
      const message = lineToMessage(line, lineNumber, flags.keySeparator)
      if (flags.partition !== undefined) message.partition = flags.partition
      if (headers !== undefined) message.headers = { ...headers }
      batch.push(message)
      if (batch.length >= LINES_PER_SEND) {
        send(batch)
        batch = []
        while (pending.size >= SENDS_IN_FLIGHT) await Promise.race(pending)
      }
      if (failure !== undefined) break
    }
    if (batch.length > 0 && failure === undefined) send(batch)
    await Promise.all(pending)
  } finally {
    await producer.disconnect()
  }
  if (failure !== undefined) throw failure
  return {
    topic: flags.topic,
    records,
    partitions: [...partitions.values()].sort((a, b) => a.partition - b.partition),
  }
}
