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

/** Fold U+FF01..U+FF5E to ASCII and the ideographic/NBSP spaces to " ". */
export function foldWidth(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0) out += " ";
    else out += s[i];
  }
  return out;
}

/** A line ready for meta patterns: no whitespace at all, no markdown residue. */
export function normalizeLine(raw: string): string {
  let s = foldWidth(raw).replace(ZERO_WIDTH, "").trim();
  s = s.replace(MD_LEAD, "").trim();
  return s.replace(MD_BOLD, "").replace(HTML_COMMENT, "").replace(WHITESPACE, "");
}
