/**
 * Target or achieved.
 *
 * Government work reports (and summary+plan documents) have two parts: a review
 * (X年工作回顾 / 过去五年 / 上半年工作总结: achieved) and a plan (X年工作安排 /
 * 主要预期目标 / 今年是… / 下半年工作计划: target), sometimes followed by attachments
 * (附件) listing the coming year's 民生实事 or 重点项目 (target). `statusParts` reads
 * that structure once per document and its `at` decides first:
 *   - attachment → target; plan part → target, unless the sentence opens with the past
 *     (去年 / 过去一年 / 五年来 / an earlier year) and has no future cue; review → achieved;
 *   - a plan or scheme: achieved only for a sentence that opens with an earlier year and
 *     says 已 / 累计 / 截至 ("截至2021年底，全市已建成…"); else null.
 * When it says nothing (null), the orchestrator asks the headings (`headingStatus`: the
 * deepest title with a signal) and then `statusFromKindAndCues` (kind, then the clause's cues).
 */
import type { CleanDoc } from "../clean/index.js";
import type { DocumentKind, Meta, Section } from "../types.js";
import { attachmentHeading } from "../segment/zones.js";
import {
  ACHIEVED_CUES,
  ACHIEVED_SECTION_WORDS,
  TARGET_CUES,
  TARGET_SECTION_WORDS,
  TASK_REVIEW_PHRASES,
} from "./lexicon/cues.js";

export type Status = "target" | "achieved";

/** The signal of one heading, or null when it says nothing about tense. */
export function headingStatus(title: string): Status | null {
  // (performance) indexed loops: this and cueScore run per heading and per figure, often before
  // V8 has optimised them, where every for…of or callback costs the iterator protocol
  const lastT = lastIndexOfAny(title, TARGET_SECTION_WORDS);
  const lastA = lastIndexOfAny(withoutTaskReviews(title), ACHIEVED_SECTION_WORDS);
  if (lastT >= 0 && lastA < 0) return "target";
  if (lastA >= 0 && lastT < 0) return "achieved";
  // both: "上半年工作总结和下半年工作计划": the later word wins only when it is the main noun
  if (lastA >= 0 && lastT >= 0) return lastA > lastT ? "achieved" : "target";
  return null;
}

/** `title` with "总结经验" / "评估总结" … blanked (same length: positions stay comparable). */
function withoutTaskReviews(title: string): string {
  let out = title;
  for (let i = 0; i < TASK_REVIEW_PHRASES.length; i++) {
    const p = TASK_REVIEW_PHRASES[i] as string;
    if (out.includes(p)) out = out.split(p).join("\u3000".repeat(p.length));
  }
  return out;
}

/** The largest lastIndexOf of any of `words` in `s` (-1 when none occurs). */
function lastIndexOfAny(s: string, words: readonly string[]): number {
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    const k = s.lastIndexOf(words[i] as string);
    if (k > last) last = k;
  }
  return last;
}

/** How many of `words` occur in `s`. */
function countIncluded(s: string, words: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < words.length; i++) if (s.includes(words[i] as string)) n++;
  return n;
}

function cueScore(clause: string): number {
  return countIncluded(clause, TARGET_CUES) - countIncluded(clause, ACHIEVED_CUES);
}

/** Is `at` inside one of the [start, end) `ranges`? */
function inside(ranges: readonly { start: number; end: number }[], at: number): boolean {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i] as { start: number; end: number };
    if (at >= r.start && at < r.end) return true;
  }
  return false;
}

/** Where a document's plan part and attachments lie (offsets into the decoded text). */
export interface StatusParts {
  kind: DocumentKind;
  /** start of the first plan-part heading or paragraph; null when none was found */
  planStart: number | null;
  /** [start, end) of each attachment (附件) after the plan part starts */
  attachments: { start: number; end: number }[];
  /** the year the document plans for (meta.year) */
  year: number | null;
  /** [start, end) of paragraphs inside the plan part that look back ("过去的五年，是…"), up to their turn to the future */
  pastParagraphs: { start: number; end: number }[];
  /**
   * The status the document's structure gives the figure at `offset` (its sentence from
   * `clause`, asked only when needed), or null when the structure says nothing: then the
   * headings, the kind and the clause cues decide (`headingStatus`, `statusFromKindAndCues`).
   */
  at(offset: number, clause: () => string): Status | null;
}

/** Title words of a top-level section (or an unnumbered heading line) that opens the plan part. */
const PLAN_PART_TITLE_RE = /安排|任务|目标|建议|打算|部署|主要工作|计划|思路/;
/** Title words of a review part. */
const REVIEW_PART_TITLE_RE = /回顾|总结|成效|成绩|取得|完成情况|过去/;
/** A line of a report that opens the plan part without a heading ("今年是…", "主要预期目标是…"). */
const PLAN_PARAGRAPH_RE =
  /^(?:各位代表[!！,，]?)?(?:今年|明年)(?:是|政府工作的总体要求|[^。；]{0,24}?(?:主要预期目标|总体要求|工作安排))|^[^。；]{0,24}?主要预期目标(?:是|为|建议为|如下)?[：:]/;
/** Markdown bold, spaces and a leading hanzi marker around a heading line. */
const HEADING_STRIP_RE = /^(?:第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}[、.．])|[*#\s\u3000]/g;

/**
 * The parts of a report or summary+plan document: where its plan part starts and where
 * its attachments lie. Call once per document; pass the result to `statusAt` (extract/index.ts).
 */
export function statusParts(
  clean: Pick<CleanDoc, "lines">,
  sections: readonly Section[],
  meta: Pick<Meta, "kind" | "year">,
): StatusParts {
  const parts: StatusParts = {
    kind: meta.kind,
    planStart: null,
    attachments: [],
    year: meta.year,
    pastParagraphs: [],
    at(offset, clause) {
      return partStatus(this, offset, clause);
    },
  };
  if (meta.kind !== "report" && meta.kind !== "summary-plan" && meta.kind !== "other") return parts;
  const report = meta.kind === "report";
  const yearPara =
    meta.year !== null ? new RegExp(`^${meta.year}年(?:是|政府工作的总体要求|[^。；]{0,24}?主要预期目标)`) : null;
  // candidates: top-level sections, unnumbered short heading lines, paragraphs of a report
  const triggers: number[] = [];
  const past: { start: number; end: number }[] = [];
  let lastReview = -1;
  const heads: PartHead[] = [];
  const yearTriggers: number[] = [];
  const heading = (title: string, start: number) => {
    const plan = PLAN_PART_TITLE_RE.test(title);
    const review = REVIEW_PART_TITLE_RE.test(title);
    if (review && (!plan || headingStatus(title) === "achieved")) {
      lastReview = Math.max(lastReview, start);
      heads.push(reviewHead(title, start));
    } else {
      // a plan heading, or any other heading: either ends the review part
      if (plan) triggers.push(start);
      heads.push({ start, review: false, year: null });
    }
  };
  for (const s of sections) heading(s.title, s.span.start);
  const lines = clean.lines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as (typeof lines)[number];
    const start = line.offsets[0] as number;
    const raw = line.text.trim();
    const bare = raw.replace(HEADING_STRIP_RE, "");
    if (bare.length === 0) continue;
    const attachment = attachmentHeading(bare, lines, i);
    if (attachment !== null) {
      if (!attachment.glossary) {
        const prev = parts.attachments[parts.attachments.length - 1];
        if (prev !== undefined && prev.end === Number.POSITIVE_INFINITY) prev.end = start;
        parts.attachments.push({ start, end: Number.POSITIVE_INFINITY });
      } else {
        const prev = parts.attachments[parts.attachments.length - 1];
        if (prev !== undefined && prev.end === Number.POSITIVE_INFINITY) prev.end = start;
      }
      continue;
    }
    // an unnumbered heading: short, no sentence punctuation, names a year or 今年/今后
    if (bare.length <= 30 && !/[。，,；;：:]/.test(bare) && /[0-9]{4}年|[〇○零一二三四五六七八九]{4}年|今年|今后|明年|下半年|上半年/.test(bare)) {
      heading(bare, start);
      continue;
    }
    if (PAST_HEAD_RE.test(bare)) {
      const turn = line.text.search(TURN_RE);
      const endIdx = turn < 0 ? line.text.length - 1 : turn;
      past.push({ start, end: (line.offsets[endIdx] as number) + (turn < 0 ? 1 : 0) });
      continue;
    }
    if (report && PLAN_PARAGRAPH_RE.test(bare)) triggers.push(start);
    else if (report && yearPara !== null && yearPara.test(bare)) yearTriggers.push(start);
  }
  for (const t of yearTriggers) if (!yearParagraphInReview(heads, t, meta.year)) triggers.push(t);
  const firstAttachment = parts.attachments[0]?.start ?? Number.POSITIVE_INFINITY;
  for (const t of triggers) {
    if (t <= lastReview || t >= firstAttachment) continue;
    if (parts.planStart === null || t < parts.planStart) parts.planStart = t;
  }
  if (parts.planStart === null) parts.attachments = [];
  else {
    const planStart = parts.planStart;
    parts.attachments = parts.attachments.filter((a) => a.start > planStart);
    parts.pastParagraphs = past.filter((p) => p.start > planStart);
  }
  return parts;
}

/** A review or plan heading: where it starts and, for a review, the year it names (2023年工作回顾). */
interface PartHead {
  start: number;
  review: boolean;
  year: number | null;
}

function reviewHead(title: string, start: number): PartHead {
  const y = /((?:19|20)[0-9]{2})年/.exec(title);
  return { start, review: true, year: y ? Number(y[1]) : null };
}

/**
 * Review vs plan from the document's own structure, not from meta.year: a "YYYY年是…" paragraph
 * inside a part headed 回顾 / 总结 / 过去一年 (no other heading since) opens the plan part only
 * when YYYY is later than the year that heading reviews ("一、2023年工作回顾 … 2024年是…");
 * "2023年是…" there, or any year under a heading that names none (过去一年工作回顾), is the
 * review itself, even when meta.year says 2023 (off by one).
 */
function yearParagraphInReview(heads: readonly PartHead[], at: number, year: number | null): boolean {
  let last: PartHead | null = null;
  for (const h of heads) if (h.start < at && (last === null || h.start > last.start)) last = h;
  if (last === null || !last.review) return false;
  // 一、过去一年工作回顾 (no year named) … 2021年是…: the review's own opening, not the plan
  return last.year === null || year === null || year <= last.year;
}

/**
 * A plan-part sentence about the past: it opens with 去年 / 过去一年 / 五年来 … as its time
 * ("去年，全省…增长6%"), not as a modifier ("继续执行去年出台的…政策") or a base ("上年度").
 */
const PAST_HEAD_RE = /^(?:各位代表[!！,，]?)?(?:去年|过去一年|过去的一年|过去五年|过去的五年|一年来|五年来)/;
/** Where a look-back paragraph turns to the coming year ("新的一年，我们要…"). */
const TURN_RE = /新的一年|今年|明年|今后|未来|下一步|新征程|“?十[三四五六]五”?时期|我们要|我们将/;
/** A sentence that opens with an explicit year ("2023年全市…", "截至2023年底，…"). */
const YEAR_HEAD_RE = /^(?:截至|截止)?([0-9]{4})年(?:底|末|以来)?/;
/** Words of a future figure (the sentence is a target after all). */
const FUTURE_RE = /力争|确保|争取|将|要|预期|计划|目标|继续|今年|明年|到[0-9]{4}年|不少于|不低于|控制在/;
/** Words of a reported figure. */
const REPORTED_RE = /已|累计|达到|建成|完成|实现|增长|下降|突破|共有|年末/;

/** Does the sentence report a figure of a year before `year` (and say nothing of the future)? */
function reportsPastYear(sentence: string, year: number | null): boolean {
  const s = sentence.replace(/^[\s\u3000*]+/, "");
  if (FUTURE_RE.test(s) || !REPORTED_RE.test(s)) return false;
  if (PAST_HEAD_RE.test(s)) return true;
  const m = YEAR_HEAD_RE.exec(s);
  return m !== null && year !== null && Number(m[1]) < year;
}

function partStatus(parts: StatusParts, at: number, clause: () => string): Status | null {
  if (parts.planStart === null) {
    // a plan or scheme sets targets, except a figure it reports of an earlier year ("截至2023年底…已…")
    if (parts.kind !== "plan" && parts.kind !== "scheme") return null;
    const c = clause();
    return /已|累计|截至|截止/.test(c) && reportsPastYear(c, parts.year) ? "achieved" : null;
  }
  if (inside(parts.attachments, at)) return "target";
  if (inside(parts.pastParagraphs, at)) return "achieved";
  if (at >= parts.planStart) return reportsPastYear(clause(), parts.year) ? "achieved" : "target";
  return "achieved";
}

/** Once no heading has spoken: the document kind, then the clause's cues. */
export function statusFromKindAndCues(kind: DocumentKind, clause: string): Status {
  if (kind === "summary") return "achieved";
  if (kind === "plan" || kind === "scheme") return "target";
  const score = cueScore(clause);
  if (score < 0) return "achieved";
  if (score > 0) return "target";
  return kind === "report" ? "achieved" : "target";
}
