/** Shapes of the indicator catalogue (`data/indicators.json`, `--indicators FILE`). */

/** Unit classes an entry accepts (see `indicatorUnitClass`). */
export type IndicatorUnit =
  | "percent"
  | "permille"
  | "money"
  | "person"
  | "weight"
  | "area"
  | "bed"
  | "count"
  | "energy"
  | "volume"
  | "concentration"
  | "day"
  | "year"
  | "times"
  | "index"
  | "any";

export interface IndicatorEntry {
  /** Stable ASCII id, dot-separated (e.g. "gdp.growth"). */
  id: string;
  /** Chinese name shown in rows and columns. */
  name: string;
  /** What is measured: growth, level, share, rate, count, standard, ratio … */
  measure: string;
  /** Unit classes a figure of this indicator may have. */
  units: IndicatorUnit[];
  /** Topic blocks, best first: compare uses the first one its taxonomy knows (else the first). */
  topic: string[];
  /** Wordings that name the series (historical names included), matched after the rewrites. */
  phrasings: string[];
  /** "metric|unit" pairs that must map to this entry. */
  examples: string[];
  /** "metric|unit" pairs that must not map to this entry. */
  counterexamples: string[];
  /**
   * (optional) The series a compound wording of this entry names, in order: "城乡居民人均可支配收入
   * 分别增长6.5%和7%" is the urban then the rural series.
   */
  splits?: string[];
}

export interface IndicatorCatalogue {
  /** [from, to] spellings replaced before matching (国内生产总值 → 生产总值). */
  rewrites: [string, string][];
  indicators: IndicatorEntry[];
}
