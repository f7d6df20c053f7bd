/**
 * The logging surface Samsa's libraries need: a subset of pino's, so a pino logger passes as is.
 * Libraries take one as an option and default to {@link noopLogger}.
 */
export interface Logger {
  error(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  info(obj: object, msg?: string): void
  debug(obj: object, msg?: string): void
  /** pino's child loggers; used when present to bind `topic`/`partition`/`dir`. */
  child?(bindings: Record<string, unknown>): Logger
}

const noop = (): void => {}

/** The default logger: discards everything. */
export const noopLogger: Logger = Object.freeze({
  error: noop,
  warn: noop,
  info: noop,
  debug: noop,
})

/** A logger that adds `bindings` to every entry, via `child` when the logger has one. */
export function childLogger(logger: Logger, bindings: Record<string, unknown>): Logger {
  if (logger === noopLogger) return logger
  if (typeof logger.child === 'function') return logger.child(bindings)
  return {
    error: (obj, msg) => logger.error({ ...bindings, ...obj }, msg),
    warn: (obj, msg) => logger.warn({ ...bindings, ...obj }, msg),
    info: (obj, msg) => logger.info({ ...bindings, ...obj }, msg),
    debug: (obj, msg) => logger.debug({ ...bindings, ...obj }, msg),
  }
}
