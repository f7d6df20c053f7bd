#!/usr/bin/env node
// The `samsa` command: runs the built CLI (packages/cli/dist; `bash scripts/setup.sh` builds it).
import { run } from '../dist/index.js'

const code = await run(process.argv)
process.exitCode = code
// Every server and client closes its sockets and timers before run() resolves, so the process
// ends by itself; should anything still hold it open, end it anyway.
setTimeout(() => process.exit(code), 2_000).unref()
