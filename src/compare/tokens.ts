/**
 * Tokens and TF-IDF vectors for section matching (diff). Words come from nodejieba through
 * util/words (`getCutter()`); without it (or with `words: false`) character bigrams stand in.
 * Weighting by inverse section frequency over both documents makes the words every section
 * of a work report shares (推进, 加快, 发展, 建设) count little and the specific ones (养老床位,
 * 新能源汽车) count much, which keeps a rewritten title close to its old wording.
 */
import { getCutter } from "../util/words.js";
import { squash } from "./similarity.js";

export type Tokenizer = (text: string) => string[];

const DIGITS = /^[\d.]+$/;

/** Character bigrams, with repeats (term frequency). */
export function bigramTokens(text: string): string[] {
  const chars = Array.from(squash(text));
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push((chars[i] as string) + (chars[i + 1] as string));
  return out;
}

/**
 * Word tokens (two characters or more, not a bare number) when nodejieba is available and
 * `words` is not false; bigrams otherwise. `words: false` is the measured alternative.
 */
export function makeTokenizer(words = true): Tokenizer {
  const cut = words ? getCutter() : null;
  if (!cut) return bigramTokens;
  return (text: string) => {
    const s = squash(text);
    if (s.length === 0) return [];
    return cut(s).filter((w) => w.length >= 2 && !DIGITS.test(w));
  };
}

export type Vector = Map<string, number>;

export function termFrequencies(tokens: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/** Inverse document frequency over a list of token bags: ln((N+1)/(df+1)) + 1. */
export function inverseFrequencies(bags: Map<string, number>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const bag of bags) for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = bags.length;
  const idf = new Map<string, number>();
  for (const [t, f] of df) idf.set(t, Math.log((n + 1) / (f + 1)) + 1);
  return idf;
}

/** A unit-length TF-IDF vector (sub-linear tf: 1 + ln tf). */
export function weigh(tf: Map<string, number>, idf: Map<string, number>): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [t, f] of tf) {
    const w = (1 + Math.log(f)) * (idf.get(t) ?? 1);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/** Cosine of two unit vectors; 0 when either is empty. */
export function cosine(a: Vector, b: Vector): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const x = large.get(t);
    if (x !== undefined) dot += w * x;
  }
  return Math.min(1, dot);
}
