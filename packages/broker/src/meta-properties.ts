import fs from 'node:fs'
import path from 'node:path'
import { InvalidConfigError } from '@samsa/protocol'

/** Kafka's name for the file that says which broker and cluster a log dir belongs to. */
export const META_PROPERTIES_FILE = 'meta.properties'

interface MetaProperties {
  nodeId?: number
  clusterId?: string
}

function read(dir: string): MetaProperties | undefined {
  let text: string
  try {
    text = fs.readFileSync(path.join(dir, META_PROPERTIES_FILE), 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
  const props: MetaProperties = {}
  for (const line of text.split('\n')) {
    const m = /^\s*([\w.]+)\s*=\s*(.*?)\s*$/.exec(line)
    if (!m || line.trimStart().startsWith('#')) continue
    if (m[1] === 'node.id' && /^\d+$/.test(m[2]!)) props.nodeId = Number(m[2])
    if (m[1] === 'cluster.id' && m[2]) props.clusterId = m[2]
  }
  return props
}

function write(dir: string, props: MetaProperties): void {
  const file = path.join(dir, META_PROPERTIES_FILE)
  const lines = ['# Samsa broker log directory', 'version=1', `node.id=${props.nodeId}`]
  if (props.clusterId) lines.push(`cluster.id=${props.clusterId}`)
  const tmp = `${file}.tmp`
  const fd = fs.openSync(tmp, 'w')
  try {
    fs.writeSync(fd, `${lines.join('\n')}\n`)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, file)
  const dirFd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(dirFd)
  } finally {
    fs.closeSync(dirFd)
  }
}

/**
 * Each log dir's `meta.properties` (as Kafka's): the broker id and, once the broker has
 * registered, the cluster id its data belongs to. A log dir of another broker id, or log dirs of
 * different clusters, stop start-up; the cluster id is sent with RegisterBroker so a controller of
 * another cluster refuses the broker (INCONSISTENT_CLUSTER_ID) instead of handing it a metadata
 * snapshot that would make it delete its logs as strays.
 */
export class LogDirsMetadata {
  readonly #dirs: readonly string[]
  readonly #brokerId: number
  #clusterId: string

  private constructor(dirs: readonly string[], brokerId: number, clusterId: string) {
    this.#dirs = dirs
    this.#brokerId = brokerId
    this.#clusterId = clusterId
  }

  /** Reads (creating the dirs and writing `node.id` where missing) and checks every log dir. */
  static load(dirs: readonly string[], brokerId: number): LogDirsMetadata {
    let clusterId = ''
    let clusterDir = ''
    for (const dir of dirs) {
      fs.mkdirSync(dir, { recursive: true })
      const props = read(dir)
      if (props?.nodeId !== undefined && props.nodeId !== brokerId) {
        throw new InvalidConfigError(
          `config key 'broker.id' = ${brokerId}, but log dir ${dir} belongs to broker ${props.nodeId} (${META_PROPERTIES_FILE})`,
        )
      }
      if (props?.clusterId) {
        if (clusterId && clusterId !== props.clusterId) {
          throw new InvalidConfigError(
            `config key 'log.dirs': ${clusterDir} belongs to cluster ${clusterId} but ${dir} to cluster ${props.clusterId}`,
          )
        }
        clusterId = props.clusterId
        clusterDir = dir
      }
      if (props?.nodeId === undefined) write(dir, { nodeId: brokerId, clusterId: props?.clusterId })
    }
    return new LogDirsMetadata(dirs, brokerId, clusterId)
  }

  /** The cluster the log dirs belong to; '' before the first registration. */
  get clusterId(): string {
    return this.#clusterId
  }

  /** Records the cluster id in every log dir (after the first successful registration). */
  recordClusterId(clusterId: string): void {
    if (clusterId === '' || clusterId === this.#clusterId) return
    for (const dir of this.#dirs) write(dir, { nodeId: this.#brokerId, clusterId })
    this.#clusterId = clusterId
  }
}
