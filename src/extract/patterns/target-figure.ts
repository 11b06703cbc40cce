/** The figure a target pattern sees, and the match the target finder returns (line offsets). */
import type { Comparator } from "../../types.js";

export interface Figure {
  /** offsets into the line: the figure from its first digit (or 百分之) to its unit / suffix comparator */
  start: number;
  end: number;
  value: number;
  valueMax?: number;
  unit: string;
  comparator: Comparator;
  change?: "increase" | "decrease";
  per?: string;
  /** how the number was written */
  numeral: "arabic" | "zh";
  /** start of the words that qualify the figure (change verb / prefix comparator), ≤ start */
  leadStart: number;
  /**
   * The comparator comes from a word before the figure (突破, 达到, 不少于): in a list
   * ("分别突破1000亿元、2000亿元") the later figures share it.
   */
  prefixed?: boolean;
  /** the unit is not in the unit table: kept as written by an open-unit rule (targets/open-unit.ts) */
  openUnit?: boolean;
}

export interface TargetMatch extends Figure {
  pattern: string;
  metric: string;
  confidence: number;
  /** the clause the figure stands in (line offsets) */
  clauseStart: number;
  clauseEnd: number;
  /** sentence index within the line (for deadline attachment) */
  sentence: number;
  /** a short reason when confidence is low */
  doubt: string | undefined;
}

import type { PatternUnit } from "../pattern.js";

/** A target pattern: claims a figure (first claiming unit in TARGET_PATTERNS order wins). */
export interface TargetPatternUnit extends PatternUnit<TargetMatch> {
  claims(f: Figure): boolean;
  /** base confidence of the figures it claims */
  confidence: number;
}
