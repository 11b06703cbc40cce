/**
 * When two consecutive physical lines are one sentence broken by a hard line break.
 * The segment stage owns the real marker table; this is a small local approximation
 * used only to refuse joins before a section marker.
 */

/** A line starting with an outline marker: 一、 (一) 1. 1、 (1) ① 第一部分 第一章 一是 —— [1] | */
export const STARTS_WITH_MARKER =
  /^(第[一二三四五六七八九十百零〇\d]{1,5}(部分|篇|章|节|条|项)|[一二三四五六七八九十百]{1,4}[、.]|\([一二三四五六七八九十百\d]{1,4}\)|\d{1,3}[、.](?!\d)|[①-⑳]|[一二三四五六七八九十]是|第[一二三四五六七八九十]{1,3}[，,、]|——|──|\[\d{1,3}\]|［\d{1,3}］|\|)/;

/** Ends a sentence or a clause that must not run on into the next line. */
const TERMINAL = /[。！？；!?;…：:]$/;
/** Closing quotes/brackets: terminal when the char before them is. */
const CLOSERS = /[”’」』)）】》]$/;
/** "联系电话:…", "公示日期:…": a label line stands alone */
const LABEL_LINE = /^[\u4e00-\u9fff]{2,8}[:：]/;
/** "一是…" items run on inside a paragraph; they are not headings */
const ORDINAL_LEAD = /^[一二三四五六七八九十]是/;
const DASH_LEAD = /^(——|──)/;
const SENTENCE_PUNCT = /[，。；！？,;!?：:]/;

/** A title or heading line: no sentence punctuation and short, or a short marker heading. */
export function isHeadingLike(line: string): boolean {
  if (line.length <= 50 && !SENTENCE_PUNCT.test(line)) return true;
  return (
    line.length <= 40 && STARTS_WITH_MARKER.test(line) && !ORDINAL_LEAD.test(line) && !line.includes("。")
  );
}

/** Whether `line` ends its sentence (so the next line starts a new one). */
export function endsSentence(line: string): boolean {
  if (TERMINAL.test(line)) return true;
  if (CLOSERS.test(line) && line.length >= 2) {
    const before = line.slice(0, -1);
    if (TERMINAL.test(before)) return true;
    // a whole line in brackets, e.g. "(此件公开发布)"
    const c = line.charCodeAt(line.length - 1);
    if ((c === 0x29 || c === 0xff09) && (line[0] === "(" || line[0] === "（")) return true;
  }
  return false;
}

/**
 * Whether `next` continues `prev`. `blankSeparated`: the document separates paragraphs by
 * blank lines, so a single line break is a soft break even after a short line (Wikisource).
 */
export function shouldJoin(prev: string, next: string, blankSeparated: boolean): boolean {
  if (prev.length === 0 || next.length === 0) return false;
  if (endsSentence(prev)) return false;
  if (STARTS_WITH_MARKER.test(next)) return false;
  if (prev.charCodeAt(0) === 0x7c /* | table row */) return false;
  if (LABEL_LINE.test(next) || (prev.length <= 60 && LABEL_LINE.test(prev))) return false;
  if (!blankSeparated && isHeadingLike(prev)) return false;
  // a marker heading ("一、主要任务") never runs on, whatever the layout ("——" alone may)
  if (STARTS_WITH_MARKER.test(prev) && !DASH_LEAD.test(prev) && isHeadingLike(prev)) return false;
  return true;
}
