import { type Admin, Samsa } from '@samsa/client'
import { resolveBootstrap } from './options.js'

/** Flags every admin command takes. */
export interface AdminFlags {
  bootstrap?: string[]
  output: 'table' | 'json'
}

/**
 * Runs `fn` with a connected admin client for the bootstrap brokers (`--bootstrap`, else
 * SAMSA_BOOTSTRAP from `env`, else the default), and disconnects afterwards. The CLI retries
 * retriable errors for a few seconds (not KafkaJS's half minute) so that a command against a
 * cluster that is down says so promptly.
 */
export async function withAdmin<T>(
  flags: AdminFlags,
  env: NodeJS.ProcessEnv,
  fn: (admin: Admin) => Promise<T>,
): Promise<T> {
  const admin = cliClient(flags, env).admin()
  try {
    await admin.connect()
    return await fn(admin)
  } finally {
    await admin.disconnect()
  }
}

/**
 * The SDK entry point every command uses: the bootstrap brokers (`--bootstrap`, else
 * SAMSA_BOOTSTRAP from `env`, else the default) and the CLI's short retry policy.
 */
export function cliClient(
  flags: { bootstrap?: string[] | undefined },
  env: NodeJS.ProcessEnv,
): Samsa {
  return new Samsa({
    clientId: 'samsa-cli',
    brokers: resolveBootstrap(flags.bootstrap, env),
    connectionTimeoutMs: 2_000,
    requestTimeoutMs: 15_000,
    retry: { retries: 5, initialRetryTime: 100, maxRetryTime: 1_000 },
  })
}
