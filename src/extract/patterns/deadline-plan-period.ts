import { blockedBefore, type DeadlineUnit } from "../time/deadline-unit.js";
import { SP } from "../time/fragments.js";

const ORDINAL: Readonly<Record<string, number>> = { 一: 11, 二: 12, 三: 13, 四: 14, 五: 15 };

/** "十四五"末, 到"十四五"期末: the end of a five-year-plan period (十四五 → 2025-12-31). */
export const pattern: DeadlineUnit = {
  name: "deadline-plan-period",
  concern: "deadline",
  key: "P",
  description:
    "the end (末/期末/末期) of a five-year-plan period: kind by, date = 12-31 of its last year (十一五 2010 … 十五五 2030)",
  source: `(?<Pto>到|至)?${SP}[“"”]?十(?<Pn>[一二三四五])五[”"“]?${SP}(?:规划)?(?:时期|期)?(?:末期|末)`,
  resolve(ctx) {
    // "是“十一五”末的2.6倍": a comparison base, not a limit
    if (blockedBefore(ctx) || ctx.line.charAt(ctx.end) === "的") return null;
    const n = ORDINAL[ctx.groups.Pn ?? ""];
    if (n === undefined) return null;
    const last = 2006 + (n - 11) * 5 + 4;
    return { kind: "by", date: `${last}-12-31` };
  },
  examples: [
    {
      text: "到“十四五”期末,全市养老机构护理型床位占比达到55%",
      year: 2021,
      expect: { text: "到“十四五”期末", kind: "by", date: "2025-12-31" },
    },
    { text: '"十四五"末基本建成', year: 2022, expect: { date: "2025-12-31" } },
    { text: "十三五末", year: null, expect: { date: "2020-12-31" } },
  ],
  counterexamples: [
    { text: "也是“十四五”开局之年", year: 2021, why: "十四五 alone names a period, not a limit" },
    { text: "指导各县(市、区)确定好十四五期间年度计划", year: 2022, why: "期间 is the whole period" },
    { text: "驰名商标159个，是“十一五”末的2.6倍", year: 2016, why: "a comparison base" },
    { text: "优良水体比例较“十二五”期末上升11.3个百分点", year: 2021, why: "a comparison base (较…)" },
  ],
};
