/** Half-open offset ranges kept in order: checks and searches shared by the stages. */

export type Range = { start: number; end: number };

/** Non-empty ranges in order, each ending before the next starts. */
export function isSortedDisjoint(ranges: readonly Range[]): boolean {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i] as Range;
    if (!(r.start < r.end)) return false;
    if (i > 0 && (ranges[i - 1] as Range).end > r.start) return false;
  }
  return true;
}

/** Index of the first range whose end is > `pos` (ranges sorted and disjoint: ends ascend). */
export function firstEndingAfter(ranges: readonly Range[], pos: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ranges[mid] as Range).end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
