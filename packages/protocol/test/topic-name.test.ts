import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  InvalidTopicError,
  MAX_TOPIC_NAME_LENGTH,
  topicNameProblem,
  topicNamesCollide,
  validateTopicName,
} from '../src/index.js'

describe('topic names', () => {
  it('accepts 1 to 249 characters of letters, digits, dot, underscore and dash', () => {
    for (const name of ['a', 'orders', 'Orders.v2_eu-west-1', '...', '_', '-', 'x'.repeat(249)]) {
      assert.equal(topicNameProblem(name), undefined, name)
    }
  })

  it('refuses empty, "." and "..", over-long names and other characters', () => {
    assert.equal(MAX_TOPIC_NAME_LENGTH, 249)
    for (const name of [
      '',
      '.',
      '..',
      'x'.repeat(250),
      'a b',
      'a/b',
      'é',
      'a:b',
      'a*',
      'topic\n',
    ]) {
      assert.ok(topicNameProblem(name), JSON.stringify(name))
      assert.throws(
        () => validateTopicName(name),
        (err: unknown) =>
          err instanceof InvalidTopicError &&
          err.code === 'INVALID_TOPIC_EXCEPTION' &&
          err.errorCode === 17 &&
          !err.retriable,
      )
    }
  })

  it("treats '.' and '_' as colliding, as Kafka's metric names do", () => {
    assert.equal(topicNamesCollide('a.b', 'a_b'), true)
    assert.equal(topicNamesCollide('a.b', 'a.b'), false)
    assert.equal(topicNamesCollide('a.b', 'a-b'), false)
  })
})
