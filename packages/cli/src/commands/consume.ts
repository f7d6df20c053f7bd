import { type KafkaMessage, type MessageHeaders, type OffsetInput, SamsaError } from '@samsa/client'
import { type Command, InvalidArgumentError, Option } from 'commander'
import { type AdminFlags, cliClient } from '../admin-session.js'
import type { CliIo } from '../io.js'
import { bootstrapOption, outputOption, parseInteger } from '../options.js'
import { toJson } from '../output.js'

interface ConsumeFlags extends AdminFlags {
  topic: string
  fromBeginning?: boolean
  group?: string
  partition?: number
  offset?: bigint
  maxMessages?: number
  timeoutMs?: number
}

/** `--offset`: a number, `earliest` (-2) or `latest` (-1), as Kafka's console consumer takes. */
export function parseOffset(value: string): bigint {
  const v = value.trim()
  if (v === 'earliest') return -2n
  if (v === 'latest') return -1n
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('expected an offset, earliest or latest')
  return BigInt(v)
}

function text(data: Buffer | null): string | null {
  return data === null ? null : data.toString('utf8')
}

function headersText(headers: MessageHeaders): Record<string, string | null | (string | null)[]> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.map(text) : text(v)]),
  )
}

/**
 * The JSON line of one consumed record (DESIGN.md §6): partition, offset (an exact JSON number),
 * key, value, timestamp and headers, with bytes as UTF-8 text and null kept as null.
 */
export function messageJson(topic: string, partition: number, message: KafkaMessage) {
  return {
    topic,
    partition,
    offset: message.offset,
    key: text(message.key),
    value: text(message.value),
    timestamp: message.timestamp,
    headers: headersText(message.headers),
  }
}

/**
 * `samsa consume`: prints each record's value (`null` for none), or with `--output json` one
 * object per line (see messageJson). Reads every partition of the topic, or just `--partition`
 * (from `--offset` when given); from the high watermark unless `--from-beginning`. Runs until
 * `--max-messages` were printed, `--timeout-ms` passed without a new record, or SIGINT/SIGTERM.
 */
export function addConsumeCommand(program: Command, io: CliIo): void {
  program
    .command('consume')
    .description('print the records of a topic')
    .addOption(bootstrapOption())
    .addOption(outputOption())
    .requiredOption('--topic <name>', 'topic to read')
    .option('--from-beginning', 'start at the log start instead of the high watermark')
    .option('--group <id>', 'consumer group (arrives with consumer groups)')
    .addOption(new Option('--partition <n>', 'read only this partition').argParser(parseInteger))
    .addOption(
      new Option(
        '--offset <offset>',
        'start offset in --partition: a number, earliest or latest',
      ).argParser(parseOffset),
    )
    .addOption(
      new Option('--max-messages <n>', 'exit after printing this many records').argParser(
        parseInteger,
      ),
    )
    .addOption(
      new Option('--timeout-ms <ms>', 'exit after this long without a new record').argParser(
        parseInteger,
      ),
    )
    .action((flags: ConsumeFlags) => consume(flags, io))
}

async function consume(flags: ConsumeFlags, io: CliIo): Promise<void> {
  if (flags.offset !== undefined && flags.partition === undefined) {
    throw new SamsaError('INVALID_REQUEST', '--offset needs --partition')
  }
  if (flags.maxMessages !== undefined && flags.maxMessages < 1) {
    throw new SamsaError('INVALID_REQUEST', '--max-messages must be at least 1')
  }
  const samsa = cliClient(flags, io.env)
  // A group is refused by the SDK with UNSUPPORTED_VERSION until consumer groups arrive.
  const consumer = samsa.consumer(flags.group === undefined ? {} : { groupId: flags.group })
  let idle: NodeJS.Timeout | undefined
  let stopListening: (() => void) | undefined
  try {
    await consumer.connect()
    const fromBeginning = flags.fromBeginning ?? false
    if (flags.partition === undefined) {
      await consumer.subscribe({ topics: [flags.topic], fromBeginning })
    } else {
      const offset: OffsetInput | undefined = flags.offset
      await consumer.assign(
        [
          {
            topic: flags.topic,
            partition: flags.partition,
            ...(offset === undefined ? {} : { offset }),
          },
        ],
        { fromBeginning },
      )
    }
    let finish!: (error?: Error) => void
    const finished = new Promise<void>((resolve, reject) => {
      finish = (error) => (error === undefined ? resolve() : reject(error))
    })
    const arm = () => {
      if (flags.timeoutMs === undefined) return
      clearTimeout(idle)
      idle = setTimeout(() => finish(), flags.timeoutMs)
    }
    stopListening = io.onShutdownSignal(() => finish())
    consumer.on(consumer.events.CRASH, (event) => finish(event.payload.error))
    let printed = 0
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        if (flags.maxMessages !== undefined && printed >= flags.maxMessages) return
        io.stdout.write(
          flags.output === 'json'
            ? `${toJson(messageJson(topic, partition, message))}\n`
            : `${text(message.value) ?? 'null'}\n`,
        )
        printed++
        if (flags.maxMessages !== undefined && printed >= flags.maxMessages) finish()
        else arm()
      },
    })
    arm()
    await finished
  } finally {
    clearTimeout(idle)
    stopListening?.()
    await consumer.disconnect()
  }
}
