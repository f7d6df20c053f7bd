import { SamsaError } from '@samsa/protocol'
import { InvalidArgumentError, Option } from 'commander'
import { OUTPUT_FORMATS } from './output.js'

/** The bootstrap servers when neither `--bootstrap` nor SAMSA_BOOTSTRAP says otherwise. */
export const DEFAULT_BOOTSTRAP = '127.0.0.1:9091'

/** `--set k=v` / `--config k=v`: splits at the first '='; repeated options accumulate. */
export function collectKeyValue(
  value: string,
  previous: Record<string, string> = {},
): Record<string, string> {
  const at = value.indexOf('=')
  if (at <= 0) throw new InvalidArgumentError(`expected key=value, got "${value}"`)
  return { ...previous, [value.slice(0, at).trim()]: value.slice(at + 1) }
}

/** A repeatable string option. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value]
}

/** An integer option (any sign: the server decides which counts are valid). */
export function parseInteger(value: string): number {
  if (!/^[-+]?\d+$/.test(value.trim())) throw new InvalidArgumentError('expected an integer')
  return Number(value)
}

/** `host:port[,host:port...]` */
export function parseBootstrap(value: string): string[] {
  const brokers = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (brokers.length === 0 || brokers.some((b) => !/^[^\s:]+:\d{1,5}$/.test(b))) {
    throw new InvalidArgumentError('expected host:port[,host:port...]')
  }
  return brokers
}

/**
 * `--bootstrap`; without it the command reads SAMSA_BOOTSTRAP from its environment (see
 * {@link resolveBootstrap}), then takes {@link DEFAULT_BOOTSTRAP}.
 */
export function bootstrapOption(): Option {
  return new Option(
    '--bootstrap <host:port,...>',
    `brokers to ask first (default: $SAMSA_BOOTSTRAP or ${DEFAULT_BOOTSTRAP})`,
  ).argParser(parseBootstrap)
}

/** The bootstrap brokers: the flag, else SAMSA_BOOTSTRAP, else the default. */
export function resolveBootstrap(flag: string[] | undefined, env: NodeJS.ProcessEnv): string[] {
  if (flag !== undefined) return flag
  const fromEnv = env.SAMSA_BOOTSTRAP?.trim()
  if (!fromEnv) return parseBootstrap(DEFAULT_BOOTSTRAP)
  try {
    return parseBootstrap(fromEnv)
  } catch {
    throw new SamsaError(
      'INVALID_CONFIG',
      `SAMSA_BOOTSTRAP must be host:port[,host:port...], got "${fromEnv}"`,
    )
  }
}

export function outputOption(): Option {
  return new Option('--output <format>', 'how to print the result')
    .choices(OUTPUT_FORMATS)
    .default('table')
}
