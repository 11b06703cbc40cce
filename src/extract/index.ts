/**
 * The extract stage: for each clean line, deadlines (findDeadlines) and target
 * figures (patterns/target-finder), mapped back to spans in the decoded text,
 * attached to sections, with deadline dates and status filled in.
 */
import type { CleanDoc, CleanLine } from "../clean/index.js";
import { sectionAt } from "../segment/index.js";
import type { Deadline, Meta, Section, Target, Warning } from "../types.js";
import { lineOf } from "../util/location.js";
import { splitClauses } from "./clauses.js";
import { type DeadlineMatch, findDeadlines } from "./deadlines.js";
import { findTargetsInLine, type TargetMatch } from "./patterns/target-finder.js";
import { ACHIEVED_CUES, TARGET_CUES } from "./lexicon/cues.js";
import { PER_HEADS } from "./lexicon/per.js";
import { headingStatus, type Status, statusOf } from "./status.js";
import { getTagger } from "./words.js";

export { findTargetsInLine, TARGET_PATTERNS, type TargetMatch } from "./patterns/target-finder.js";

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

/** Enclosing sections of `offset`, outermost first. */
function sectionPath(sections: readonly Section[], offset: number): Section[] {
  const path: Section[] = [];
  let list = sections;
  for (;;) {
    const hit = list.find((s) => s.span.start <= offset && offset < s.span.end);
    if (hit === undefined) return path;
    path.push(hit);
    list = hit.children;
  }
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

  const backMatter = ctx.backMatter ?? null;
  for (const line of clean.lines) {
    const lineStart = line.offsets[0] as number;
    if (backMatter !== null && lineStart >= backMatter.start && lineStart < backMatter.end) continue;
    const text = line.text;
    if (sections.length === 0 && PHASE_HEADING_RE.test(text)) {
      const s = headingStatus(text);
      if (s !== null) phase = s;
    }
    const dls = findDeadlines(text, year);
    for (const d of dls) {
      const span = spanOf(clean, line, d.start, d.end);
      deadlines.push({
        id: `d${deadlines.length + 1}`,
        sectionId: sectionAt(sections, span.start)?.id ?? null,
        text: clean.text.slice(span.start, span.end),
        date: d.date,
        kind: d.kind,
        span,
        pattern: d.pattern,
      });
      if (d.needsYear) {
        needsYear++;
        firstNeedsYearLine ??= span.line;
      }
    }
    const found = findTargetsInLine(text, { exclude: dls, tagger });
    if (found.length === 0) continue;
    const clauses = dls.length > 0 ? splitClauses(text) : [];
    const lineTargets: TargetMatch[] = [];
    for (const f of found) {
      const span = spanOf(clean, line, f.start, f.end);
      const clauseSpan = spanOf(clean, line, f.clauseStart, f.clauseEnd);
      const path = sectionPath(sections, span.start);
      const sentenceText = sentenceOf(text, f);
      const status =
        path.length === 0 && phase !== null
          ? phase
          : statusOf({ kind: meta.kind, sectionTitles: path.map((s) => s.title), clause: sentenceText });
      const deadline = status === "target" ? deadlineFor(text, f, dls, clauses) : undefined;
      const named = borrowMetric(f, lineTargets);
      lineTargets.push({ ...f, ...named });
      const t: Target = {
        id: `t${targets.length + 1}`,
        sectionId: path.length > 0 ? (path[path.length - 1] as Section).id : null,
        text: clean.text.slice(clauseSpan.start, clauseSpan.end).trim(),
        metric: named.metric,
        comparator: f.comparator,
        value: f.value,
        ...(f.valueMax !== undefined ? { valueMax: f.valueMax } : {}),
        unit: f.unit,
        ...(f.change !== undefined ? { change: f.change } : {}),
        ...(named.per !== undefined ? { per: named.per } : {}),
        status,
        ...(deadline !== undefined ? { deadline } : {}),
        span,
        pattern: f.pattern,
        confidence: 0,
      };
      const judged = confidenceOf(f, named.metric, sentenceText);
      t.confidence = judged.confidence;
      targets.push(t);
      if (judged.confidence < UNCERTAIN_BELOW) {
        warnings.push({
          code: "target-uncertain",
          message: `${t.id} "${clean.text.slice(span.start, span.end)}" (confidence ${judged.confidence}): ${judged.doubt ?? "low confidence"}`,
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
 * Metric repairs that need the previous figures of the sentence:
 * - a figure whose metric fell back to its unit ("总额2000亿元、增长8.9%", "由14.8%下降到11.5%")
 *   takes the metric of the previous figure of its sentence;
 * - a parallel clause that names only a place ("社区社会组织每个城市社区平均不少于10个,
 *   农村社区平均不少于5个") takes the previous metric, and the place becomes its `per`.
 */
function borrowMetric(f: TargetMatch, before: readonly TargetMatch[]): { metric: string; per?: string } {
  const prev = before.length > 0 ? (before[before.length - 1] as TargetMatch) : undefined;
  const own = { metric: f.metric, ...(f.per !== undefined ? { per: f.per } : {}) };
  if (prev === undefined || prev.sentence !== f.sentence) return own;
  if (f.metric === f.unit || f.metric === "数值") return { ...own, metric: prev.metric };
  if (f.per === undefined && prev.per !== undefined && PER_PLACES.has(f.metric))
    return { metric: prev.metric, per: f.metric };
  return own;
}
const PER_PLACES: ReadonlySet<string> = new Set(PER_HEADS.filter((h) => h.length >= 2 && /[社区村镇街县]/.test(h)));

/** Figures below this confidence always come with a "target-uncertain" warning naming their id. */
export const UNCERTAIN_BELOW = 0.6;
const VAGUE_DOUBT_RE = /^vague unit/;

/**
 * Confidence that the figure is a real, correctly read target (docs/decisions/extract-targets.md):
 * 0.9 a figure with a comparator, a change or a status cue in its sentence; 0.8 a plain figure
 * without any; 0.85 ranges and 0.75 Chinese-numeral counts (pattern bases, capped as above);
 * 0.6 a vague unit (类 批 期 起) with a comparator or change, 0.5 without; 0.5 a unitless or
 * parenthesised figure; at most 0.55 when no metric could be named (the metric is the unit).
 */
function confidenceOf(f: TargetMatch, metric: string, sentence: string): { confidence: number; doubt?: string } {
  let c = f.confidence;
  let doubt = f.doubt;
  const qualified = f.comparator !== "=" || f.change !== undefined;
  const cued = qualified || TARGET_CUES.some((w) => sentence.includes(w)) || ACHIEVED_CUES.some((w) => sentence.includes(w));
  if (!cued) c = Math.min(c, 0.8);
  if (doubt !== undefined) c = Math.min(c, VAGUE_DOUBT_RE.test(doubt) && qualified ? 0.6 : 0.5);
  if (metric === f.unit || metric === "数值") {
    c = Math.min(c, 0.55);
    doubt = doubt === undefined ? "no metric could be named" : `${doubt}; no metric could be named`;
  }
  return { confidence: c, ...(doubt !== undefined ? { doubt } : {}) };
}

/** The sentence around a figure (bounded), for status cues. */
function sentenceOf(text: string, f: TargetMatch): string {
  let s = f.clauseStart;
  let e = f.clauseEnd;
  for (let k = 0; k < 60 && s > 0 && !"。；;！？".includes(text[s - 1] as string); k++) s--;
  for (let k = 0; k < 20 && e < text.length && !"。；;！？".includes(text[e] as string); k++) e++;
  return text.slice(s, e);
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
  clauses: ReturnType<typeof splitClauses>,
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
