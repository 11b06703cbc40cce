/**
 * Section matching for diff: which section of NEW continues which section of OLD.
 *
 * Sections are matched by what they say, not by their numbers: a weighted TF-IDF cosine of
 * titles and of contents (the section's text when the decoded texts are given; else the
 * titles below it and its targets' and deadlines' clauses), words from nodejieba where it is
 * available (character bigrams otherwise), then a one-to-one optimal assignment (assign.ts).
 * Identical sections pair first, in order; an unmatched old and new section in the same slot
 * of the outline that still share some wording were retitled. A matched pair whose parent
 * changed, or that leaves the order of the other matches, is marked `moved`.
 */
import type { PlanDocument, Section } from "../types.js";
import { assign } from "./assign.js";
import { flattenSections } from "./common.js";
import { round3, squash } from "./similarity.js";
import { bigramTokens, cosine, inverseFrequencies, makeTokenizer, termFrequencies, type Vector, weigh } from "./tokens.js";
import type { DiffResult } from "./types.js";

export interface SectionMatchOptions {
  /** Sections match from this similarity on. */
  threshold: number;
  /** Use word segmentation (default true; falls back to bigrams when unavailable). */
  words?: boolean;
}

/** Weight of the title in the similarity when the texts are known (the rest is content). */
const TITLE_WEIGHT = 0.4;
/** ... and when the content is only the titles below and the clauses of the figures. */
const TITLE_WEIGHT_NO_TEXT = 0.6;
/** Ranking penalty for pairing sections of different depths. */
const DEPTH_PENALTY = 0.1;
/** Ranking penalty per unit of relative position shift (0..1 through the document). */
const SHIFT_PENALTY = 0.05;
/** Ranking penalty for pairing a section whose parent was paired with another section. */
const PARENT_PENALTY = 0.35;
/** A pair whose similarity, less its penalties, stays under this is not made. */
const MIN_RANK = 0.1;
/** In the same slot of the outline, sections match from this similarity on. */
const SLOT_THRESHOLD = 0.1;
/** Above this many unmatched sections on a side, a greedy pass replaces the assignment. */
const ASSIGN_MAX = 700;

export interface SectionInfo {
  section: Section;
  index: number;
  /** Index of the parent (-1 for a top section), of the previous and next sibling (-1: none). */
  parent: number;
  prev: number;
  next: number;
  titleKey: string;
  title: Vector;
  body: Vector;
  /** Title and content, for the exact-match pre-pass. */
  fingerprint: string;
}

interface RawInfo {
  section: Section;
  index: number;
  parent: number;
  prev: number;
  next: number;
  titleKey: string;
  bodyKey: string;
  titleTf: Map<string, number>;
  bodyTf: Map<string, number>;
}

type Tokens = (s: string) => string[];

function rawInfo(doc: PlanDocument, text: string | undefined, tokens: Tokens, titleTokens: Tokens): RawInfo[] {
  const flat = flattenSections(doc.sections);
  const clauses = new Map<string, string[]>();
  for (const t of [...doc.targets, ...doc.deadlines]) {
    if (t.sectionId === null) continue;
    const list = clauses.get(t.sectionId) ?? [];
    list.push(t.text);
    clauses.set(t.sectionId, list);
  }
  const position = new Map<Section, number>(flat.map((sec, i) => [sec, i]));
  const family = new Map<Section, { parent: number; prev: number; next: number }>();
  const walk = (list: Section[], parent: number): void => {
    list.forEach((sec, k) => {
      const prev = k > 0 ? (position.get(list[k - 1] as Section) ?? -1) : -1;
      const next = k + 1 < list.length ? (position.get(list[k + 1] as Section) ?? -1) : -1;
      family.set(sec, { parent, prev, next });
      walk(sec.children, position.get(sec) ?? -1);
    });
  };
  walk(doc.sections, -1);
  return flat.map((section, index) => {
    let body: string;
    if (text !== undefined) {
      body = text.slice(section.span.start, section.span.end);
      if (body.startsWith(section.marker)) body = body.slice(section.marker.length);
      if (body.startsWith(section.title)) body = body.slice(section.title.length);
    } else {
      const below = flattenSections(section.children).map((c) => c.title);
      const own = flattenSections([section]).flatMap((s) => clauses.get(s.id) ?? []);
      body = [...below, ...own].join("。");
    }
    const { parent, prev, next } = family.get(section) ?? { parent: -1, prev: -1, next: -1 };
    return {
      section,
      index,
      parent,
      prev,
      next,
      titleKey: squash(section.title),
      bodyKey: squash(body),
      titleTf: termFrequencies(titleTokens(section.title)),
      bodyTf: termFrequencies(tokens(body)),
    };
  });
}

/** Both outlines described with vectors weighted over the sections of both documents. */
export function describeBoth(
  oldDoc: PlanDocument,
  newDoc: PlanDocument,
  texts: { old?: string; new?: string },
  words = true,
): [SectionInfo[], SectionInfo[]] {
  const tokens = makeTokenizer(words);
  // titles are short: words and bigrams together (民生福祉 / 惠民生 share 民生 only as bigrams)
  const titleTokens = words ? (s: string) => [...tokens(s), ...bigramTokens(s)] : tokens;
  const a = rawInfo(oldDoc, texts.old, tokens, titleTokens);
  const b = rawInfo(newDoc, texts.new, tokens, titleTokens);
  const all = [...a, ...b];
  const idf = inverseFrequencies(all.flatMap((r) => [r.titleTf, r.bodyTf]));
  const finish = (r: RawInfo): SectionInfo => ({
    section: r.section,
    index: r.index,
    parent: r.parent,
    prev: r.prev,
    next: r.next,
    titleKey: r.titleKey,
    title: weigh(r.titleTf, idf),
    body: weigh(r.bodyTf, idf),
    fingerprint: `${r.titleKey}\u0000${r.bodyKey}`,
  });
  return [a.map(finish), b.map(finish)];
}

/** Weighted title/content cosine, 0..1. */
export function sectionSimilarity(a: SectionInfo, b: SectionInfo, withText: boolean): number {
  const t = a.titleKey === b.titleKey && a.titleKey !== "" ? 1 : cosine(a.title, b.title);
  if (a.body.size === 0 && b.body.size === 0) return t;
  const w = withText ? TITLE_WEIGHT : TITLE_WEIGHT_NO_TEXT;
  return w * t + (1 - w) * cosine(a.body, b.body);
}

/** A title for "did it change": a year (2023年工作回顾 → 2024年工作回顾) is not a new title. */
function sameTitle(key: string): string {
  return key.replace(/(?:19|20)\d{2}(?=年)/g, "YYYY");
}

type Matched = DiffResult["sections"]["matched"][number];

/**
 * Matched pairs that leave the order of the others: the complement of a longest increasing
 * subsequence of NEW positions, taken in OLD order.
 */
function outOfOrder(pairs: [number, number][]): Set<number> {
  const n = pairs.length;
  const tails: number[] = [];
  const tailIdx: number[] = [];
  const prevIdx = new Array<number>(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const x = (pairs[k] as [number, number])[1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
    tailIdx[lo] = k;
    prevIdx[k] = lo > 0 ? (tailIdx[lo - 1] as number) : -1;
  }
  const keep = new Set<number>();
  let k = tails.length > 0 ? (tailIdx[tails.length - 1] as number) : -1;
  while (k >= 0) {
    keep.add(k);
    k = prevIdx[k] as number;
  }
  const out = new Set<number>();
  for (let i = 0; i < n; i++) if (!keep.has(i)) out.add(i);
  return out;
}

export function matchSections(
  oldInfo: SectionInfo[],
  newInfo: SectionInfo[],
  withText: boolean,
  options: SectionMatchOptions,
): DiffResult["sections"] {
  const { threshold } = options;
  const oldTaken = new Map<number, { n: SectionInfo; sim: number }>();
  const newTaken = new Set<number>();
  // Pre-pass: sections with the same title and content pair in order, without scoring.
  const byFingerprint = new Map<string, SectionInfo[]>();
  for (const n of newInfo) {
    const list = byFingerprint.get(n.fingerprint) ?? [];
    list.push(n);
    byFingerprint.set(n.fingerprint, list);
  }
  for (const o of oldInfo) {
    const n = byFingerprint.get(o.fingerprint)?.shift();
    if (!n) continue;
    oldTaken.set(o.index, { n, sim: sectionSimilarity(o, n, withText) });
    newTaken.add(n.index);
  }
  const no = Math.max(1, oldInfo.length);
  const nn = Math.max(1, newInfo.length);
  const counterpart = (oldIndex: number): number =>
    oldIndex < 0 ? -1 : (oldTaken.get(oldIndex)?.n.index ?? -2);
  const run = (restOld: SectionInfo[], restNew: SectionInfo[]) => {
    const sims = restOld.map((o) => restNew.map((n) => sectionSimilarity(o, n, withText)));
    const rank = (i: number, j: number): number => {
      const o = restOld[i] as SectionInfo;
      const n = restNew[j] as SectionInfo;
      const sim = (sims[i] as number[])[j] as number;
      if (sim < threshold) return 0;
      const depth = o.section.depth === n.section.depth ? 0 : DEPTH_PENALTY;
      const shift = SHIFT_PENALTY * Math.abs(o.index / no - n.index / nn);
      // parents already paired elsewhere: a move, possible but less likely than staying
      const op = counterpart(o.parent);
      const parent = op !== -2 && n.parent >= 0 && newTaken.has(n.parent) && op !== n.parent ? PARENT_PENALTY : 0;
      const r = sim - depth - shift - parent;
      return r >= MIN_RANK ? r : 0;
    };
    const choice =
      restOld.length <= ASSIGN_MAX && restNew.length <= ASSIGN_MAX
        ? assign(restOld.length, restNew.length, rank, 1e-6)
        : greedy(restOld.length, restNew.length, rank);
    choice.forEach((j, i) => {
      if (j < 0) return;
      const n = restNew[j] as SectionInfo;
      oldTaken.set((restOld[i] as SectionInfo).index, { n, sim: (sims[i] as number[])[j] as number });
      newTaken.add(n.index);
    });
  };
  // Top-down, one depth at a time (a parent's pairing informs its children's), then whatever
  // is left across depths.
  const depths = [...new Set(oldInfo.map((o) => o.section.depth))].sort((a, b) => a - b);
  for (const d of depths) {
    run(
      oldInfo.filter((o) => !oldTaken.has(o.index) && o.section.depth === d),
      newInfo.filter((n) => !newTaken.has(n.index) && n.section.depth === d),
    );
  }
  run(
    oldInfo.filter((o) => !oldTaken.has(o.index)),
    newInfo.filter((n) => !newTaken.has(n.index)),
  );
  slotPass(oldInfo, newInfo, oldTaken, newTaken, withText);
  return finish(oldInfo, newInfo, oldTaken, newTaken);
}

function greedy(rows: number, cols: number, score: (i: number, j: number) => number): number[] {
  const all: [number, number, number][] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const s = score(i, j);
      if (s > 0) all.push([s, i, j]);
    }
  }
  all.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const out = new Array<number>(rows).fill(-1);
  const used = new Set<number>();
  for (const [, i, j] of all) {
    if (out[i] !== -1 || used.has(j)) continue;
    out[i] = j;
    used.add(j);
  }
  return out;
}

/** Unmatched old and new sections in the same slot that still share some wording: retitled. */
function slotPass(
  oldInfo: SectionInfo[],
  newInfo: SectionInfo[],
  oldTaken: Map<number, { n: SectionInfo; sim: number }>,
  newTaken: Set<number>,
  withText: boolean,
): void {
  const counterpart = (oldIndex: number): number =>
    oldIndex < 0 ? -1 : (oldTaken.get(oldIndex)?.n.index ?? -2);
  for (const o of oldInfo) {
    if (oldTaken.has(o.index)) continue;
    for (const n of newInfo) {
      if (newTaken.has(n.index) || o.section.depth !== n.section.depth) continue;
      if (
        counterpart(o.parent) !== n.parent ||
        counterpart(o.prev) !== n.prev ||
        counterpart(o.next) !== n.next
      ) {
        continue;
      }
      const sim = sectionSimilarity(o, n, withText);
      if (sim < SLOT_THRESHOLD) continue;
      oldTaken.set(o.index, { n, sim });
      newTaken.add(n.index);
      break;
    }
  }
}

function finish(
  oldInfo: SectionInfo[],
  newInfo: SectionInfo[],
  oldTaken: Map<number, { n: SectionInfo; sim: number }>,
  newTaken: Set<number>,
): DiffResult["sections"] {
  const pairs: [number, number][] = [];
  for (const o of oldInfo) {
    const m = oldTaken.get(o.index);
    if (m) pairs.push([o.index, m.n.index]);
  }
  const disorder = outOfOrder(pairs);
  const counterpart = (oldIndex: number): number =>
    oldIndex < 0 ? -1 : (oldTaken.get(oldIndex)?.n.index ?? -2);
  const matched: Matched[] = [];
  const removed: string[] = [];
  let k = 0;
  for (const o of oldInfo) {
    const m = oldTaken.get(o.index);
    if (!m) {
      removed.push(o.section.id);
      continue;
    }
    const entry: Matched = {
      old: o.section.id,
      new: m.n.section.id,
      similarity: round3(m.sim),
      titleChanged: sameTitle(o.titleKey) !== sameTitle(m.n.titleKey),
    };
    const parentMoved = counterpart(o.parent) !== m.n.parent;
    if (parentMoved || disorder.has(k)) entry.moved = true;
    matched.push(entry);
    k++;
  }
  const added = newInfo.filter((n) => !newTaken.has(n.index)).map((n) => n.section.id);
  return { matched, added, removed };
}
