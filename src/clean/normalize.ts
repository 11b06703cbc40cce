/**
 * Per-line normalisation for matching, one output char per kept input char, with an
 * offset map back into the decoded text. Linear; scratch buffers are reused across calls.
 *
 * - full-width digits/letters and ％．（）＋－／＝＜＞～ → ASCII; Chinese punctuation ，。；： kept
 * - U+3000, NBSP, tab and other odd spaces → space; zero-width chars, BOM, soft hyphen dropped
 * - markdown residue: leading `#`s, `> `, list bullets; `**bold**` markers (when `markdown`)
 * - spaces dropped unless they sit between two ASCII letters/digits (then one is kept); trimmed
 */

export interface NormLine {
  text: string;
  /** offsets[i] = decoded-text offset of text[i]; offsets[text.length] = exclusive end */
  offsets: Int32Array;
  /** the line began with a list bullet ("- ", "• ") or a quote mark ("> ") that was removed */
  bullet: boolean;
}

// Sized so that lines seldom need more: a path first taken once normalizeMapped is optimised
// (here, growing) deoptimises it, and in a cold run the recompile costs more than the memory.
let codes = new Uint16Array(1 << 14);
let offs = new Int32Array(1 << 14);

function ensure(n: number): void {
  if (codes.length >= n) return;
  let size = codes.length;
  while (size < n) size *= 2;
  codes = new Uint16Array(size);
  offs = new Int32Array(size);
}

/**
 * Offset maps are carved out of shared slabs: one small typed array per line would each
 * allocate its own backing store. A slab stays alive while one of its lines does.
 */
const SLAB_SIZE = 1 << 15;
// empty at first, so that the allocating path runs (in the interpreter) before offsetArray and
// its callers are optimised; a large map takes the same path (one allocation site, not two)
let slab = new Int32Array(0);
let slabUsed = 0;

/** A zero-filled Int32Array of length `n` of its own (a view on a slab; a large one gets a slab of its own). */
function offsetArray(n: number): Int32Array {
  if (slabUsed + n > slab.length) {
    slab = new Int32Array(Math.max(SLAB_SIZE, n));
    slabUsed = 0;
  }
  const a = slab.subarray(slabUsed, slabUsed + n);
  slabUsed += n;
  return a;
}

const DROP = -1;
const SPACE = 0x20;

/** The normalised code of `c`, SPACE for odd spaces, DROP for invisible characters. */
export function mapChar(c: number): number {
  if (c < 0x80) return c === 0x09 || c === 0x0b || c === 0x0c ? SPACE : c;
  if (c >= 0xff01 && c <= 0xff5e) {
    // digits, Latin letters and a few operators fold to ASCII; other full-width punctuation stays
    if (
      (c >= 0xff10 && c <= 0xff19) ||
      (c >= 0xff21 && c <= 0xff3a) ||
      (c >= 0xff41 && c <= 0xff5a) ||
      c === 0xff05 ||
      c === 0xff0e ||
      c === 0xff08 ||
      c === 0xff09 ||
      c === 0xff0b ||
      c === 0xff0d ||
      c === 0xff0f ||
      c === 0xff1c ||
      c === 0xff1d ||
      c === 0xff1e ||
      c === 0xff5e
    ) {
      return c - 0xfee0;
    }
    return c;
  }
  if (c === 0xa0 || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f) return SPACE;
  if (c >= 0x2000 && c <= 0x200a) return SPACE;
  if ((c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff || c === 0xad) return DROP;
  return c;
}

/** CJK ideographs, kana, CJK and full-width punctuation, general punctuation (“”—…), surrogates. */
export function isCjk(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x2010 && c <= 0x206f) ||
    (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0x2460 && c <= 0x24ff) ||
    (c >= 0x25a0 && c <= 0x25ff) ||
    c === 0xb7
  );
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

const STAR = 0x2a;

function isBullet(c: number): boolean {
  return (
    c === 0x2d ||
    c === 0x2a ||
    c === 0x2b ||
    c === 0x2022 ||
    c === 0xb7 ||
    c === 0x25aa ||
    c === 0x25cf ||
    c === 0x25c6
  );
}

/**
 * Normalises `text[start, end)` (one physical line without its line break).
 * `markdown` enables removal of paired `**` bold markers (off for plain text, where `**`
 * is often a redaction mark).
 */
export function normalizeLine(text: string, start: number, end: number, markdown: boolean): NormLine {
  // fast path: a line of plain characters only (most lines) is its own normal form
  let plain = true;
  for (let i = start; i < end; i++) {
    if (PLAIN[text.charCodeAt(i)] !== 1) {
      plain = false;
      break;
    }
  }
  if (plain) {
    const offsets = offsetArray(end - start + 1);
    for (let k = 0, i = start; i <= end; k++, i++) offsets[k] = i;
    return { text: end > start ? text.slice(start, end) : "", offsets, bullet: false };
  }
  return normalizeMapped(text, start, end, markdown);
}

/**
 * normalizeLine for a line with characters to map, drop or compact. Kept apart from the fast
 * path so that its rarer branches, when first taken, deoptimise and recompile this function
 * only, not the small hot one (and every caller it is inlined into).
 */
function normalizeMapped(text: string, start: number, end: number, markdown: boolean): NormLine {
  ensure(end - start + 1);
  // pass 1: map characters
  let n = 0;
  let same = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const m = mapChar(c);
    if (m !== c) same = false;
    if (m === DROP) continue;
    codes[n] = m;
    offs[n] = i;
    n++;
  }
  // leading markdown residue: "#… ", "> ", bullets "- ", "• "
  let p = 0;
  while (p < n && codes[p] === SPACE) p++;
  let q = p;
  while (q < n && q - p < 6 && codes[q] === 0x23) q++;
  if (q > p && q < n && codes[q] === SPACE) p = q + 1;
  let bullet = false;
  for (let guard = 0; guard < 3; guard++) {
    while (p < n && codes[p] === SPACE) p++;
    if (p + 1 < n && codes[p + 1] === SPACE && (codes[p] === 0x3e || isBullet(codes[p] as number))) {
      bullet = bullet || codes[p] !== 0x3e;
      p += 2;
    } else break;
  }
  if (markdown) stripBold(p, n);
  // pass 2: spaces (and deleted markers, code 0) compacted; offsets kept
  let w = 0;
  let prev = -1;
  let i = p;
  while (i < n) {
    const c = codes[i] as number;
    if (c === 0) {
      i++;
      continue;
    }
    if (c !== SPACE) {
      codes[w] = c;
      offs[w] = offs[i] as number;
      w++;
      prev = c;
      i++;
      continue;
    }
    const spaceAt = i;
    while (i < n && (codes[i] === SPACE || codes[i] === 0)) i++;
    if (
      i < n &&
      prev !== -1 &&
      ((isAsciiAlnum(prev) && isAsciiAlnum(codes[i] as number)) || isLeadingHanziNumeral(w))
    ) {
      codes[w] = SPACE;
      offs[w] = offs[spaceAt] as number;
      w++;
      prev = SPACE;
    }
  }
  const offsets = offsetArray(w + 1);
  offsets.set(offs.subarray(0, w));
  offsets[w] = w > 0 ? (offsets[w - 1] as number) + 1 : start;
  // nothing mapped, dropped, stripped or compacted: the line is its own normal form
  const str =
    w === 0
      ? ""
      : same && p === 0 && w === end - start
        ? text.slice(start, end)
        : w <= 512
          ? String.fromCharCode.apply(null, codes.subarray(0, w) as unknown as number[])
          : Buffer.from(codes.buffer, codes.byteOffset, w * 2).toString("utf16le");
  // one object shape for every line (bullet always present)
  return { text: str, offsets, bullet };
}

/** The only code units mapChar changes lie in these ranges (inclusive). */
const MAPPED_RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0x7f],
  [0xa0, 0xad],
  [0x1680, 0x1680],
  [0x2000, 0x2060],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
  [0xff01, 0xff5e],
];

/**
 * Code units normalizeLine leaves alone in every position (1; 2 for the others): mapped to
 * themselves, and neither a space (compacted; the separator of leading markdown residue), a
 * star (bold markers) nor NUL (code 0 marks a deleted character). A line of these alone is
 * copied as it is. Filled at load from MAPPED_RANGES (a few hundred mapChar calls), so that
 * the hot loop of normalizeLine is a table read only.
 */
const PLAIN = new Uint8Array(0x10000).fill(1);
for (let r = 0; r < MAPPED_RANGES.length; r++) {
  const range = MAPPED_RANGES[r] as readonly [number, number];
  for (let c = range[0]; c <= range[1]; c++) if (mapChar(c) !== c) PLAIN[c] = 2;
}
PLAIN[SPACE] = 2;
PLAIN[STAR] = 2;
PLAIN[0] = 2;

const HANZI_NUMERALS = new Set([..."一二三四五六七八九十"].map((c) => c.charCodeAt(0)));

/**
 * True when codes[0, w) is a short Chinese numeral alone at the start of the line: the space
 * after it ("一 2020年工作回顾") is the heading's separator, so it is kept for the segment stage.
 */
function isLeadingHanziNumeral(w: number): boolean {
  if (w === 0 || w > 3) return false;
  for (let k = 0; k < w; k++) if (!HANZI_NUMERALS.has(codes[k] as number)) return false;
  return true;
}

/** Marks `**` bold markers in codes[from, to) as deleted (code 0). Runs of 1 or ≥3 stars are kept. */
function stripBold(from: number, to: number): void {
  let first = -1;
  let last = -1;
  let pending = -1;
  // a whole-line wrapper "**…**" (also "***x**" where one star belongs to the text)
  let s = from;
  while (s < to && codes[s] === SPACE) s++;
  let e = to;
  while (e > s && codes[e - 1] === SPACE) e--;
  if (
    e - s > 4 &&
    codes[s] === STAR &&
    codes[s + 1] === STAR &&
    codes[e - 1] === STAR &&
    codes[e - 2] === STAR
  ) {
    let runEnd = s;
    while (runEnd < e && codes[runEnd] === STAR) runEnd++;
    let runStart = e;
    while (runStart > s && codes[runStart - 1] === STAR) runStart--;
    if (runEnd < runStart) {
      first = s;
      last = e - 2;
      codes[s] = 0;
      codes[s + 1] = 0;
      codes[e - 1] = 0;
      codes[e - 2] = 0;
    }
  }
  let i = from;
  while (i < to) {
    if (codes[i] !== STAR) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && codes[j] === STAR) j++;
    if (j - i === 2 && i !== first && i !== last) {
      if (pending === -1) {
        const next = j < to ? (codes[j] as number) : SPACE;
        if (next !== SPACE) pending = i;
      } else {
        const before = codes[i - 1] as number;
        if (before !== SPACE && before !== 0) {
          codes[pending] = 0;
          codes[pending + 1] = 0;
          codes[i] = 0;
          codes[i + 1] = 0;
          pending = -1;
        } else pending = i;
      }
    }
    i = j;
  }
}
