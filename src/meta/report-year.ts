/**
 * The plan year of a work report (政府工作报告) from its own structure: the delivery line, the
 * headings and a few fixed phrases. A report reviews one year and plans the next, so
 * "2023年工作回顾" votes for 2024 and "2024年工作安排" for 2024. Base years (较2016年), future
 * targets (到2025年) and 远景 years never vote. See docs/decisions/meta.md (M-year-report).
 */
import type { MetaLine } from "./view.js";

const DIGIT: Record<string, number> = { 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };

/** The n-th five-year plan's first year ("九五" → 1996, "十" → 2001, "十一五" → 2006): the 3rd began in 1966. */
export function fiveYearStart(n: string): number {
  const s = n.replace(/五$/, "") || "五";
  const k = s === "十" ? 10 : s.startsWith("十") ? 10 + (DIGIT[s[1] as string] ?? 0) : (DIGIT[s] ?? 0);
  return 1966 + (k - 3) * 5;
}

/** A heading-like line: short, no sentence end inside. */
const MAX_HEADING = 44;
const YEAR_IN = /(?:19|20)\d{2}(?=年)/g;
/** 2023年工作回顾 / 2022年政府工作回顾 / 2007年经济社会发展情况及本届政府工作回顾 / 回顾2023年. */
/** Also 2020年主要工作和“十三五”发展成就 (a review named by what it achieved). */
const REVIEW_HEADING = /((?:19|20)\d{2})年[^\d。；]{0,16}?(?:回顾|总结|完成情况|成就|成绩|成效)|回顾((?:19|20)\d{2})年/;
/** 2024年工作安排 / 2024年的主要任务 / 2024年经济社会发展的总体要求和目标任务. */
const PLAN_HEADING =
  /((?:19|20)\d{2})年(?:的)?(?:政府|全[省市区州县]|经济社会发展|经济工作|工作)?(?:的)?(?:工作安排|主要任务|重点工作|重点任务|工作任务|总体要求|目标任务|工作建议|主要目标|预期目标|工作部署|工作打算|工作思路|主要工作安排)/;
/** Words that make a "plan" heading a review (2023年目标任务完成情况). */
const NOT_PLAN = /回顾|完成|总结|远景/;
/** "十五"工作回顾 / "十二五"时期及2015年经济社会发展回顾: the period ended the year before. */
const PERIOD_REVIEW_HEADING = /[“"]((?:[六七八九]|十[一二三四五]?)五)[”"](?:时期|期间)?[^\d。]{0,8}回顾/;
/** 2006年工作 / 2001年的工作 / 2002年主要工作: a review or a plan, told apart by the other years. */
const BARE_HEADING = /((?:19|20)\d{2})年(?:的)?(?:主要)?工作$/;
/** 今年是"十五"计划的第一年 / 今年是"十二五"收官之年: the year from the five-year period. */
const TODAY_PERIOD =
  /今年是[^。]{0,6}[“"]?((?:[六七八九]|十[一二三四五]?)五)[”"]?(?:计划|规划|时期)?的?(第一年|开局之年|起步之年|首年|最后一年|收官之年)/;
/** In running text: 刚刚过去的2023年 / 回顾2023年 → 2024; 2024年经济社会发展的主要预期目标是 → 2024. */
const REVIEW_PHRASE = /(?:刚刚过去的|过去的|回顾)((?:19|20)\d{2})年/g;
const PLAN_PHRASE =
  /((?:19|20)\d{2})年(?:全[省市区州县])?(?:经济社会发展|国民经济和社会发展)?的?主要预期目标(?:是|为)/g;

export interface YearVotes {
  /** year → weight */
  votes: Map<number, number>;
  /** what voted, for messages: "2023年工作回顾 → 2024" */
  evidence: string[];
}

function add(v: YearVotes, year: number, weight: number, what: string): void {
  v.votes.set(year, (v.votes.get(year) ?? 0) + weight);
  if (v.evidence.length < 4) v.evidence.push(`${what} → ${year}`);
}

/** Strip markdown emphasis and outline markers so "**一、2023年工作回顾**" reads as a heading. */
function headingText(text: string): string {
  return text.replace(/[*#\s]/g, "");
}

/** Votes from the headings of a report (one vote per heading, weight 2) and its fixed phrases (1). */
export function reportYearVotes(body: readonly MetaLine[], bodyText: string): YearVotes {
  const v: YearVotes = { votes: new Map(), evidence: [] };
  const bare: number[] = [];
  for (const l of body) {
    const t = headingText(l.text);
    if (t.length > MAX_HEADING || t.length < 6 || /。/.test(t.slice(0, -1))) continue;
    const years = new Set(t.match(YEAR_IN) ?? []);
    const pr = PERIOD_REVIEW_HEADING.exec(t);
    if (pr && years.size === 0) add(v, fiveYearStart(pr[1] as string) + 5, 2, t.slice(0, 24));
    if (years.size !== 1) continue; // 2020年回顾和2021年安排: read by the phrases below, not here
    const p = PLAN_HEADING.exec(t);
    if (p && !NOT_PLAN.test(t)) {
      add(v, Number(p[1]), 2, t.slice(0, 24));
      continue;
    }
    const r = REVIEW_HEADING.exec(t);
    if (r) {
      add(v, Number(r[1] ?? r[2]) + 1, 2, t.slice(0, 24));
      continue;
    }
    const b = BARE_HEADING.exec(t);
    if (b) bare.push(Number(b[1]));
  }
  // Bare headings (2001年的工作 / 2002年主要工作) name a review in some houses and a plan in
  // others: only a year and the one before it say which is the plan (the later one).
  const bareYears = [...new Set(bare)].sort();
  const lastBare = bareYears[bareYears.length - 1];
  if (v.votes.size === 0 && lastBare !== undefined && bareYears.length === 2 && bareYears[0] === lastBare - 1)
    add(v, lastBare, 2, `${lastBare - 1}年 / ${lastBare}年工作`);
  const period = TODAY_PERIOD.exec(bodyText);
  if (period) {
    const start = fiveYearStart(period[1] as string);
    add(v, /最后|收官/.test(period[2] as string) ? start + 4 : start, 2, period[0]);
  }
  REVIEW_PHRASE.lastIndex = 0;
  for (let m = REVIEW_PHRASE.exec(bodyText); m; m = REVIEW_PHRASE.exec(bodyText)) {
    add(v, Number(m[1]) + 1, 1, m[0]);
  }
  PLAN_PHRASE.lastIndex = 0;
  for (let m = PLAN_PHRASE.exec(bodyText); m; m = PLAN_PHRASE.exec(bodyText)) add(v, Number(m[1]), 1, m[0]);
  return v;
}

/** The year with most votes, when it has more than twice the runner-up's; null otherwise. */
export function winner(v: YearVotes): { year: number; weight: number; runnerUp: number | null } | null {
  const ranked = [...v.votes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  const top = ranked[0];
  if (!top) return null;
  const second = ranked[1];
  if (second && second[1] * 2 > top[1]) return null;
  return { year: top[0], weight: top[1], runnerUp: second ? second[0] : null };
}
