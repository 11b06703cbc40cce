/**
 * Small text helpers of the target finder: word-list lookups by first / last character, the
 * text before a position without spaces, offsets counted in non-space characters, ranges.
 * (performance) Indexed loops instead of for…of and array destructuring: each for…of compiles to
 * the iterator protocol with its try/finally, which made the per-figure code several times larger.
 */
import { firstEndingAfter, type Range } from "../../util/ranges.js";

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join("|");
}

export const SPACES_RE = /[ \u3000]/g;
/** `s` without spaces and ideographic spaces (itself when it has none: no replace call). */
export function stripSpaces(s: string): string {
  return s.includes(" ") || s.includes("\u3000") ? s.replace(SPACES_RE, "") : s;
}
/** Characters that glue a number into a code or a longer number (by char code). */


/**
 * (performance) The entries of `list` whose word starts ("first") or ends ("last") with a given
 * char code, in list order: a loop testing `s.startsWith(w)` / `s.endsWith(w)` over the whole
 * list meets its first hit in the same place when it only looks at the bucket of s's first /
 * last character. An empty word (matching anything) disables the grouping.
 */
export function bucketsBy<E>(list: readonly E[], wordOf: (e: E) => string, at: "first" | "last"): (code: number) => readonly E[] {
  if (list.some((e) => wordOf(e) === "")) return () => list;
  const map = new Map<number, E[]>();
  for (const e of list) {
    const w = wordOf(e);
    const code = w.charCodeAt(at === "first" ? 0 : w.length - 1);
    let bucket = map.get(code);
    if (!bucket) {
      bucket = [];
      map.set(code, bucket);
    }
    bucket.push(e);
  }
  const none: readonly E[] = [];
  return (code) => map.get(code) ?? none;
}
/** Does `s` start with one of `words` at `at`? */
export function startsWithAny(s: string, words: readonly string[], at = 0): boolean {
  for (let i = 0; i < words.length; i++) if (s.startsWith(words[i] as string, at)) return true;
  return false;
}
/** Does `s` end with one of `words`? */
export function endsWithAny(s: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (s.endsWith(words[i] as string)) return true;
  return false;
}
/** The first entry of `list` whose word `s` ends with. */
export function entryEnding<V>(s: string, list: readonly (readonly [string, V])[]): readonly [string, V] | undefined {
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as readonly [string, V];
    if (s.endsWith(e[0])) return e;
  }
  return undefined;
}
/** The first entry of `list` whose word `s` starts with. */
export function entryStarting<V>(s: string, list: readonly (readonly [string, V])[]): readonly [string, V] | undefined {
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as readonly [string, V];
    if (s.startsWith(e[0])) return e;
  }
  return undefined;
}
/** The entry of `list` for the word `w` (one that is known to be there). */
export function entryFor<V>(w: string, list: readonly (readonly [string, V])[]): readonly [string, V] {
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as readonly [string, V];
    if (e[0] === w) return e;
  }
  throw new Error(`no entry for ${w}`);
}
/** -1 when the figure at `start` carries a minus sign (负3.9%, 为-0.60‰), else 1. */
/** First / last code unit, -1 for "": an out-of-bounds charCodeAt deoptimises readFigure. */
export const firstCode = (s: string) => (s.length > 0 ? s.charCodeAt(0) : -1);
export const lastCode = (s: string) => (s.length > 0 ? s.charCodeAt(s.length - 1) : -1);

export function inRanges(ranges: readonly (readonly [number, number])[], start: number, end: number): boolean {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i] as readonly [number, number];
    if (start < r[1] && end > r[0]) return true;
  }
  return false;
}

export function prevNonSpace(text: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && (text[k] === " " || text[k] === "\u3000")) k--;
  return k >= 0 ? (text[k] as string) : "";
}

/**
 * Text before `pos` inside the clause, spaces removed, at most `n` (≥ 1) chars: the last `n`
 * non-space characters of text[max(floor, pos - n - 4), pos). Walks back instead of slicing
 * and replacing the whole window (this runs twice per figure).
 */
export function before(text: string, floor: number, pos: number, n: number): string {
  const lo = Math.max(floor, pos - n - 4);
  let k = pos;
  let count = 0;
  let spaces = false;
  while (k > lo && count < n) {
    k--;
    const c = text.charCodeAt(k);
    if (c === 0x20 || c === 0x3000) spaces = true;
    else count++;
  }
  const s = text.slice(k, pos);
  return spaces ? s.replace(SPACES_RE, "") : s;
}

/** Does [start, end) overlap one of `ranges`? Binary search when they are sorted and disjoint. */
export function overlapsExcluded(ranges: readonly Range[], sorted: boolean, start: number, end: number): boolean {
  if (!sorted || ranges.length < 8) {
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i] as Range;
      if (start < r.end && end > r.start) return true;
    }
    return false;
  }
  // the first range ending after `start` is the only candidate that can start before `end`
  const r = ranges[firstEndingAfter(ranges, start)];
  return r !== undefined && end > r.start;
}

/**
 * The segment start after the excluded ranges that end inside the clause before the figure's
 * lead: the last range (in order) with end ≤ leadStart, end > segStart, start ≥ clauseStart moves
 * it to its end. With sorted disjoint ranges that is the last range ending at or before leadStart.
 */
export function afterExcluded(
  ranges: readonly Range[],
  sorted: boolean,
  segStart: number,
  leadStart: number,
  clauseStart: number,
): number {
  let seg = segStart;
  if (!sorted || ranges.length < 8) {
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i] as Range;
      if (r.end <= leadStart && r.end > seg && r.start >= clauseStart) seg = r.end;
    }
    return seg;
  }
  const r = ranges[firstEndingAfter(ranges, leadStart) - 1];
  return r !== undefined && r.end > seg && r.start >= clauseStart ? r.end : seg;
}

export function isZh(s: string): boolean {
  const c = s.charCodeAt(0);
  return c > 0x2e80 && !(c >= 0xff10 && c <= 0xff19);
}


/** Offset `n` non-space characters before `pos`. */
export function backTo(text: string, pos: number, n: number): number {
  let k = pos;
  let left = n;
  while (k > 0 && left > 0) {
    k--;
    if (text[k] !== " " && text[k] !== "\u3000") left--;
  }
  return k;
}

/** Offset after `n` non-space characters from `pos`. */
export function forwardTo(text: string, pos: number, n: number): number {
  let k = pos;
  let left = n;
  while (k < text.length && left > 0) {
    if (text[k] !== " " && text[k] !== "\u3000") left--;
    k++;
  }
  return k;
}
