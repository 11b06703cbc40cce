/**
 * Split a normalised line into sentences (。！？；) and clauses (， , ： and the
 * sentence marks), keeping offsets into the line. A comma between digits that is
 * followed by exactly three digits is a thousands separator, not a boundary.
 */

export interface Clause {
  /** offsets into the line text, half-open, punctuation excluded */
  start: number;
  end: number;
  /** index of the sentence within the line */
  sentence: number;
  /** index of the clause within its sentence */
  index: number;
}

/** 2 at 。！？；;!? (end a sentence), 1 at ，,：: (end a clause), by char code. */
const BOUNDARY = new Uint8Array(0x10000);
for (const ch of "。！？；;!?") BOUNDARY[ch.charCodeAt(0)] = 2;
for (const ch of "，,：:") BOUNDARY[ch.charCodeAt(0)] = 1;

/** ASCII or full-width digit; NaN (outside the text) is none. */
function isDigitCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

function isThousandsComma(text: string, i: number): boolean {
  if (!isDigitCode(text.charCodeAt(i - 1))) return false;
  for (let k = 1; k <= 3; k++) if (!isDigitCode(text.charCodeAt(i + k))) return false;
  const c4 = text.charCodeAt(i + 4);
  return !isDigitCode(c4) && c4 !== 0x2e; // "."
}

/** Space, ideographic space or tab (trimmed off clause edges). */
function isPad(c: number): boolean {
  return c === 0x20 || c === 0x3000 || c === 0x09;
}

/**
 * Appends the clause text[start, end) with its pads trimmed, unless it is empty; says whether it
 * did. (A function of its own rather than a closure over splitClauses' counters: those would
 * live in a heap context, slower on every character before V8 optimises the loop.)
 */
function pushClause(out: Clause[], text: string, start: number, end: number, sentence: number, index: number): boolean {
  let s = start;
  let e = end;
  while (s < e && isPad(text.charCodeAt(s))) s++;
  while (e > s && isPad(text.charCodeAt(e - 1))) e--;
  if (e <= s) return false;
  out.push({ start: s, end: e, sentence, index });
  return true;
}

/** Clauses of `text` in order; empty clauses are dropped. */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  let sentence = 0;
  let index = 0;
  let start = 0;
  let sentenceHasClause = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const b = BOUNDARY[text.charCodeAt(i)];
    if (b === 0) continue;
    if (b === 2) {
      if (pushClause(out, text, start, i, sentence, index)) sentenceHasClause = true;
      start = i + 1;
      // the sentence counter moves on only when this sentence produced a clause
      if (sentenceHasClause) {
        sentence++;
        sentenceHasClause = false;
      }
      index = 0;
    } else {
      const c = text.charCodeAt(i);
      if ((c === 0x2c || c === 0xff0c) && isThousandsComma(text, i)) continue;
      if (pushClause(out, text, start, i, sentence, index)) {
        index++;
        sentenceHasClause = true;
      }
      start = i + 1;
    }
  }
  pushClause(out, text, start, n, sentence, index);
  return out;
}
