import fs from 'node:fs'
import path from 'node:path'
import { KafkaStorageError } from '@samsa/protocol'

/*
 * Storage uses synchronous fs calls on kept-open file descriptors on purpose. Appends and reads
 * hit the page cache and take microseconds; the async fs API would queue each call on libuv's
 * threadpool (4 threads by default, shared with dns and zlib) and pay a thread hop plus a
 * promise per call, which costs more than the I/O itself. fsync is the one slow call, and it
 * happens only on roll, close, explicit flush or a configured flush policy.
 */

/** Reads exactly `length` bytes at `position` into `buf` at `offset`; returns bytes read (< length only at EOF). */
export function readAt(
  fd: number,
  buf: Buffer,
  offset: number,
  length: number,
  position: number,
): number {
  let done = 0
  while (done < length) {
    const n = fs.readSync(fd, buf, offset + done, length - done, position + done)
    if (n === 0) break
    done += n
  }
  return done
}

/** Reads exactly `length` bytes at `position`, or throws KafkaStorageError on a short file. */
export function readExactly(fd: number, length: number, position: number, file: string): Buffer {
  const buf = Buffer.allocUnsafe(length)
  const n = readAt(fd, buf, 0, length, position)
  if (n !== length) {
    throw new KafkaStorageError(
      `short read from ${file}: wanted ${length} bytes at ${position}, got ${n}`,
    )
  }
  return buf
}

/** Writes all of `buf[offset, offset+length)` at `position`. */
export function writeAt(
  fd: number,
  buf: Buffer,
  offset: number,
  length: number,
  position: number,
): void {
  let done = 0
  while (done < length) {
    done += fs.writeSync(fd, buf, offset + done, length - done, position + done)
  }
}

/** fsyncs a directory so that creates, renames and unlinks in it are durable. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch (err) {
    // Some filesystems refuse fsync on a directory (EINVAL/EISDIR); the rename is still atomic.
    const code = (err as NodeJS.ErrnoException).code
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw err
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

/**
 * fsyncs each of `files` that exists, then `dir`, off the event loop and through fds of its own
 * (so the caller may close its fds meanwhile). A file deleted in the meantime is skipped, and so
 * is a directory fsync that the filesystem refuses (the file fsyncs still count).
 */
export async function fsyncFilesAndDir(files: readonly string[], dir: string): Promise<void> {
  for (const file of [...files, dir]) {
    let handle: fs.promises.FileHandle
    try {
      handle = await fs.promises.open(file, 'r')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw err
    }
    try {
      await handle.sync()
    } catch (err) {
      if (file !== dir) throw err
    } finally {
      await handle.close()
    }
  }
}

/** The same as {@link fsyncFilesAndDir}, blocking; the directory is fsynced by {@link fsyncDir}. */
export function fsyncFilesAndDirSync(files: readonly string[], dir: string): void {
  for (const file of files) {
    let fd: number
    try {
      fd = fs.openSync(file, 'r')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw err
    }
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  }
  fsyncDir(dir)
}

/** Unlinks a file, ignoring ENOENT. Returns whether it existed. */
export function unlinkIfExists(file: string): boolean {
  try {
    fs.unlinkSync(file)
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw err
  }
}

/** Size of a file, or -1 when it does not exist. */
export function fileSizeOrMissing(file: string): number {
  try {
    return fs.statSync(file).size
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return -1
    throw err
  }
}

/** Writes `data` to `file` atomically: temp file, fsync, rename over, fsync the directory. */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.tmp`
  const fd = fs.openSync(tmp, 'w')
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    writeAt(fd, buf, 0, buf.length, 0)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, file)
  fsyncDir(path.dirname(file))
}

/** Wraps an fs failure in KafkaStorageError (KAFKA_STORAGE_ERROR) with the original as `cause`. */
export function storageError(message: string, cause: unknown): KafkaStorageError {
  if (cause instanceof KafkaStorageError) return cause
  const detail = cause instanceof Error ? `: ${cause.message}` : ''
  return new KafkaStorageError(`${message}${detail}`, { cause })
}
