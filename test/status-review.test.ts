/**
 * Review vs plan from the document's own structure: a figure under 过去一年工作回顾 / 2023年工作回顾
 * is achieved whatever meta.year says (here given off by one on purpose); the plan part still
 * opens at its heading or at a "YYYY年是…" paragraph later than the reviewed year.
 */
import { describe, expect, it } from "vitest";
import { parsePlan } from "../src/pipeline.js";

const REPORT = (reviewHeading: string) => `政府工作报告

各位代表：

现在，我代表市人民政府，向大会报告工作，请予审议。

一、${reviewHeading}

2023年是全面贯彻党的二十大精神的开局之年。全市地区生产总值增长5.6%，一般公共预算收入增长8.1%，城镇新增就业3.2万人。

二、扎实推进高质量发展

2024年是实现“十四五”规划目标任务的关键一年。全市地区生产总值增长6%左右，城镇新增就业3万人以上。
`;

function statuses(text: string, year: number) {
  const d = parsePlan(text, { meta: { year } });
  return d.targets.map((t) => `${t.metric}:${t.value}:${t.status}`);
}

describe("review part status does not follow meta.year", () => {
  it.each(["过去一年工作回顾", "2023年工作回顾"])("%s, meta.year 2023 (off by one) and 2024", (heading) => {
    for (const year of [2023, 2024]) {
      const s = statuses(REPORT(heading), year);
      expect(s).toContain("地区生产总值:5.6:achieved");
      expect(s).toContain("城镇新增就业:3.2:achieved");
      // the plan part: opened by 2024年是… (later than the review) or by the heading's end of the review
      expect(s).toContain("地区生产总值:6:target");
    }
  });
});
