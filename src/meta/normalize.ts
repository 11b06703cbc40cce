/**
 * Light normalisation for meta matching only (meta reports no spans, so no
 * offset map is kept): full-width ASCII → ASCII, odd spaces and zero-width
 * characters dropped, all whitespace removed, markdown residue stripped.
 * Works the same on the stub clean stage (raw lines) and the real one.
 */

const ZERO_WIDTH = /[\u200b-\u200f\u2060\ufeff]/g;
const WHITESPACE = /[\s\u00a0\u3000]+/g;
const MD_BOLD = /\*{2,3}/g;
const MD_LEAD = /^(?:#{1,6}|>|[-•·]|\*{1,3})/;
const HTML_COMMENT = /<!--|-->/g;

/** Characters foldWidth changes: full-width ASCII, the ideographic space and NBSP. */
const FOLDABLE_RE = /[\uff01-\uff5e\u3000\u00a0]/;
/** Scratch code units for foldWidth (grown on demand, reused). */
let units = new Uint16Array(256);
/** "utf16le" decoding reads the scratch units as they are only on a little-endian machine. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Fold U+FF01..U+FF5E to ASCII and the ideographic/NBSP spaces to " ". Returns `s` itself when
 * nothing needs folding; else maps its code units through a buffer decoded once (no string
 * built a character at a time).
 */
export function foldWidth(s: string): string {
  if (!FOLDABLE_RE.test(s)) return s;
  const n = s.length;
  // the scratch grows up to KEEP_UNITS; a longer text gets a buffer of its own
  let buf = units;
  if (buf.length < n) {
    buf = new Uint16Array(Math.max(n, buf.length * 2));
    if (buf.length <= KEEP_UNITS) units = buf;
  }
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    buf[i] = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 || c === 0xa0 ? 0x20 : c;
  }
  if (LITTLE_ENDIAN) return Buffer.from(buf.buffer, 0, n * 2).toString("utf16le");
  let out = "";
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode(...buf.subarray(i, Math.min(n, i + 4096)));
  return out;
}

/** Largest scratch foldWidth keeps between calls (code units). */
const KEEP_UNITS = 1 << 20;

/**
 * Per code unit: 1 folds (full-width ASCII, U+3000, NBSP), 2 may need the regular expressions
 * below: whitespace (\s, which trim and WHITESPACE remove; it covers U+FEFF), zero-width
 * characters, and the characters of markdown residue (MD_LEAD, MD_BOLD, HTML_COMMENT); after
 * folding, a full-width form of one of those needs them too.
 */
const CHAR_CLASS = new Uint8Array(0x10000);
for (let c = 0xff01; c <= 0xff5e; c++) CHAR_CLASS[c] = 1;
for (const ch of "\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff\u2060*<>#•·-＊＜＞＃－")
  CHAR_CLASS[ch.charCodeAt(0)] = 2;
for (let c = 0x2000; c <= 0x200f; c++) CHAR_CLASS[c] = 2; // odd spaces, zero-width characters

/** A line ready for meta patterns: no whitespace at all, no markdown residue. */
export function normalizeLine(raw: string): string {
  // one pass over the code units decides: nothing to do (most lines), only folding, or the full path
  let worst = 0;
  for (let i = 0; i < raw.length; i++) {
    const k = CHAR_CLASS[raw.charCodeAt(i)] as number;
    if (k > worst) {
      worst = k;
      if (k === 2) break;
    }
  }
  if (worst === 0) return raw;
  const folded = foldWidth(raw);
  if (worst === 1) return folded;
  return stripResidue(folded);
}

/** normalizeLine's full path for a folded line: zero-width characters, markdown residue, whitespace. */
function stripResidue(folded: string): string {
  let s = folded.replace(ZERO_WIDTH, "").trim();
  s = s.replace(MD_LEAD, "").trim();
  return s.replace(MD_BOLD, "").replace(HTML_COMMENT, "").replace(WHITESPACE, "");
}

/**
 * normalizeLine of every line, for many lines at once: they are folded as one text and split
 * again (one fold instead of one per line), and only the lines that hold a character of
 * CHAR_CLASS 2 take the full path. Lines holding a line break are normalised one by one.
 */
export function normalizeLines(raws: readonly string[]): string[] {
  const joined = raws.join("\n");
  const folded = foldWidth(joined);
  const out = folded.split("\n");
  if (out.length !== raws.length) {
    for (let i = 0; i < raws.length; i++) out[i] = normalizeLine(raws[i] as string);
    out.length = raws.length;
    return out;
  }
  let start = 0;
  for (let i = 0; i < out.length; i++) {
    const line = out[i] as string;
    const end = start + line.length;
    if (hasClass2(folded, start, end)) out[i] = stripResidue(line);
    start = end + 1;
  }
  return out;
}

/**
 * Whether folded[start, end) holds a character of CHAR_CLASS 2. (A loop over the table, not a
 * regular expression: a class of this many ranges is tested by a call per character.)
 */
function hasClass2(folded: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (CHAR_CLASS[folded.charCodeAt(i)] === 2) return true;
  return false;
}
