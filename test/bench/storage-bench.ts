/**
 * Storage benchmark: the partition log against plain file I/O on the same bytes.
 *
 *   pnpm bench:storage [--total-mb 1024] [--batch-kb 16] [--lookups 50000] [--rounds 3] [--dir PATH]
 *
 * Prints progress on stderr and one JSON object as its last stdout line:
 *   appendMBps / rawWriteMBps   the same batches through Log.append and through fs.writeSync
 *   readMBps / rawReadMBps      the whole log through Log.read and the raw file through readSync
 *   readVsRawSameFiles          Log.read against readSync of the log's own segment files
 *   lookupsPerSec10 / 1000      random-offset reads on logs of 10 and 1,000 segments
 *   rssMB                       resident memory right after the appends
 * Each figure is the median of `--rounds` alternating runs (see `alternate`).
 * Targets (issue 2): append >= 0.85 x raw, read >= 0.85 x raw, lookups at 1,000 segments
 * >= 0.5 x at 10, RSS < 200 MB whatever the log size.
 */
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { batchLastOffset, batchPositions, buildRecordBatch } from '@samsa/protocol'
import { Log } from '@samsa/storage'

const MiB = 1024 * 1024

const { values: args } = parseArgs({
  options: {
    'total-mb': { type: 'string', default: '1024' },
    'batch-kb': { type: 'string', default: '16' },
    lookups: { type: 'string', default: '50000' },
    rounds: { type: 'string', default: '3' },
    dir: { type: 'string' },
  },
})
const totalBytes = Number(args['total-mb']) * MiB
const batchBytes = Number(args['batch-kb']) * 1024
const lookups = Number(args.lookups)
const rounds = Number(args.rounds)
const root = fs.mkdtempSync(path.join(args.dir ?? os.tmpdir(), 'samsa-bench-'))

function progress(message: string): void {
  process.stderr.write(`[bench:storage] ${message}\n`)
}

/** A batch of about 1 KiB records whose total size is exactly `size` bytes. */
function batchOfSize(size: number): Buffer {
  const records = Math.max(1, Math.floor(size / 1024))
  const value = Buffer.alloc(900, 0x61)
  let lastSize = 900
  for (let i = 0; i < 8; i++) {
    const values = Array.from({ length: records }, (_, r) =>
      r === records - 1 ? Buffer.alloc(lastSize, 0x61) : value,
    )
    const batch = buildRecordBatch(values.map((v) => ({ value: v })))
    if (batch.length === size) return batch
    lastSize += size - batch.length
  }
  throw new Error(`cannot build a batch of exactly ${size} bytes`)
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9
}

/** Flushes dirty pages so each write measurement starts from the same page-cache state. */
function settle(): void {
  execSync('sync')
}

function rawWrite(file: string, batch: Buffer, count: number): number {
  const fd = fs.openSync(file, 'w')
  const start = process.hrtime.bigint()
  for (let i = 0; i < count; i++) fs.writeSync(fd, batch)
  const elapsed = seconds(start)
  fs.closeSync(fd)
  return elapsed
}

function rawRead(file: string, chunk: number): number {
  const fd = fs.openSync(file, 'r')
  const start = process.hrtime.bigint()
  for (let position = 0; ; ) {
    const buf = Buffer.allocUnsafe(chunk)
    const n = fs.readSync(fd, buf, 0, chunk, position)
    if (n === 0) break
    position += n
  }
  const elapsed = seconds(start)
  fs.closeSync(fd)
  return elapsed
}

function appendAll(log: Log, batch: Buffer, count: number): number {
  const start = process.hrtime.bigint()
  for (let i = 0; i < count; i++) log.append(batch, { leaderEpoch: 0 })
  return seconds(start)
}

function readAll(log: Log, chunk: number): number {
  const start = process.hrtime.bigint()
  let offset = log.logStartOffset
  while (offset < log.logEndOffset) {
    const data = log.read(offset, chunk)
    let last = 0
    for (const pos of batchPositions(data)) last = pos
    offset = batchLastOffset(data, last) + 1
  }
  return seconds(start)
}

function randomLookups(log: Log, count: number, maxBytes: number): number {
  const span = log.logEndOffset - log.logStartOffset
  const start = process.hrtime.bigint()
  for (let i = 0; i < count; i++) {
    const offset = log.logStartOffset + Math.floor(Math.random() * span)
    if (log.read(offset, maxBytes).length === 0) throw new Error(`empty read at ${offset}`)
  }
  return count / seconds(start)
}

async function filledLog(
  dir: string,
  segments: number,
  batch: Buffer,
  count: number,
): Promise<Log> {
  const log = await Log.open(dir, { segmentBytes: Math.ceil(totalBytes / segments) })
  appendAll(log, batch, count)
  return log
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/**
 * Runs `a` and `b` alternately for `rounds` rounds, swapping which goes first each round, and
 * returns the median of each. This VM hands freed memory back to its host, so whichever run
 * gets fresh page-cache pages first is slower: a single pass per side measures the order, not
 * the code.
 */
async function alternate(
  rounds: number,
  a: (round: number) => Promise<number> | number,
  b: (round: number) => Promise<number> | number,
): Promise<[number, number]> {
  const as: number[] = []
  const bs: number[] = []
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      as.push(await a(r))
      bs.push(await b(r))
    } else {
      bs.push(await b(r))
      as.push(await a(r))
    }
  }
  return [median(as), median(bs)]
}

async function main(): Promise<void> {
  const batch = batchOfSize(batchBytes)
  const count = Math.floor(totalBytes / batch.length)
  const mb = (count * batch.length) / MiB
  progress(`${count} batches of ${batch.length} bytes (${mb} MiB) x ${rounds} rounds under ${root}`)
  const rawFile = (r: number) => path.join(root, `raw-${r}.log`)
  const logDir = (r: number) => path.join(root, `log-${r}`)
  let rssMB = 0
  let log: Log | undefined

  // Writes: each round writes fresh files; the previous round's are removed first.
  const [rawWriteSecs, appendSecs] = await alternate(
    rounds,
    (r) => {
      fs.rmSync(rawFile(r - 1), { force: true })
      settle()
      return rawWrite(rawFile(r), batch, count)
    },
    async (r) => {
      await log?.close()
      fs.rmSync(logDir(r - 1), { recursive: true, force: true })
      settle()
      log = await Log.open(logDir(r), {})
      const secs = appendAll(log, batch, count)
      rssMB = Math.max(rssMB, process.memoryUsage().rss / MiB)
      return secs
    },
  )
  progress(
    `append ${(mb / appendSecs).toFixed(0)} MB/s, raw write ${(mb / rawWriteSecs).toFixed(0)} MB/s`,
  )

  // Reads of the last round's files, both warm in the page cache.
  const lastRaw = rawFile(rounds - 1)
  const readChunk = MiB
  const [rawReadSecs, readSecs] = await alternate(
    rounds,
    () => rawRead(lastRaw, readChunk),
    () => readAll(log!, readChunk),
  )
  // The same bytes read raw from the log's own segment files: separates the code's overhead
  // from differences in how the page cache holds two different files.
  const segmentFiles = fs
    .readdirSync(logDir(rounds - 1))
    .filter((f) => f.endsWith('.log'))
    .sort()
    .map((f) => path.join(logDir(rounds - 1), f))
  const [segmentRawReadSecs, readSecsSameFiles] = await alternate(
    rounds,
    () => segmentFiles.reduce((secs, file) => secs + rawRead(file, readChunk), 0),
    () => readAll(log!, readChunk),
  )
  progress(
    `read ${(mb / readSecs).toFixed(0)} MB/s, raw read ${(mb / rawReadSecs).toFixed(0)} MB/s, ` +
      `raw read of the segment files ${(mb / segmentRawReadSecs).toFixed(0)} MB/s`,
  )
  await log!.close()
  fs.rmSync(lastRaw)
  fs.rmSync(logDir(rounds - 1), { recursive: true })

  // Lookups: both logs open at once, measured alternately.
  const log10 = await filledLog(path.join(root, 'segments-10'), 10, batch, count)
  const log1000 = await filledLog(path.join(root, 'segments-1000'), 1000, batch, count)
  const [lookupsPerSec10, lookupsPerSec1000] = await alternate(
    rounds,
    () => randomLookups(log10, lookups, batch.length),
    () => randomLookups(log1000, lookups, batch.length),
  )
  progress(
    `${log10.numberOfSegments} segments: ${lookupsPerSec10.toFixed(0)} lookups/s, ` +
      `${log1000.numberOfSegments} segments: ${lookupsPerSec1000.toFixed(0)} lookups/s`,
  )
  await log10.close()
  await log1000.close()

  const result = {
    bench: 'storage',
    batches: count,
    batchBytes: batch.length,
    totalMB: mb,
    rounds,
    appendMBps: round(mb / appendSecs),
    rawWriteMBps: round(mb / rawWriteSecs),
    appendVsRaw: round(rawWriteSecs / appendSecs, 3),
    readMBps: round(mb / readSecs),
    rawReadMBps: round(mb / rawReadSecs),
    readVsRaw: round(rawReadSecs / readSecs, 3),
    segmentFilesRawReadMBps: round(mb / segmentRawReadSecs),
    readVsRawSameFiles: round(segmentRawReadSecs / readSecsSameFiles, 3),
    lookupsPerSec10: round(lookupsPerSec10),
    lookupsPerSec1000: round(lookupsPerSec1000),
    lookups1000Vs10: round(lookupsPerSec1000 / lookupsPerSec10, 3),
    rssMB: round(rssMB),
    maxRssMB: round(process.resourceUsage().maxRSS / 1024),
  }
  console.log(JSON.stringify(result))
}

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits))
}

try {
  await main()
} finally {
  fs.rmSync(root, { recursive: true, force: true })
}
