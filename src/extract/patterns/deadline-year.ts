import { BEFORE_SUFFIX, byDate, type DeadlineUnit, guardedYear, TO_PREFIX } from "../time/deadline-unit.js";
import { SP, YEAR_DIGITS } from "../time/fragments.js";

/** 到2025年, 2025年前, 2030年前: a whole year as the limit (inclusive: by 12-31 of that year). */
export const pattern: DeadlineUnit = {
  name: "deadline-year",
  concern: "deadline",
  key: "N",
  description:
    "a written year with 到/至 before it or 前/之前/以前 after it: kind by, date = 12-31 of that year (X年前 includes X)",
  source: `(?<Nto>${TO_PREFIX})?${SP}(?<![0-9０-９])(?<Ny>${YEAR_DIGITS})${SP}年(?<Nlim>${SP}${BEFORE_SUFFIX})?(?![0-9０-９底末内度初中的上下第前一二三四五六七八九十])`,
  resolve(ctx) {
    const g = ctx.groups;
    if (!g.Nto && !g.Nlim) return null;
    const reading = guardedYear(ctx, g.Ny, undefined, g.Nto);
    if (reading === null || reading.y === null || reading.y < 1949 || reading.y > 2100) return null;
    return byDate(reading, (y) => ({ y, m: 12, d: 31 }));
  },
  examples: [
    {
      text: "到2025年,单位地区生产总值能耗下降",
      year: 2021,
      expect: { text: "到2025年", kind: "by", date: "2025-12-31" },
    },
    { text: "2025年前建成", year: 2021, expect: { text: "2025年前", date: "2025-12-31" } },
    { text: "制定2030年前碳排放达峰行动方案", year: 2021, expect: { text: "2030年前", date: "2030-12-31" } },
    { text: "力争到2024年，国家高新技术企业", year: 2023, expect: { date: "2024-12-31" } },
  ],
  counterexamples: [
    { text: "由5.8万亿元增加到2017年的8.99万亿元", year: 2018, why: "a past level (到…年的)" },
    { text: "确定2025年至2030年改善目标", year: 2023, why: "a year range, not a limit" },
    {
      text: "《安徽省社会救助领域综合治理工作实施方案(2022-2025年)》",
      year: 2024,
      why: "a period in a document title",
    },
    { text: "2024年全省社会救助综合治理重点工作安排", year: 2024, why: "a year in a document name" },
    { text: "2024年是新中国成立75周年", year: 2024, why: "a statement about the year" },
    { text: "生活保障标准提高至2030元", year: 2023, why: "an amount, not a year" },
  ],
};
