import { byDate, type DeadlineUnit, guardedYear } from "../time/deadline-unit.js";
import { SP, YEAR_DIGITS } from "../time/fragments.js";

/** 年内, 今年内, 2024年内, 年度内: within the (document) year, i.e. by its 12-31. */
export const pattern: DeadlineUnit = {
  name: "deadline-within-year",
  concern: "deadline",
  key: "W",
  description: "年内/年度内 of the document year (or a written year): kind by, date = 12-31",
  source: `(?:(?<![0-9０-９])(?<Wy>${YEAR_DIGITS})${SP}年|(?<Wrel>今|本|当)年|(?<![0-9０-９一二两三四五六七八九十百几半个多上去明前])年)度?(?:之内|以内|内)`,
  resolve(ctx) {
    const g = ctx.groups;
    const reading = guardedYear(ctx, g.Wy, g.Wrel, undefined, false);
    if (reading === null) return null;
    return byDate(reading, (y) => ({ y, m: 12, d: 31 }));
  },
  examples: [
    { text: "年内新增养老床位4400张", year: 2021, expect: { text: "年内", kind: "by", date: "2021-12-31" } },
    { text: "力争年内投入使用", year: 2021, expect: { date: "2021-12-31" } },
    { text: "2024年内完成", year: 2023, expect: { text: "2024年内", date: "2024-12-31" } },
    { text: "年内,建成区级综合性养老服务中心1个", year: 2020, expect: { date: "2020-12-31" } },
    { text: "年内完成", year: null, expect: { date: null, needsYear: true } },
  ],
  counterexamples: [
    { text: "两年内实现全覆盖", why: "a duration (kind within), not the document year", only: "self" },
    { text: "半年内重复率低于10%", why: "a duration", only: "self" },
  ],
};
