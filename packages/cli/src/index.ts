/** @samsa/cli: the `samsa` command (servers and admin), runnable in-process for tests. */
export { formatError } from './errors.js'
export { type CliIo, processIo } from './io.js'
export { formatTable, type OutputFormat, toJson } from './output.js'
export { createProgram, run } from './program.js'
export { controllerOptions } from './server-options.js'
