/**
 * Confidence that a figure is a real, correctly read target, from one table
 * (docs/decisions/extract-targets.md, 12). A figure starts at the base of the target pattern
 * that claims it (patterns/target-*.ts: 0.9, ranges 0.85, Chinese-numeral counts 0.75); each row
 * that applies caps it.
 */
import type { TargetMatch } from "../patterns/target-figure.js";

export const CONFIDENCE_CAPS = {
  /** a plain figure: no comparator, no change and no status cue in its sentence */
  plainWithoutCue: 0.8,
  /** a vague unit (类 批 期 起) with a comparator or a change */
  vagueUnitQualified: 0.6,
  /** any other doubt (unitless, parenthesised, vague figure, fraction, group threshold, open unit …) */
  doubt: 0.5,
  /** no metric could be named (the metric fell back to the unit) */
  noMetric: 0.55,
  /** the unit is not in the unit table (kept as written by an open-unit rule) */
  openUnit: 0.7,
} as const;

/** Figures below this confidence always come with a "target-uncertain" warning naming their id. */
export const UNCERTAIN_BELOW = 0.6;

const VAGUE_DOUBT_RE = /^vague unit/;

/** The metric fell back to the unit: nothing named it. */
export function unnamed(metric: string, unit: string): boolean {
  return metric === unit || metric === "数值";
}

/**
 * The confidence and doubt of figure `f` named `metric`; `cued()` tells whether its sentence
 * holds a status cue (asked only for plain figures).
 */
export function confidenceOf(
  f: TargetMatch,
  metric: string,
  cued: () => boolean,
): { confidence: number; doubt: string | undefined } {
  let c = f.confidence;
  let doubt = f.doubt;
  const qualified = f.comparator !== "=" || f.change !== undefined;
  if (!qualified && !cued()) c = Math.min(c, CONFIDENCE_CAPS.plainWithoutCue);
  if (f.openUnit === true) c = Math.min(c, CONFIDENCE_CAPS.openUnit);
  if (doubt !== undefined)
    c = Math.min(c, VAGUE_DOUBT_RE.test(doubt) && qualified ? CONFIDENCE_CAPS.vagueUnitQualified : CONFIDENCE_CAPS.doubt);
  if (unnamed(metric, f.unit)) {
    c = Math.min(c, CONFIDENCE_CAPS.noMetric);
    doubt = doubt === undefined ? "no metric could be named" : `${doubt}; no metric could be named`;
  }
  return { confidence: c, doubt };
}
