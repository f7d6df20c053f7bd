import { pino } from 'pino'

/** The broker logs with pino; every component gets a child logger with its identity. */
export type Logger = pino.Logger

/**
 * The broker's root logger: pino JSON lines on stdout at `logger.level`. Components take children
 * of it (`{ component: 'controller-channel', brokerId }`, ...).
 */
export function createBrokerLogger(level: pino.LevelWithSilent): Logger {
  return pino({ level, base: { pid: process.pid } })
}
