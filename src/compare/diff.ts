/**
 * diff: what changed between two versions of a plan.
 *
 * Sections are matched by what they say, not by their numbers: a weighted
 * character-bigram Dice of titles and of contents (the section's text when the
 * decoded texts are given; else the titles below it and its targets' and
 * deadlines' clauses), then a greedy one-to-one assignment, best pairs first.
 * Targets are paired inside matched sections by metric similarity and unit.
 */
import type { PlanDocument, Section, Target } from "../types.js";
import { documentRef, flattenSections } from "./common.js";
import { compatible, metricKey, metricSimilarity } from "./metric.js";
import { bigrams, dice, round3, squash } from "./similarity.js";
import type { DiffResult } from "./types.js";

export interface DiffOptions {
  /** The decoded text of OLD (its spans point into it); sharpens section matching. */
  oldText?: string;
  /** The decoded text of NEW. */
  newText?: string;
  /** Sections match from this similarity on (default 0.45). */
  threshold?: number;
}

const DEFAULT_THRESHOLD = 0.45;
/** Weight of the title in the section similarity (the rest is content). */
const TITLE_WEIGHT = 0.5;
/** Ranking penalty for pairing sections of different depths. */
const DEPTH_PENALTY = 0.1;
/** In the same slot of the outline, sections match from this similarity on. */
const SLOT_THRESHOLD = 0.1;
/** Two targets of matched sections pair from this metric similarity on. */
const TARGET_METRIC_MIN = 0.6;
/** ... or from this similarity of their clauses (same unit class still required). */
const TARGET_TEXT_MIN = 0.75;

interface SectionInfo {
  section: Section;
  index: number;
  /** Index of the parent (-1 for a top section), of the previous and next sibling (-1: none). */
  parent: number;
  prev: number;
  next: number;
  title: Set<string>;
  body: Set<string>;
  titleKey: string;
  /** Title and content, for the exact-match pre-pass. */
  fingerprint: string;
}

function describe(doc: PlanDocument, text: string | undefined): SectionInfo[] {
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
    } else {
      const below = flattenSections(section.children).map((c) => c.title);
      const own = flattenSections([section]).flatMap((s) => clauses.get(s.id) ?? []);
      body = [...below, ...own].join("");
    }
    const titleKey = squash(section.title);
    const bodyKey = squash(body);
    const { parent, prev, next } = family.get(section) ?? { parent: -1, prev: -1, next: -1 };
    return {
      section,
      index,
      parent,
      prev,
      next,
      title: bigrams(titleKey),
      body: bigrams(bodyKey),
      titleKey,
      fingerprint: `${titleKey}\u0000${bodyKey}`,
    };
  });
}

/**
 * Weighted title/content Dice. With `floor`, returns -1 as soon as the size bound
 * of the content Dice (2·min/(|A|+|B|)) shows the pair cannot reach it.
 */
function sectionSimilarity(a: SectionInfo, b: SectionInfo, withText: boolean, floor = 0): number {
  const t = dice(a.title, b.title);
  if (a.body.size === 0 && b.body.size === 0) return t;
  const w = withText ? TITLE_WEIGHT : 0.7;
  const bound = (2 * Math.min(a.body.size, b.body.size)) / (a.body.size + b.body.size);
  if (w * t + (1 - w) * bound < floor) return -1;
  const c = dice(a.body, b.body);
  return w * t + (1 - w) * c;
}

function matchSections(oldInfo: SectionInfo[], newInfo: SectionInfo[], withText: boolean, threshold: number) {
  const candidates: { o: SectionInfo; n: SectionInfo; sim: number; rank: number; shift: number }[] = [];
  const no = Math.max(1, oldInfo.length);
  const nn = Math.max(1, newInfo.length);
  // Pre-pass: sections with the same title and content pair in order, without scoring all pairs.
  const identical = new Map<number, SectionInfo>();
  const byFingerprint = new Map<string, SectionInfo[]>();
  for (const n of newInfo) {
    const list = byFingerprint.get(n.fingerprint) ?? [];
    list.push(n);
    byFingerprint.set(n.fingerprint, list);
  }
  for (const o of oldInfo) {
    const n = byFingerprint.get(o.fingerprint)?.shift();
    if (n) identical.set(o.index, n);
  }
  const identicalNew = new Set([...identical.values()].map((n) => n.index));
  for (const o of oldInfo) {
    const same = identical.get(o.index);
    if (same) {
      candidates.push({
        o,
        n: same,
        sim: sectionSimilarity(o, same, withText),
        rank: Number.POSITIVE_INFINITY,
        shift: 0,
      });
      continue;
    }
    for (const n of newInfo) {
      if (identicalNew.has(n.index)) continue;
      const sim = sectionSimilarity(o, n, withText, threshold);
      if (sim < threshold) continue;
      const rank = sim - (o.section.depth === n.section.depth ? 0 : DEPTH_PENALTY);
      const shift = Math.abs(o.index / no - n.index / nn);
      candidates.push({ o, n, sim, rank, shift });
    }
  }
  candidates.sort((x, y) => y.rank - x.rank || x.shift - y.shift || x.o.index - y.o.index);
  const oldTaken = new Map<number, { n: SectionInfo; sim: number }>();
  const newTaken = new Set<number>();
  for (const c of candidates) {
    if (oldTaken.has(c.o.index) || newTaken.has(c.n.index)) continue;
    oldTaken.set(c.o.index, { n: c.n, sim: c.sim });
    newTaken.add(c.n.index);
  }
  // Second pass: an unmatched old and an unmatched new section in the same slot (matched
  // parents, matched neighbours on both sides) that still share some wording were retitled.
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

  const matched: DiffResult["sections"]["matched"] = [];
  const removed: string[] = [];
  for (const o of oldInfo) {
    const m = oldTaken.get(o.index);
    if (!m) {
      removed.push(o.section.id);
      continue;
    }
    matched.push({
      old: o.section.id,
      new: m.n.section.id,
      similarity: round3(m.sim),
      titleChanged: o.titleKey !== m.n.titleKey,
    });
  }
  const added = newInfo.filter((n) => !newTaken.has(n.index)).map((n) => n.section.id);
  return { matched, added, removed };
}

interface TargetCandidate {
  o: number;
  n: number;
  score: number;
}

function sameFigure(a: Target, b: Target): boolean {
  return (
    a.value === b.value &&
    (a.valueMax ?? null) === (b.valueMax ?? null) &&
    a.comparator === b.comparator &&
    a.unit.normalize("NFKC") === b.unit.normalize("NFKC") &&
    (a.change ?? null) === (b.change ?? null)
  );
}

function pairTargets(
  oldTargets: Target[],
  newTargets: Target[],
  sectionMap: Map<string | null, string | null>,
): { pairs: [Target, Target][]; added: Target[]; removed: Target[] } {
  const oldText = oldTargets.map((t) => bigrams(squash(t.text)));
  const newText = newTargets.map((t) => bigrams(squash(t.text)));
  const candidates: TargetCandidate[] = [];
  // Only two kinds of pairs are possible: same (matched) section, or same metric key.
  const bySection = new Map<string | null, number[]>();
  const byKey = new Map<string, number[]>();
  newTargets.forEach((n, j) => {
    for (const [map, key] of [
      [bySection, n.sectionId],
      [byKey, metricKey(n.metric)],
    ] as [Map<string | null, number[]>, string | null][]) {
      const list = map.get(key) ?? [];
      list.push(j);
      map.set(key, list);
    }
  });
  oldTargets.forEach((o, i) => {
    const home = sectionMap.has(o.sectionId) ? sectionMap.get(o.sectionId) : undefined;
    const near = new Set([
      ...(home !== undefined ? (bySection.get(home) ?? []) : []),
      ...(byKey.get(metricKey(o.metric)) ?? []),
    ]);
    for (const j of near) {
      const n = newTargets[j] as Target;
      if (!compatible(o, n)) continue;
      const textSim = dice(oldText[i] as Set<string>, newText[j] as Set<string>);
      const metricSim = metricSimilarity(o.metric, n.metric, { containment: true });
      if (home !== undefined && n.sectionId === home) {
        // Same (matched) section: the metric decides, the clause breaks ties; a nearly
        // identical clause pairs even when the extracted metric wording drifted.
        const sim = Math.max(metricSim, textSim >= TARGET_TEXT_MIN ? 0.9 * textSim : 0);
        if (metricSim >= TARGET_METRIC_MIN || textSim >= TARGET_TEXT_MIN) {
          candidates.push({ o: i, n: j, score: 1 + sim + 0.2 * textSim });
        }
      } else if (metricKey(o.metric) === metricKey(n.metric) && textSim >= 0.5) {
        // Moved to another section: only the same metric in a similar clause.
        candidates.push({ o: i, n: j, score: metricSim + 0.2 * textSim });
      }
    }
  });
  candidates.sort((x, y) => y.score - x.score || x.o - y.o || x.n - y.n);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of candidates) {
    if (usedOld.has(c.o) || usedNew.has(c.n)) continue;
    usedOld.add(c.o);
    usedNew.add(c.n);
    pairs.push([c.o, c.n]);
  }
  pairs.sort((x, y) => x[1] - y[1]);
  return {
    pairs: pairs.map(([i, j]) => [oldTargets[i] as Target, newTargets[j] as Target]),
    added: newTargets.filter((_, j) => !usedNew.has(j)),
    removed: oldTargets.filter((_, i) => !usedOld.has(i)),
  };
}

export function diffPlans(oldDoc: PlanDocument, newDoc: PlanDocument, options: DiffOptions = {}): DiffResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const withText = options.oldText !== undefined && options.newText !== undefined;
  const oldInfo = describe(oldDoc, withText ? options.oldText : undefined);
  const newInfo = describe(newDoc, withText ? options.newText : undefined);
  const sections = matchSections(oldInfo, newInfo, withText, threshold);

  const sectionMap = new Map<string | null, string | null>([[null, null]]);
  for (const m of sections.matched) sectionMap.set(m.old, m.new);
  const { pairs, added, removed } = pairTargets(oldDoc.targets, newDoc.targets, sectionMap);
  const changed = pairs
    .filter(([o, n]) => !sameFigure(o, n))
    .map(([o, n]) => ({ metric: n.metric, old: o, new: n }));

  return {
    schemaVersion: 1,
    old: documentRef(oldDoc),
    new: documentRef(newDoc),
    sections,
    targets: { changed, added, removed },
    titles: {
      old: Object.fromEntries(oldInfo.map((i) => [i.section.id, i.section.title])),
      new: Object.fromEntries(newInfo.map((i) => [i.section.id, i.section.title])),
    },
  };
}
