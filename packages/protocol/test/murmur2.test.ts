import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { murmur2, partitionForKey } from '../src/index.js'

const vectorsPath = fileURLToPath(
  new URL('../../../../shared/test-vectors/murmur2.json', import.meta.url),
)
const { vectors } = JSON.parse(readFileSync(vectorsPath, 'utf8')) as {
  vectors: Array<{ key: string; murmur2: number }>
}

describe('murmur2', () => {
  it('has vectors to check against', () => {
    assert.ok(vectors.length >= 6)
  })

  for (const { key, murmur2: expected } of vectors) {
    it(`hashes ${JSON.stringify(key)} as Kafka's Java client does`, () => {
      assert.equal(murmur2(key), expected)
      assert.equal(murmur2(Buffer.from(key, 'utf8')), expected)
    })
  }

  it('picks partition (murmur2 & 0x7fffffff) % n', () => {
    for (const { key, murmur2: expected } of vectors) {
      for (const n of [1, 3, 6, 7, 100]) {
        assert.equal(partitionForKey(key, n), (expected & 0x7fffffff) % n)
      }
    }
  })
})
