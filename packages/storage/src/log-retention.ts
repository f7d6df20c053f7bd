import type { LogConfig } from './log-config.js'
import type { Segment } from './segment.js'

/** Why retention deletes a segment. */
export type RetentionReason = 'log start offset' | 'retention.ms' | 'retention.bytes'

/**
 * Which leading segments retention deletes, oldest first, as Kafka's `deleteOldSegments`: first
 * those wholly below the log start offset, then those older than `retention.ms` (by their
 * largest timestamp; the file's mtime when no batch has one), then the oldest while the log is
 * larger than `retention.bytes`. Each stage stops at the first segment it keeps, and the active
 * (last) segment is never deleted. Returns one reason per segment to delete.
 */
export function segmentsToDelete(
  segments: readonly Segment[],
  config: Pick<LogConfig, 'retentionMs' | 'retentionBytes'>,
  logStartOffset: number,
  now: number,
): RetentionReason[] {
  const reasons: RetentionReason[] = []
  const last = segments.length - 1
  let i = 0
  while (i < last && segments[i + 1]!.baseOffset <= logStartOffset) {
    reasons.push('log start offset')
    i++
  }
  if (config.retentionMs >= 0) {
    while (i < last) {
      const largest = segments[i]!.largestTimestamp()
      if (now - (largest >= 0 ? largest : segments[i]!.lastModified()) <= config.retentionMs) break
      reasons.push('retention.ms')
      i++
    }
  }
  if (config.retentionBytes >= 0) {
    let excess = -config.retentionBytes
    for (let j = i; j <= last; j++) excess += segments[j]!.size
    while (i < last && excess - segments[i]!.size >= 0) {
      excess -= segments[i]!.size
      reasons.push('retention.bytes')
      i++
    }
  }
  return reasons
}
