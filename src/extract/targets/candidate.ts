/** A figure read from a line, before a target pattern claims it and a metric names it. */
import type { Figure } from "../patterns/target-figure.js";

export interface Candidate extends Figure {
  doubt: string | undefined;
  sentence: number;
  clauseIndex: number;
  /** the figure this one follows in a 分别 / 、 list */
  listOf: Candidate | undefined;
}
