/**
 * Batch compression codecs by their attribute code (bits 0-2). The broker never calls these on
 * the produce, fetch or replication path: compressed batches are stored and served as they came.
 * gzip uses Node's zlib; snappy, lz4 and zstd are registered when the client needs them.
 */
import { gunzipSync, gzipSync } from 'node:zlib'
import { UnsupportedCompressionTypeError } from './errors.js'

export const CompressionCodes = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const
export type CompressionType = keyof typeof CompressionCodes

interface Codec {
  compress(data: Buffer): Buffer
  decompress(data: Buffer): Buffer
}

const codecs: Partial<Record<CompressionType, Codec>> = {
  gzip: { compress: (data) => gzipSync(data), decompress: (data) => gunzipSync(data) },
}

const typesByCode = Object.fromEntries(
  Object.entries(CompressionCodes).map(([name, code]) => [code, name]),
) as Record<number, CompressionType>

/** The compression type for an attribute code; throws for codes 5-7, which Kafka leaves unused. */
export function compressionTypeOf(code: number): CompressionType {
  const type = typesByCode[code]
  if (type === undefined) throw new UnsupportedCompressionTypeError(`compression code ${code}`)
  return type
}

function codecFor(type: CompressionType): Codec {
  const codec = codecs[type]
  if (!codec) throw new UnsupportedCompressionTypeError(`${type} compression is not available`)
  return codec
}

export function compress(type: CompressionType, data: Buffer): Buffer {
  return type === 'none' ? data : codecFor(type).compress(data)
}

export function decompress(type: CompressionType, data: Buffer): Buffer {
  return type === 'none' ? data : codecFor(type).decompress(data)
}
