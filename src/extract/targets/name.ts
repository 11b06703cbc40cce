/**
 * Naming: the first target pattern that claims a figure, its metric (metric.ts, then the
 * borrowing refiner) and its base confidence, as the finder hands them to the orchestrator.
 */
import type { Clause } from "../clauses.js";
import { metricFor } from "../metric.js";
import type { TargetMatch } from "../patterns/target-figure.js";
import type { Range } from "../../util/ranges.js";
import type { Candidate } from "./candidate.js";
import { claimerOf } from "./patterns.js";
import { borrowMetric } from "./refine.js";
import type { Rejection } from "./rejections.js";
import { afterExcluded } from "./text.js";

/** A goal noun right after the figure: "增长6%的预期目标", "增长7%左右的目标". */
const GOAL_AFTER_RE = /^(?:左右|以上)?的(?:预期|发展|增长|调控|奋斗)?目标/;
/** "经济增长6%的预期目标": a growth rate named as a goal keeps 增长 in its metric. */
function growthGoal(text: string, f: Candidate): boolean {
  return (
    f.change === "increase" &&
    f.unit === "%" &&
    text.slice(f.leadStart, f.start).includes("增长") &&
    GOAL_AFTER_RE.test(text.slice(f.end, f.end + 8))
  );
}
/** A list joiner right before a figure's lead ("…、" "…和"). */
const LIST_JOINER_END_RE = /[、和及与]\s?$/;

/** The targets of one line's figures (`raws`, in order, lists already inherited). */
export function nameFigures(
  text: string,
  raws: readonly Candidate[],
  clauses: readonly Clause[],
  exclude: readonly Range[],
  excludeSorted: boolean,
  tagger: ((s: string) => { word: string; tag: string }[]) | null,
  onReject: ((start: number, end: number, rule: Rejection) => void) | null,
): TargetMatch[] {
  const out: TargetMatch[] = [];
  let prevFromTail = false;
  for (let i = 0; i < raws.length; i++) {
    const f = raws[i] as Candidate;
    const clause = clauses[f.clauseIndex] as Clause;
    const unit = claimerOf(f);
    if (unit === undefined) {
      if (onReject !== null) onReject(f.start, f.end, "no-pattern-claims");
      continue;
    }
    // segment start: after the previous figure of the same clause (not for list items)
    let segStart = clause.start;
    for (let k = i - 1; k >= 0; k--) {
      const p = raws[k] as Candidate;
      if (p.clauseIndex !== f.clauseIndex) break;
      if (p.end <= f.leadStart) {
        segStart = p.end;
        break;
      }
    }
    const prevClause = f.clauseIndex > 0 ? clauses[f.clauseIndex - 1] : undefined;
    const sameSentencePrev =
      prevClause !== undefined && prevClause.sentence === clause.sentence ? prevClause : undefined;
    segStart = afterExcluded(exclude, excludeSorted, segStart, f.leadStart, clause.start);
    const listHead = f.listOf !== undefined ? out[out.length - 1] : undefined;
    if (
      prevFromTail &&
      i > 0 &&
      (raws[i - 1] as Candidate).clauseIndex === f.clauseIndex &&
      LIST_JOINER_END_RE.test(text.slice(segStart, f.leadStart))
    ) {
      segStart = f.leadStart;
    }
    const named: { metric: string; fromTail: boolean } =
      listHead !== undefined
        ? { metric: listHead.metric, fromTail: prevFromTail }
        : metricFor({
            text,
            segStart,
            // "经济增长6%的预期目标": the change verb is part of the goal's name
            leadStart: growthGoal(text, f) ? f.start : f.leadStart,
            figEnd: f.end,
            clauseEnd: clause.end,
            per: f.per,
            unit: f.unit,
            prevClause: sameSentencePrev ? text.slice(sameSentencePrev.start, sameSentencePrev.end) : "",
            tagger,
          });
    const metric = borrowMetric(text, named.metric, raws, i, out, clause);
    prevFromTail = named.fromTail;
    let confidence = unit.confidence;
    if (f.doubt !== undefined) confidence = Math.min(confidence, 0.5);
    // built field by field (no object spreads: this runs for every figure), same key order
    // every field, always in this order (one hidden class; see readFigure)
    const t: TargetMatch = {
      start: f.start,
      end: f.end,
      value: f.value,
      valueMax: f.valueMax,
      unit: f.unit,
      comparator: f.comparator,
      change: f.change,
      per: f.per,
      numeral: f.numeral,
      leadStart: f.leadStart,
      prefixed: f.prefixed,
      openUnit: f.openUnit,
      pattern: unit.name,
      metric,
      confidence,
      clauseStart: clause.start,
      clauseEnd: clause.end,
      sentence: f.sentence,
      doubt: f.doubt,
    };
    out.push(t);
  }  return out;
}
