import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { SamsaError } from '@samsa/protocol'
import { Cluster, DEFAULT_RETRY, resolveConfig } from '../src/index.js'
import { metadataResponse, startFakeBroker } from './helpers.js'

describe('Cluster', () => {
  for (const code of ['NOT_LEADER_OR_FOLLOWER', 'UNKNOWN_TOPIC_OR_PARTITION'] as const) {
    it(`expires the metadata cache on ${code} and retries`, async (t) => {
      let metadataCalls = 0
      const address = await startFakeBroker(t, {
        Metadata: (_call, cb) => {
          metadataCalls++
          cb(null, metadataResponse([], []))
        },
      })
      const cluster = new Cluster(
        resolveConfig({ brokers: [address], retry: { ...DEFAULT_RETRY, initialRetryTime: 1 } }),
      )
      t.after(() => cluster.close())
      await cluster.refreshMetadata()
      assert.ok(!cluster.metadata.isStale(60_000))
      let attempts = 0
      const result = await cluster.request(async () => {
        if (++attempts === 1) throw new SamsaError(code, 'moved')
        return cluster.metadata.isStale(60_000)
      })
      assert.equal(result, true)
      await cluster.refreshMetadataIfStale()
      assert.equal(metadataCalls, 2)
      assert.ok(!cluster.metadata.isStale(60_000))
    })
  }
})
