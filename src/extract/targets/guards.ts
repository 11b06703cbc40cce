/** Ranges of a line whose numbers name rather than measure: 《titles》 and short “slogans”. */

/** Every protected range opens with one of these (checked once instead of six indexOf scans). */
const OPENERS_RE = /[《〈“「‘"]/;

/** Opening and closing marks of protected ranges, with the longest inside they may hold. */
const PROTECTED_PAIRS: readonly (readonly [string, string, number])[] = [
  ["《", "》", 80],
  ["〈", "〉", 80],
  ["“", "”", 18],
  ["「", "」", 18],
  ["‘", "’", 18],
];

/** Ranges of the line that name rather than measure: 《book titles》 and short “slogans”. */
export function protectedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  if (!OPENERS_RE.test(text)) return out;
  for (let k = 0; k < PROTECTED_PAIRS.length; k++) {
    const pair = PROTECTED_PAIRS[k] as (typeof PROTECTED_PAIRS)[number];
    const open = pair[0];
    const close = pair[1];
    const max = pair[2];
    let i = text.indexOf(open);
    while (i >= 0) {
      const j = text.indexOf(close, i + 1);
      if (j < 0) break;
      if (j - i - 1 <= max) out.push([i, j + 1]);
      i = text.indexOf(open, j + 1);
    }
  }
  // ASCII double quotes, paired left to right
  let q = text.indexOf('"');
  while (q >= 0) {
    const r = text.indexOf('"', q + 1);
    if (r < 0) break;
    if (r - q - 1 <= 18) out.push([q, r + 1]);
    q = text.indexOf('"', r + 1);
  }
  return out;
}
