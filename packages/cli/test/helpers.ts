import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import { type CliIo, run } from '../src/index.js'

/** A temp dir removed when the test ends. */
export function tempDir(t: TestContext, prefix = 'samsa-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** In-memory io: what a command printed, and a way to send it SIGTERM. */
export class TestIo implements CliIo {
  out = ''
  err = ''
  readonly env: NodeJS.ProcessEnv
  readonly stdin: AsyncIterable<string>
  readonly stdout = { write: (s: string) => (this.out += s) }
  readonly stderr = { write: (s: string) => (this.err += s) }
  readonly #listeners = new Set<(signal: NodeJS.Signals) => void>()

  constructor(env: NodeJS.ProcessEnv = {}, stdin: string | AsyncIterable<string> = '') {
    this.env = env
    this.stdin =
      typeof stdin === 'string'
        ? (async function* () {
            yield stdin
          })()
        : stdin
  }

  onShutdownSignal(onSignal: (signal: NodeJS.Signals) => void): () => void {
    this.#listeners.add(onSignal)
    return () => this.#listeners.delete(onSignal)
  }

  get listening(): boolean {
    return this.#listeners.size > 0
  }

  signal(signal: NodeJS.Signals = 'SIGTERM'): void {
    for (const listener of this.#listeners) listener(signal)
  }

  /** The JSON log lines printed so far. */
  logs(): Record<string, unknown>[] {
    return this.out
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
  }
}

/** Runs `samsa args...` in-process; resolves with the exit code and what it printed. */
export async function samsa(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  stdin = '',
): Promise<{ code: number; out: string; err: string }> {
  const io = new TestIo(env, stdin)
  const code = await run(['node', 'samsa', ...args], io)
  return { code, out: io.out, err: io.err }
}

export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
