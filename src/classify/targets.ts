/**
 * Per-figure classification: indicator, qualifiers and headline (classify stage). Computed
 * from the figure's metric, its clause, the words before it and the document text; the
 * extractor's output is read, never changed otherwise.
 */
import type { IndicatorRef, Qualifier, Target } from "../types.js";
import { headlineRegions, inRegions } from "./headline.js";
import {
  buildIndicatorMatcher,
  DEFAULT_CATALOGUE,
  type IndicatorCatalogue,
  type IndicatorMatcher,
  indicatorRef,
  matchIndicator,
  matchNearestBefore,
  seriesNamed,
} from "./indicators.js";

/** Qualifier cues, read in the words before the figure (its "lead") and in its metric. */
const QUALIFIER_CUES: [Qualifier, RegExp][] = [
  ["average-annual", /年均|年平均|平均每年|每年平均/u],
  ["cumulative", /累计/u],
  ["stretch", /力争|争取|努力实现|努力达到/u],
  ["same-basis", /同口径|可比口径/u],
  // 实际增长 / 实际下降 (real terms), not 实际利用外资 / 实际使用 / 实际到位 / 实际工作
  ["real", /实际(?:分别|均)?(?:增长|下降|增速|提高)|实际$/u],
];

/** Where the figure's own words start: the nearest clause break before it, at most this far. */
const LEAD_MAX = 40;
const LEAD_BREAK = /[，,；;。：:！？\n（(]/u;

/** The words before a figure in the document, back to the nearest clause break or the previous figure. */
export function leadBefore(text: string, start: number, floor: number): string {
  let i = start;
  const min = Math.max(floor, start - LEAD_MAX);
  while (i > min && !LEAD_BREAK.test(text[i - 1] as string)) i--;
  return text.slice(i, start);
}

/** The words of the sentence before a figure (for "按13%组织": the indicator named before). */
function sentenceBefore(text: string, start: number): string {
  let i = start;
  const min = Math.max(0, start - 80);
  while (i > min && !/[。；;\n]/u.test(text[i - 1] as string)) i--;
  return text.slice(i, start);
}

export function qualifiersOf(metric: string, lead: string): Qualifier[] {
  const out: Qualifier[] = [];
  for (const [q, re] of QUALIFIER_CUES) if (re.test(lead) || (q !== "stretch" && re.test(metric))) out.push(q);
  return out;
}

/** The clause's words before the figure, when the document text is not at hand (saved JSON). */
function clauseLead(t: Target): string {
  const value = String(t.value);
  const at = t.text.normalize("NFKC").indexOf(value);
  return at > 0 ? t.text.normalize("NFKC").slice(0, at) : t.metric;
}

/**
 * A per-population ratio (每万人口, 每千名老年人, 每百人) is part of what the figure measures: the
 * extractor keeps it in `per` ("每万人口" + "发明专利拥有量"), and the catalogue names the ratio
 * (每万人口发明专利拥有量, 每千名老年人养老床位) apart from the total. Per-person amounts (每人每月)
 * are not: a 低保标准 stays a 低保标准.
 */
const RATIO_MEASURES: ReadonlySet<string> = new Set(["ratio", "rate", "share"]);
const PER_POPULATION = /^每[0-9十百千万]+(?:名|个)?(?:人口|常住人口|户籍人口|老年人|老人|人|居民|儿童|学生)$/u;

/**
 * The metric names the indicator. In the headline paragraph only (a list of catalogued
 * series, where extraction's metric is sometimes a fragment: "经济", "按", "剩余"), the clause
 * before the figure, the whole clause and the sentence before it are read too; elsewhere a
 * clause names too many things (党建服务品牌 … 社会组织) for that to be more than a guess.
 */
export function indicatorOf(t: Target, matcher: IndicatorMatcher, headline: boolean, sentence?: string): IndicatorRef | null {
  if (t.per !== undefined && PER_POPULATION.test(t.per)) {
    // a ratio to a population is never a total: only a ratio entry may take it
    const ratio = matchIndicator(t.per + t.metric, t.unit, matcher);
    return ratio && RATIO_MEASURES.has(ratio.measure) ? indicatorRef(ratio) : null;
  }
  const entry =
    matchIndicator(t.metric, t.unit, matcher) ??
    (headline
      ? (matchIndicator(clauseLead(t), t.unit, matcher) ??
        matchIndicator(t.text, t.unit, matcher) ??
        (sentence !== undefined ? matchNearestBefore(sentence, t.unit, matcher) : null))
      : null);
  return indicatorRef(entry);
}

/**
 * Sets indicator, qualifiers and headline on every target (in place). `text` is the document
 * text the spans point into (null for saved JSON: headline then stays as saved, and the
 * indicator is read from metric and clause only).
 */
export function classifyTargets(
  targets: Target[],
  text: string | null,
  catalogue: IndicatorCatalogue = DEFAULT_CATALOGUE,
): void {
  const matcher = buildIndicatorMatcher(catalogue);
  const regions = text ? headlineRegions(text) : [];
  let prevEnd = 0;
  for (const t of targets) {
    const lead = text ? leadBefore(text, t.span.start, Math.min(prevEnd, t.span.start)) : clauseLead(t);
    const headline = text ? inRegions(t.span.start, regions) : t.headline === true;
    // the sentence before a figure names its indicator only in the headline list ("…，按13%组织")
    t.indicator = indicatorOf(t, matcher, headline, text && headline ? sentenceBefore(text, t.span.start) : undefined);
    const q = qualifiersOf(t.metric, lead);
    if (q.length > 0) t.qualifiers = q;
    else delete t.qualifiers;
    if (text) {
      if (headline) t.headline = true;
      else delete t.headline;
    }
    prevEnd = t.span.end;
  }
  splitRespectively(targets, matcher);
  stretchOnlyBesideBase(targets, text);
}

/**
 * 力争 marks a stretch value only beside a base value of the same series in its sentence
 * ("增长5.5%左右，力争6%": the 6% is the stretch). When 力争 governs the only figure of its series
 * ("力争社会消费品零售总额增长5%以上"), that figure is the target itself, and pairs as one.
 */
function stretchOnlyBesideBase(targets: Target[], text: string | null): void {
  for (let k = 0; k < targets.length; k++) {
    const t = targets[k] as Target;
    if (!t.qualifiers?.includes("stretch")) continue;
    const p = k > 0 ? (targets[k - 1] as Target) : null;
    const sameSeries = p !== null && (t.indicator && p.indicator ? t.indicator.id === p.indicator.id : t.metric === p.metric);
    const between = p === null ? "" : text ? text.slice(p.span.end, t.span.start) : p.text === t.text ? "" : "。";
    const base = p !== null && sameSeries && p.span.end <= t.span.start && !/[。；;\n]/u.test(between) && !p.qualifiers?.includes("stretch");
    if (base) continue;
    const rest = t.qualifiers.filter((q) => q !== "stretch");
    if (rest.length > 0) t.qualifiers = rest;
    else delete t.qualifiers;
  }
}

/**
 * "A和B分别增长6%和7%": consecutive figures of one clause and one compound metric with 分别 are the
 * series it names, in order — when there are as many series as figures (else left as matched).
 */
function splitRespectively(targets: Target[], matcher: IndicatorMatcher): void {
  let i = 0;
  while (i < targets.length) {
    const first = targets[i] as Target;
    let j = i + 1;
    while (j < targets.length && (targets[j] as Target).text === first.text && (targets[j] as Target).metric === first.metric) j++;
    if (j - i >= 2 && first.text.includes("分别") && first.indicator) {
      const series = seriesNamed(first.metric, first.unit, matcher);
      if (series.length === j - i) for (let k = i; k < j; k++) (targets[k] as Target).indicator = indicatorRef(series[k - i] ?? null);
    }
    i = j;
  }
}
