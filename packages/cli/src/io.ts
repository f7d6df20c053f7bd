/** Where a command writes and what it reads from its process; tests pass their own. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown }
  readonly stderr: { write(chunk: string): unknown }
  readonly env: NodeJS.ProcessEnv
  /** What `samsa produce` reads its records from. */
  readonly stdin: AsyncIterable<Buffer | string>
  /**
   * Calls `onSignal` with the signal's name each time the process is asked to stop (SIGTERM,
   * SIGINT); returns the function that stops listening.
   */
  onShutdownSignal(onSignal: (signal: NodeJS.Signals) => void): () => void
}

const SHUTDOWN_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']

/** The real process's streams, environment and signals. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdin: process.stdin,
    onShutdownSignal(onSignal) {
      for (const signal of SHUTDOWN_SIGNALS) process.on(signal, onSignal)
      return () => {
        for (const signal of SHUTDOWN_SIGNALS) process.off(signal, onSignal)
      }
    },
  }
}
