import { addDays, formatYmd, springFestival } from "../time/calendar.js";
import { BEFORE_SUFFIX, blockedBefore, type DeadlineUnit, readYear } from "../time/deadline-unit.js";
import { SP, YEAR_DIGITS } from "../time/fragments.js";

/** 春节前, 国庆节前, 元旦前: a public holiday as the limit (the day before it). */
export const pattern: DeadlineUnit = {
  name: "deadline-holiday",
  concern: "deadline",
  key: "O",
  description:
    "春节/国庆(节)/元旦 + 前: kind by, date = the eve (春节 from a table 2010–2035, 国庆 → 09-30, 元旦 → 12-31 of the document year)",
  source: `(?:(?<![0-9０-９])(?<Oy>${YEAR_DIGITS})${SP}年|(?<Orel>今|明)年)?(?<Oh>春节|国庆节?|元旦)${SP}${BEFORE_SUFFIX}`,
  resolve(ctx) {
    const g = ctx.groups;
    if (blockedBefore(ctx)) return null;
    const reading = readYear(g.Oy, g.Orel, ctx.year);
    if (reading.y === null) return { kind: "by", date: null, needsYear: true };
    const y = reading.y;
    if (g.Oh === "春节") {
      const sf = springFestival(y);
      return { kind: "by", date: sf ? formatYmd(addDays(sf, -1)) : null };
    }
    if (g.Oh === "元旦") return { kind: "by", date: `${y}-12-31` };
    return { kind: "by", date: `${y}-09-30` };
  },
  examples: [
    { text: "春节前完成走访慰问", year: 2024, expect: { text: "春节前", kind: "by", date: "2024-02-09" } },
    { text: "国庆节前投入使用", year: 2024, expect: { text: "国庆节前", date: "2024-09-30" } },
    { text: "春节前完成", year: 2040, expect: { date: null } },
    { text: "国庆前完成", year: null, expect: { date: null, needsYear: true } },
  ],
  counterexamples: [
    { text: "去年春节前夕，新冠肺炎疫情突", year: 2021, why: "a past event (前夕)" },
    { text: "坚决停止春节期间大型活动", year: 2020, why: "a period, not a limit" },
  ],
};
