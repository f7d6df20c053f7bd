import { startBroker } from '@samsa/broker'
import { startController } from '@samsa/controller'
import { InvalidConfigError, loadServerConfig, type ServerConfig } from '@samsa/protocol'
import { type Command, Option } from 'commander'
import type { CliIo } from '../io.js'
import { createServerLogger, type Logger } from '../logger.js'
import { collectKeyValue } from '../options.js'
import { controllerOptions } from '../server-options.js'

interface ServerFlags {
  config?: string
  set?: Record<string, string>
}

/** A started server, as the shutdown logic needs it. */
interface Running {
  readonly description: Record<string, unknown>
  close(): Promise<void>
}

/** `samsa controller` and `samsa broker`: start the server, then close it on SIGTERM/SIGINT. */
export function addServerCommands(program: Command, io: CliIo): void {
  serverCommand(program, 'controller', 'run the controller (cluster metadata, elections)').action(
    (flags: ServerFlags) =>
      serve(io, flags, 'controller', async (config, logger) => {
        const running = await startController({
          ...controllerOptions(config),
          logger: logger.child({ component: 'controller' }),
        })
        return { description: { address: running.address }, close: () => running.close() }
      }),
  )
  serverCommand(program, 'broker', 'run a broker (partitions, replication, client API)').action(
    (flags: ServerFlags) =>
      serve(io, flags, 'broker', async (config, logger) => {
        const running = await startBroker(config, { logger })
        return {
          description: {
            brokerId: running.brokerId,
            address: running.address,
            httpPort: running.httpPort,
          },
          close: () => running.close(),
        }
      }),
  )
}

function serverCommand(program: Command, name: string, description: string): Command {
  return program
    .command(name)
    .description(description)
    .addOption(new Option('--config <file>', 'YAML config file (Kafka key names)'))
    .addOption(
      new Option(
        '--set <key=value>',
        'override a config key (repeatable; wins over the file and SAMSA_* variables)',
      ).argParser(collectKeyValue),
    )
}

/**
 * Loads the config (file, then SAMSA_* env, then --set), starts the server and waits for a
 * shutdown signal; then closes it gracefully and resolves. A second signal while closing gives
 * up on the graceful path and rejects.
 */
async function serve(
  io: CliIo,
  flags: ServerFlags,
  role: 'controller' | 'broker',
  start: (config: ServerConfig, logger: Logger) => Promise<Running>,
): Promise<void> {
  const config = loadServerConfig({
    ...(flags.config === undefined ? {} : { file: flags.config }),
    env: io.env,
    overrides: flags.set ?? {},
  })
  // The broker's components add their own `brokerId` to every line.
  const logger = createServerLogger(io.stdout, config['logger.level'], { role })
  let signalled: (signal: NodeJS.Signals) => void = () => {}
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    signalled = resolve
  })
  // Listen before starting, so a SIGTERM during start-up is not lost (nor fatal).
  const stopListening = io.onShutdownSignal((s) => signalled(s))
  try {
    let running: Running
    try {
      running = await start(config, logger)
    } catch (err) {
      // A bad config is the operator's to fix from the message alone: no stack trace.
      if (err instanceof InvalidConfigError) logger.fatal({ error: err.message }, 'invalid config')
      else logger.fatal({ err }, `${role} failed to start`)
      throw err
    }
    logger.info(running.description, `${role} started`)
    const received = await signal
    logger.info({ signal: received }, `${role} shutting down`)
    const forced = new Promise<never>((_, reject) => {
      signalled = (again) =>
        reject(new Error(`${role} received ${again} again while shutting down; exiting now`))
    })
    await Promise.race([running.close(), forced])
  } finally {
    stopListening()
  }
}
