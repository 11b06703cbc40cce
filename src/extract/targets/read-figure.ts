/**
 * Reading one candidate of the figure reader: value(s), unit, comparator, change, per and doubt,
 * or the name of the rejection rule that says it is not a target (rejections.ts lists them, each
 * with its examples and counterexamples).
 */
import type { Comparator } from "../../types.js";
import type { Clause } from "../clauses.js";
import {
  CHANGE_WORDS,
  LEVEL_AFTER_CHANGE,
  PREFIX_COMPARATORS,
  SUFFIX_COMPARATORS,
  THRESHOLD_PREFIXES,
} from "../lexicon/comparators.js";
import {
  AMOUNT_NOUNS_AFTER_DE,
  GROUP_THRESHOLD_PREFIXES,
  GROUP_THRESHOLD_SUFFIXES,
  GROUP_THRESHOLD_UNITS,
  CLASS_THRESHOLD_PREFIXES,
  NAMED_COUNT_SUFFIXES,
  NAMED_COUNTS,
  PER_STEP_WORDS,
  ZH_NAMED_PACKAGE_SUFFIXES,
} from "../lexicon/cues.js";
import { PER_HEADS } from "../lexicon/per.js";
import { NOT_A_QUANTITY_AFTER, UNIT_WORD_BREAKERS, ZH_NUMERAL_UNITS } from "../lexicon/units.js";
import { parseZhNumber } from "../numerals/zh-number.js";
import type { Range } from "../../util/ranges.js";
import type { Candidate } from "./candidate.js";
import { openUnitAt, tailMoreAt } from "./open-unit.js";
import { type FigureGroups, VAGUE_RE, zhMagnitudeOnly } from "./reader.js";
import type { Rejection } from "./rejections.js";
import {
  alternation,
  backTo,
  before,
  bucketsBy,
  endsWithAny,
  entryEnding,
  entryFor,
  entryStarting,
  firstCode,
  forwardTo,
  inRanges,
  isZh,
  lastCode,
  overlapsExcluded,
  prevNonSpace,
  startsWithAny,
  stripSpaces,
} from "./text.js";

const PER_RE = new RegExp(
  `每(?:[0-9０-９]{1,6}(?:[.．][0-9]{1,3})?)?(?:十万|百万|万|千|百)?(?:个)?(?:${alternation(PER_HEADS)})(?:每(?:月|年))?`,
  "g",
);
const ASCII_CONTEXT = new Uint8Array(0x10000);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./_+×*#＋")
  ASCII_CONTEXT[ch.charCodeAt(0)] = 1;
const DIGIT_RE = /[0-9０-９]/;
/** A minus sign is a sign (not a range dash or a code) after these ("为-0.60‰", "(-2.1%)", line start). */
const SIGN_AFTER_RE = /^(?:|[为是:：,，(（ ])$/;
const LEADING_APPROX_RE = /^[余多]/;
/** 八到九百: a single digit and a round upper bound of one place */
const ROUND_UPPER_RE = /^[一二两三四五六七八九][十百千]$/;
const YEAR_LIKE_RE = /^(?:19|20)\d\d$/;
const SORTED_PREFIX = [
  ...PREFIX_COMPARATORS,
  ["控制在", "<="] as const,
  ["保持在", "="] as const,
  ["稳定在", "="] as const,
].sort((a, b) => b[0].length - a[0].length);
const SORTED_SUFFIX = [...SUFFIX_COMPARATORS].sort((a, b) => b[0].length - a[0].length);
const SORTED_CHANGE = [...CHANGE_WORDS].sort((a, b) => b[0].length - a[0].length);
const SORTED_NOT_AFTER = [...NOT_A_QUANTITY_AFTER].sort((a, b) => b.length - a.length);
const PREFIX_ENDING = bucketsBy(SORTED_PREFIX, (e) => e[0], "last");
const SUFFIX_STARTING = bucketsBy(SORTED_SUFFIX, (e) => e[0], "first");
const CHANGE_ENDING = bucketsBy(SORTED_CHANGE, (e) => e[0], "last");
const CHANGE_STARTING = bucketsBy(SORTED_CHANGE, (e) => e[0], "first");
const NOT_AFTER_STARTING = bucketsBy(SORTED_NOT_AFTER, (w) => w, "first");
function signBefore(text: string, start: number): number {
  const sign = text[start - 1];
  if (sign !== "负" && sign !== "-" && sign !== "－" && sign !== "−") return 1;
  return SIGN_AFTER_RE.test(text[start - 2] ?? "") ? -1 : 1;
}
/** 千 / 百 as a factor (1 for anything else). */
function smallMagnitude(mag: string | undefined): number {
  return mag === "千" ? 1000 : mag === "百" ? 100 : 1;
}
function isBigMagnitude(mag: string | undefined): boolean {
  return mag === "万" || mag === "亿" || mag === "万亿";
}
/**
 * A change verb opening the clause head ("提高孤儿…保障标准 10%"): the first change word of two or
 * more characters the head starts with, unless a level word follows it; else undefined.
 */
function changeOpening(head: string): "increase" | "decrease" | undefined {
  const list = CHANGE_STARTING(firstCode(head));
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as (typeof list)[number];
    const w = e[0];
    if (w.length < 2 || !head.startsWith(w)) continue;
    let level = false;
    for (let k = 0; k < LEVEL_AFTER_CHANGE.length && !level; k++) level = head.startsWith(w + LEVEL_AFTER_CHANGE[k]);
    if (!level) return e[1];
  }
  return undefined;
}
const CMP_VERB_RE =
  /(不少于|不低于|至少|达到|超过)(?:推进|开展|进行|完成|培训|举办|建设|新增|建成|培育|打造|有)$/;
const GROUP_PREFIXES: ReadonlySet<string> = new Set(GROUP_THRESHOLD_PREFIXES);
const GROUP_SUFFIXES: ReadonlySet<string> = new Set(GROUP_THRESHOLD_SUFFIXES);
const GROUP_UNITS: ReadonlySet<string> = new Set(GROUP_THRESHOLD_UNITS);
const AMOUNT_AFTER_DE = bucketsBy(AMOUNT_NOUNS_AFTER_DE, (w) => w, "first");

/**
 * Is text[end…] "的" (after spaces) and then a noun that the figure does not measure itself
 * (not an amount noun: 补助 资金 规模 目标 …)? Then a thresholded figure defines a group.
 */
function groupAfter(text: string, end: number): boolean {
  let k = end;
  while (k < text.length && (text[k] === " " || text[k] === "\u3000")) k++;
  if (text[k] !== "的" || k + 1 >= text.length) return false;
  const rest = text.slice(k + 1, k + 5);
  return !startsWithAny(rest, AMOUNT_AFTER_DE(firstCode(rest)));
}
const CLASS_PREFIXES: ReadonlySet<string> = new Set(CLASS_THRESHOLD_PREFIXES);
const PER_STEP_RE = new RegExp(`每(?:${alternation(PER_STEP_WORDS)})?$`);
/** Conditions chained up to 的 after a figure: "且收住人数少于10人的" (no clause mark, at most 16 chars). */
const CONDITION_CHAIN_RE = /^[ \u3000]{0,2}(?:[且或、和及并][^，,；;。：:的]{0,16}?)?的/;

/** Does a condition chain up to 的 follow text[end…], and then a noun that is not an amount noun? */
function classAfter(text: string, end: number): boolean {
  const m = CONDITION_CHAIN_RE.exec(text.slice(end, end + 24));
  if (m === null) return false;
  const rest = text.slice(end + m[0].length, end + m[0].length + 4);
  if (rest === "" || startsWithAny(rest, AMOUNT_AFTER_DE(firstCode(rest)))) return false;
  // a limit named after 的 is the figure's own goal: "实现低于4%的调控目标", "远低于5%的监管红线"
  return !LIMIT_NOUN_RE.test(text.slice(end + m[0].length, end + m[0].length + 8));
}
/** A count of the class in the clause: a number after the figure, or a counted number before it. */
const COUNT_BEFORE_RE = /[0-9０-９一二两三四五六七八九十][ \u3000]{0,2}(?:个|家|户|项|所|座|批|条)/;
const DIGIT_AFTER_RE = /[0-9０-９]/;
function classCounted(text: string, clause: Clause, start: number, end: number): boolean {
  return DIGIT_AFTER_RE.test(text.slice(end, clause.end)) || COUNT_BEFORE_RE.test(text.slice(clause.start, start));
}
/** A goal or limit noun right after 的 (within a few characters, in the clause). */
const LIMIT_NOUN_RE = /^[^，,；;。：:]{0,5}?(?:目标|红线|警戒线|控制线|要求|水平|预期)/;
/** A Chinese count followed by a place noun is a scope (三个街道), not a target. */
const ZH_SCOPE_AFTER_RE = /^(?:街道|乡镇|社区|村|县|区|市|部门|方面|领域|环节|阶段|产业|机制|政策|制度)/;
const CHANGE_UNITS: ReadonlySet<string> = new Set(["%", "个百分点", "百分点", "倍", "‰", "个千分点", "千分点"]);
const MONEY_OR_PEOPLE_RE = /^(?:万亿|亿|万)?(?:元|美元|人|户|人次|吨)$/;

export function readFigure(
  text: string,
  g: FigureGroups,
  startIn: number,
  endIn: number,
  clause: Clause,
  guarded: readonly (readonly [number, number])[],
  exclude: readonly Range[],
  excludeSorted: boolean,
): Candidate | Rejection {
  let end = endIn;
  let start = startIn;
  const pctWordText = g.pctWord;
  const pctWord = pctWordText !== undefined;
  const n1 = g.n1;
  const mag1 = g.mag1 ?? g.magAfter;
  const pct1 = g.pct;
  const dash = g.dash;
  const n2 = g.n2;
  const mag2 = g.mag2;
  const approx = g.approx ?? g.approxAfter;
  let unit = g.unit ?? "";
  const tail = g.tail;
  const numeral: "arabic" | "zh" = isZh(n1) ? "zh" : "arabic";
  const magOnly = numeral === "zh" && zhMagnitudeOnly(g);
  const vague = VAGUE_RE.test(n1);

  // cheapest rejection first: a Chinese numeral needs a count unit (or 百分之 / %)
  if (numeral === "zh" && !pctWord && pct1 === undefined && !ZH_NUMERAL_UNITS.has(unit) && !magOnly)
    return "zh-numeral-without-count-unit";
  // context: part of a longer code / number, an ordinal, a slogan, a title, a deadline
  if (start > 0 && ASCII_CONTEXT[text.charCodeAt(start - 1)] === 1) return "code";
  if (text[end] === "+" || text[end] === "＋") return "code";
  if (g.unit === undefined && DIGIT_RE.test(text[end] ?? "")) return "longer-number";
  if (prevNonSpace(text, start) === "第") return "ordinal";
  if (inRanges(guarded, start, end)) return "quoted-name";
  if (overlapsExcluded(exclude, excludeSorted, start, end)) return "inside-deadline";

  // what follows the number itself (before any unit): dates, ages, editions, bodies
  let numEnd = start + (pctWordText?.length ?? 0) + n1.length;
  if (g.mag1 !== undefined) numEnd = text.indexOf(g.mag1, numEnd) + g.mag1.length;
  const afterNumStr = stripSpaces(text.slice(numEnd, numEnd + 8));
  const afterNum = pct1 === undefined && dash === undefined ? afterNumStr.replace(LEADING_APPROX_RE, "") : "";
  // (小时 after 万/亿 counts hours: "志愿服务6507.4万小时", an open unit below)
  if (startsWithAny(afterNum, NOT_AFTER_STARTING(firstCode(afterNum))) && !(isBigMagnitude(g.mag1) && afterNum.startsWith("小时")))
    return "date-age-or-period";
  // named rule sets and slogans: 中央八项规定, 四个意识, 两个确立 (lexicon/cues.ts)
  if (startsWithAny(afterNumStr, NAMED_COUNT_SUFFIXES)) return "named-count";
  // reduplicated 一条一条 / 一项一项: a manner adverb ("one by one"), not a figure
  if (n1 === "一" && unit.length === 1 && (text.startsWith(`一${unit}`, end) || text.slice(start - 2, start) === `一${unit}`))
    return "reduplicated-one";

  // a unit that is really the start of another word: 一次性, 分类, 所有 …
  if (unit !== "" && unit !== "%" && unit !== "％") {
    const after = text.slice(end, end + 4);
    const breakers = UNIT_WORD_BREAKERS[unit];
    if (breakers !== undefined && startsWithAny(after, breakers)) unit = "";
  }
  if (unit === "％") unit = "%";
  if (unit === "" && tail !== undefined) return "tail-without-unit";
  if (unit === "" && (pct1 !== undefined || pctWord || g.pct2 !== undefined)) unit = pctWordText === "千分之" ? "‰" : "%";
  if (pct1 !== undefined) unit = "%";

  if (numeral === "zh") {
    if (!ZH_NUMERAL_UNITS.has(unit) && !magOnly) return "zh-numeral-without-count-unit";
    if (startsWithAny(text, NAMED_COUNTS, start)) return "named-count";
    if (startsWithAny(afterNumStr, ZH_NAMED_PACKAGE_SUFFIXES)) return "named-count";
    if (n1 === "一" && unit === "个" && n2 === undefined) return "zh-one";
    if (ZH_SCOPE_AFTER_RE.test(text.slice(end, end + 2))) return "zh-scope";
    if (unit === "番" && prevNonSpace(text, start) !== "翻") return "bare-fan";
    if (unit === "成" && (mag1 !== undefined || n1.length > 2)) return "cheng-not-tenths";
  } else if (unit === "番" || unit === "成") {
    if (unit === "番") return "bare-fan";
  }

  // thresholds of eligibility: 大于 200 平米, 年满70周岁
  const lead = before(text, clause.start, start, 6);
  if (endsWithAny(lead, THRESHOLD_PREFIXES)) return "eligibility-threshold";
  // the step of a per-unit rule: 每增加1人, 每1000人
  if (PER_STEP_RE.test(lead)) return "per-step";

  // values
  let v1 = pctWord && n1 === "百" ? 100 : parseZhNumber(vague ? vagueBase(n1) : n1);
  if (v1 === null) return "unreadable-number";
  // 负3.9% / 为-0.60‰: a negative figure (the sign is part of it; "1-2" is a range, read above)
  // the sign multiplies every figure (not a negation in a rare branch: an operation first met
  // after V8 optimised readFigure throws the optimised code away)
  const sign = signBefore(text, start);
  v1 *= sign;
  start += sign < 0 ? -1 : 0;
  let v2 = n2 !== undefined ? parseZhNumber(VAGUE_RE.test(n2) ? vagueBase(n2) : n2) : null;
  if (n2 !== undefined && v2 === null) return "unreadable-number";
  // 八到九百亿元: a single digit before a round upper bound shares its place (800–900)
  if (v2 !== null && numeral === "zh" && n1.length === 1 && n2 !== undefined && ROUND_UPPER_RE.test(n2)) {
    const place = n2[1] === "十" ? 10 : n2[1] === "百" ? 100 : 1000;
    if (v1 < 10) v1 *= place;
  }
  if (mag1 === "千" || mag1 === "百") {
    if (numeral === "zh") return "zh-small-magnitude";
    v1 *= smallMagnitude(mag1);
  }
  if (v2 !== null && (mag2 === "千" || mag2 === "百")) v2 *= smallMagnitude(mag2);
  const bigMag = isBigMagnitude(mag2) ? mag2 : isBigMagnitude(mag1) ? mag1 : undefined;
  if (unit === "%" || unit === "个百分点") {
    if (bigMag !== undefined) return "percent-with-magnitude";
  } else if (bigMag !== undefined) {
    unit = bigMag + unit;
  }
  const fraction = pctWordText !== undefined && pctWordText.length > 2 && pctWordText !== "百分之" && pctWordText !== "千分之";
  if (fraction) {
    // 三分之一 → 33.33 "%" (a share; the exact fraction cannot be written as one value)
    const den = parseZhNumber((pctWordText as string).slice(0, -2));
    if (den === null || den === 0 || n2 !== undefined || !(v1 < den)) return "bad-fraction";
    v1 = Math.round((10000 * v1) / den) / 100;
    unit = "%";
  }
  if (unit === "成") {
    if (v1 > 10) return "cheng-not-tenths";
    v1 *= 10;
    if (v2 !== null) v2 *= 10;
    unit = "%";
  }
  if (tail !== undefined) unit += stripSpaces(tail);
  // open units (open-unit.ts): a unit not in the table is kept as written, with a lower confidence
  let openUnit = false;
  if (tail !== undefined) {
    const more = tailMoreAt(text, end);
    if (more !== "") {
      unit += more;
      end += more.length;
    }
  } else if (
    g.unit === undefined &&
    numeral === "arabic" &&
    !pctWord &&
    pct1 === undefined &&
    g.pct2 === undefined &&
    smallMagnitude(mag1) === 1
  ) {
    // (not after 千 / 百: "500千伏" names a voltage class, and 千 would be read as a factor)
    const ou = openUnitAt(text, end, bigMag !== undefined);
    if (ou !== "") {
      unit += ou;
      end += ou.length;
      openUnit = true;
    }
  }

  // comparators
  let comparator: Comparator = "=";
  let leadStart = start;
  let prefixCmp: Comparator | undefined;
  const lead12 = before(text, clause.start, start, 12);
  let leadRest = lead12;
  let prefixWord = "";
  const pe = entryEnding(lead12, PREFIX_ENDING(lastCode(lead12)));
  if (pe !== undefined) {
    prefixCmp = pe[1];
    prefixWord = pe[0];
    leadRest = lead12.slice(0, -pe[0].length);
    leadStart = backTo(text, start, pe[0].length);
  } else {
    const v = CMP_VERB_RE.exec(lead12);
    if (v !== null) {
      prefixWord = v[1] as string;
      prefixCmp = entryFor(prefixWord, SORTED_PREFIX)[1];
      leadStart = backTo(text, start, (v[0] as string).length);
    }
  }
  let suffixCmp: Comparator | undefined;
  const after = text.slice(end, end + 6);
  const afterTrim = stripSpaces(after);
  const se = entryStarting(afterTrim, SUFFIX_STARTING(firstCode(afterTrim)));
  if (se !== undefined) {
    suffixCmp = se[1];
    end = forwardTo(text, end, se[0].length);
  }
  // a threshold defining the class counted next ("超50亿元的服务业集群达到7个", "5亿元以上的
  // 工业企业"): kept, with a doubt (docs/decisions/extract-targets.md, 17)
  const groupThreshold =
    (v2 !== null || GROUP_PREFIXES.has(prefixWord) || (se !== undefined && GROUP_SUFFIXES.has(se[0]))) &&
    GROUP_UNITS.has(unit) &&
    groupAfter(text, end);
  // a shortfall or excess defining the class named after 的: 床位数不足40张且…少于10人的乡镇敬老院;
  // an amount, population or area threshold of the group counted next: 5000万元以上的项目
  // an amount, population or area threshold of the group that the clause counts: "推进5000万元以上的
  // 项目120个", "培育10家…超50亿元的骨干企业" (without a count it stays, with a doubt: "设立超过1000亿元的纾困基金")
  if (groupThreshold && classCounted(text, clause, start, end)) return "class-threshold";
  if (CLASS_PREFIXES.has(prefixWord) && classAfter(text, end)) return "class-threshold";
  let valueMax: number | undefined;
  if (v2 !== null) {
    if (!(v2 > v1)) return "range-not-ascending";
    comparator = "range";
    valueMax = v2;
  } else if (suffixCmp !== undefined) comparator = suffixCmp;
  else if (approx === "余" || approx === "多" || vague) comparator = ">";
  else if (prefixCmp !== undefined) comparator = prefixCmp;

  // change: 增长7% / 提高10% / 下降3.4%以上 / 翻一番
  let change: "increase" | "decrease" | undefined;
  if (unit === "番") change = "increase";
  else {
    const ce = entryEnding(leadRest, CHANGE_ENDING(lastCode(leadRest)));
    if (ce !== undefined && (CHANGE_UNITS.has(unit) || (ce[0].length > 1 && MONEY_OR_PEOPLE_RE.test(unit)))) {
      change = ce[1];
      leadStart = backTo(text, leadStart, ce[0].length);
    }
  }
  if (change === undefined && prefixCmp === undefined && (unit === "%" || unit === "个百分点")) {
    // 提高孤儿…保障标准 10%: the change verb opens the clause
    const head = stripSpaces(text.slice(clause.start, Math.min(clause.start + 4, start)));
    change = changeOpening(head);
  }

  // per: 每万老年人 … 24.5人 (the last 每… phrase of the clause before the figure)
  let per: string | undefined;
  const clauseHead = text.slice(Math.max(clause.start, start - 40), start);
  if (clauseHead.includes("每")) {
    // every PER_RE match starts with 每
    PER_RE.lastIndex = 0;
    for (let p = PER_RE.exec(clauseHead); p !== null; p = PER_RE.exec(clauseHead)) per = p[0];
  }

  // unitless figures need a comparator, and must not look like a year
  let doubt: string | undefined;
  if (unit === "") {
    if (numeral === "zh") return "zh-numeral-without-count-unit";
    if (prefixCmp === undefined && suffixCmp === undefined) return "unitless-without-comparator";
    if (YEAR_LIKE_RE.test(n1)) return "year";
    doubt = "figure without a unit";
  }
  if (unit === "类" || unit === "批" || unit === "期" || unit === "起") doubt = `vague unit ${unit}`;
  if (magOnly) doubt = "figure without a unit";
  if (groupThreshold) doubt = "threshold of the group counted next (…的), probably not a goal";
  if (vague) doubt = `vague figure ${n1}`;
  if (fraction) doubt = `fraction ${pctWordText}${n1} as a percentage`;
  if (
    prefixCmp === undefined &&
    suffixCmp === undefined &&
    approx === undefined &&
    v2 === null &&
    isParenthesised(text, start, end)
  ) {
    doubt = "figure in parentheses";
  }

  // built field by field (no object spreads), same key order
  // one object literal with every field, always in this order: a single hidden class keeps
  // readFigure's callers monomorphic (optional fields added later made V8 deoptimise them)
  const fig: Candidate = {
    start,
    end,
    value: v1,
    valueMax,
    unit,
    comparator,
    change,
    per,
    numeral,
    leadStart,
    prefixed: prefixCmp !== undefined && comparator === prefixCmp,
    openUnit,
    doubt,
    sentence: 0,
    clauseIndex: 0,
    listOf: undefined,
  };
  return fig;
}

/** 十几 → 十, 二十几 → 二十, 几十 / 数十 → 一十, 数百 → 一百: the lower bound of a vague count. */
function vagueBase(n: string): string {
  return n.replace(/^[数几]/, "一").replace(/几$/, "");
}

function isParenthesised(text: string, start: number, end: number): boolean {
  const o = prevNonSpace(text, start);
  return (o === "(" || o === "（") && (text[end] === ")" || text[end] === "）");
}
