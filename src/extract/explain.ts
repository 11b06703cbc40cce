/**
 * Why a number was taken as a target or not, line by line (`plan-parse explain`): every number
 * the figure reader finds, with the figure taken or the name of the rejection rule
 * (targets/rejections.ts) that turned it down. The same pipeline as `extract`, with a listener.
 */
import { findDeadlines } from "./deadlines.js";
import type { TargetMatch } from "./patterns/target-figure.js";
import { findTargetsAndClauses } from "./targets/finder.js";
import { REJECTIONS, type Rejection } from "./targets/rejections.js";

export interface LineNumber {
  /** offsets in the (normalised) line */
  start: number;
  end: number;
  /** the text of the number as read */
  text: string;
  /** the figure taken (pattern, value, unit, comparator, metric …) */
  taken?: TargetMatch;
  /** the rule that rejected it, and what the rule says */
  rejected?: { rule: Rejection; says: string };
  /** the number is part of a deadline (the deadline pattern that took it) */
  deadline?: string;
}

/** Every number of one normalised line, in order: taken, rejected (by which rule), or a deadline. */
export function explainLine(
  text: string,
  year: number | null,
  tagger: ((s: string) => { word: string; tag: string }[]) | null = null,
): LineNumber[] {
  const dls = findDeadlines(text, year);
  const out: LineNumber[] = [];
  const { targets } = findTargetsAndClauses(text, {
    exclude: dls,
    tagger,
    onReject: (start, end, rule) => {
      const n: LineNumber = { start, end, text: text.slice(start, end), rejected: { rule, says: REJECTIONS[rule].says } };
      if (rule === "inside-deadline") {
        const d = dls.find((x) => x.start < end && x.end > start);
        if (d !== undefined) n.deadline = d.pattern;
      }
      out.push(n);
    },
  });
  for (const t of targets) out.push({ start: t.start, end: t.end, text: text.slice(t.start, t.end), taken: t });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
