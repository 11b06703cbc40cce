/**
 * The only door to nodejieba (POS tagging for metric naming). Loaded lazily, once
 * per process, on first use; extraction works without it (slightly worse metrics).
 */
import { createRequire } from "node:module";

export interface TaggedWord {
  word: string;
  tag: string;
}
type Tagger = (s: string) => TaggedWord[];

let loaded: Tagger | null | undefined;

/** The POS tagger, or null when nodejieba cannot be loaded. Loads at most once. */
export function getTagger(): Tagger | null {
  if (loaded !== undefined) return loaded;
  try {
    const require = createRequire(import.meta.url);
    const jieba = require("nodejieba") as { tag(s: string): TaggedWord[] };
    loaded = (s: string) => jieba.tag(s);
  } catch {
    loaded = null;
  }
  return loaded;
}

/** true once the tagger has been requested (for tests and timing). */
export function taggerLoaded(): boolean {
  return loaded !== undefined && loaded !== null;
}
