import { formatYmd, isValidYmd } from "../time/calendar.js";
import { type DeadlineUnit, isPast, num, readYear } from "../time/deadline-unit.js";
import { DAY_NUM, MONTH_NUM, SP, YEAR_DIGITS } from "../time/fragments.js";

/** 自2020年4月1日起, 从2024年1月1日起, 2020年起, 自发布之日起: the first day a rule applies. */
export const pattern: DeadlineUnit = {
  name: "deadline-from",
  concern: "deadline",
  key: "F",
  description: "a start date with 起/开始 (自/从 optional): kind from, date = the first day",
  source: `(?<Fpre>[自从])?${SP}(?:(?<![0-9０-９])(?<Fy>${YEAR_DIGITS})${SP}年|(?<Frel>今|明|次)年)?${SP}(?:(?<![0-9０-９])(?<Fm>${MONTH_NUM})${SP}月份?(?:${SP}(?<Fd>${DAY_NUM})${SP}[日号])?)?${SP}(?<Fpub>(?:发布|印发|公布|施行|实施|下发|签发)之日)?${SP}(?:起(?![草来义步点诉])|开始(?![实施执行]))`,
  resolve(ctx) {
    const g = ctx.groups;
    if (g.Fpub) return g.Fpre ? { kind: "from", date: null } : null;
    if (!g.Fy && !g.Frel && !g.Fm) return null;
    const reading = readYear(g.Fy, g.Frel, ctx.year);
    const startsWithKai = ctx.line.slice(ctx.end - 2, ctx.end) === "开始";
    // "开始" narrates ("于2018年5月开始在凉山州试点") unless a year is written after 自/从
    if (startsWithKai && !(g.Fpre && reading.explicit)) return null;
    // a past start without 自/从 is narrative ("2017年7月1日起全面实行" in a review)
    if (!g.Fpre && isPast(reading, ctx.year)) return null;
    if (reading.y === null) return { kind: "from", date: null, needsYear: true };
    const m = num(g.Fm) ?? 1;
    const d = num(g.Fd) ?? 1;
    const v = { y: reading.y, m, d };
    return isValidYmd(v) ? { kind: "from", date: formatYmd(v) } : null;
  },
  examples: [
    {
      text: "自2020年4月1日起,全区城乡低保标准统一提高",
      year: 2020,
      expect: { text: "自2020年4月1日起", kind: "from", date: "2020-04-01" },
    },
    {
      text: "自 2020 年 4 月 1 日起,全区",
      year: 2020,
      expect: { text: "自 2020 年 4 月 1 日起", date: "2020-04-01" },
    },
    { text: "从2024年1月1日起执行", expect: { kind: "from", date: "2024-01-01" } },
    { text: "自 2024 年 7 月起城市最低生活保障标准", expect: { date: "2024-07-01" } },
    { text: "从2019年起，在有条件的地区", year: 2019, expect: { date: "2019-01-01" } },
    { text: "本办法自发布之日起施行", expect: { text: "自发布之日起", kind: "from", date: null } },
    { text: "7月1日起全面实行", year: 2017, expect: { date: "2017-07-01" } },
    { text: "7月1日起全面实行", year: null, expect: { date: null, needsYear: true } },
  ],
  counterexamples: [
    { text: "全年共发生森林火灾709起", why: "count of incidents (起 as a classifier)" },
    { text: "从2019年5月底开始，自上而下分", why: "a past campaign start at month end", only: "self" },
    { text: "起草工作方案", why: "起草 is not a start date" },
  ],
};
