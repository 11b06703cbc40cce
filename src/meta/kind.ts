/**
 * The kind of document, from the title first (the document type named inside
 * 《》 wins over the wrapping 通知), then the opening sentences, then the
 * top-level headings.
 */
import type { DocumentKind } from "../types.js";
import type { MetaLine } from "./view.js";

const REPORT = /政府工作报告/;
const SUMMARY_PLAN = /(?:总结|回顾|完成情况|工作情况)[^《》]{0,24}(?:计划|要点|打算|思路|安排)/;
/** Document-type words, in the order they are tried on one title. */
const KIND_WORDS: { re: RegExp; kind: DocumentKind }[] = [
  { re: /方案/g, kind: "scheme" },
  { re: /(?:要点|计划|规划|纲要|工作安排|打算|思路)/g, kind: "plan" },
  { re: /(?:总结|年度报告|情况的?报告|工作报告|公报|通报)/g, kind: "summary" },
];
/** 关于开展/做好/加强…工作的通知: a notice that sets out work is a scheme in all but name. */
const WORK_NOTICE = /关于(?:开展|做好|加强|推进|进一步|深入开展|组织开展)[^《》]{2,40}工作的通知$/;
const BOOK = /《([^《》]{2,80})》/g;

/** The kind a title names, or null. */
export function kindFromTitle(title: string): DocumentKind | null {
  if (REPORT.test(title) && !/信息公开/.test(title)) return "report";
  if (SUMMARY_PLAN.test(title)) return "summary-plan";
  // Inside 《》 first: 关于印发《…工作方案》的通知 is a scheme.
  const books: string[] = [];
  BOOK.lastIndex = 0;
  for (let m = BOOK.exec(title); m; m = BOOK.exec(title)) books.push(m[1] as string);
  for (const part of [...books, title]) {
    let best: { at: number; kind: DocumentKind } | null = null;
    for (const w of KIND_WORDS) {
      w.re.lastIndex = 0;
      for (let m = w.re.exec(part); m; m = w.re.exec(part)) {
        if (!best || m.index > best.at) best = { at: m.index, kind: w.kind };
      }
    }
    if (best) return best.kind;
  }
  if (WORK_NOTICE.test(title)) return "scheme";
  return null;
}

/** Self-descriptions in the opening lines: "制定如下工作方案", "工作的总体思路是", "现将…工作总结汇报如下". */
const OPENING: { re: RegExp; kind: DocumentKind }[] = [
  {
    re: /(?:上|本)?年?工作总结和[^。]{0,8}工作计划|总结[^。]{0,10}(?:下半年|明年|下年)[^。]{0,6}(?:计划|思路)/,
    kind: "summary-plan",
  },
  { re: /(?:制定|形成|提出)(?:如下|本)[^。，,]{0,10}方案/, kind: "scheme" },
  {
    re: /(?:作出|做出|制定)如下(?:安排|计划)|工作要点如下|工作的?总体思路是|以下简称《规划》|规划期为/,
    kind: "plan",
  },
  { re: /现将[^。]{0,40}(?:总结|情况)[^。]{0,6}(?:汇报|报告)如下/, kind: "summary" },
];

/** Top-level headings of a summary part and of a plan part. */
const HEADING = /^(?:[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十]{1,3}[)）])/;
const SUMMARY_HEADING = /总结|完成情况|工作情况|开展情况|回顾|主要成效|取得的成绩|工作成效/;
const PLAN_HEADING = /计划|打算|思路|下一步|下半年|明年|来年|下年|工作安排|重点任务|主要任务|工作重点/;

export function kindFromBody(body: readonly MetaLine[]): DocumentKind | null {
  const opening = body
    .slice(0, 6)
    .map((l) => l.text.slice(0, 400))
    .join("\n");
  for (const o of OPENING) if (o.re.test(opening)) return o.kind;
  let summary = false;
  let plan = false;
  for (const l of body) {
    if (!HEADING.test(l.text) || l.text.length > 60) continue;
    if (SUMMARY_HEADING.test(l.text)) summary = true;
    else if (PLAN_HEADING.test(l.text)) plan = true;
  }
  if (summary && plan) return "summary-plan";
  if (summary) return "summary";
  return null;
}

export function findKind(
  title: string | null,
  otherTitles: readonly string[],
  body: readonly MetaLine[],
): DocumentKind {
  if (title) {
    const k = kindFromTitle(title);
    if (k) return k;
  }
  for (const t of otherTitles) {
    const k = kindFromTitle(t);
    if (k) return k;
  }
  return kindFromBody(body) ?? "other";
}
