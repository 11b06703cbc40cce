/**
 * Refiners of the target finder, each applied once: list inheritance (a figure right after
 * another in a 分别 / 、 list shares its qualifiers) and metric borrowing (a figure whose own words
 * do not name it takes the name of the previous figure of its sentence).
 */
import type { Clause } from "../clauses.js";
import { CHANGE_ONLY_METRICS, LIST_ITEM_VERBS, TRANSITION_SOURCE } from "../lexicon/cues.js";
import type { TargetMatch } from "../patterns/target-figure.js";
import { PER_HEADS } from "../lexicon/per.js";
import type { Candidate } from "./candidate.js";

/** A metric that is only a time or place scope: the previous metric of the sentence. */
const TIME_SCOPE_ONLY: ReadonlySet<string> = new Set([
  "全年",
  "年内",
  "今年",
  "全市",
  "全区",
  "全县",
  "全省",
  "每年",
  "每月",
  "其中",
  "共",
  "累计",
]);
/** A metric that is only a preposition ("按增长7%以上安排"): the previous metric of the sentence. */
const PREPOSITION_ONLY: ReadonlySet<string> = new Set(["按", "按照", "比", "较", "同比"]);
const LIST_GAP_RE = /^[、和及与,，\s]{1,3}$/;
const SHARE_WORD_RE = /比重|比例/;
const WHITESPACE_RE = /\s+/g;
const LIST_VERBS: ReadonlySet<string> = new Set(LIST_ITEM_VERBS);
const CHANGE_ONLY: ReadonlySet<string> = new Set(CHANGE_ONLY_METRICS);
const TRANSITION_RE = new RegExp(`^(?:${TRANSITION_SOURCE})$`);
/** 由/从/比 (not 比重/比例/比率) shortly before the first figure, in the same clause. */
const FROM_BEFORE_RE = /(?:由|从|比(?![重例率]))[^，,；;。]{0,14}$/;
/** Words between two figures that make the second the new level of the first (not empty). */
function isTransition(gap: string): boolean {
  const g = gap.replace(WHITESPACE_RE, "");
  return g !== "" && TRANSITION_RE.test(g);
}
const LIST_VERBS_LONGEST = [...LIST_ITEM_VERBS].sort((a, b) => b.length - a.length);
/** The list verb a metric ends with, when something (its subject) precedes it; else "". */
function listVerbEnding(metric: string): string {
  for (let i = 0; i < LIST_VERBS_LONGEST.length; i++) {
    const v = LIST_VERBS_LONGEST[i] as string;
    if (metric.length > v.length && metric.endsWith(v)) return v;
  }
  return "";
}

/** Lists: "分别增长7.3%、8.2%" — a figure right after another inherits its qualifiers. */
export function inheritLists(text: string, raws: Candidate[]): void {
  for (let i = 1; i < raws.length; i++) {
    const prev = raws[i - 1] as Candidate;
    const cur = raws[i] as Candidate;
    if (prev.clauseIndex !== cur.clauseIndex) continue;
    if (!LIST_GAP_RE.test(text.slice(prev.end, cur.leadStart))) continue;
    if (cur.change === undefined && prev.change !== undefined) cur.change = prev.change;
    if (cur.per === undefined && prev.per !== undefined) cur.per = prev.per;
    if (cur.comparator === "=" && prev.prefixed === true) {
      cur.comparator = prev.comparator;
      cur.prefixed = true;
    }
    cur.leadStart = prev.leadStart;
    cur.listOf = prev;
  }
}

/**
 * Metric borrowing: the metric of the figure `raws[i]` given the one its own words gave
 * (`metric`) and the figures already named (`out`): a time scope only, the new level of the
 * previous figure, a change verb alone, a share of the previous figure, a list verb alone.
 */
export function borrowMetric(
  text: string,
  metric0: string,
  raws: readonly Candidate[],
  i: number,
  out: readonly TargetMatch[],
  clause: Clause,
): string {
  const f = raws[i] as Candidate;
  let metric = metric0;
  if (TIME_SCOPE_ONLY.has(metric) || PREPOSITION_ONLY.has(metric)) {
    const prevSame = out.length > 0 ? (out[out.length - 1] as TargetMatch) : undefined;
    if (prevSame !== undefined && prevSame.sentence === f.sentence) metric = prevSame.metric;
  }
  // the new level of the previous figure ("由728元/人/月提高为735元/人/月", "从8.2万亿元增加到
  // 23.8万亿元", "比2010年的330元提高了90元"): both share the subject before 由/从/比
  const last = out.length > 0 ? (out[out.length - 1] as TargetMatch) : undefined;
  const before = i > 0 ? (raws[i - 1] as Candidate) : undefined;
  if (
    last !== undefined &&
    before !== undefined &&
    last.start === before.start &&
    before.clauseIndex === f.clauseIndex &&
    isTransition(text.slice(before.end, f.start)) &&
    FROM_BEFORE_RE.test(text.slice(Math.max(clause.start, before.leadStart - 16), before.leadStart))
  )
    metric = last.metric;
  // a change verb alone ("夏粮产量14740万吨，增产0.5%"): the previous figure's metric
  else if (
    CHANGE_ONLY.has(metric) &&
    last !== undefined &&
    last.sentence === f.sentence &&
    !CHANGE_ONLY.has(last.metric) &&
    listVerbEnding(last.metric) === ""
  )
    metric = last.metric;
  // a share of a larger whole right after the figure it divides ("投放…工具654亿元、占全国份额8.8%")
  else if (
    metric.startsWith("占") &&
    metric.length <= 8 &&
    !SHARE_WORD_RE.test(metric) &&
    last !== undefined &&
    last.sentence === f.sentence &&
    last.metric.length >= 2 &&
    last.metric !== last.unit &&
    !last.metric.includes("占")
  )
    metric = last.metric + metric;
  // a list item headed by its verb only ("特困供养新增80户、停发100户", "保留3187项，调整210项，
  // 减少282项"): the subject of the previous figure's metric, else a doubt
  if (LIST_VERBS.has(metric)) {
    const prev = out.length > 0 ? (out[out.length - 1] as TargetMatch) : undefined;
    const pv = prev !== undefined && prev.sentence === f.sentence ? listVerbEnding(prev.metric) : "";
    if (prev !== undefined && pv !== "" && pv !== metric) metric = prev.metric.slice(0, -pv.length) + metric;
    else if (prev === undefined || prev.metric !== metric) f.doubt ??= `metric is only the verb ${metric}`;
  }
  return metric;
}

/**
 * A parallel clause that names only a place ("社区社会组织每个城市社区平均不少于10个,农村社区平均
 * 不少于5个"): the previous metric, and the place becomes its `per`.
 */
const PER_PLACES: ReadonlySet<string> = new Set(PER_HEADS.filter((h) => h.length >= 2 && /[社区村镇街县]/.test(h)));

/**
 * Metric borrowing across the named figures of a line (after naming): a figure left with only its
 * unit ("总额2000亿元、增长8.9%", "由14.8%下降到11.5%") takes the metric of the previous figure of
 * its sentence; a parallel clause naming only a place takes the previous metric, the place
 * becoming its `per`.
 */
export function borrowFromSentence(found: TargetMatch[]): void {
  for (let i = 1; i < found.length; i++) {
    const prev = found[i - 1] as TargetMatch;
    const f = found[i] as TargetMatch;
    if (prev.sentence !== f.sentence) continue;
    if (f.metric === f.unit || f.metric === "数值") f.metric = prev.metric;
    else if (f.per === undefined && prev.per !== undefined && PER_PLACES.has(f.metric)) {
      f.per = f.metric;
      f.metric = prev.metric;
    }
  }
}
