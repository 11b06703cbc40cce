/**
 * The target finder, as a pipeline of small named steps (docs/decisions/extract-targets.md):
 *   1. the figure reader (reader.ts) finds every candidate number of a normalised line;
 *   2. the rejection rules (rejections.ts) and the reading (read-figure.ts) turn a candidate into a
 *      figure or name the rule that rejects it;
 *   3. refiners, once each (refine.ts): list inheritance, then naming (metric.ts) with metric
 *      borrowing from the previous figure;
 *   4. the first target pattern (patterns/target-*.ts) that claims a figure gives its base
 *      confidence; the orchestrator caps it from one table (confidence.ts).
 */
import { type Clause, splitClauses } from "../clauses.js";
import { ZH_NUMERAL_UNITS } from "../lexicon/units.js";
import { isSortedDisjoint } from "../../util/ranges.js";
import type { TargetMatch } from "../patterns/target-figure.js";
import type { Candidate } from "./candidate.js";
import { protectedRanges } from "./guards.js";
import { readFigure } from "./read-figure.js";
import { groupsOf, nextFigure, zhMagnitudeOnly } from "./reader.js";
import { nameFigures } from "./name.js";
import { inheritLists } from "./refine.js";
import type { Rejection } from "./rejections.js";
import { isZh } from "./text.js";

export type { Figure, TargetMatch, TargetPatternUnit } from "../patterns/target-figure.js";
export { TARGET_PATTERNS } from "./patterns.js";

export interface FindOptions {
  /** line ranges already taken by deadlines: figures inside them are not targets */
  exclude?: readonly { start: number; end: number }[];
  /** use jieba POS tags for metric naming (set by the orchestrator when words.ts is loaded) */
  tagger?: ((s: string) => { word: string; tag: string }[]) | null;
  /** told of every candidate number that is not a target, with the rule that rejected it (explain) */
  onReject?: ((start: number, end: number, rule: Rejection) => void) | null;
}

/** Every target figure of one normalised line, in order, with line offsets. */
export function findTargetsInLine(text: string, options: FindOptions = {}): TargetMatch[] {
  return findTargetsAndClauses(text, options).targets;
}

const NO_CLAUSES: readonly Clause[] = [];

/**
 * `findTargetsInLine` that also hands back the line's clauses (`splitClauses(text)`) so that the
 * orchestrator does not split the line again. The clauses are split only when a figure candidate
 * needs them: `clauses` is then that array, else empty (and `targets` is empty too).
 */
export function findTargetsAndClauses(
  text: string,
  options: FindOptions = {},
): { targets: TargetMatch[]; clauses: readonly Clause[] } {
  const none = { targets: [], clauses: NO_CLAUSES };
  let m = nextFigure(text, 0);
  if (m === null) return none;
  const onReject = options.onReject ?? null;
  let next = 0;
  let clauses: Clause[] = [];
  let clausesReady = false;
  let guarded: [number, number][] | null = null;
  const exclude = options.exclude ?? [];
  const excludeSorted = isSortedDisjoint(exclude);
  const raws: Candidate[] = [];
  let ci = 0;
  for (; m !== null; m = nextFigure(text, next)) {
    const start = m.index;
    let end = start + m[0].length;
    next = end;
    if (m[0].length === 0) {
      next++;
      continue;
    }
    while (end > start && (text[end - 1] === " " || text[end - 1] === "\u3000")) end--;
    const g = groupsOf(m);
    // cheapest rejection before any per-line work: a Chinese numeral without a count unit
    const u0 = g.unit;
    if (
      isZh(g.n1) &&
      g.pctWord === undefined &&
      g.pct === undefined &&
      (u0 === undefined || !ZH_NUMERAL_UNITS.has(u0)) &&
      !zhMagnitudeOnly(g)
    ) {
      if (onReject !== null) onReject(start, end, "zh-numeral-without-count-unit");
      continue;
    }
    if (!clausesReady) {
      clauses = splitClauses(text);
      clausesReady = true;
    }
    while (ci < clauses.length && (clauses[ci] as Clause).end <= start) ci++;
    const clause = clauses[ci];
    if (clause === undefined || clause.start > start) {
      if (onReject !== null) onReject(start, end, "outside-clauses");
      continue;
    }
    guarded ??= protectedRanges(text);
    const fig = readFigure(text, g, start, end, clause, guarded, exclude, excludeSorted);
    if (typeof fig === "string") {
      if (onReject !== null) onReject(start, end, fig);
      continue;
    }
    fig.sentence = clause.sentence;
    fig.clauseIndex = ci;
    raws.push(fig);
  }
  inheritLists(text, raws);
  const targets = nameFigures(text, raws, clauses, exclude, excludeSorted, options.tagger ?? null, onReject);
  return { targets, clauses: clausesReady ? clauses : NO_CLAUSES };
}
