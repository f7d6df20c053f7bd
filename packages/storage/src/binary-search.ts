/**
 * The last position `i` in [0, `length`) whose key is <= `target`, or -1 when there is none.
 * Keys, read by `keyAt`, must not decrease with the position. Binary search, O(log length).
 */
export function floorSearch(
  length: number,
  target: number,
  keyAt: (position: number) => number,
): number {
  let lo = 0
  let hi = length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (keyAt(mid) <= target) {
      found = mid
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return found
}
