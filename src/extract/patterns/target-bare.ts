import type { TargetPatternUnit } from "./target-figure.js";

/** 居民消费价格指数控制在103左右: a unitless figure kept only with a comparator, low confidence. */
export const pattern: TargetPatternUnit = {
  name: "target-bare",
  concern: "target",
  description: "an Arabic figure without unit, kept only when a comparator qualifies it",
  confidence: 0.5,
  claims: (f) => f.unit === "",
  examples: [{ text: "居民消费价格指数控制在103左右", expect: { value: 103, unit: "", comparator: "~" } }],
  counterexamples: [
    { text: "开通12345热线", why: "hotline" },
    { text: "吉林省民政厅 2022228", why: "garbled date" },
    { text: "到2025年,全市养老机构全覆盖", why: "year" },
  ],
};
