/**
 * The logging calls the controller makes: the subset of pino's Logger it needs, so a pino
 * child logger passes straight in and tests can pass {@link silentLogger}.
 */
export interface Logger {
  debug(obj: object, msg?: string): void
  info(obj: object, msg?: string): void
  warn(obj: object, msg?: string): void
  error(obj: object, msg?: string): void
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
}
