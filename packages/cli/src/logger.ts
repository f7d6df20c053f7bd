import { type LevelWithSilent, type Logger, pino } from 'pino'

export type { Logger } from 'pino'

/**
 * A server's root logger: pino JSON lines written synchronously to `out` (stdout in the real
 * process), so the last lines before an exit are never lost. `base` names the server
 * (`{ role: 'broker', brokerId: 1 }`); components take children of it.
 */
export function createServerLogger(
  out: { write(chunk: string): unknown },
  level: LevelWithSilent,
  base: Record<string, unknown>,
): Logger {
  return pino(
    { level, base: { pid: process.pid, ...base } },
    { write: (line: string) => out.write(line) },
  )
}
