/**
 * The target finder: one combined regex scans a normalised line once for figures;
 * each figure is checked against the exclusions ("Not targets"), qualified
 * (comparator, change, per, range), named (metric) and claimed by the first target
 * pattern unit that accepts it.
 */
import type { Comparator } from "../../types.js";
import { type Clause, splitClauses } from "../clauses.js";
import {
  CHANGE_WORDS,
  LEVEL_AFTER_CHANGE,
  PREFIX_COMPARATORS,
  SUFFIX_COMPARATORS,
  THRESHOLD_PREFIXES,
} from "../lexicon/comparators.js";
import {
  AMOUNT_NOUNS_AFTER_DE,
  CHANGE_ONLY_METRICS,
  GROUP_THRESHOLD_PREFIXES,
  GROUP_THRESHOLD_SUFFIXES,
  GROUP_THRESHOLD_UNITS,
  LIST_ITEM_VERBS,
  NAMED_COUNT_SUFFIXES,
  NAMED_COUNTS,
  TRANSITION_SOURCE,
} from "../lexicon/cues.js";
import { PER_HEADS } from "../lexicon/per.js";
import { NOT_A_QUANTITY_AFTER, UNIT_WORD_BREAKERS, UNITS, ZH_NUMERAL_UNITS } from "../lexicon/units.js";
import { metricFor } from "../metric.js";
import { parseZhNumber } from "../numerals/zh-number.js";
import { firstEndingAfter, isSortedDisjoint, type Range } from "../../util/ranges.js";
import { firstCharTable } from "../../util/scan-window.js";
import { pattern as bare } from "./target-bare.js";
import { pattern as change } from "./target-change.js";
import { pattern as count } from "./target-count.js";
import type { Figure, TargetMatch, TargetPatternUnit } from "./target-figure.js";
import { pattern as money } from "./target-money.js";
import { pattern as perCapita } from "./target-per-capita.js";
import { pattern as percent } from "./target-percent.js";
import { pattern as range } from "./target-range.js";
import { pattern as zhCount } from "./target-zh-count.js";

export type { Figure, TargetMatch, TargetPatternUnit } from "./target-figure.js";

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

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join("|");
}

const D = "[0-9０-９]";
const AR = `${D}{1,15}(?:[,，]${D}{3}){0,4}(?:[.．]${D}{1,8})?`;
const ZH = "[零〇一二两三四五六七八九十百千]{1,10}(?:点[零〇一二三四五六七八九]{1,6})?";
/** Vague counts: 十几, 二十几, 几十, 数十, 数百 … (read as a lower bound, comparator ">"). */
const VAGUE = "(?:[数几][十百千]|[二三四五六七八九]?十几)";
const NUM = `(?:${AR}|${VAGUE}|${ZH})`;
/** Fractions and per-mille before the numerator: 百分之, 千分之, 三分之(一), 百分(百). */
const PCT_WORD = "(百分之|千分之|百分(?=百)|[一二两三四五六七八九十]{1,3}分之)";
/** "(含)": the bound is included ("50万元(含)以上", "1万(含)-5万元"). */
const INCL = "(?:[(（]含[)）])?";
const MAG = "(万亿|亿|万|千|百)?";
const SP = "[ \\u3000]{0,2}";
const UNIT_ALT = alternation([...UNITS, "％"]);

/**
 * Groups: 1 百分之 / 千分之 / X分之, 2 n1, 3 mag1, 4 %, 5 dash, 6 百分之, 7 n2, 8 mag2, 9 余/多,
 * 10 magnitude after 余/多 ("500多亿"), 11 unit, 12 "/人/月" tail, 13 余 after the unit.
 */
const FIGURE_RE = new RegExp(
  `${PCT_WORD}?(${NUM})${SP}${MAG}${SP}([%％])?${INCL}(?:${SP}([-—–~～至到]{1,2})${SP}(百分之)?(${NUM})${SP}${MAG})?${SP}(余|多)?(万亿|亿|万)?${SP}(${UNIT_ALT})?${INCL}((?:${SP}/${SP}[人户月年次天床]){1,2})?(余)?`,
  "g",
);
const G_UNIT = 11;
const VAGUE_RE = /[几数]/;
/** A minus sign is a sign (not a range dash or a code) after these ("为-0.60‰", "(-2.1%)", line start). */
const SIGN_AFTER_RE = /^(?:|[为是:：,，(（ ])$/;

/** FIGURE_RE tried at one position; FIGURE_FIRST marks the characters a figure can start with. */
const FIGURE_Y = new RegExp(FIGURE_RE.source, "y");
const FIGURE_FIRST = firstCharTable(FIGURE_RE.source);

/**
 * What `FIGURE_RE.exec` finds from `from`: the first position whose character can start a
 * figure and where the sticky form matches. A table lookup per character instead of the
 * engine's scan (about twice as fast over a corpus).
 */
function nextFigure(text: string, from: number): RegExpExecArray | null {
  if (FIGURE_FIRST === null) {
    FIGURE_RE.lastIndex = from;
    return FIGURE_RE.exec(text);
  }
  const n = text.length;
  for (let p = from; p < n; p++) {
    if (FIGURE_FIRST[text.charCodeAt(p)] !== 1) continue;
    FIGURE_Y.lastIndex = p;
    const m = FIGURE_Y.exec(text);
    if (m !== null) return m;
  }
  return null;
}

const PER_RE = new RegExp(
  `每(?:十万|百万|万|千|百)?(?:个)?(?:${alternation(PER_HEADS)})(?:每(?:月|年))?`,
  "g",
);
const SPACES_RE = /[ \u3000]/g;
/** `s` without spaces and ideographic spaces (itself when it has none: no replace call). */
function stripSpaces(s: string): string {
  return s.includes(" ") || s.includes("\u3000") ? s.replace(SPACES_RE, "") : s;
}
/** Characters that glue a number into a code or a longer number (by char code). */
const ASCII_CONTEXT = new Uint8Array(0x10000);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./_+×*#＋")
  ASCII_CONTEXT[ch.charCodeAt(0)] = 1;
const DIGIT_RE = /[0-9０-９]/;
const LEADING_APPROX_RE = /^[余多]/;
/** 八到九百: a single digit and a round upper bound of one place */
const ROUND_UPPER_RE = /^[一二两三四五六七八九][十百千]$/;
const WHITESPACE_RE = /\s+/g;
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

/**
 * (performance) The entries of `list` whose word starts ("first") or ends ("last") with a given
 * char code, in list order: a loop testing `s.startsWith(w)` / `s.endsWith(w)` over the whole
 * list meets its first hit in the same place when it only looks at the bucket of s's first /
 * last character. An empty word (matching anything) disables the grouping.
 */
function bucketsBy<E>(list: readonly E[], wordOf: (e: E) => string, at: "first" | "last"): (code: number) => readonly E[] {
  if (list.some((e) => wordOf(e) === "")) return () => list;
  const map = new Map<number, E[]>();
  for (const e of list) {
    const w = wordOf(e);
    const code = w.charCodeAt(at === "first" ? 0 : w.length - 1);
    let bucket = map.get(code);
    if (!bucket) {
      bucket = [];
      map.set(code, bucket);
    }
    bucket.push(e);
  }
  const none: readonly E[] = [];
  return (code) => map.get(code) ?? none;
}
const PREFIX_ENDING = bucketsBy(SORTED_PREFIX, (e) => e[0], "last");
const SUFFIX_STARTING = bucketsBy(SORTED_SUFFIX, (e) => e[0], "first");
const CHANGE_ENDING = bucketsBy(SORTED_CHANGE, (e) => e[0], "last");
const CHANGE_STARTING = bucketsBy(SORTED_CHANGE, (e) => e[0], "first");
const NOT_AFTER_STARTING = bucketsBy(SORTED_NOT_AFTER, (w) => w, "first");
/*
 * (performance) Indexed loops instead of for…of and array destructuring in the per-figure code:
 * each for…of compiles to the iterator protocol with its try/finally, which made readFigure's
 * bytecode (and V8's optimising compile of it, paid again in every worker) several times larger.
 */
/** Does `s` start with one of `words` at `at`? */
function startsWithAny(s: string, words: readonly string[], at = 0): boolean {
  for (let i = 0; i < words.length; i++) if (s.startsWith(words[i] as string, at)) return true;
  return false;
}
/** Does `s` end with one of `words`? */
function endsWithAny(s: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (s.endsWith(words[i] as string)) return true;
  return false;
}
/** The first entry of `list` whose word `s` ends with. */
function entryEnding<V>(s: string, list: readonly (readonly [string, V])[]): readonly [string, V] | undefined {
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as readonly [string, V];
    if (s.endsWith(e[0])) return e;
  }
  return undefined;
}
/** The first entry of `list` whose word `s` starts with. */
function entryStarting<V>(s: string, list: readonly (readonly [string, V])[]): readonly [string, V] | undefined {
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as readonly [string, V];
    if (s.startsWith(e[0])) return e;
  }
  return undefined;
}
/** The entry of `list` for the word `w` (one that is known to be there). */
function entryFor<V>(w: string, list: readonly (readonly [string, V])[]): readonly [string, V] {
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as readonly [string, V];
    if (e[0] === w) return e;
  }
  throw new Error(`no entry for ${w}`);
}
/** -1 when the figure at `start` carries a minus sign (负3.9%, 为-0.60‰), else 1. */
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
/** First / last code unit, -1 for "": an out-of-bounds charCodeAt deoptimises readFigure. */
const firstCode = (s: string) => (s.length > 0 ? s.charCodeAt(0) : -1);
const lastCode = (s: string) => (s.length > 0 ? s.charCodeAt(s.length - 1) : -1);
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
/** A Chinese count followed by a place noun is a scope (三个街道), not a target. */
const ZH_SCOPE_AFTER_RE = /^(?:街道|乡镇|社区|村|县|区|市|部门|方面|领域|环节|阶段|产业|机制|政策|制度)/;
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
const CHANGE_UNITS: ReadonlySet<string> = new Set(["%", "个百分点", "百分点", "倍", "‰"]);
const MONEY_OR_PEOPLE_RE = /^(?:万亿|亿|万)?(?:元|美元|人|户|人次|吨)$/;
const LIST_GAP_RE = /^[、和及与,，\s]{1,3}$/;
/** A list joiner right before a figure's lead ("…、" "…和"). */
const LIST_JOINER_END_RE = /[、和及与]\s?$/;
const SHARE_WORD_RE = /比重|比例/;

/** Every protected range opens with one of these (checked once instead of six indexOf scans). */
const OPENERS_RE = /[《〈“「‘"]/;

/** Opening and closing marks of protected ranges, with the longest inside they may hold. */
const PROTECTED_PAIRS: readonly (readonly [string, string, number])[] = [
  ["《", "》", 80],
  ["〈", "〉", 80],
  ["“", "”", 18],
  ["「", "」", 18],
  ["‘", "’", 18],
];

/** Ranges of the line that name rather than measure: 《book titles》 and short “slogans”. */
function protectedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  if (!OPENERS_RE.test(text)) return out;
  for (let k = 0; k < PROTECTED_PAIRS.length; k++) {
    const pair = PROTECTED_PAIRS[k] as (typeof PROTECTED_PAIRS)[number];
    const open = pair[0];
    const close = pair[1];
    const max = pair[2];
    let i = text.indexOf(open);
    while (i >= 0) {
      const j = text.indexOf(close, i + 1);
      if (j < 0) break;
      if (j - i - 1 <= max) out.push([i, j + 1]);
      i = text.indexOf(open, j + 1);
    }
  }
  // ASCII double quotes, paired left to right
  let q = text.indexOf('"');
  while (q >= 0) {
    const r = text.indexOf('"', q + 1);
    if (r < 0) break;
    if (r - q - 1 <= 18) out.push([q, r + 1]);
    q = text.indexOf('"', r + 1);
  }
  return out;
}

function inRanges(ranges: readonly (readonly [number, number])[], start: number, end: number): boolean {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i] as readonly [number, number];
    if (start < r[1] && end > r[0]) return true;
  }
  return false;
}

function prevNonSpace(text: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && (text[k] === " " || text[k] === "\u3000")) k--;
  return k >= 0 ? (text[k] as string) : "";
}

/**
 * Text before `pos` inside the clause, spaces removed, at most `n` (≥ 1) chars: the last `n`
 * non-space characters of text[max(floor, pos - n - 4), pos). Walks back instead of slicing
 * and replacing the whole window (this runs twice per figure).
 */
function before(text: string, floor: number, pos: number, n: number): string {
  const lo = Math.max(floor, pos - n - 4);
  let k = pos;
  let count = 0;
  let spaces = false;
  while (k > lo && count < n) {
    k--;
    const c = text.charCodeAt(k);
    if (c === 0x20 || c === 0x3000) spaces = true;
    else count++;
  }
  const s = text.slice(k, pos);
  return spaces ? s.replace(SPACES_RE, "") : s;
}

/** Does [start, end) overlap one of `ranges`? Binary search when they are sorted and disjoint. */
function overlapsExcluded(ranges: readonly Range[], sorted: boolean, start: number, end: number): boolean {
  if (!sorted || ranges.length < 8) {
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i] as Range;
      if (start < r.end && end > r.start) return true;
    }
    return false;
  }
  // the first range ending after `start` is the only candidate that can start before `end`
  const r = ranges[firstEndingAfter(ranges, start)];
  return r !== undefined && end > r.start;
}

/**
 * The segment start after the excluded ranges that end inside the clause before the figure's
 * lead: the last range (in order) with end ≤ leadStart, end > segStart, start ≥ clauseStart moves
 * it to its end. With sorted disjoint ranges that is the last range ending at or before leadStart.
 */
function afterExcluded(
  ranges: readonly Range[],
  sorted: boolean,
  segStart: number,
  leadStart: number,
  clauseStart: number,
): number {
  let seg = segStart;
  if (!sorted || ranges.length < 8) {
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i] as Range;
      if (r.end <= leadStart && r.end > seg && r.start >= clauseStart) seg = r.end;
    }
    return seg;
  }
  const r = ranges[firstEndingAfter(ranges, leadStart) - 1];
  return r !== undefined && r.end > seg && r.start >= clauseStart ? r.end : seg;
}

export interface FindOptions {
  /** line ranges already taken by deadlines: figures inside them are not targets */
  exclude?: readonly { start: number; end: number }[];
  /** use jieba POS tags for metric naming (set by the orchestrator when words.ts is loaded) */
  tagger?: ((s: string) => { word: string; tag: string }[]) | null;
}

interface Raw extends Figure {
  doubt: string | undefined;
  sentence: number;
  clauseIndex: number;
  /** the figure this one follows in a 分别 / 、 list */
  listOf: Raw | undefined;
}

/** Every target figure of one normalised line, in order, with line offsets. */
export function findTargetsInLine(text: string, options: FindOptions = {}): TargetMatch[] {
  return findTargetsAndClauses(text, options).targets;
}

const NO_CLAUSES: readonly Clause[] = [];

/** The first target unit that claims the figure (in TARGET_PATTERNS order), if any. */
function claimerOf(f: Figure): TargetPatternUnit | undefined {
  for (let i = 0; i < TARGET_PATTERNS.length; i++) {
    const p = TARGET_PATTERNS[i] as TargetPatternUnit;
    if (p.claims(f)) return p;
  }
  return undefined;
}

/**
 * `findTargetsInLine` that also hands back the line's clauses (`splitClauses(text)`) so that the
 * orchestrator does not split the line again. The clauses are split only when a figure candidate
 * needs them: `clauses` is then that array, else empty (and `targets` is empty too).
 */
export function findTargetsAndClauses(
  text: string,
  options: FindOptions = {},
): { targets: TargetMatch[]; clauses: readonly Clause[] } {
  const none = { targets: [], clauses: NO_CLAUSES };
  let m = nextFigure(text, 0);
  if (m === null) return none;
  let next = 0;
  let clauses: Clause[] = [];
  let clausesReady = false;
  let guarded: [number, number][] | null = null;
  const exclude = options.exclude ?? [];
  const excludeSorted = isSortedDisjoint(exclude);
  const raws: Raw[] = [];
  let ci = 0;
  for (; m !== null; m = nextFigure(text, next)) {
    const start = m.index;
    let end = start + m[0].length;
    next = end;
    if (m[0].length === 0) {
      next++;
      continue;
    }
    while (end > start && (text[end - 1] === " " || text[end - 1] === "\u3000")) end--;
    // cheapest rejection before any per-line work: a Chinese numeral without a count unit
    const u0 = m[G_UNIT];
    if (
      isZh(m[2] as string) &&
      m[1] === undefined &&
      m[4] === undefined &&
      (u0 === undefined || !ZH_NUMERAL_UNITS.has(u0)) &&
      !zhMagnitudeOnly(m)
    )
      continue;
    if (!clausesReady) {
      clauses = splitClauses(text);
      clausesReady = true;
    }
    while (ci < clauses.length && (clauses[ci] as Clause).end <= start) ci++;
    const clause = clauses[ci];
    if (clause === undefined || clause.start > start) continue;
    guarded ??= protectedRanges(text);
    const fig = readFigure(text, m, start, end, clause, guarded, exclude, excludeSorted);
    if (fig === null) continue;
    fig.sentence = clause.sentence;
    fig.clauseIndex = ci;
    raws.push(fig);
  }
  // lists: "分别增长7.3%、8.2%" — a figure right after another inherits its qualifiers
  for (let i = 1; i < raws.length; i++) {
    const prev = raws[i - 1] as Raw;
    const cur = raws[i] as Raw;
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
  const out: TargetMatch[] = [];
  let prevFromTail = false;
  for (let i = 0; i < raws.length; i++) {
    const f = raws[i] as Raw;
    const clause = clauses[f.clauseIndex] as Clause;
    const unit = claimerOf(f);
    if (unit === undefined) continue;
    // segment start: after the previous figure of the same clause (not for list items)
    let segStart = clause.start;
    for (let k = i - 1; k >= 0; k--) {
      const p = raws[k] as Raw;
      if (p.clauseIndex !== f.clauseIndex) break;
      if (p.end <= f.leadStart) {
        segStart = p.end;
        break;
      }
    }
    const prevClause = f.clauseIndex > 0 ? clauses[f.clauseIndex - 1] : undefined;
    const sameSentencePrev =
      prevClause !== undefined && prevClause.sentence === clause.sentence ? prevClause : undefined;
    segStart = afterExcluded(exclude, excludeSorted, segStart, f.leadStart, clause.start);
    const listHead = f.listOf !== undefined ? out[out.length - 1] : undefined;
    if (
      prevFromTail &&
      i > 0 &&
      (raws[i - 1] as Raw).clauseIndex === f.clauseIndex &&
      LIST_JOINER_END_RE.test(text.slice(segStart, f.leadStart))
    ) {
      segStart = f.leadStart;
    }
    const named: { metric: string; fromTail: boolean } =
      listHead !== undefined
        ? { metric: listHead.metric, fromTail: prevFromTail }
        : metricFor({
            text,
            segStart,
            leadStart: f.leadStart,
            figEnd: f.end,
            clauseEnd: clause.end,
            per: f.per,
            unit: f.unit,
            prevClause: sameSentencePrev ? text.slice(sameSentencePrev.start, sameSentencePrev.end) : "",
            tagger: options.tagger ?? null,
          });
    let metric = named.metric;
    prevFromTail = named.fromTail;
    if (TIME_SCOPE_ONLY.has(metric)) {
      const prevSame = out.length > 0 ? (out[out.length - 1] as TargetMatch) : undefined;
      if (prevSame !== undefined && prevSame.sentence === f.sentence) metric = prevSame.metric;
    }
    // the new level of the previous figure ("由728元/人/月提高为735元/人/月", "从8.2万亿元增加到
    // 23.8万亿元", "比2010年的330元提高了90元"): both share the subject before 由/从/比
    const last = out.length > 0 ? (out[out.length - 1] as TargetMatch) : undefined;
    const before = i > 0 ? (raws[i - 1] as Raw) : undefined;
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
    let confidence = unit.confidence;
    if (f.doubt !== undefined) confidence = Math.min(confidence, 0.5);
    // built field by field (no object spreads: this runs for every figure), same key order
    // every field, always in this order (one hidden class; see readFigure)
    const t: TargetMatch = {
      start: f.start,
      end: f.end,
      value: f.value,
      valueMax: f.valueMax,
      unit: f.unit,
      comparator: f.comparator,
      change: f.change,
      per: f.per,
      numeral: f.numeral,
      leadStart: f.leadStart,
      prefixed: f.prefixed,
      pattern: unit.name,
      metric,
      confidence,
      clauseStart: clause.start,
      clauseEnd: clause.end,
      sentence: f.sentence,
      doubt: f.doubt,
    };
    out.push(t);
  }
  return { targets: out, clauses: clausesReady ? clauses : NO_CLAUSES };
}

/**
 * A Chinese numeral with only a magnitude and a vagueness mark ("十几万", "二百三十余万",
 * "数十亿"): a figure even without a unit (the marks say it is a quantity); the unit is the
 * magnitude ("万"), with a doubt.
 */
function zhMagnitudeOnly(m: RegExpExecArray): boolean {
  if (m[G_UNIT] !== undefined || m[5] !== undefined) return false;
  const mag = m[10] ?? m[3];
  if (mag !== "万" && mag !== "亿" && mag !== "万亿") return false;
  return m[9] !== undefined || VAGUE_RE.test(m[2] as string);
}

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

function isZh(s: string): boolean {
  const c = s.charCodeAt(0);
  return c > 0x2e80 && !(c >= 0xff10 && c <= 0xff19);
}

function readFigure(
  text: string,
  m: RegExpExecArray,
  startIn: number,
  endIn: number,
  clause: Clause,
  guarded: readonly (readonly [number, number])[],
  exclude: readonly Range[],
  excludeSorted: boolean,
): Raw | null {
  let end = endIn;
  let start = startIn;
  const pctWord = m[1] !== undefined;
  const n1 = m[2] as string;
  const mag1 = m[3] ?? m[10];
  const pct1 = m[4];
  const dash = m[5];
  const n2 = m[7];
  const mag2 = m[8];
  const approx = m[9] ?? m[13];
  let unit = m[G_UNIT] ?? "";
  const tail = m[12];
  const numeral: "arabic" | "zh" = isZh(n1) ? "zh" : "arabic";
  const magOnly = numeral === "zh" && zhMagnitudeOnly(m);
  const vague = VAGUE_RE.test(n1);

  // cheapest rejection first: a Chinese numeral needs a count unit (or 百分之 / %)
  if (numeral === "zh" && !pctWord && pct1 === undefined && !ZH_NUMERAL_UNITS.has(unit) && !magOnly)
    return null;
  // context: part of a longer code / number, an ordinal, a slogan, a title, a deadline
  if (start > 0 && ASCII_CONTEXT[text.charCodeAt(start - 1)] === 1) return null;
  if (text[end] === "+" || text[end] === "＋") return null;
  if (m[G_UNIT] === undefined && DIGIT_RE.test(text[end] ?? "")) return null;
  if (prevNonSpace(text, start) === "第") return null;
  if (inRanges(guarded, start, end)) return null;
  if (overlapsExcluded(exclude, excludeSorted, start, end)) return null;

  // what follows the number itself (before any unit): dates, ages, editions, bodies
  let numEnd = start + (m[1]?.length ?? 0) + n1.length;
  if (m[3] !== undefined) numEnd = text.indexOf(m[3], numEnd) + m[3].length;
  const afterNumStr = stripSpaces(text.slice(numEnd, numEnd + 8));
  const afterNum = pct1 === undefined && dash === undefined ? afterNumStr.replace(LEADING_APPROX_RE, "") : "";
  if (startsWithAny(afterNum, NOT_AFTER_STARTING(firstCode(afterNum)))) return null;
  // named rule sets and slogans: 中央八项规定, 四个意识, 两个确立 (lexicon/cues.ts)
  if (startsWithAny(afterNumStr, NAMED_COUNT_SUFFIXES)) return null;
  // reduplicated 一条一条 / 一项一项: a manner adverb ("one by one"), not a figure
  if (n1 === "一" && unit.length === 1 && (text.startsWith(`一${unit}`, end) || text.slice(start - 2, start) === `一${unit}`))
    return null;

  // a unit that is really the start of another word: 一次性, 分类, 所有 …
  if (unit !== "" && unit !== "%" && unit !== "％") {
    const after = text.slice(end, end + 4);
    const breakers = UNIT_WORD_BREAKERS[unit];
    if (breakers !== undefined && startsWithAny(after, breakers)) unit = "";
  }
  if (unit === "％") unit = "%";
  if (unit === "" && tail !== undefined) return null;
  if (unit === "" && (pct1 !== undefined || pctWord || m[6] !== undefined)) unit = m[1] === "千分之" ? "‰" : "%";
  if (pct1 !== undefined) unit = "%";

  if (numeral === "zh") {
    if (!ZH_NUMERAL_UNITS.has(unit) && !magOnly) return null;
    if (startsWithAny(text, NAMED_COUNTS, start)) return null;
    if (n1 === "一" && unit === "个" && n2 === undefined) return null;
    if (ZH_SCOPE_AFTER_RE.test(text.slice(end, end + 2))) return null;
    if (unit === "番" && prevNonSpace(text, start) !== "翻") return null;
    if (unit === "成" && (mag1 !== undefined || n1.length > 2)) return null;
  } else if (unit === "番" || unit === "成") {
    if (unit === "番") return null;
  }

  // thresholds of eligibility: 大于 200 平米, 年满70周岁
  const lead = before(text, clause.start, start, 6);
  if (endsWithAny(lead, THRESHOLD_PREFIXES)) return null;

  // values
  let v1 = pctWord && n1 === "百" ? 100 : parseZhNumber(vague ? vagueBase(n1) : n1);
  if (v1 === null) return null;
  // 负3.9% / 为-0.60‰: a negative figure (the sign is part of it; "1-2" is a range, read above)
  // the sign multiplies every figure (not a negation in a rare branch: an operation first met
  // after V8 optimised readFigure throws the optimised code away)
  const sign = signBefore(text, start);
  v1 *= sign;
  start += sign < 0 ? -1 : 0;
  let v2 = n2 !== undefined ? parseZhNumber(VAGUE_RE.test(n2) ? vagueBase(n2) : n2) : null;
  if (n2 !== undefined && v2 === null) return null;
  // 八到九百亿元: a single digit before a round upper bound shares its place (800–900)
  if (v2 !== null && numeral === "zh" && n1.length === 1 && n2 !== undefined && ROUND_UPPER_RE.test(n2)) {
    const place = n2[1] === "十" ? 10 : n2[1] === "百" ? 100 : 1000;
    if (v1 < 10) v1 *= place;
  }
  if (mag1 === "千" || mag1 === "百") {
    if (numeral === "zh") return null;
    v1 *= smallMagnitude(mag1);
  }
  if (v2 !== null && (mag2 === "千" || mag2 === "百")) v2 *= smallMagnitude(mag2);
  const bigMag = isBigMagnitude(mag2) ? mag2 : isBigMagnitude(mag1) ? mag1 : undefined;
  if (unit === "%" || unit === "个百分点") {
    if (bigMag !== undefined) return null;
  } else if (bigMag !== undefined) {
    unit = bigMag + unit;
  }
  const fraction = m[1] !== undefined && m[1].length > 2 && m[1] !== "百分之" && m[1] !== "千分之";
  if (fraction) {
    // 三分之一 → 33.33 "%" (a share; the exact fraction cannot be written as one value)
    const den = parseZhNumber((m[1] as string).slice(0, -2));
    if (den === null || den === 0 || n2 !== undefined || !(v1 < den)) return null;
    v1 = Math.round((10000 * v1) / den) / 100;
    unit = "%";
  }
  if (unit === "成") {
    if (v1 > 10) return null;
    v1 *= 10;
    if (v2 !== null) v2 *= 10;
    unit = "%";
  }
  if (tail !== undefined) unit += stripSpaces(tail);

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
  let valueMax: number | undefined;
  if (v2 !== null) {
    if (!(v2 > v1)) return null;
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
    if (numeral === "zh") return null;
    if (prefixCmp === undefined && suffixCmp === undefined) return null;
    if (YEAR_LIKE_RE.test(n1)) return null;
    doubt = "figure without a unit";
  }
  if (unit === "类" || unit === "批" || unit === "期" || unit === "起") doubt = `vague unit ${unit}`;
  if (magOnly) doubt = "figure without a unit";
  if (vague) doubt = `vague figure ${n1}`;
  if (fraction) doubt = `fraction ${m[1]}${n1} as a percentage`;
  if (groupThreshold) doubt = "threshold of the group counted next (…的), probably not a goal";
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
  const fig: Raw = {
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

/** Offset `n` non-space characters before `pos`. */
function backTo(text: string, pos: number, n: number): number {
  let k = pos;
  let left = n;
  while (k > 0 && left > 0) {
    k--;
    if (text[k] !== " " && text[k] !== "\u3000") left--;
  }
  return k;
}

/** Offset after `n` non-space characters from `pos`. */
function forwardTo(text: string, pos: number, n: number): number {
  let k = pos;
  let left = n;
  while (k < text.length && left > 0) {
    if (text[k] !== " " && text[k] !== "\u3000") left--;
    k++;
  }
  return k;
}
