/**
 * The only door to nodejieba (word segmentation and POS tagging). Every stage that needs word
 * boundaries comes through here, on candidate spans only. Loaded lazily, once per process, on
 * first use; every caller must work without it (null), with a documented fallback.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export interface TaggedWord {
  word: string;
  tag: string;
}
type Tagger = (s: string) => TaggedWord[];
type Cutter = (s: string) => string[];

interface Jieba {
  tag(s: string): TaggedWord[];
  cut(s: string, hmm?: boolean): string[];
  load(dicts: { idfDict?: string; stopWordDict?: string }): unknown;
}

/**
 * The stub IDF and stop-word files (data/jieba/): segmentation and tagging never read them, and
 * nodejieba's own cost ~0.1 s and 19 MB to load. Found from src/ (tests) and from dist/src/.
 */
function stubDicts(): { idfDict: string; stopWordDict: string } | null {
  for (const up of ["../../data/jieba/", "../../../data/jieba/"]) {
    const idfDict = fileURLToPath(new URL(`${up}idf-stub.utf8`, import.meta.url));
    const stopWordDict = fileURLToPath(new URL(`${up}stop-words-stub.utf8`, import.meta.url));
    if (existsSync(idfDict) && existsSync(stopWordDict)) return { idfDict, stopWordDict };
  }
  return null;
}
let jieba: Jieba | null | undefined;
let loaded: Tagger | null | undefined;
let cutter: Cutter | null | undefined;

function load(): Jieba | null {
  if (jieba !== undefined) return jieba;
  if (process.env.PLAN_PARSE_NO_JIEBA === "1") return (jieba = null);
  try {
    const require = createRequire(import.meta.url);
    const j = require("nodejieba") as Jieba;
    const stubs = stubDicts();
    if (stubs) j.load(stubs);
    jieba = j;
  } catch {
    jieba = null;
  }
  return jieba;
}

/** Word segmentation (HMM on), or null when nodejieba cannot be loaded or PLAN_PARSE_NO_JIEBA=1. */
export function getCutter(): Cutter | null {
  if (cutter !== undefined) return cutter;
  const j = load();
  cutter = j ? (s: string) => j.cut(s, true) : null;
  return cutter;
}

/** The POS tagger, or null when nodejieba cannot be loaded. Loads at most once. */
export function getTagger(): Tagger | null {
  if (loaded !== undefined) return loaded;
  const j = load();
  loaded = j ? (s: string) => j.tag(s) : null;
  return loaded;
}

/** true once the tagger has been requested (for tests and timing). */
export function taggerLoaded(): boolean {
  return jieba !== undefined && jieba !== null;
}
