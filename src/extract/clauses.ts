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

const SENTENCE_END = new Set(["。", "！", "？", "；", ";", "!", "?"]);
const CLAUSE_END = new Set(["，", ",", "：", ":"]);

function isDigit(c: string | undefined): boolean {
  return c !== undefined && ((c >= "0" && c <= "9") || (c >= "０" && c <= "９"));
}

function isThousandsComma(text: string, i: number): boolean {
  if (!isDigit(text[i - 1])) return false;
  for (let k = 1; k <= 3; k++) if (!isDigit(text[i + k])) return false;
  return !isDigit(text[i + 4]) && text[i + 4] !== ".";
}

/** Clauses of `text` in order; empty clauses are dropped. */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  let sentence = 0;
  let index = 0;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && (text[s] === " " || text[s] === "\u3000" || text[s] === "\t")) s++;
    while (e > s && (text[e - 1] === " " || text[e - 1] === "\u3000" || text[e - 1] === "\t")) e--;
    if (e > s) out.push({ start: s, end: e, sentence, index: index++ });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (SENTENCE_END.has(c)) {
      push(i);
      start = i + 1;
      if (out.length > 0 && (out[out.length - 1] as Clause).sentence === sentence) sentence++;
      index = 0;
    } else if (CLAUSE_END.has(c)) {
      if ((c === "," || c === "，") && isThousandsComma(text, i)) continue;
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}
