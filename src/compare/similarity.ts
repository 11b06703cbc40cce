/** Character-bigram similarity of short Chinese strings (titles, metrics, clauses). */

const NOISE = /[\s\p{P}\p{S}]+/gu;

/** NFKC, then drop whitespace, punctuation and symbols. */
export function squash(text: string): string {
  return text.normalize("NFKC").replace(NOISE, "");
}

/** The set of character bigrams of `text` (its single character when it has one). */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  const chars = Array.from(text);
  if (chars.length === 1) out.add(chars[0] as string);
  for (let i = 0; i + 1 < chars.length; i++) out.add((chars[i] as string) + (chars[i + 1] as string));
  return out;
}

/** Dice coefficient of two bigram sets: 2|A∩B| / (|A|+|B|); 0 when both are empty. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

export function round3(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}
