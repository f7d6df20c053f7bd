import { SamsaError } from '@samsa/protocol'

/**
 * The one line a failed command prints on stderr: `error: <CODE_NAME>: message`, with Kafka's
 * error name (UNKNOWN_SERVER_ERROR for a failure that is not a Kafka error).
 */
export function formatError(err: unknown): string {
  const code = err instanceof SamsaError ? err.code : 'UNKNOWN_SERVER_ERROR'
  const message = err instanceof Error ? err.message : String(err)
  return `error: ${code}: ${message.replace(/\s*\n\s*/g, ' ').trim()}`
}
