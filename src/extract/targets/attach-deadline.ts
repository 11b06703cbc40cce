/**
 * Deadline attachment (docs/decisions/extract-targets.md, 8), written once: the date of a "by"
 * deadline in the same clause as the figure, or of a "by" deadline that leads the figure's
 * sentence (the nearest one before the figure). "from" dates (自2020年4月1日起), durations and
 * recurring periods never fill `deadline`: it is the last allowed day. The orchestrator asks only
 * for target figures.
 */
import type { Clause } from "../clauses.js";
import type { DeadlineMatch } from "../deadlines.js";
import type { TargetMatch } from "../patterns/target-figure.js";
import { firstEndingAfter, isSortedDisjoint } from "../../util/ranges.js";

/**
 * The dated "by" deadlines of one line, prepared once for all its figures. `by`: the dated "by"
 * deadlines in order; `leaders`: those that lead their sentence (first clause, at most two
 * characters before them), each with the sentence index of its clause.
 */
export interface LineDeadlines {
  by: DeadlineMatch[];
  leaders: { start: number; sentence: number; date: string }[];
}

/** Does the deadline lead its sentence ("9月底前,全市…")? Then it covers the whole sentence. */
function leadsSentence(text: string, d: DeadlineMatch, clauseStart: number): boolean {
  const before = text.slice(clauseStart, d.start).replace(/[ \u3000]/g, "");
  return before.length <= 2;
}

/**
 * The line's "by" deadlines prepared for `deadlineFor`. `dls` are findDeadlines' matches of the
 * line: sorted and disjoint (it scans forward and never steps back into a match); they are
 * sorted here again when a caller hands them in another order.
 */
export function lineDeadlines(text: string, dls: readonly DeadlineMatch[], clauses: readonly Clause[]): LineDeadlines {
  const sorted = isSortedDisjoint(dls) ? dls : [...dls].sort((a, b) => a.start - b.start);
  const by: DeadlineMatch[] = [];
  const leaders: LineDeadlines["leaders"] = [];
  let ci = 0;
  for (let di = 0; di < sorted.length; di++) {
    const d = sorted[di] as DeadlineMatch;
    if (d.date === null || d.kind !== "by") continue;
    by.push(d);
    // the clause of d: the first with k.start <= d.start <= k.end (starts ascend, so one forward pass)
    while (ci < clauses.length && (clauses[ci] as Clause).end < d.start) ci++;
    const c = clauses[ci];
    if (c === undefined || c.start > d.start || c.index !== 0) continue;
    if (!leadsSentence(text, d, c.start)) continue;
    leaders.push({ start: d.start, sentence: c.sentence, date: d.date });
  }
  return { by, leaders };
}

/** The deadline date of the target figure `f`, from its line's prepared deadlines. */
export function deadlineFor(f: TargetMatch, prepared: LineDeadlines): string | undefined {
  const { by, leaders } = prepared;
  // the first dated "by" deadline ending after the clause start is the only one that can overlap first
  const d = by[firstEndingAfter(by, f.clauseStart)];
  if (d !== undefined && d.start < f.clauseEnd) return d.date as string;
  // the last leader starting at or before the figure; sentence indices ascend with the offsets,
  // so when it is not in the figure's sentence, no earlier one is
  let lo = 0;
  let hi = leaders.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((leaders[mid] as LineDeadlines["leaders"][number]).start <= f.start) lo = mid + 1;
    else hi = mid;
  }
  const l = leaders[lo - 1];
  return l !== undefined && l.sentence === f.sentence ? l.date : undefined;
}
