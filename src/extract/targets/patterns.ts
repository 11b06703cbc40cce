/** The target pattern units, in claiming order, and the first that claims a figure. */
import { pattern as bare } from "../patterns/target-bare.js";
import { pattern as change } from "../patterns/target-change.js";
import { pattern as count } from "../patterns/target-count.js";
import type { Figure, TargetPatternUnit } from "../patterns/target-figure.js";
import { pattern as money } from "../patterns/target-money.js";
import { pattern as perCapita } from "../patterns/target-per-capita.js";
import { pattern as percent } from "../patterns/target-percent.js";
import { pattern as range } from "../patterns/target-range.js";
import { pattern as zhCount } from "../patterns/target-zh-count.js";

/** All target units, in claiming order (the first that claims a figure names it). */
export const TARGET_PATTERNS: readonly TargetPatternUnit[] = [
  range,
  change,
  perCapita,
  percent,
  money,
  count,
  zhCount,
  bare,
];

/** The first target unit that claims the figure (in TARGET_PATTERNS order), if any. */
export function claimerOf(f: Figure): TargetPatternUnit | undefined {
  for (let i = 0; i < TARGET_PATTERNS.length; i++) {
    const p = TARGET_PATTERNS[i] as TargetPatternUnit;
    if (p.claims(f)) return p;
  }
  return undefined;
}
