import { readFileSync } from 'node:fs'
import { Command, CommanderError } from 'commander'
import { addClusterCommands } from './commands/cluster.js'
import { addConsumeCommand } from './commands/consume.js'
import { addProduceCommand } from './commands/produce.js'
import { addServerCommands } from './commands/servers.js'
import { addTopicCommands } from './commands/topics.js'
import { formatError } from './errors.js'
import { type CliIo, processIo } from './io.js'

function version(): string {
  // src/ and dist/ both sit one level below the package root.
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return pkg.version
}

/**
 * The `samsa` command tree (DESIGN.md §6). `groups` and `perf` join it with the consumer-group
 * and performance work.
 */
export function createProgram(io: CliIo): Command {
  const program = new Command('samsa')
    .description('Samsa: a Kafka-style replicated commit log')
    .version(version())
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run with --help for usage)')
  addServerCommands(program, io)
  addClusterCommands(program, io)
  addTopicCommands(program, io)
  addProduceCommand(program, io)
  addConsumeCommand(program, io)
  return program
}

/**
 * Runs the CLI on `argv` (process.argv form: node, script, args...) and resolves with the exit
 * code: 0 on success, 1 on failure with one `error: <CODE_NAME>: message` line on stderr
 * (usage errors are reported by commander in its own words).
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = createProgram(io)
  try {
    await program.parseAsync(argv)
    return 0
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode
    io.stderr.write(`${formatError(err)}\n`)
    return 1
  }
}
