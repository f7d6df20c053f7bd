/**
 * deploy/ is checked statically (no Docker engine here): its configs must pass the servers' own
 * config validation with the environment compose gives each service, and the compose file, the
 * Dockerfile and the configs must agree on paths, ports and names.
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  envNameOf,
  loadServerConfig,
  parseHostPort,
  SERVER_CONFIG_KEYS,
  type ServerConfig,
} from '@samsa/protocol'
import { parse } from 'yaml'
import { controllerOptions } from '../src/index.js'

const DEPLOY = fileURLToPath(new URL('../../../deploy/', import.meta.url))
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))

interface Service {
  command?: string[]
  environment?: Record<string, string>
  volumes?: string[]
  ports?: string[]
  profiles?: string[]
  build?: { context: string; dockerfile: string }
  healthcheck?: { test: string[] }
}

const compose = parse(readFileSync(`${DEPLOY}docker-compose.yml`, 'utf8'), { merge: true }) as {
  services: Record<string, Service>
  volumes: Record<string, unknown>
}

/** The config a service's server would load: its --config file (from its mount) and its env. */
function serviceConfig(service: Service): ServerConfig {
  const command = service.command ?? []
  const inContainer = command[command.indexOf('--config') + 1]
  const mount = service.volumes?.find((v) => v.split(':')[1] === inContainer)
  assert.ok(mount, `a volume mounts ${inContainer}`)
  const file = `${DEPLOY}${mount.split(':')[0]!.replace(/^\.\//, '')}`
  assert.ok(existsSync(file), `${file} exists`)
  return loadServerConfig({ file, env: service.environment ?? {} })
}

describe('deploy/', () => {
  const servers = Object.entries(compose.services).filter(([, s]) => !s.profiles?.includes('tools'))
  const brokers = servers.filter(([, s]) => s.command?.[0] === 'broker')

  it('builds every service from deploy/Dockerfile at the repository root', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      assert.deepEqual(service.build, { context: '..', dockerfile: 'deploy/Dockerfile' }, name)
    }
  })

  it('gives each service an environment of known SAMSA_* keys only', () => {
    const known = new Set(SERVER_CONFIG_KEYS.map(envNameOf))
    for (const [name, service] of servers) {
      for (const variable of Object.keys(service.environment ?? {})) {
        assert.ok(known.has(variable), `${name}: ${variable} is not a config key`)
      }
    }
  })

  it('has a controller config the controller accepts', () => {
    const controller = compose.services.controller!
    const options = controllerOptions(serviceConfig(controller))
    assert.equal(options.port, 9090)
    const volume = controller.volumes?.find((v) => v.split(':')[1] === options.dir)
    assert.ok(volume, 'the metadata log dir is a volume')
  })

  it('has broker configs that validate, with unique ids and advertised service names', () => {
    assert.equal(brokers.length, 3)
    const controllerPort = controllerOptions(serviceConfig(compose.services.controller!)).port
    const ids = new Set<number>()
    for (const [name, service] of brokers) {
      const config = serviceConfig(service)
      assert.ok(config['broker.id'] !== undefined && !ids.has(config['broker.id']), name)
      ids.add(config['broker.id'])
      assert.equal(parseHostPort(config['advertised.listeners']!).host, name)
      assert.equal(
        parseHostPort(config['advertised.listeners']!).port,
        parseHostPort(config.listeners).port,
      )
      assert.deepEqual(config['controller.quorum.bootstrap.servers'], [
        `controller:${controllerPort}`,
      ])
      const dataDir = config['log.dirs']![0]!
      assert.ok(
        service.volumes?.some((v) => v.split(':')[1] === dataDir),
        `${name} keeps ${dataDir} in a volume`,
      )
      const httpPort = parseHostPort(config['http.listener']).port
      assert.match(
        service.healthcheck?.test.join(' ') ?? '',
        new RegExp(`127\\.0\\.0\\.1:${httpPort}/readyz`),
      )
      assert.ok(
        service.ports?.every((p) => p.endsWith(`:${httpPort}`)),
        `${name} publishes its HTTP port`,
      )
    }
  })

  it('declares every named volume it mounts', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!
        if (source.startsWith('.')) continue
        assert.ok(source in compose.volumes, `${name}: volume ${source} is declared`)
      }
    }
  })

  it('has a Dockerfile that builds with the lockfile and runs the built samsa CLI', () => {
    const dockerfile = readFileSync(`${DEPLOY}Dockerfile`, 'utf8')
    assert.match(dockerfile, /^ARG NODE_VERSION=20$/m)
    assert.match(dockerfile, /pnpm install --frozen-lockfile && pnpm run build/)
    assert.match(dockerfile, /^ENTRYPOINT \["node", "packages\/cli\/bin\/samsa\.js"\]$/m)
    for (const match of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)) {
      for (const source of match[1]!.split(/\s+/)) {
        assert.ok(existsSync(`${ROOT}${source}`), `COPY source ${source} exists`)
      }
    }
    assert.ok(existsSync(`${ROOT}packages/cli/bin/samsa.js`))
  })
})
