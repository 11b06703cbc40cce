/**
 * The extract stage: for each clean line, deadlines (findDeadlines) and target
 * figures (targets/finder), mapped back to spans in the decoded text,
 * attached to sections, with deadline dates and status filled in.
 */
import type { CleanDoc, CleanLine } from "../clean/index.js";
import { sectionPathAt } from "../segment/index.js";
import type { Deadline, Meta, Section, Target, Warning } from "../types.js";
import { lineOf } from "../util/location.js";
import { type DeadlineMatch, findDeadlines } from "./deadlines.js";
import { deadlineFor, type LineDeadlines, lineDeadlines } from "./targets/attach-deadline.js";
import { confidenceOf, UNCERTAIN_BELOW } from "./targets/confidence.js";
import { borrowFromSentence } from "./targets/refine.js";
import { findTargetsAndClauses, type TargetMatch } from "./targets/finder.js";
import { ACHIEVED_CUES, TARGET_CUES } from "./lexicon/cues.js";
import { headingStatus, type Status, type StatusParts, statusFromKindAndCues, statusParts } from "./status.js";
import { getTagger } from "../util/words.js";

export { findTargetsInLine, TARGET_PATTERNS, type TargetMatch } from "./targets/finder.js";
export { UNCERTAIN_BELOW } from "./targets/confidence.js";

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
    borrowFromSentence(found);
    // per clause (figures of one clause share them): its span, text, sentence and cue test
    let clauseKey = -1;
    let clauseSpan = { start: 0, end: 0, line: 0 };
    let clauseText = "";
    for (let fi = 0; fi < found.length; fi++) {
      const f = found[fi] as TargetMatch;
      const span = spanOf(clean, line, f.start, f.end);
      if (f.clauseStart !== clauseKey) {
        clauseKey = f.clauseStart;
        clauseSpan = spanOf(clean, line, f.clauseStart, f.clauseEnd);
        clauseText = clean.text.slice(clauseSpan.start, clauseSpan.end).trim();
        sentence.reset(text, f);
      }
      const path = sectionPathAt(sections, span.start);
      const inner = path.length > 0 ? (path[path.length - 1] as Section) : null;
      const status = statusAt(span.start, sentence.get, inner, path, phase, parts, headingMemo, meta.kind);
      let deadline: string | undefined;
      if (status === "target") {
        byDeadlines ??= lineDeadlines(text, dls, clauses);
        deadline = deadlineFor(f, byDeadlines);
      }
      const metric = f.metric;
      const per = f.per;
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
      const { confidence: c, doubt } = confidenceOf(f, metric, sentence.cued);
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
 * signal wins (over the kind and cues), or null. Memoised per innermost section: a section's
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
  private cue: boolean | null = null;
  reset(text: string, f: TargetMatch): void {
    this.text = text;
    this.start = f.clauseStart;
    this.end = f.clauseEnd;
    this.value = null;
    this.cue = null;
  }
  /** Does the sentence hold a target or an achieved cue? (computed on first need) */
  readonly cued = (): boolean => {
    if (this.cue === null) {
      const sentenceText = this.get();
      this.cue = CUE_RE !== null ? CUE_RE.test(sentenceText) : hasCue(sentenceText);
    }
    return this.cue;
  };
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
