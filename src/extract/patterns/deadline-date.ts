import { BEFORE_SUFFIX, byDate, type DeadlineUnit, guardedYear, num, TO_PREFIX } from "../time/deadline-unit.js";
import { DAY_NUM, MONTH_NUM, SP, YEAR_DIGITS } from "../time/fragments.js";

/** 2024年12月31日前, 到6月30日, 截至2025年6月30日: a calendar day as the limit. */
export const pattern: DeadlineUnit = {
  name: "deadline-date",
  concern: "deadline",
  key: "D",
  description: "a calendar day with a limit word (前/之前/以前/止, or 到/至/截至 before it): kind by",
  source: `(?<Dto>${TO_PREFIX})?${SP}(?:(?<![0-9０-９])(?<Dy>${YEAR_DIGITS})${SP}年|(?<Drel>今|明)年)?${SP}(?<![0-9０-９])(?<Dm>${MONTH_NUM})${SP}月${SP}(?<Dd>${DAY_NUM})${SP}[日号](?<Dlim>${SP}(?:${BEFORE_SUFFIX}|止))?`,
  resolve(ctx) {
    const g = ctx.groups;
    if (!g.Dto && !g.Dlim) return null;
    const reading = guardedYear(ctx, g.Dy, g.Drel, g.Dto);
    if (reading === null) return null;
    const m = num(g.Dm);
    const d = num(g.Dd);
    if (m === null || d === null) return null;
    return byDate(reading, (y) => ({ y, m, d }));
  },
  examples: [
    { text: "2024年12月31日前完成", expect: { text: "2024年12月31日前", kind: "by", date: "2024-12-31" } },
    { text: "到6月30日全部完成", year: 2023, expect: { text: "到6月30日", date: "2023-06-30" } },
    { text: "于2月29日前报送", year: 2024, expect: { date: "2024-02-29" } },
    { text: "12月31日前完成", year: null, expect: { date: null, needsYear: true } },
  ],
  counterexamples: [
    { text: "2020年5月1日,我区获得省级激励", why: "a dated event, no limit word" },
    {
      text: "统计期限自2021年1月1日起至2021年12月31日止",
      why: "the end of a from–to reporting period",
      only: "self",
    },
    { text: "2月30日前", why: "no such day", only: "self" },
  ],
};
