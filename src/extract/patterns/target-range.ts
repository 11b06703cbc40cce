import type { TargetPatternUnit } from "./target-figure.js";

/** 1-2家 / 1—2 名 / 1至2个 / 8—8.5%: a range with valueMax. */
export const pattern: TargetPatternUnit = {
  name: "target-range",
  concern: "target",
  description: "two figures joined by - — ~ 至 到 with one unit: comparator range",
  confidence: 0.85,
  claims: (f) => f.comparator === "range",
  examples: [
    { text: "补助一百二十到一百五十万元", expect: { value: 120, valueMax: 150, unit: "万元", comparator: "range" } },
    { text: "每村补助1-2万元", expect: { value: 1, valueMax: 2, unit: "万元", comparator: "range" } },
    { text: "报账金额在1 万(含)-5 万元之间", expect: { value: 1, valueMax: 5, unit: "万元", comparator: "range" } },
    { text: "投资八到九百亿元", expect: { value: 800, valueMax: 900, unit: "亿元" } },
    {
      text: "全面放宽城区常住人口300万至500万的I型大城市落户条件",
      expect: { value: 300, valueMax: 500, unit: "万", doubt: "threshold of the group counted next (…的), probably not a goal" },
    },

    { text: "新增慈善组织1-2家", expect: { value: 1, valueMax: 2, unit: "家", comparator: "range" } },
    { text: "确保每个城乡社区都能有 1—2 名全科社工", expect: { value: 1, valueMax: 2, unit: "名" } },
    { text: "举办1至2个培训班", expect: { value: 1, valueMax: 2, unit: "个" } },
    { text: "本地生产总值增长8—8.5%", expect: { value: 8, valueMax: 8.5, unit: "%", change: "increase" } },
    { text: "地区生产总值增长7.5%–8%", expect: { value: 7.5, valueMax: 8, unit: "%" } },
  ],
  counterexamples: [
    { text: "《安徽省社会救助领域综合治理工作实施方案(2022-2025年)》", why: "period in a title" },
    { text: "以落实《石家庄市2020-2024年干部队伍建设规划纲要》为抓手", why: "period in a title" },
  ],
};
