import { mkdirSync } from 'node:fs'
import { type FileHandle, open, readdir, readFile, rename, rm, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { crc32c, KafkaStorageError, type Logger, noopLogger } from '@samsa/protocol'
import { MetadataImage, type MetadataImageJson } from './metadata-image.js'
import type { MetadataRecord } from './metadata-records.js'

export interface MetadataLogOptions {
  /** Directory of the log (created if missing). */
  readonly dir: string
  /**
   * Write a snapshot of the image and start a new segment once the active segment has grown
   * past this many bytes. Default 16 MiB.
   */
  readonly snapshotBytes?: number
  /** How many of the latest records to keep in memory for WatchMetadata deltas. Default 10,000. */
  readonly retainedRecords?: number
  readonly logger?: Logger
}

/** A committed record and its version. */
export interface VersionedRecord {
  readonly version: number
  readonly record: MetadataRecord
}

const FRAME_HEADER = 8
const SEGMENT_SUFFIX = '.log'
const SNAPSHOT_SUFFIX = '.snapshot'
const TMP_SUFFIX = '.tmp'

/**
 * The controller's metadata log: an append-only sequence of records whose position is the
 * metadata version, and the image they build.
 *
 * On disk, in `dir`:
 * - `<base>.log` segments (base: the version before the segment's first record, 20 digits);
 *   each record is a frame `length u32 | crc32c(payload) u32 | payload`, the payload being the
 *   JSON `{"v": version, "r": record}`, all big-endian.
 * - `<version>.snapshot`: the image at that version, in one frame of the same shape.
 *
 * Every commit is written and fdatasync'ed before the image changes. Opening loads the newest
 * snapshot and replays the records after it; a torn or corrupt tail of the last segment (a
 * crash mid-write) is truncated and logged, never fatal. Past `snapshotBytes` the image is
 * written to a snapshot (temp file, fsync, rename, fsync dir), a new segment starts, and the
 * older segments and snapshots are deleted.
 */
export class MetadataLog {
  readonly dir: string
  #image: MetadataImage
  readonly #snapshotBytes: number
  readonly #retained: number
  readonly #logger: Logger
  #active: FileHandle
  #activeBytes: number
  #snapshotVersion: number
  #recent: VersionedRecord[]
  #queue: Promise<unknown> = Promise.resolve()
  #closed = false

  private constructor(
    dir: string,
    image: MetadataImage,
    active: FileHandle,
    activeBytes: number,
    snapshotVersion: number,
    recent: VersionedRecord[],
    options: MetadataLogOptions,
  ) {
    this.dir = dir
    this.#image = image
    this.#active = active
    this.#activeBytes = activeBytes
    this.#snapshotVersion = snapshotVersion
    this.#recent = recent
    this.#snapshotBytes = options.snapshotBytes ?? 16 * 1024 * 1024
    this.#retained = options.retainedRecords ?? 10_000
    this.#logger = options.logger ?? noopLogger
  }

  /** Opens (or creates) the log in `options.dir`, recovering and replaying what is there. */
  static async open(options: MetadataLogOptions): Promise<MetadataLog> {
    const { dir } = options
    const logger = options.logger ?? noopLogger
    const retained = options.retainedRecords ?? 10_000
    mkdirSync(dir, { recursive: true })
    for (const name of (await readdir(dir)).filter((n) => n.endsWith(TMP_SUFFIX))) {
      await rm(join(dir, name), { force: true })
    }
    const replayed = await replay(dir, logger, retained)
    const { image, recent, bases, lastEnd, snapshotVersion } = replayed
    let { lastBytes } = replayed
    // Append to the last segment when it ends where the image does; else start a new one.
    let activeBase = bases[bases.length - 1]
    if (activeBase === undefined || lastEnd !== image.version) {
      activeBase = image.version
      lastBytes = 0
    }
    const active = await open(join(dir, segmentName(activeBase)), 'a')
    await fsyncDir(dir)
    logger.info(
      { dir, version: image.version, snapshotVersion, segments: bases.length },
      'metadata log opened',
    )
    return new MetadataLog(dir, image, active, lastBytes, snapshotVersion, recent, options)
  }

  /** The image after every committed record. Read it; change it only through commit(). */
  get image(): MetadataImage {
    return this.#image
  }

  /** The version of the last committed record (0 when empty). */
  get version(): number {
    return this.#image.version
  }

  /** The version of the newest snapshot on disk (0 when none). */
  get snapshotVersion(): number {
    return this.#snapshotVersion
  }

  /**
   * Appends `records`, fsyncs, then applies them to the image; resolves with the version of
   * the last one. Commits are serialized. A failed write leaves the image as it was; the log
   * should then be closed (the controller stops rather than serve metadata it cannot persist).
   */
  commit(records: readonly MetadataRecord[]): Promise<number> {
    const run = this.#queue.then(() => this.#commit(records))
    this.#queue = run.catch(() => {})
    return run
  }

  async #commit(records: readonly MetadataRecord[]): Promise<number> {
    if (this.#closed) throw new KafkaStorageError('Metadata log is closed')
    if (records.length === 0) return this.version
    const first = this.version + 1
    const frames = records.map((record, i) =>
      frame(Buffer.from(JSON.stringify({ v: first + i, r: record }), 'utf8')),
    )
    const buf = Buffer.concat(frames)
    try {
      await this.#active.write(buf)
      await this.#active.datasync()
    } catch (err) {
      throw new KafkaStorageError(`Cannot write the metadata log in ${this.dir}`, { cause: err })
    }
    const sizeBefore = this.#activeBytes
    this.#activeBytes += buf.length
    try {
      for (const record of records) this.#image.apply(record)
    } catch (err) {
      await this.#undo(sizeBefore)
      throw err
    }
    for (const [i, record] of records.entries()) this.#recent.push({ version: first + i, record })
    if (this.#recent.length > 2 * this.#retained) {
      this.#recent.splice(0, this.#recent.length - this.#retained)
    }
    if (this.#activeBytes >= this.#snapshotBytes) await this.#snapshot()
    return this.version
  }

  /**
   * A record did not apply (a planning bug): cut the batch off the segment again and rebuild
   * the image from disk, so neither the log nor the image keeps any of it.
   */
  async #undo(size: number): Promise<void> {
    this.#logger.error({ dir: this.dir, size }, 'metadata records did not apply; rolling back')
    await this.#active.truncate(size)
    await this.#active.datasync()
    this.#activeBytes = size
    const replayed = await replay(this.dir, this.#logger, this.#retained)
    this.#image = replayed.image
    this.#recent = replayed.recent
  }

  /**
   * The committed records after `version`, in order, when they are all still retained in
   * memory; undefined when some are not (the caller sends a snapshot instead).
   */
  recordsSince(version: number): VersionedRecord[] | undefined {
    if (version > this.version || version < 0) return undefined
    if (version === this.version) return []
    const oldest = this.#recent[0]?.version
    if (oldest === undefined || oldest > version + 1) return undefined
    return this.#recent.slice(version + 1 - oldest)
  }

  /** Writes a snapshot now (normally done by commit past `snapshotBytes`). */
  snapshot(): Promise<void> {
    const run = this.#queue.then(() => this.#snapshot())
    this.#queue = run.catch(() => {})
    return run
  }

  async #snapshot(): Promise<void> {
    const version = this.version
    if (version === this.#snapshotVersion) return
    const json: MetadataImageJson = this.#image.toJSON()
    const final = join(this.dir, snapshotName(version))
    const tmp = final + TMP_SUFFIX
    const handle = await open(tmp, 'w')
    try {
      await handle.write(frame(Buffer.from(JSON.stringify(json), 'utf8')))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, final)
    await fsyncDir(this.dir)

    const previous = this.#active
    this.#active = await open(join(this.dir, segmentName(version)), 'a')
    this.#activeBytes = 0
    await previous.close()
    await fsyncDir(this.dir)
    const names = await readdir(this.dir)
    for (const base of versionsOf(names, SEGMENT_SUFFIX)) {
      if (base < version) await rm(join(this.dir, segmentName(base)), { force: true })
    }
    for (const v of versionsOf(names, SNAPSHOT_SUFFIX)) {
      if (v < version) await rm(join(this.dir, snapshotName(v)), { force: true })
    }
    await fsyncDir(this.dir)
    this.#snapshotVersion = version
    this.#logger.info({ dir: this.dir, version }, 'metadata snapshot written')
  }

  /** Waits for commits in flight and closes the active segment. */
  async close(): Promise<void> {
    if (this.#closed) return
    await this.#queue
    this.#closed = true
    await this.#active.close()
  }
}

/** Loads the newest snapshot and replays the segments after it, truncating a torn tail. */
async function replay(
  dir: string,
  logger: Logger,
  retained: number,
): Promise<{
  image: MetadataImage
  recent: VersionedRecord[]
  bases: number[]
  lastEnd: number
  lastBytes: number
  snapshotVersion: number
}> {
  const names = await readdir(dir)
  let image = new MetadataImage()
  const snapshots = versionsOf(names, SNAPSHOT_SUFFIX).sort((a, b) => b - a)
  const snapshotVersion = snapshots[0] ?? 0
  if (snapshots.length > 0) image = await readSnapshot(dir, snapshotVersion)

  const recent: VersionedRecord[] = []
  const bases = versionsOf(names, SEGMENT_SUFFIX).sort((a, b) => a - b)
  let lastEnd = -1
  let lastBytes = 0
  for (const [i, base] of bases.entries()) {
    const isLast = i === bases.length - 1
    const path = join(dir, segmentName(base))
    const buf = await readFile(path)
    const { records, validBytes, problem } = parseSegment(buf, base)
    if (problem !== undefined) {
      if (!isLast) {
        throw new KafkaStorageError(
          `Metadata log segment ${path} is corrupt at byte ${validBytes} (${problem}) and is not the last segment`,
        )
      }
      logger.warn(
        { segment: path, position: validBytes, droppedBytes: buf.length - validBytes, problem },
        'truncating the torn tail of the metadata log',
      )
      await truncate(path, validBytes)
    }
    for (const entry of records) {
      if (entry.version <= image.version) continue
      if (entry.version !== image.version + 1) {
        throw new KafkaStorageError(
          `Metadata log has a gap: version ${image.version + 1} is missing before ${entry.version} (${path})`,
        )
      }
      image.apply(entry.record)
      recent.push(entry)
      if (recent.length > 2 * retained) recent.splice(0, recent.length - retained)
    }
    lastEnd = base + records.length
    lastBytes = validBytes
  }
  return { image, recent: recent.slice(-retained), bases, lastEnd, lastBytes, snapshotVersion }
}

function frame(payload: Buffer): Buffer {
  const header = Buffer.alloc(FRAME_HEADER)
  header.writeUInt32BE(payload.length, 0)
  header.writeUInt32BE(crc32c(payload), 4)
  return Buffer.concat([header, payload])
}

/** Reads frames from `buf`; stops at the first that is torn, corrupt or out of sequence. */
function parseSegment(
  buf: Buffer,
  base: number,
): { records: VersionedRecord[]; validBytes: number; problem?: string } {
  const records: VersionedRecord[] = []
  let pos = 0
  while (pos < buf.length) {
    const fail = (problem: string) => ({ records, validBytes: pos, problem })
    if (buf.length - pos < FRAME_HEADER) return fail('torn frame header')
    const length = buf.readUInt32BE(pos)
    const crc = buf.readUInt32BE(pos + 4)
    const end = pos + FRAME_HEADER + length
    if (end > buf.length) return fail('torn frame')
    if (crc32c(buf, pos + FRAME_HEADER, end) !== crc) return fail('CRC mismatch')
    let entry: { v: number; r: MetadataRecord }
    try {
      entry = JSON.parse(buf.toString('utf8', pos + FRAME_HEADER, end))
    } catch {
      return fail('unparseable record')
    }
    const expected = base + records.length + 1
    if (entry.v !== expected) return fail(`version ${entry.v} where ${expected} was expected`)
    records.push({ version: entry.v, record: entry.r })
    pos = end
  }
  return { records, validBytes: pos }
}

async function readSnapshot(dir: string, version: number): Promise<MetadataImage> {
  const path = join(dir, snapshotName(version))
  const buf = await readFile(path)
  const length = buf.length >= FRAME_HEADER ? buf.readUInt32BE(0) : -1
  if (
    length < 0 ||
    FRAME_HEADER + length !== buf.length ||
    crc32c(buf, FRAME_HEADER) !== buf.readUInt32BE(4)
  ) {
    // Snapshots are renamed into place only once complete and fsynced: this is disk damage.
    throw new KafkaStorageError(`Metadata snapshot ${path} is corrupt`)
  }
  const json = JSON.parse(buf.toString('utf8', FRAME_HEADER)) as MetadataImageJson
  if (json.version !== version) {
    throw new KafkaStorageError(`Metadata snapshot ${path} holds version ${json.version}`)
  }
  return MetadataImage.fromJSON(json)
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

function segmentName(base: number): string {
  return `${String(base).padStart(20, '0')}${SEGMENT_SUFFIX}`
}

function snapshotName(version: number): string {
  return `${String(version).padStart(20, '0')}${SNAPSHOT_SUFFIX}`
}

function versionsOf(names: readonly string[], suffix: string): number[] {
  return names
    .filter((n) => n.endsWith(suffix) && /^\d{20}$/.test(n.slice(0, -suffix.length)))
    .map((n) => Number(n.slice(0, -suffix.length)))
}
