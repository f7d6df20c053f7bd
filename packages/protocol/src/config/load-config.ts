import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import type { z } from 'zod'
import { SamsaError } from '../errors.js'
import {
  SERVER_CONFIG_KEYS,
  type ServerConfig,
  type ServerConfigKey,
  serverConfigSchema,
} from './server-config.js'

/** A config file, key or value that start-up refuses (Kafka's INVALID_CONFIG). */
export class InvalidConfigError extends SamsaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INVALID_CONFIG', message, options)
  }
}

/** Where each source of settings comes from; later sources win. */
export interface ConfigSources {
  /** A YAML file of `key: value` (Kafka names; nested maps are joined with dots). */
  file?: string
  /** Environment: `SAMSA_<KEY>` (dots to underscores, upper case) overrides the file. */
  env?: NodeJS.ProcessEnv
  /** `key=value` pairs from the command line (`--set`), applied last. */
  overrides?: Record<string, string>
}

/** The env variable that overrides `key`: `log.dirs` -> `SAMSA_LOG_DIRS`. */
export function envNameOf(key: string): string {
  return `SAMSA_${key.toUpperCase().replace(/[.-]/g, '_')}`
}

function flatten(value: unknown, prefix: string, out: Record<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  } else {
    out[prefix] = value
  }
}

function readYaml(file: string): Record<string, unknown> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new InvalidConfigError(`cannot read config file ${file}`, { cause: err })
  }
  let parsed: unknown
  try {
    parsed = parseYaml(text)
  } catch (err) {
    throw new InvalidConfigError(`config file ${file} is not valid YAML`, { cause: err })
  }
  if (parsed === null || parsed === undefined) return {}
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidConfigError(`config file ${file} must be a map of key: value`)
  }
  const out: Record<string, unknown> = {}
  flatten(parsed, '', out)
  return out
}

function fromEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  // Only names that map to a key: SAMSA_BOOTSTRAP and the like belong to the CLI.
  const out: Record<string, string> = {}
  for (const key of SERVER_CONFIG_KEYS) {
    const value = env[envNameOf(key)]
    if (value !== undefined) out[key] = value
  }
  return out
}

function describeIssue(issue: z.core.$ZodIssue, source: Record<string, unknown>): string {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => `unknown config key '${k}'`).join('; ')
  }
  const key = String(issue.path[0] ?? '')
  return `config key '${key}' = ${JSON.stringify(source[key])}: ${issue.message}`
}

/** Validates raw settings into a typed ServerConfig; throws InvalidConfigError naming the key. */
export function parseServerConfig(raw: Record<string, unknown>): ServerConfig {
  const result = serverConfigSchema.safeParse(raw)
  if (!result.success) {
    throw new InvalidConfigError(result.error.issues.map((i) => describeIssue(i, raw)).join('; '))
  }
  return result.data
}

/** Reads the file, applies `SAMSA_*` env overrides and `--set` overrides, and validates. */
export function loadServerConfig(sources: ConfigSources = {}): ServerConfig {
  const raw = {
    ...(sources.file ? readYaml(sources.file) : {}),
    ...fromEnv(sources.env ?? {}),
    ...(sources.overrides ?? {}),
  }
  return parseServerConfig(raw)
}

/** Throws InvalidConfigError unless every key a role needs is set. */
export function requireConfigKeys<K extends ServerConfigKey>(
  config: ServerConfig,
  role: string,
  keys: readonly K[],
): asserts config is ServerConfig & { [P in K]-?: NonNullable<ServerConfig[P]> } {
  const missing = keys.filter((k) => config[k] === undefined)
  if (missing.length > 0) {
    throw new InvalidConfigError(
      `the ${role} needs config key(s) ${missing.map((k) => `'${k}'`).join(', ')}`,
    )
  }
}

/** Splits `host:port` into its parts. */
export function parseHostPort(value: string): { host: string; port: number } {
  const at = value.lastIndexOf(':')
  return { host: value.slice(0, at), port: Number(value.slice(at + 1)) }
}
