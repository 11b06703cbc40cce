/**
 * The document title: a gov.cn 标题 field, the front matter title, or the
 * first short, unpunctuated line near the top that names a document type.
 * Null rather than a guess when no line looks like a title.
 */
import type { MetaLine } from "./view.js";

/** Words a title ends on or contains (document types). */
export const TITLE_KEYWORD =
  /(?:要点|计划|方案|总结|报告|规划|意见|通知|公报|纲要|办法|决定|安排|打算|思路|细则|通报|决议|条例|规定)/;
/** Labels of web-page furniture and metadata lines (索引号 tables, toolbars, breadcrumbs). */
const FURNITURE =
  /^(?:索引号|组配分类|发布机构|发布单位|发布时间|发布日期|公文生成日期|生成日期|成文日期|来源|信息来源|浏览次数|时间[:|]|当前位置|您的位置|字体|字号|【|分享|打印|首页|主题分类|发文机关|发文字号|主题词|公开方式|有效性|文件编号|规范性文件|下载|全屏|收藏|相关热词|上一篇|下一篇|责任编辑|title:|source:|date:|<|\||篇[一二三四五六七八九十])/;
/** An outline marker at the start of a line: 一、 (一) 1. 1、 ① 第一部分. */
const OUTLINE_MARKER =
  /^(?:[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．]|[①-⑳]|第[一二三四五六七八九十]{1,3}[部章篇节])/;
/** Sentence punctuation a title does not carry. */
const SENTENCE_PUNCT = /[。，,；;！!？?]|[:：]$/;
const GOV_TITLE_FIELD = /^标题[:：](.{2,120})$/;
const DOC_NUMBER_SUFFIX = /[-—_][\u4e00-\u9fa5]{1,8}[〔[［(（]\d{4}[〕\]］)）]\d{1,4}号$/;
const DATE_NOTE_SUFFIX = /[(（](?:19|20)\d{2}年\d{1,2}月\d{1,2}日[^()（）]{0,12}[)）]$/;
const FOOTNOTE_SUFFIX = /\[\d{1,2}\]$/;
const SITE_SUFFIX = /-(?:文库集|工作范文网|百味书屋|范文网)$/;
const DASH_LEAD = /^[—─-]{1,3}/;
const MAX_TITLE = 60;
const SCAN_LINES = 25;

export interface TitleResult {
  title: string | null;
  /** 1-based line of the title in the decoded text, when it comes from the body. */
  line: number | null;
  source: "field" | "front-matter" | "body" | null;
}

/** Trim site and document-number suffixes, date notes and footnote markers. */
export function tidyTitle(raw: string): string {
  return raw
    .replace(FOOTNOTE_SUFFIX, "")
    .replace(DATE_NOTE_SUFFIX, "")
    .replace(SITE_SUFFIX, "")
    .replace(DOC_NUMBER_SUFFIX, "")
    .replace(/^[*#\s]+|[*#\s]+$/g, "");
}

/** Whether a normalised line can be a title; `needKeyword` demands a document-type word. */
export function isTitleLike(text: string, needKeyword = true): boolean {
  if (text.length < 4 || text.length > MAX_TITLE) return false;
  if (FURNITURE.test(text) || OUTLINE_MARKER.test(text) || DASH_LEAD.test(text)) return false;
  if (SENTENCE_PUNCT.test(text)) return false;
  if (/^(?:19|20)\d{2}[-年]\d{1,2}[-月]\d{1,2}日?$/.test(text)) return false;
  return !needKeyword || TITLE_KEYWORD.test(text);
}

export function findTitle(
  body: readonly MetaLine[],
  head: readonly MetaLine[],
  fmTitle: string | null,
): TitleResult {
  for (const l of head) {
    const m = GOV_TITLE_FIELD.exec(l.text);
    if (m) return { title: tidyTitle(m[1] as string), line: l.line, source: "field" };
  }
  if (fmTitle) {
    const t = tidyTitle(fmTitle.replace(/\s+/g, ""));
    if (t.length >= 2) return { title: t, line: null, source: "front-matter" };
  }
  const n = Math.min(body.length, SCAN_LINES);
  for (let i = 0; i < n; i++) {
    const l = body[i] as MetaLine;
    if (OUTLINE_MARKER.test(l.text)) break;
    const text = tidyTitle(l.text);
    if (isTitleLike(text)) return { title: text, line: l.line, source: "body" };
    // A title hard-broken by the source ("政府工作报" / "告").
    const next = body[i + 1];
    if (next && next.text.length <= 4 && text.length <= 30) {
      const joined = tidyTitle(text + next.text);
      if (isTitleLike(joined) && !TITLE_KEYWORD.test(text))
        return { title: joined, line: l.line, source: "body" };
    }
  }
  return { title: null, line: null, source: null };
}
