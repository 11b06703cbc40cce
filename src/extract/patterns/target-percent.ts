import type { TargetPatternUnit } from "./target-figure.js";

/** 60% / 百分之六十 / 六成 / 2个百分点: a share. */
export const pattern: TargetPatternUnit = {
  name: "target-percent",
  concern: "target",
  description: "a percentage (%, 百分之…, …成) or percentage points (个百分点)",
  confidence: 0.9,
  claims: (f) => f.unit === "%" || f.unit === "个百分点" || f.unit === "百分点" || f.unit === "‰",
  examples: [
    { text: "三分之一以上的村达标", expect: { value: 33.33, unit: "%", comparator: ">=" } },
    { text: "百分百覆盖", expect: { value: 100, unit: "%" } },
    { text: "人口自然增长率控制在千分之六以内", expect: { value: 6, unit: "‰", comparator: "<=" } },
    { text: "人口自然增长率为-0.60‰", expect: { value: -0.6, unit: "‰", metric: "人口自然增长率" } },
    { text: "居民消费价格涨幅为负3.9%", expect: { value: -3.9, unit: "%" } },

    {
      text: "确保护理型床位占比达到 55%",
      expect: { value: 55, unit: "%", comparator: ">=", metric: "护理型床位占比" },
    },
    { text: "社会力量举办或经营床位数占比达到70%以上", expect: { value: 70, unit: "%", comparator: ">=" } },
    {
      text: "加快推进护理型床位建设,各县(市、区)平均占比达到43%以上",
      expect: { value: 43, comparator: ">=", metric: "护理型床位占比" },
    },
    { text: "城镇调查失业率5.5%以内", expect: { value: 5.5, comparator: "<=", metric: "城镇调查失业率" } },
    {
      text: "居民消费价格涨幅控制在3%左右",
      expect: { value: 3, comparator: "~", metric: "居民消费价格涨幅" },
    },
    { text: "重复信访占比低于30%", expect: { value: 30, comparator: "<" } },
    { text: "办公场所相对独立的不低于60%", expect: { value: 60, comparator: ">=" } },
    { text: "县级社会组织覆盖率达到百分之六十", expect: { value: 60, unit: "%" } },
    { text: "农村养老服务覆盖率超过六成", expect: { value: 60, unit: "%", comparator: ">" } },
    { text: "空气质量优良天数率不低于81%", expect: { value: 81, comparator: ">=" } },
    { text: "城镇化率达到65个百分点以上", expect: { value: 65, unit: "个百分点" } },
    { text: "老年助餐覆盖率达８０％以上", expect: { value: 80, unit: "%", comparator: ">=" } },
  ],
  counterexamples: [
    { text: "编号2-3%段", why: "a range dash is not a minus sign", only: "self" },
{ text: "社会救助申请全部通过系统录入", why: "no figure" }],
};
