/**
 * Metric wording and units: normalisation, synonyms, unit compatibility and the
 * similarity used to put the same indicator on one row (compare) or to pair a
 * target with its next-year version (diff).
 */
import type { Target } from "../types.js";
import { bigrams, dice, squash } from "./similarity.js";
import { METRIC_SYNONYMS } from "./synonyms.js";

/**
 * Scope words that say WHERE, not WHAT: stripped from the start of a metric
 * (repeatedly), after width normalisation and punctuation removal.
 */
const SCOPE_PREFIXES = [
  "各县市区",
  "各县区",
  "县市区",
  "各区县",
  "全市范围内",
  "全市",
  "全区",
  "全县",
  "全省",
  "全域",
  "全镇",
  "市本级",
  "本级",
  "各地",
  "各级",
  "全年",
  "年内",
  "年度",
  "到年底",
  "年底前",
  // Neutral qualifiers: what the indicator is about anyway (养老机构护理型床位占比 = 护理型床位占比).
  "养老机构",
];

/** Filler at the end of a metric ("…达到", "…为"). */
const TRAILING_FILLER = ["达到", "要达到", "达", "为", "要"];

const canonicalByVariant = new Map<string, string>();
for (const syn of METRIC_SYNONYMS) {
  const canonical = squash(syn.canonical);
  canonicalByVariant.set(canonical, syn.canonical);
  for (const v of syn.variants) canonicalByVariant.set(squash(v), syn.canonical);
}

/** The metric without width variants, punctuation, scope prefixes and trailing filler. */
export function normalizeMetric(metric: string): string {
  let m = squash(metric);
  let changed = true;
  while (changed && m.length > 0) {
    changed = false;
    for (const p of SCOPE_PREFIXES) {
      if (m.startsWith(p) && m.length > p.length + 1) {
        m = m.slice(p.length);
        changed = true;
      }
    }
  }
  for (const f of TRAILING_FILLER) {
    if (m.endsWith(f) && m.length > f.length + 1) {
      m = m.slice(0, -f.length);
      break;
    }
  }
  return m;
}

/** The synonym list's canonical wording for a metric, or null. */
export function canonicalMetric(metric: string): string | null {
  return canonicalByVariant.get(normalizeMetric(metric)) ?? null;
}

const keyCache = new Map<string, string>();
const KEY_CACHE_MAX = 50_000;

/** Key used to group identical indicators: canonical wording or normalised metric (memoised). */
export function metricKey(metric: string): string {
  const cached = keyCache.get(metric);
  if (cached !== undefined) return cached;
  const canonical = canonicalMetric(metric);
  const key = canonical ? squash(canonical) : normalizeMetric(metric);
  if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
  keyCache.set(metric, key);
  return key;
}

/** Units that measure the same kind of quantity. */
const UNIT_CLASSES: Record<string, string> = {
  元: "money",
  万元: "money",
  亿元: "money",
  千元: "money",
  百万元: "money",
  "%": "percent",
  "％": "percent",
  个百分点: "percent",
  人: "person",
  名: "person",
  位: "person",
  人次: "person",
  个: "unit",
  家: "unit",
  处: "unit",
  所: "unit",
  座: "unit",
  张: "bed",
  户: "household",
  次: "times",
  场: "times",
  期: "times",
  篇: "piece",
  件: "piece",
  学时: "hour",
  小时: "hour",
  天: "day",
  日: "day",
};

/** The unit's class ("money", "percent", …), or the unit itself when unknown. */
export function unitClass(unit: string): string {
  const u = unit.normalize("NFKC").trim();
  return UNIT_CLASSES[u] ?? `unit:${u}`;
}

/**
 * Could the two targets be the same indicator, judging by unit, change and denominator?
 * `classOf` names the unit classes (diff counts 万亿元 as money too).
 */
export function compatible(a: Target, b: Target, classOf: (unit: string) => string = unitClass): boolean {
  if (classOf(a.unit) !== classOf(b.unit)) return false;
  if ((a.change ?? null) !== (b.change ?? null)) return false;
  if (a.per && b.per && squash(a.per) !== squash(b.per)) return false;
  return true;
}

/** Minimum length of a contained wording, and its minimum share of the longer one (diff only). */
const CONTAIN_MIN_CHARS = 4;
const CONTAIN_MIN_SHARE = 0.6;

export interface SimilarityOptions {
  /**
   * Read a wording contained in the other (a qualifier added or dropped) as the
   * same indicator (0.9). Right for two versions of one section (diff); wrong
   * across documents (compare), where 农村老年助餐覆盖率 is not 老年助餐覆盖率.
   */
  containment?: boolean;
}

/**
 * Similarity of two metric wordings, 0..1, deliberately strict: 1 when equal
 * after normalisation or synonyms; one wording inside the other is a
 * sub-indicator (0, or 0.9 with `containment`); otherwise the bigram Dice, but
 * only when both end with the same measure word (占比, 标准, 人数, …) — sharing
 * a word is not enough.
 */
export function metricSimilarity(a: string, b: string, options: SimilarityOptions = {}): number {
  const ka = metricKey(a);
  const kb = metricKey(b);
  if (ka.length === 0 || kb.length === 0) return 0;
  if (ka === kb) return 1;
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (long.includes(short)) {
    const close = short.length >= CONTAIN_MIN_CHARS && short.length / long.length >= CONTAIN_MIN_SHARE;
    return options.containment && close ? 0.9 : 0;
  }
  if (ka.slice(-2) !== kb.slice(-2)) return 0;
  return dice(bigrams(ka), bigrams(kb));
}
