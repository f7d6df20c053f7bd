import { SamsaError } from './errors.js'

/** Kafka's limit: 249, so that `<topic>-<partition>` directories stay under 255 bytes. */
export const MAX_TOPIC_NAME_LENGTH = 249

const LEGAL = /^[a-zA-Z0-9._-]+$/

/** An invalid topic name (INVALID_TOPIC_EXCEPTION, not retriable). */
export class InvalidTopicError extends SamsaError {
  constructor(message: string) {
    super('INVALID_TOPIC_EXCEPTION', message)
  }
}

/**
 * Why `name` is not a legal topic name, or undefined when it is. Kafka's rules (Topic.java):
 * 1 to 249 characters of ASCII letters, digits, '.', '_' and '-', and not "." or "..".
 */
export function topicNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Topic name is empty'
  if (name === '.' || name === '..') return `Topic name cannot be "${name}"`
  if (name.length > MAX_TOPIC_NAME_LENGTH) {
    return `Topic name is ${name.length} characters long, the maximum is ${MAX_TOPIC_NAME_LENGTH}`
  }
  if (!LEGAL.test(name)) {
    return `Topic name "${name}" is illegal: it may contain only ASCII letters, digits, '.', '_' and '-'`
  }
  return undefined
}

/** Whether `name` is a legal topic name. */
export function isLegalTopicName(name: string): boolean {
  return topicNameProblem(name) === undefined
}

/** Throws InvalidTopicError unless `name` is a legal topic name. */
export function validateTopicName(name: string): void {
  const problem = topicNameProblem(name)
  if (problem !== undefined) throw new InvalidTopicError(problem)
}

/**
 * Kafka refuses a topic whose name equals an existing one once '.' is read as '_', because
 * both map to the same metric names ("a.b" and "a_b" collide).
 */
export function topicNamesCollide(a: string, b: string): boolean {
  return a !== b && a.replaceAll('.', '_') === b.replaceAll('.', '_')
}
