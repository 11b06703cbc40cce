/**
 * The year the document is FOR (a summary: the year it reviews; a work report:
 * the year it plans; a multi-year plan: the year it was adopted). See
 * docs/decisions/meta.md for the order of the evidence.
 */
import type { DocumentKind } from "../types.js";
import { readZhDigits, zhDigitTable } from "../util/zh-numeral.js";
import { fiveYearStart, reportYearVotes, winner } from "./report-year.js";
import type { MetaLine } from "./view.js";

export interface YearResult {
  year: number | null;
  source:
    | "title"
    | "title-date"
    | "header"
    | "headings"
    | "published"
    | "document-date"
    | "statement"
    | "text"
    | null;
  ambiguous: boolean;
  /** When the evidence disagrees: the other candidate years, and what each piece said. */
  others?: number[];
  note?: string;
}

/** A year in a title: 2024年 / 2022年度 / 要点2022; not 到2025年, 2035年远景, nor part of a date. */
const TITLE_YEAR = /(?<![\d到至~-])((?:19|20)\d{2})(?:年度?(?!\d{1,2}月)|(?=[^\d年]|$))/g;
const TITLE_DATE = /((?:19|20)\d{2})年(\d{1,2})月(?:\d{1,2}日)?/;
const AFTER_YEAR_SKIP = /^(?:年?远景|年?以前|年前|年底前|年?[-~至到])/;
const MULTI_YEAR =
  /(?<![第十\d])(?:[六七八九]|十[一二三四五]?)五(?![届次日号年个])|第(?:[六七八九]|十[一二三四五]?)个五年|五年规划|中长期|(?:19|20)\d{2}[-~—至](?:19|20)\d{2}/;
/** 九五 / 十一五 / 第十个五年: the n-th five-year plan (the 3rd began in 1966, each 5 years). */
const FIVE_YEAR = /(?:^|[^十])([六七八九]|十[一二三四五]?)五(?:计划|规划|时期|期间|”|")|第([六七八九]|十[一二三四五]?)个五年/;
/** A work report's delivery line: ——2024年1月15日在…人民代表大会 (also 二〇一五年一月二十八日, 19年2月24日). */
const HEADER_DATE =
  /((?:19|20)?\d{2}|[一二三四五六七八九〇零○OＯ]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:上午|下午)?(?:在|，在|,在)/;
/** 在四川省第十一届人民代表大会第五次会议上（2012年1月10日）: the date after the congress line. */
const HEADER_DATE_AFTER =
  /人民代表大会第[一二三四五六七八九十]{1,3}次会议上?[（(]((?:19|20)\d{2}|[一二三四五六七八九〇零○OＯ]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月/;
const DOC_DATE_LINE = /^((?:19|20)\d{2})年(\d{1,2})月\d{1,2}日$/;
const STATEMENT = /(?:^|[。\n])((?:19|20)\d{2})年是/;
/** Not base years (较2016年, 比2016年, 与2016年相比, 从2016年起) nor targets (到2025年). */
const TEXT_YEAR = /(?<![\d到至~较比与从自于-])((?:19|20)\d{2})年(度)?/g;
const TEXT_YEAR_SKIP = /^(?:远景|以前|前|底前|以来|起|相比|[-~至到])/;

const CN_DIGIT = zhDigitTable("〇零○Ｏ一二三四五六七八九");

/** "2024" / "19" / "二〇一五" → 2024 / 2019 / 2015. */
export function parseYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  if (/^\d{2}$/.test(s)) return 2000 + Number(s);
  // 二O二三: a Latin O typed for 〇
  return s.length === 4 ? readZhDigits(s.replace(/[Oo]/g, "〇"), CN_DIGIT) : null;
}

/** 一 → 1, 十二 → 12, 12 → 12. */
function parseMonth(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  if (s === "十") return 10;
  if (s.startsWith("十")) return 10 + (CN_DIGIT[s[1] as string] ?? 0);
  return CN_DIGIT[s] ?? null;
}

/** The years a title names as the year of the work (first one first). */
export function titleYears(title: string): number[] {
  const out: number[] = [];
  TITLE_YEAR.lastIndex = 0;
  for (let m = TITLE_YEAR.exec(title); m; m = TITLE_YEAR.exec(title)) {
    const after = title.slice(m.index + 4, m.index + 10);
    if (AFTER_YEAR_SKIP.test(after)) continue;
    out.push(Number(m[1]));
  }
  return out;
}

export function isMultiYear(title: string | null, opening: string): boolean {
  return MULTI_YEAR.test(title ?? "") || (title === null && /规划期为/.test(opening));
}

/** A work report's delivery date: November and December reports are for the next year. */
function reportYear(y: number, month: number | null): number {
  return month !== null && month >= 11 ? y + 1 : y;
}

type Delivery = { year: number; source: "title-date" | "header" } | null;

/** The delivery line of a report (or of a plan delivered as a report): title date, then the header. */
function deliveryYear(title: string | null, head: readonly MetaLine[], body: readonly MetaLine[], nextYear: boolean): Delivery {
  const fix = (y: number, m: number | null) => (nextYear ? reportYear(y, m) : y);
  if (title) {
    const d = TITLE_DATE.exec(title);
    if (d) return { year: fix(Number(d[1]), Number(d[2])), source: "title-date" };
  }
  const headerText = [...head.slice(0, 30), ...body.slice(0, 12)].map((l) => l.text).join("");
  const h = HEADER_DATE.exec(headerText) ?? HEADER_DATE_AFTER.exec(headerText);
  if (h) {
    const y = parseYear(h[1] as string);
    if (y !== null) return { year: fix(y, parseMonth(h[2] as string)), source: "header" };
  }
  return null;
}

/**
 * A work report: the delivery line, then the headings (2023年工作回顾 → 2024), then the title.
 * Disagreement is kept as `others` for a year-ambiguous warning naming the candidates.
 */
function reportYearOf(title: string | null, head: readonly MetaLine[], body: readonly MetaLine[], bodyText: string): YearResult | null {
  const t = title ? (titleYears(title)[0] ?? null) : null;
  const d = deliveryYear(title, head, body, true);
  const v = reportYearVotes(body, bodyText);
  const w = winner(v);
  const h = w && w.weight >= 2 ? w.year : null;
  const said = [
    d ? `delivery line ${d.year}` : null,
    h !== null ? `headings ${v.evidence.join("; ")}` : null,
    t !== null ? `title ${t}` : null,
  ]
    .filter((x) => x !== null)
    .join(", ");
  const result = (year: number, source: YearResult["source"]): YearResult => {
    const others = [...new Set([d?.year, h, t].filter((y): y is number => y !== null && y !== undefined && y !== year))];
    return others.length > 0 ? { year, source, ambiguous: true, others, note: said } : { year, source, ambiguous: false };
  };
  if (d) {
    // The delivery line against both the headings and the title: a slip in the line.
    if (h !== null && h !== d.year && t === h) return result(h, "headings");
    return result(d.year, d.source);
  }
  if (h !== null) return result(h, "headings");
  if (t !== null) return result(t, "title");
  return null;
}

function textYears(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  TEXT_YEAR.lastIndex = 0;
  for (let m = TEXT_YEAR.exec(text); m; m = TEXT_YEAR.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
    if (TEXT_YEAR_SKIP.test(after)) continue;
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + (m[2] ? 3 : 1));
  }
  return counts;
}

export function findYear(input: {
  title: string | null;
  kind: DocumentKind;
  body: readonly MetaLine[];
  bodyText: string;
  head: readonly MetaLine[];
  published: string | null;
}): YearResult {
  const { title, kind, body, bodyText, head, published } = input;
  const opening = body
    .slice(0, 8)
    .map((l) => l.text)
    .join("\n");
  const multiYear = isMultiYear(title, opening);
  const publishedYear = published ? Number(published.slice(0, 4)) : null;

  if (kind === "report" && !multiYear) {
    const r = reportYearOf(title, head, body, bodyText);
    if (r) return r;
  }
  if (title && !multiYear) {
    const ys = titleYears(title);
    if (ys.length > 0) return { year: ys[0] as number, source: "title", ambiguous: false };
  }
  if (multiYear) {
    // A five-year plan delivered to a congress (——1996年2月8日在…): the year it was adopted.
    const d = deliveryYear(title, head, body, false);
    if (d) return { year: d.year, source: d.source, ambiguous: false };
  }
  const planLike = kind === "plan" || kind === "scheme" || kind === "report" || kind === "other" || multiYear;
  if (planLike && publishedYear !== null)
    return { year: publishedYear, source: "published", ambiguous: false };
  if (planLike) {
    for (const l of [...head.slice(0, 20), ...body.slice(0, 15), ...body.slice(-5)]) {
      const d = DOC_DATE_LINE.exec(l.text);
      if (d) return { year: Number(d[1]), source: "document-date", ambiguous: false };
    }
  }
  const st = STATEMENT.exec(opening);
  if (st) return { year: Number(st[1]), source: "statement", ambiguous: false };
  if (multiYear) {
    const f = FIVE_YEAR.exec(title ?? opening);
    if (f) {
      // 十一五 = 2006-2010, 十二五 = 2011-2015 ...: the first year of the period.
      return { year: fiveYearStart(f[1] ?? (f[2] as string)), source: "text", ambiguous: true };
    }
  }
  const counts = [...textYears(bodyText).entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  const top = counts[0];
  if (!top) {
    if (publishedYear !== null) return { year: publishedYear, source: "published", ambiguous: true };
    return { year: null, source: null, ambiguous: false };
  }
  const second = counts[1];
  const ambiguous = second !== undefined && second[1] * 5 >= top[1] * 4;
  return { year: top[0], source: "text", ambiguous };
}
