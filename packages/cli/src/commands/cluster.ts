import type { Command } from 'commander'
import { type AdminFlags, withAdmin } from '../admin-session.js'
import type { CliIo } from '../io.js'
import { bootstrapOption, outputOption } from '../options.js'
import { formatTable, toJson } from '../output.js'

/** `samsa cluster describe`: the controller's view of every registered broker. */
export function addClusterCommands(program: Command, io: CliIo): void {
  const cluster = program.command('cluster').description('inspect the cluster')
  cluster
    .command('describe')
    .description('cluster id, controller and every registered broker (fenced ones too)')
    .addOption(bootstrapOption())
    .addOption(outputOption())
    .action(async (flags: AdminFlags) => {
      const described = await withAdmin(flags, io.env, (admin) => admin.describeCluster())
      if (flags.output === 'json') {
        io.stdout.write(
          `${toJson({
            clusterId: described.clusterId,
            controllerId: described.controller ?? -1,
            metadataVersion: described.metadataVersion,
            brokers: described.brokers.map((b) => ({
              brokerId: b.nodeId,
              host: b.host,
              port: b.port,
              httpPort: b.httpPort,
              rack: b.rack,
              fenced: b.fenced,
              brokerEpoch: b.brokerEpoch,
              incarnationId: b.incarnationId,
            })),
          })}\n`,
        )
        return
      }
      io.stdout.write(
        `ClusterId: ${described.clusterId}\tController: ${described.controller ?? 'none'}\tMetadataVersion: ${described.metadataVersion}\n`,
      )
      io.stdout.write(
        `${formatTable(
          ['BROKER', 'HOST', 'PORT', 'HTTP', 'RACK', 'STATE', 'EPOCH', 'INCARNATION'],
          described.brokers.map((b) => [
            b.nodeId,
            b.host,
            b.port,
            b.httpPort || '',
            b.rack,
            b.fenced ? 'fenced' : 'unfenced',
            b.brokerEpoch,
            b.incarnationId,
          ]),
        )}\n`,
      )
    })
}
