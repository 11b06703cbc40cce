import { daysInMonth } from "../time/calendar.js";
import {
  bareOk,
  BEFORE_SUFFIX,
  byDate,
  type DeadlineUnit,
  guardedYear,
  num,
  TO_PREFIX,
} from "../time/deadline-unit.js";
import { MONTH_NUM, SP, YEAR_DIGITS } from "../time/fragments.js";

/** 9月底前, 到2022年6月底, 6月份完成, 3月前, 10月上旬前: a month (or part) as the limit. */
export const pattern: DeadlineUnit = {
  name: "deadline-month",
  concern: "deadline",
  key: "M",
  description:
    "a month, month end or 旬 as a limit (前, 到/至, or a completion verb after it): kind by, date = the last day of the month (上旬 10th, 中旬 20th, 初 5th)",
  source: `(?<Mto>${TO_PREFIX})?${SP}(?:(?<![0-9０-９])(?<My>${YEAR_DIGITS})${SP}年|(?<Mrel>今|明|次)年)?${SP}(?<![0-9０-９])(?<Mm>${MONTH_NUM})${SP}月(?<Mpart>份|${SP}(?:月?底|月?末|上旬|中旬|下旬|初))?(?<Mlim>${SP}${BEFORE_SUFFIX})?`,
  resolve(ctx) {
    const g = ctx.groups;
    const reading = guardedYear(ctx, g.My, g.Mrel, g.Mto);
    if (reading === null) return null;
    if (!g.Mlim && !g.Mto && !bareOk(ctx)) return null;
    const m = num(g.Mm);
    if (m === null || m < 1 || m > 12) return null;
    const part = (g.Mpart ?? "").trim();
    return byDate(reading, (y) => {
      if (part === "上旬") return { y, m, d: 10 };
      if (part === "中旬") return { y, m, d: 20 };
      if (part === "初") return { y, m, d: 5 };
      return { y, m, d: daysInMonth(y, m) };
    });
  },
  examples: [
    {
      text: "9月底前,全市村(社区)互助社全部规范登记",
      expect: { text: "9月底前", kind: "by", date: "2024-09-30" },
    },
    { text: "10 月底前年完成 300 户改造任务", year: 2020, expect: { text: "10 月底前", date: "2020-10-31" } },
    { text: "12月底前,各村(社区)作用充分发挥", expect: { date: "2024-12-31" } },
    { text: "2月底前完成", year: 2024, expect: { date: "2024-02-29" } },
    { text: "2月底前完成", year: 2023, expect: { date: "2023-02-28" } },
    { text: "6月前基本完成清产核资任务", year: 2019, expect: { text: "6月前", date: "2019-06-30" } },
    { text: "6月份完成摸底", expect: { text: "6月份", date: "2024-06-30" } },
    { text: "6月底前完成", expect: { date: "2024-06-30" } },
    {
      text: "于2019年12月底前完成相关建设",
      year: 2019,
      expect: { text: "2019年12月底前", date: "2019-12-31" },
    },
    { text: "本息政策再延长至明年3月底", year: 2020, expect: { text: "至明年3月底", date: "2021-03-31" } },
    { text: "10月上旬前报送", expect: { date: "2024-10-10" } },
    { text: "9月底前完成", year: null, expect: { date: null, needsYear: true } },
    { text: "9月底前完成标准化改造", expect: { text: "9月底前", date: "2024-09-30" } },
    { text: "6月底前在现有基础上再提高5%", expect: { text: "6月底前", date: "2024-06-30" } },
  ],
  counterexamples: [
    {
      text: "分别在2021年12月底保障标准基础上提高10%",
      year: 2022,
      why: "a reference date (seed 003), not a limit",
    },
    {
      text: "分别在2021年12月底保障标准基础上提高10%",
      year: null,
      why: "a reference date even when the document year is unknown (…标准基础上)",
    },
    { text: "与2024年6月底相比增长5%", why: "a comparison base (与…相比)" },
    { text: "在6月底水平上再提高5%", why: "a reference level (…水平)" },
    { text: "2020年5月,我区获得省级激励政策", year: 2020, why: "a past event in a summary" },
    { text: "到 6 月底,已有投保农户12万户", year: 2020, why: "an as-of date followed by a status report" },
    { text: "截至x月底,城市低保共xx户", why: "masked figures, as-of date" },
    { text: "截至6月底,全区共有", year: 2020, why: "截至 without a year: an as-of date" },
  ],
};
