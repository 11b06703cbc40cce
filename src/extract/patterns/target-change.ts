import type { TargetPatternUnit } from "./target-figure.js";

/** 增长7%左右 / 提高10% / 减少30% / 下降3.4%以上 / 翻一番: the figure is a change, not a level. */
export const pattern: TargetPatternUnit = {
  name: "target-change",
  concern: "target",
  description: "a change verb (增长 提高 减少 下降 …) right before the figure; 翻一番",
  confidence: 0.9,
  claims: (f) => f.change !== undefined,
  examples: [
    // a growth rate named as a goal keeps 增长; a preposition-only head borrows the previous metric
    { text: "确定经济增长6%的预期目标", expect: { value: 6, metric: "经济增长" } },
    { text: "地区生产总值增长7%左右，按增长7%以上安排", expect: [{ metric: "地区生产总值" }, { metric: "地区生产总值" }] },
    {
      text: "装备制造业、高端食品加工业产值年均增长超20%",
      expect: { value: 20, unit: "%", comparator: ">", change: "increase", metric: "装备制造业、高端食品加工业产值" },
    },
    { text: "规上工业增加值增长超过8%", expect: { value: 8, comparator: ">", change: "increase" } },

    {
      text: "地区生产总值增长7%左右",
      expect: { value: 7, unit: "%", comparator: "~", change: "increase", metric: "地区生产总值" },
    },
    {
      text: "年度信访总量较上一年减少30%",
      expect: { value: 30, unit: "%", comparator: "=", change: "decrease" },
    },
    {
      text: "单位国内生产总值能耗下降3.4%以上",
      expect: { value: 3.4, comparator: ">=", change: "decrease", metric: "单位国内生产总值能耗" },
    },
    {
      text: "城乡居民人均可支配收入分别增长7.3%、8.2%",
      expect: [
        { value: 7.3, change: "increase", metric: "城乡居民人均可支配收入" },
        { value: 8.2, change: "increase", metric: "城乡居民人均可支配收入" },
      ],
    },
    { text: "力争全市慈善组织数量增长 20%以上", expect: { value: 20, comparator: ">=", change: "increase" } },
    { text: "城镇化率提高1.2个百分点", expect: { value: 1.2, unit: "个百分点", change: "increase" } },
    { text: "工业经济总量翻一番", expect: { value: 1, unit: "番", change: "increase" } },
  ],
  counterexamples: [
    { text: "全区城乡低保标准统一提高至每人每月 610 元", why: "提高至 states a level", only: "self" },
    {
      text: "全市备案社区社会组织增长率不低于10%",
      why: "增长率 is the metric, the figure a level",
      only: "self",
    },
    { text: "确保信访量较上年稳步下降", why: "no figure" },
  ],
};
