/**
 * Zigzag varints as in Kafka's `ByteUtils` (protobuf's sint32/sint64 encoding): the sign moves
 * to the lowest bit, then 7 bits a byte, least significant first, high bit set on all but the
 * last byte. Varints hold int32 values; varlongs hold int64 values, used for timestamp deltas.
 */
import { CorruptRecordError } from './errors.js'

/** Bytes `writeVarint` takes for `value` (an int32). */
export function sizeOfVarint(value: number): number {
  let v = ((value << 1) ^ (value >> 31)) >>> 0
  let bytes = 1
  while (v >= 0x80) {
    v >>>= 7
    bytes++
  }
  return bytes
}

/** Writes `value` (an int32) at `pos`; returns the position after it. */
export function writeVarint(buf: Buffer, pos: number, value: number): number {
  let v = ((value << 1) ^ (value >> 31)) >>> 0
  while (v >= 0x80) {
    buf[pos++] = (v & 0x7f) | 0x80
    v >>>= 7
  }
  buf[pos++] = v
  return pos
}

/** A decoded value with the position just after it. */
export interface Decoded<T> {
  value: T
  next: number
}

/** Reads an int32 varint at `pos`; throws CorruptRecordError past `end` or past 5 bytes. */
export function readVarint(buf: Buffer, pos: number, end = buf.length): Decoded<number> {
  let raw = 0
  let shift = 0
  for (let i = 0; i < 5; i++) {
    if (pos >= end) throw new CorruptRecordError('varint runs past the end of its buffer')
    const b = buf[pos++]!
    raw |= (b & 0x7f) << shift
    if ((b & 0x80) === 0) {
      if (i === 4 && b > 0x0f) break
      raw >>>= 0
      return { value: (raw >>> 1) ^ -(raw & 1), next: pos }
    }
    shift += 7
  }
  throw new CorruptRecordError('varint longer than 5 bytes')
}

// Varlongs are int64 on the wire; Samsa keeps them as JS numbers (timestamps and their deltas
// are far inside 2^53). A value outside the safe range is refused rather than rounded.
const TWO_POW_32 = 2 ** 32
const MAX_VARLONG = 2 ** 52

/** Bytes `writeVarlong` takes for `value` (an integer within +-2^52). */
export function sizeOfVarlong(value: number): number {
  if (value >= -0x40000000 && value < 0x40000000) return sizeOfVarint(value)
  let v = value >= 0 ? value * 2 : -value * 2 - 1
  let bytes = 1
  while (v >= 0x80) {
    v = Math.floor(v / 128)
    bytes++
  }
  return bytes
}

/** Writes `value` (an integer within +-2^52) as a zigzag varlong at `pos`; returns the position after it. */
export function writeVarlong(buf: Buffer, pos: number, value: number): number {
  // Small values, by far the common case for timestamp deltas, take the int32 path.
  if (value >= -0x40000000 && value < 0x40000000) return writeVarint(buf, pos, value)
  // The zigzag form doubles the value, so it stays exact only up to 2^52 in magnitude.
  if (!Number.isInteger(value) || Math.abs(value) > MAX_VARLONG) {
    throw new RangeError(`varlong ${value} is outside +-2^52`)
  }
  let v = value >= 0 ? value * 2 : -value * 2 - 1
  while (v >= 0x80) {
    buf[pos++] = (v % 128) | 0x80
    v = Math.floor(v / 128)
  }
  buf[pos++] = v
  return pos
}

/** Reads a zigzag varlong at `pos`; throws CorruptRecordError past `end`, past 10 bytes, or
 * for a value beyond +-2^52. */
export function readVarlong(buf: Buffer, pos: number, end = buf.length): Decoded<number> {
  let raw = 0
  let scale = 1
  for (let i = 0; i < 10; i++) {
    if (pos >= end) throw new CorruptRecordError('varlong runs past the end of its buffer')
    const b = buf[pos++]!
    raw += (b & 0x7f) * scale
    if ((b & 0x80) === 0) {
      if (raw > 2 * MAX_VARLONG) break
      const value = raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2
      return { value, next: pos }
    }
    scale *= 128
    if (scale > TWO_POW_32 * TWO_POW_32) break
  }
  throw new CorruptRecordError('varlong is longer than 10 bytes or beyond +-2^52')
}
