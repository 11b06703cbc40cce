import { monthEnd } from "../time/calendar.js";
import { bareOk, BEFORE_SUFFIX, byDate, type DeadlineUnit, guardedYear, num } from "../time/deadline-unit.js";
import { SP, YEAR_DIGITS } from "../time/fragments.js";

/** 上半年完成, 下半年前, 第三季度末, 一季度达到30%, 前三季度: a half or a quarter as a limit. */
export const pattern: DeadlineUnit = {
  name: "deadline-half-quarter",
  concern: "deadline",
  key: "H",
  description:
    "上半年/下半年, 第N季度, 前N季度 used as a limit (前/末/底, 到, or a completion verb after it): kind by, date = the period's last day",
  source: `(?<Hto>到|至)?${SP}(?:(?<![0-9０-９])(?<Hy>${YEAR_DIGITS})${SP}年|(?<Hrel>今|明)年)?${SP}(?:(?<Hhalf>上半年|下半年)|第?(?<Hq>[一二三四1-4])季度|前(?<Hnq>[一二三])个?季度)(?<Hlim>${SP}(?:末|底|${BEFORE_SUFFIX}))?`,
  resolve(ctx) {
    const g = ctx.groups;
    const reading = guardedYear(ctx, g.Hy, g.Hrel, g.Hto);
    if (reading === null) return null;
    if (!g.Hlim && !g.Hto && !bareOk(ctx)) return null;
    let lastMonth: number;
    if (g.Hhalf) lastMonth = g.Hhalf === "上半年" ? 6 : 12;
    else if (g.Hq) lastMonth = (num(g.Hq) ?? 0) * 3;
    else lastMonth = (num(g.Hnq) ?? 0) * 3;
    if (lastMonth < 3 || lastMonth > 12) return null;
    return byDate(reading, (y) => monthEnd(y, lastMonth));
  },
  examples: [
    {
      text: "汾东污水处理厂上半年投运",
      year: 2019,
      expect: { text: "上半年", kind: "by", date: "2019-06-30" },
    },
    { text: "下半年完成全部改造", expect: { date: "2024-12-31" } },
    { text: "第三季度末完成", expect: { text: "第三季度末", date: "2024-09-30" } },
    {
      text: "新建项目开工率一季度达到30%、二季度达到60%",
      year: 2019,
      expect: [{ date: "2019-03-31" }, { date: "2019-06-30" }],
    },
    { text: "上半年完成", year: null, expect: { date: null, needsYear: true } },
  ],
  counterexamples: [
    { text: "一、上半年工作总结", year: 2020, why: "a section heading of a summary" },
    { text: "二、下半年计划", year: 2020, why: "a section heading" },
    { text: "上半年支出救助资金268.315万元", year: 2020, why: "a reported achievement" },
    { text: "上半年共建成标准型居家养老服务中心3家", year: 2020, why: "a reported achievement (共)" },
    { text: "我省一季度地区生产总值下降3%", year: 2021, why: "a reported figure" },
    { text: "去年前三季度,桦南县综合", year: 2021, why: "a past period" },
  ],
};
