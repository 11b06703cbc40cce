import {
  bareOk,
  BEFORE_SUFFIX,
  byDate,
  type DeadlineUnit,
  guardedYear,
  TO_PREFIX,
} from "../time/deadline-unit.js";
import { SP, YEAR_DIGITS } from "../time/fragments.js";

/** 年底前, 到年底, 到2022年底, 2020年底前, 今年年底: the end of a year as the limit. */
export const pattern: DeadlineUnit = {
  name: "deadline-year-end",
  concern: "deadline",
  key: "Y",
  description:
    "年底/年末 (of the document year, a written year, 今年 or 明年) as a limit: kind by, date = 12-31",
  source: `(?<Yto>${TO_PREFIX})?${SP}(?:(?:(?<![0-9０-９])(?<Yy>${YEAR_DIGITS})${SP}年|(?<Yrel>今|明|本|当)年)年?|年)(?:底|末)(?<Ylim>${SP}${BEFORE_SUFFIX})?`,
  resolve(ctx) {
    const g = ctx.groups;
    const reading = guardedYear(ctx, g.Yy, g.Yrel, g.Yto);
    if (reading === null) return null;
    if (!g.Ylim && !g.Yto && !bareOk(ctx)) return null;
    return byDate(reading, (y) => ({ y, m: 12, d: 31 }));
  },
  examples: [
    { text: "年底前取得阶段性成果", expect: { text: "年底前", kind: "by", date: "2024-12-31" } },
    {
      text: "到年底,社区社会组织每个城市社区平均不少于10个",
      year: 2022,
      expect: { text: "到年底", date: "2022-12-31" },
    },
    {
      text: "到2022年底,全市10处以上街道综合养老服务中心",
      year: 2022,
      expect: { text: "到2022年底", date: "2022-12-31" },
    },
    { text: "确保到 2020 年底,享受上门服务老人占比达到10%", year: 2020, expect: { date: "2020-12-31" } },
    { text: "2020年底前完成", year: 2019, expect: { text: "2020年底前", date: "2020-12-31" } },
    { text: "确保今年底全部投入运行", year: 2021, expect: { text: "今年底", date: "2021-12-31" } },
    { text: "执行期限全部延长到今年年底", year: 2020, expect: { text: "到今年年底", date: "2020-12-31" } },
    { text: "年底完成身份确认", year: 2019, expect: { date: "2019-12-31" } },
    { text: "年底前完成", year: null, expect: { date: null, needsYear: true } },
  ],
  counterexamples: [
    { text: "项总数比2012年底减少50%以上", year: 2017, why: "a comparison base (比…)" },
    { text: "去年底发生的光明新区滑坡", year: 2016, why: "a past event (去年底)" },
    { text: "比上年末增长9.6%", year: 2022, why: "a comparison base (上年末)" },
    { text: "在年底标准基础上提高10%", year: 2024, why: "a reference level (…标准基础上)" },
    { text: "在2024年底前水平基础上提高5%", year: 2024, why: "a reference level, even with 前" },
    { text: "以2024年底为基数,增长10%", year: 2024, why: "a base year-end (…为基数)" },
    { text: "2024年底同期增长3%", year: 2024, why: "a comparison period (同期)" },
    { text: "年末全国就业人员73351万人", year: 2022, why: "a statistical year-end figure" },
    { text: "截至2021年底,我局政府信息公开", year: 2022, why: "an as-of date in the past" },
    { text: "截至年末，正在运行的国家重点实验室", year: 2022, why: "截至 without a year: an as-of date" },
  ],
};
