import { type Admin, ConfigResourceTypes, SamsaError, type TopicMetadata } from '@samsa/client'
import { type Command, Option } from 'commander'
import { type AdminFlags, withAdmin } from '../admin-session.js'
import type { CliIo } from '../io.js'
import {
  bootstrapOption,
  collect,
  collectKeyValue,
  outputOption,
  parseInteger,
} from '../options.js'
import { formatTable, toJson } from '../output.js'

interface CreateFlags extends AdminFlags {
  topic: string
  partitions?: number
  replicationFactor?: number
  config?: Record<string, string>
  validateOnly?: boolean
}

interface TopicsFlags extends AdminFlags {
  topic?: string[]
}

interface AlterFlags extends AdminFlags {
  topic: string
  partitions?: number
  config?: Record<string, string>
  deleteConfig?: string[]
}

function adminCommand(parent: Command, name: string, description: string): Command {
  return parent
    .command(name)
    .description(description)
    .addOption(bootstrapOption())
    .addOption(outputOption())
}

/** `samsa topics create|list|describe|delete|alter` */
export function addTopicCommands(program: Command, io: CliIo): void {
  const out = (line: string) => io.stdout.write(`${line}\n`)
  const topics = program.command('topics').description('create, inspect and change topics')

  adminCommand(topics, 'create', 'create a topic')
    .requiredOption('--topic <name>', 'topic name')
    .addOption(
      new Option('--partitions <n>', 'partition count (default: num.partitions)').argParser(
        parseInteger,
      ),
    )
    .addOption(
      new Option(
        '--replication-factor <n>',
        'replicas per partition (default: default.replication.factor)',
      ).argParser(parseInteger),
    )
    .addOption(
      new Option('--config <key=value>', 'topic config override (repeatable)').argParser(
        collectKeyValue,
      ),
    )
    .option('--validate-only', 'check the request without creating anything')
    .action(async (flags: CreateFlags) => {
      const configs = flags.config ?? {}
      const created = await withAdmin(flags, io.env, (admin) =>
        admin.createTopics({
          validateOnly: flags.validateOnly ?? false,
          topics: [
            {
              topic: flags.topic,
              ...(flags.partitions === undefined ? {} : { numPartitions: flags.partitions }),
              ...(flags.replicationFactor === undefined
                ? {}
                : { replicationFactor: flags.replicationFactor }),
              configEntries: Object.entries(configs).map(([name, value]) => ({ name, value })),
            },
          ],
        }),
      )
      // KafkaJS's contract: false means the topic already existed.
      if (!created) {
        throw new SamsaError('TOPIC_ALREADY_EXISTS', `Topic ${flags.topic} already exists`)
      }
      const validateOnly = flags.validateOnly ?? false
      if (flags.output === 'json') {
        out(toJson({ topic: flags.topic, created: !validateOnly, validateOnly }))
      } else {
        out(
          validateOnly ? `Topic ${flags.topic} would be created.` : `Created topic ${flags.topic}.`,
        )
      }
    })

  adminCommand(topics, 'list', 'list topic names').action(async (flags: AdminFlags) => {
    const names = await withAdmin(flags, io.env, (admin) => admin.listTopics())
    if (flags.output === 'json') out(toJson(names))
    else for (const name of names) out(name)
  })

  adminCommand(
    topics,
    'describe',
    'partitions, leaders, replicas and ISRs (json: one object per topic per line)',
  )
    .addOption(
      new Option(
        '--topic <name>',
        'topic to describe (repeatable; default: every topic)',
      ).argParser(collect),
    )
    .action(async (flags: TopicsFlags) => {
      const described = await withAdmin(flags, io.env, async (admin) => {
        const { topics: found } = await admin.fetchTopicMetadata(
          flags.topic === undefined ? {} : { topics: flags.topic },
        )
        return Promise.all(
          found.map(async (topic) => ({ topic, offsets: await offsetsOf(admin, topic) })),
        )
      })
      for (const { topic, offsets } of described) {
        if (flags.output === 'json') out(toJson(topicJson(topic, offsets)))
        else out(topicTable(topic, offsets))
      }
    })

  adminCommand(topics, 'delete', 'delete a topic and its data')
    .requiredOption('--topic <name>', 'topic to delete (repeatable)', collect)
    .action(async (flags: AdminFlags & { topic: string[] }) => {
      await withAdmin(flags, io.env, (admin) => admin.deleteTopics({ topics: flags.topic }))
      for (const topic of flags.topic) {
        if (flags.output === 'json') out(toJson({ topic, deleted: true }))
        else out(`Deleted topic ${topic}.`)
      }
    })

  adminCommand(topics, 'alter', 'add partitions or change topic configs')
    .requiredOption('--topic <name>', 'topic to change')
    .addOption(
      new Option('--partitions <n>', 'new total partition count (only grows)').argParser(
        parseInteger,
      ),
    )
    .addOption(
      new Option('--config <key=value>', 'set a topic config override (repeatable)').argParser(
        collectKeyValue,
      ),
    )
    .addOption(
      new Option(
        '--delete-config <key>',
        'remove an override; the key takes the broker default (repeatable)',
      ).argParser(collect),
    )
    .action(async (flags: AlterFlags) => {
      const set = flags.config ?? {}
      const removed = flags.deleteConfig ?? []
      const configEntries = [
        ...Object.entries(set).map(([name, value]) => ({ name, value })),
        ...removed.map((name) => ({ name, value: null })),
      ]
      if (flags.partitions === undefined && configEntries.length === 0) {
        throw new SamsaError(
          'INVALID_REQUEST',
          'nothing to alter: give --partitions, --config or --delete-config',
        )
      }
      await withAdmin(flags, io.env, async (admin) => {
        if (flags.partitions !== undefined) {
          await admin.createPartitions({
            topicPartitions: [{ topic: flags.topic, count: flags.partitions }],
          })
        }
        if (configEntries.length > 0) {
          await admin.alterConfigs({
            resources: [{ type: ConfigResourceTypes.TOPIC, name: flags.topic, configEntries }],
          })
        }
      })
      if (flags.output === 'json') {
        out(
          toJson({
            topic: flags.topic,
            ...(flags.partitions === undefined ? {} : { partitions: flags.partitions }),
            configs: set,
            deletedConfigs: removed,
          }),
        )
      } else {
        const changes = [
          ...(flags.partitions === undefined ? [] : [`partitions=${flags.partitions}`]),
          ...Object.entries(set).map(([k, v]) => `${k}=${v}`),
          ...removed.map((k) => `${k} (deleted)`),
        ]
        out(`Altered topic ${flags.topic}: ${changes.join(', ')}.`)
      }
    })
}

/** Each partition's high watermark and log start offset, by partition id. */
type TopicOffsets = Map<number, { high: bigint; low: bigint }>

/**
 * The topic's offsets from its partitions' leaders, or none when they cannot be had: describe
 * still shows leaders and ISRs then. A topic with a leaderless partition is not asked at all,
 * since the client would retry LEADER_NOT_AVAILABLE for seconds first.
 */
async function offsetsOf(admin: Admin, topic: TopicMetadata): Promise<TopicOffsets | undefined> {
  if (topic.partitions.some((p) => p.leader < 0)) return undefined
  try {
    const offsets = await admin.fetchTopicOffsets(topic.name)
    return new Map(offsets.map((o) => [o.partition, { high: o.high, low: o.low }]))
  } catch {
    return undefined
  }
}

/**
 * The JSON form of a described topic. Per partition: partition, leader, replicas, isr,
 * leaderEpoch, highWatermark and logStartOffset (DESIGN.md §6; the offsets are null when the
 * partition's leader could not answer).
 */
export function topicJson(topic: TopicMetadata, offsets?: TopicOffsets): Record<string, unknown> {
  return {
    topic: topic.name,
    topicId: topic.topicId,
    configs: topic.configs,
    partitions: topic.partitions.map((p) => ({
      topic: topic.name,
      partition: p.partitionId,
      leader: p.leader,
      replicas: p.replicas,
      isr: p.isr,
      leaderEpoch: p.leaderEpoch,
      highWatermark: offsets?.get(p.partitionId)?.high ?? null,
      logStartOffset: offsets?.get(p.partitionId)?.low ?? null,
      offlineReplicas: p.offlineReplicas,
    })),
  }
}

function topicTable(topic: TopicMetadata, offsets?: TopicOffsets): string {
  const configs = Object.entries(topic.configs)
    .map(([k, v]) => `${k}=${v}`)
    .join(',')
  const header = [
    `Topic: ${topic.name}`,
    `TopicId: ${topic.topicId}`,
    `PartitionCount: ${topic.partitions.length}`,
    `ReplicationFactor: ${topic.partitions[0]?.replicas.length ?? 0}`,
    `Configs: ${configs || '-'}`,
  ].join('\t')
  const table = formatTable(
    ['PARTITION', 'LEADER', 'REPLICAS', 'ISR', 'LEADER EPOCH', 'HW', 'START', 'OFFLINE'],
    topic.partitions.map((p) => [
      p.partitionId,
      p.leader < 0 ? 'none' : p.leader,
      p.replicas,
      p.isr,
      p.leaderEpoch,
      offsets?.get(p.partitionId)?.high ?? '-',
      offsets?.get(p.partitionId)?.low ?? '-',
      p.offlineReplicas,
    ]),
  )
  return `${header}\n${table}\n`
}
