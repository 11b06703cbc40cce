/**
 * The extract stage: for each clean line, deadlines (findDeadlines) and target
 * figures (patterns/target-finder), mapped back to spans in the decoded text,
 * attached to sections, with deadline dates and status filled in.
 */
import type { CleanDoc, CleanLine } from "../clean/index.js";
import { sectionPathAt } from "../segment/index.js";
import type { Deadline, Meta, Section, Target, Warning } from "../types.js";
import { lineOf } from "../util/location.js";
import { firstEndingAfter, isSortedDisjoint } from "../util/ranges.js";
import type { Clause } from "./clauses.js";
import { type DeadlineMatch, findDeadlines } from "./deadlines.js";
import { findTargetsAndClauses, type TargetMatch } from "./targets/finder.js";
import { ACHIEVED_CUES, TARGET_CUES } from "./lexicon/cues.js";
import { PER_HEADS } from "./lexicon/per.js";
import { headingStatus, type Status, type StatusParts, statusFromKindAndCues, statusParts } from "./status.js";
import { getTagger } from "../util/words.js";

export { findTargetsInLine, TARGET_PATTERNS, type TargetMatch } from "./targets/finder.js";

export interface ExtractContext {
  clean: CleanDoc;
  meta: Meta;
  sections: Section[];
  /** options.year ?? meta.year */
  year: number | null;
  /** use nodejieba POS tags for metric names (slower: loads a 250 MB dictionary once). */
  useJieba?: boolean;
  /** The back matter (a glossary) as [start, end) offsets: nothing in it is extracted. */
  backMatter?: { start: number; end: number } | null;
}

/** A top-level heading line that announces a review or a plan (used when no sections are known). */
const PHASE_HEADING_RE =
  /^[ \u3000]{0,4}(?:[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]{1,3}部分)[^。；;]{0,30}$/;

function spanOf(doc: CleanDoc, line: CleanLine, start: number, end: number) {
  const s = line.offsets[start] as number;
  const e = end > start ? (line.offsets[end - 1] as number) + 1 : s;
  return { start: s, end: e, line: lineOf(doc.lineStarts, s) };
}

/** Does the deadline lead its sentence ("9月底前,全市…")? Then it covers the whole sentence. */
function leadsSentence(text: string, d: DeadlineMatch, clauseStart: number): boolean {
  const before = text.slice(clauseStart, d.start).replace(/[ \u3000]/g, "");
  return before.length <= 2;
}

export function extract(ctx: ExtractContext): {
  targets: Target[];
  deadlines: Deadline[];
  warnings: Warning[];
} {
  const { clean, meta, sections, year } = ctx;
  const tagger = ctx.useJieba ? getTagger() : null;
  const targets: Target[] = [];
  const deadlines: Deadline[] = [];
  const warnings: Warning[] = [];
  let needsYear = 0;
  let firstNeedsYearLine: number | undefined;
  let phase: Status | null = null;
  const headingMemo = new Map<Section, Status | null>();
  const parts = statusParts(clean, sections, meta);

  const backMatter = ctx.backMatter ?? null;
  const sentence = new LazySentence();
  // (performance) indexed loops over lines, deadlines and figures: for…of costs the iterator
  // protocol on every line until V8 has optimised this function
  const lines = clean.lines;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li] as CleanLine;
    const lineStart = line.offsets[0] as number;
    if (backMatter !== null && lineStart >= backMatter.start && lineStart < backMatter.end) continue;
    const text = line.text;
    if (sections.length === 0 && PHASE_HEADING_RE.test(text)) {
      const s = headingStatus(text);
      if (s !== null) phase = s;
    }
    const dls = findDeadlines(text, year);
    for (let di = 0; di < dls.length; di++) {
      const d = dls[di] as DeadlineMatch;
      const span = spanOf(clean, line, d.start, d.end);
      const dPath = sectionPathAt(sections, span.start);
      const dInner = dPath.length > 0 ? (dPath[dPath.length - 1] as Section) : null;
      const dSentence = sentenceOf(text, d.start, d.end);
      deadlines.push({
        id: `d${deadlines.length + 1}`,
        sectionId: dInner !== null ? dInner.id : null,
        text: clean.text.slice(span.start, span.end),
        date: d.date,
        kind: d.kind,
        // the same rules as a target's status, on the deadline's own sentence
        status: statusAt(span.start, () => dSentence, dInner, dPath, phase, parts, headingMemo, meta.kind),
        span,
        pattern: d.pattern,
      });
      if (d.needsYear) {
        needsYear++;
        firstNeedsYearLine ??= span.line;
      }
    }
    const { targets: found, clauses } = findTargetsAndClauses(text, { exclude: dls, tagger });
    if (found.length === 0) continue;
    // per line, built on first need: the "by" deadlines that can date a target figure
    let byDeadlines: LineDeadlines | null = null;
    // per clause (figures of one clause share them): its span, text, sentence and cue test
    let clauseKey = -1;
    let clauseSpan = { start: 0, end: 0, line: 0 };
    let clauseText = "";
    let sentenceCued: boolean | null = null;
    let prevMetric: string | undefined;
    let prevPer: string | undefined;
    let prevSentence = -1;
    let hasPrev = false;
    for (let fi = 0; fi < found.length; fi++) {
      const f = found[fi] as TargetMatch;
      const span = spanOf(clean, line, f.start, f.end);
      if (f.clauseStart !== clauseKey) {
        clauseKey = f.clauseStart;
        clauseSpan = spanOf(clean, line, f.clauseStart, f.clauseEnd);
        clauseText = clean.text.slice(clauseSpan.start, clauseSpan.end).trim();
        sentence.reset(text, f);
        sentenceCued = null;
      }
      const path = sectionPathAt(sections, span.start);
      const inner = path.length > 0 ? (path[path.length - 1] as Section) : null;
      const status = statusAt(span.start, sentence.get, inner, path, phase, parts, headingMemo, meta.kind);
      let deadline: string | undefined;
      if (status === "target") {
        byDeadlines ??= lineDeadlines(text, dls, clauses);
        deadline = deadlineFor(text, f, dls, clauses, byDeadlines);
      }
      // metric repairs that need the previous figure of the line (borrowMetric)
      let metric = f.metric;
      let per = f.per;
      if (hasPrev && prevSentence === f.sentence) {
        if (f.metric === f.unit || f.metric === "数值") metric = prevMetric as string;
        else if (f.per === undefined && prevPer !== undefined && PER_PLACES.has(f.metric)) {
          metric = prevMetric as string;
          per = f.metric;
        }
      }
      hasPrev = true;
      prevMetric = metric;
      prevPer = per;
      prevSentence = f.sentence;
      // built field by field (no object spreads), same key order as before
      const t = {
        id: `t${targets.length + 1}`,
        sectionId: inner !== null ? inner.id : null,
        text: clauseText,
        metric,
        comparator: f.comparator,
        value: f.value,
      } as Target;
      if (f.valueMax !== undefined) t.valueMax = f.valueMax;
      t.unit = f.unit;
      if (f.change !== undefined) t.change = f.change;
      if (per !== undefined) t.per = per;
      t.status = status;
      if (deadline !== undefined) t.deadline = deadline;
      t.span = span;
      t.pattern = f.pattern;
      // confidence (docs/decisions/extract-targets.md): see confidenceOf
      let c = f.confidence;
      let doubt = f.doubt;
      const qualified = f.comparator !== "=" || f.change !== undefined;
      if (!qualified) {
        if (sentenceCued === null) {
          const sentenceText = sentence.get();
          sentenceCued = CUE_RE !== null ? CUE_RE.test(sentenceText) : hasCue(sentenceText);
        }
        if (!sentenceCued) c = Math.min(c, 0.8);
      }
      if (doubt !== undefined) c = Math.min(c, VAGUE_DOUBT_RE.test(doubt) && qualified ? 0.6 : 0.5);
      if (metric === f.unit || metric === "数值") {
        c = Math.min(c, 0.55);
        doubt = doubt === undefined ? "no metric could be named" : `${doubt}; no metric could be named`;
      }
      t.confidence = c;
      targets.push(t);
      if (c < UNCERTAIN_BELOW) {
        warnings.push({
          code: "target-uncertain",
          message: `${t.id} "${clean.text.slice(span.start, span.end)}" (confidence ${c}): ${doubt ?? "low confidence"}`,
          line: span.line,
        });
      }
    }
  }
  if (needsYear > 0) {
    warnings.push({
      code: "year-unknown",
      message: `${needsYear} deadline${needsYear === 1 ? "" : "s"} could not be dated: the document's year is unknown (use --year)`,
      ...(firstNeedsYearLine !== undefined ? { line: firstNeedsYearLine } : {}),
    });
  }
  return { targets, deadlines, warnings };
}

/**
 * Metric repairs that need the previous figure of the sentence (done inline in `extract`):
 * - a figure whose metric fell back to its unit ("总额2000亿元、增长8.9%", "由14.8%下降到11.5%")
 *   takes the metric of the previous figure of its sentence;
 * - a parallel clause that names only a place ("社区社会组织每个城市社区平均不少于10个,
 *   农村社区平均不少于5个") takes the previous metric, and the place becomes its `per`.
 */
const PER_PLACES: ReadonlySet<string> = new Set(PER_HEADS.filter((h) => h.length >= 2 && /[社区村镇街县]/.test(h)));

/** Figures below this confidence always come with a "target-uncertain" warning naming their id. */
export const UNCERTAIN_BELOW = 0.6;
const VAGUE_DOUBT_RE = /^vague unit/;

/*
 * Confidence that the figure is a real, correctly read target (docs/decisions/extract-targets.md),
 * computed inline in `extract`: 0.9 a figure with a comparator, a change or a status cue in its
 * sentence; 0.8 a plain figure without any; 0.85 ranges and 0.75 Chinese-numeral counts (pattern
 * bases, capped as above); 0.6 a vague unit (类 批 期 起) with a comparator or change, 0.5 without;
 * 0.5 a unitless or parenthesised figure; at most 0.55 when no metric could be named (the metric
 * is the unit).
 */

/** Does the sentence hold a target or an achieved cue? One alternation of the cue words. */
const CUE_RE: RegExp | null = (() => {
  const words = [...TARGET_CUES, ...ACHIEVED_CUES];
  if (words.length === 0) return null;
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"));
})();
function hasCue(sentence: string): boolean {
  return TARGET_CUES.some((w) => sentence.includes(w)) || ACHIEVED_CUES.some((w) => sentence.includes(w));
}

/**
 * What the headings of `path` (outermost first) say about tense: the innermost heading with a
 * signal wins (statusOf's first rule, over headingStatus), or null. Memoised per innermost section: a section's
 * path is fixed, and many figures share one section.
 */
function headingStatusOfPath(memo: Map<Section, Status | null>, path: readonly Section[]): Status | null {
  const inner = path[path.length - 1] as Section;
  const known = memo.get(inner);
  if (known !== undefined) return known;
  let s: Status | null = null;
  for (let i = path.length - 1; i >= 0 && s === null; i--) s = headingStatus((path[i] as Section).title);
  memo.set(inner, s);
  return s;
}

/**
 * Target or achieved, for a figure or a deadline at `offset` (docs/decisions/extract-targets.md,
 * 13): the document's parts (review / plan / attachments) first, then the phase set by a
 * top-level heading when there are no sections, then the innermost heading with a signal, then
 * the document kind and the cues of `sentence`.
 */
function statusAt(
  offset: number,
  sentence: () => string,
  inner: Section | null,
  path: readonly Section[],
  phase: Status | null,
  parts: StatusParts,
  headingMemo: Map<Section, Status | null>,
  kind: Meta["kind"],
): Status {
  const byPart = parts.at(offset, sentence);
  if (byPart !== null) return byPart;
  if (inner === null && phase !== null) return phase;
  const byHeading = inner === null ? null : headingStatusOfPath(headingMemo, path);
  if (byHeading !== null) return byHeading;
  return statusFromKindAndCues(kind, sentence());
}

/** 。；;！？ end a sentence (for the status cue window). */
function endsSentence(c: number): boolean {
  return c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff01 || c === 0xff1f;
}

/**
 * The sentence of the current clause, computed on first need (`get`, also handed to
 * StatusParts.at) and kept until `reset` moves to the next clause. One object per extract()
 * call instead of a closure (and its captured variables) per figure.
 */
class LazySentence {
  private text = "";
  private start = 0;
  private end = 0;
  private value: string | null = null;
  reset(text: string, f: TargetMatch): void {
    this.text = text;
    this.start = f.clauseStart;
    this.end = f.clauseEnd;
    this.value = null;
  }
  readonly get = (): string => {
    if (this.value === null) this.value = sentenceOf(this.text, this.start, this.end);
    return this.value;
  };
}

/** The sentence around a clause [clauseStart, clauseEnd) of `text` (bounded), for status cues. */
function sentenceOf(text: string, clauseStart: number, clauseEnd: number): string {
  let s = clauseStart;
  let e = clauseEnd;
  for (let k = 0; k < 60 && s > 0 && !endsSentence(text.charCodeAt(s - 1)); k++) s--;
  for (let k = 0; k < 20 && e < text.length && !endsSentence(text.charCodeAt(e)); k++) e++;
  return text.slice(s, e);
}

/**
 * The dated "by" deadlines of one line, prepared once for all its figures (null when the
 * deadlines are not sorted and disjoint: deadlineFor then scans them as it always did).
 * `by`: the dated "by" deadlines in order; `leaders`: those that lead their sentence (first
 * clause, at most two characters before them), each with the sentence index of its clause.
 */
interface LineDeadlines {
  by: DeadlineMatch[];
  leaders: { start: number; sentence: number; date: string }[];
}

function lineDeadlines(text: string, dls: readonly DeadlineMatch[], clauses: readonly Clause[]): LineDeadlines | null {
  if (!isSortedDisjoint(dls)) return null;
  const by: DeadlineMatch[] = [];
  const leaders: LineDeadlines["leaders"] = [];
  let ci = 0;
  for (let di = 0; di < dls.length; di++) {
    const d = dls[di] as DeadlineMatch;
    if (d.date === null || d.kind !== "by") continue;
    by.push(d);
    // the clause of d: the first with k.start <= d.start <= k.end (starts ascend, so one forward pass)
    while (ci < clauses.length && (clauses[ci] as Clause).end < d.start) ci++;
    const c = clauses[ci];
    if (c === undefined || c.start > d.start || c.index !== 0) continue;
    if (!leadsSentence(text, d, c.start)) continue;
    leaders.push({ start: d.start, sentence: c.sentence, date: d.date });
  }
  return { by, leaders };
}

/**
 * The date of a "by" deadline in the same clause as the figure; or of a "by"
 * deadline that leads the figure's sentence (the nearest one before the figure).
 * "from" dates (自2020年4月1日起), durations and recurring periods never fill
 * `deadline`: it is the last allowed day. The caller asks only for target figures.
 */
function deadlineFor(
  text: string,
  f: TargetMatch,
  dls: readonly DeadlineMatch[],
  clauses: readonly Clause[],
  prepared: LineDeadlines | null,
): string | undefined {
  if (prepared === null) return deadlineForScan(text, f, dls, clauses);
  const { by, leaders } = prepared;
  // the first dated "by" deadline ending after the clause start is the only one that can overlap first
  const d = by[firstEndingAfter(by, f.clauseStart)];
  if (d !== undefined && d.start < f.clauseEnd) return d.date as string;
  // the last leader starting at or before the figure; sentence indices ascend with the offsets,
  // so when it is not in the figure's sentence, no earlier one is
  let lo = 0;
  let hi = leaders.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((leaders[mid] as LineDeadlines["leaders"][number]).start <= f.start) lo = mid + 1;
    else hi = mid;
  }
  const l = leaders[lo - 1];
  return l !== undefined && l.sentence === f.sentence ? l.date : undefined;
}

/** deadlineFor over deadlines in any order (quadratic on long lines; only for unsorted input). */
function deadlineForScan(
  text: string,
  f: TargetMatch,
  dls: readonly DeadlineMatch[],
  clauses: readonly Clause[],
): string | undefined {
  let best: DeadlineMatch | undefined;
  for (const d of dls) {
    if (d.date === null || d.kind !== "by") continue;
    if (d.start < f.clauseEnd && d.end > f.clauseStart) return d.date;
  }
  for (const d of dls) {
    if (d.date === null || d.kind !== "by" || d.start > f.start) continue;
    const c = clauses.find((k) => k.start <= d.start && d.start < k.end + 1);
    if (c === undefined || c.sentence !== f.sentence || c.index !== 0) continue;
    if (!leadsSentence(text, d, c.start)) continue;
    best = d;
  }
  return best?.date ?? undefined;
}
