import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { describe, it } from 'node:test'
import { Cluster, listTopics, samsa, samsaOk } from './helpers.js'

describe('scripts/cluster.sh', () => {
  it('refuses a --set with an unknown key, names it, and leaves nothing running', async (t) => {
    const cluster = new Cluster(23490, 1)
    t.after(() => cluster.destroy())
    const r = await cluster.script(
      'start',
      '--brokers',
      '1',
      '--base-port',
      '23490',
      '--set',
      'no.such.key=1',
    )
    assert.notEqual(r.code, 0)
    assert.match(r.stderr, /unknown config key 'no\.such\.key'/)
    assert.equal(r.stdout, '')
    assert.deepEqual(await cluster.states(), { controller: 'dead', '1': 'dead' })
  })

  it('runs clusters in different dirs side by side; each verb acts on its own dir only', async (t) => {
    const a = new Cluster(23490, 1)
    const b = new Cluster(23700, 1)
    t.after(() => Promise.all([a.destroy(), b.destroy()]))
    const [bootstrapA, bootstrapB] = await Promise.all([a.start(), b.start()])
    assert.equal(bootstrapA, '127.0.0.1:23491')
    assert.equal(bootstrapB, '127.0.0.1:23701')

    await samsaOk('topics', 'create', '--topic', 'only-in-a', '--bootstrap', bootstrapA)
    assert.deepEqual(await listTopics(bootstrapB), [])

    // A second start in a dir whose cluster runs is refused; so are ports in use.
    const again = await a.script('start', '--brokers', '1', '--base-port', '23900')
    assert.notEqual(again.code, 0)
    assert.match(again.stderr, /already running/)

    await a.scriptOk('kill', '1')
    assert.deepEqual(await a.states(), { controller: 'alive', '1': 'dead' })
    assert.deepEqual(await b.states(), { controller: 'alive', '1': 'alive' })

    await a.scriptOk('stop')
    assert.deepEqual(await a.states(), { controller: 'dead', '1': 'dead' })
    assert.deepEqual(await b.states(), { controller: 'alive', '1': 'alive' })
    assert.equal((await samsa('topics', 'list', '--bootstrap', bootstrapB)).code, 0)

    // A stopped cluster starts again from its data.
    await a.start()
    assert.deepEqual(await listTopics(bootstrapA), ['only-in-a'])
  })

  it('does not start on a port another process holds', async (t) => {
    const holder = createServer()
    await new Promise<void>((resolve) => holder.listen(23901, '127.0.0.1', resolve))
    t.after(() => new Promise<void>((resolve) => holder.close(() => resolve())))
    const cluster = new Cluster(23900, 1)
    t.after(() => cluster.destroy())
    const r = await cluster.script('start', '--brokers', '1', '--base-port', '23900')
    assert.notEqual(r.code, 0)
    assert.match(r.stderr, /port 23901 .*already in use/)
    assert.deepEqual(await cluster.states(), { controller: 'dead', '1': 'dead' })
  })

  it('rejects unknown verbs, server ids and options', async (t) => {
    const cluster = new Cluster(23990, 1)
    t.after(() => cluster.destroy())
    for (const args of [['explode'], ['start', '--brokers', '0'], ['start', '--wat']]) {
      const r = await cluster.script(args[0]!, ...args.slice(1))
      assert.notEqual(r.code, 0, args.join(' '))
    }
    const noCluster = await cluster.script('kill', '1')
    assert.match(noCluster.stderr, /no cluster in/)
  })
})
