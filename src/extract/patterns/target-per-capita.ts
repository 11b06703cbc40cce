import type { TargetPatternUnit } from "./target-figure.js";

/** 每万老年人拥有…24.5人 / 每个城市社区平均不少于10个: a ratio per population or per unit. */
export const pattern: TargetPatternUnit = {
  name: "target-per-capita",
  concern: "target",
  description: "a figure whose clause states its denominator with 每… (per)",
  confidence: 0.9,
  claims: (f) => f.per !== undefined,
  examples: [
    {
      text: "每万老年人拥有持证养老护理员数达24.5人",
      expect: { value: 24.5, unit: "人", per: "每万老年人", comparator: ">=", metric: "持证养老护理员数" },
    },
    {
      text: "每万人拥有认知障碍床位数达17张",
      expect: { value: 17, unit: "张", per: "每万人", metric: "认知障碍床位数" },
    },
    {
      text: "社区社会组织每个城市社区平均不少于10个",
      expect: { value: 10, unit: "个", per: "每个城市社区", comparator: ">=" },
    },
    { text: "城乡低保标准提高至每人每月 610 元", expect: { value: 610, unit: "元", per: "每人每月" } },
  ],
  counterexamples: [{ text: "每万人口", why: "no figure" }],
};
