import { MONEY_UNITS } from "../lexicon/units.js";
import type { TargetPatternUnit } from "./target-figure.js";

/** Units seen so far and whether they are money (a unit set is small; this runs per figure). */
const MONEY_BY_UNIT = new Map<string, boolean>();
const MAGNITUDE_BEFORE_YUAN_RE = /^(?:万亿|亿|万)(?=.*元)/;

/** 元 / 万元 / 亿元 / 万元/年 …: the unit before any "/", its magnitude dropped, is a money unit. */
function isMoneyUnit(unit: string): boolean {
  let money = MONEY_BY_UNIT.get(unit);
  if (money === undefined) {
    money = MONEY_UNITS.has((unit.split("/")[0] as string).replace(MAGNITUDE_BEFORE_YUAN_RE, ""));
    if (MONEY_BY_UNIT.size < 4096) MONEY_BY_UNIT.set(unit, money);
  }
  return money;
}

/** 1.36万元 / 1748.8513 万元 / 26000 元 / 1.4万元/年: an amount of money, value as written. */
export const pattern: TargetPatternUnit = {
  name: "target-money",
  concern: "target",
  description: "an amount in 元 / 万元 / 亿元, with the magnitude kept in the unit",
  confidence: 0.9,
  claims: (f) => isMoneyUnit(f.unit),
  examples: [
    // a threshold that defines a class nobody counts here: kept, doubted (decisions/extract-targets.md, 17, 19)
    {
      text: "主营业务收入5亿元以上的工业企业基本实现研发机构全覆盖",
      expect: { value: 5, unit: "亿元", comparator: ">=", doubt: "threshold of the group counted next (…的), probably not a goal" },
    },
    // …but not when the noun after 的 is the amount itself, or there is no threshold word
    { text: "给予不低于500元的住院分娩补助", expect: { value: 500, unit: "元", doubt: undefined } },
    { text: "发放2000元以上的补助", expect: { value: 2000, unit: "元", comparator: ">=", doubt: undefined } },
    { text: "安排超10亿元的资金", expect: { value: 10, unit: "亿元", doubt: undefined } },
    { text: "设立3只总额3000亿元的发展基金", expect: { value: 3000, unit: "亿元", doubt: undefined } },
    { text: "工业产值突破1000亿元", expect: { value: 1000, unit: "亿元", comparator: ">" } },
    { text: "全年降低企业税负5700亿元", expect: { value: 5700, unit: "亿元" } },
    {
      text: "制造业、涉农贷款余额分别突破1000亿元、2000亿元",
      expect: [
        { value: 1000, unit: "亿元", comparator: ">" },
        { value: 2000, unit: "亿元", comparator: ">" },
      ],
    },
    {
      text: "两项支出分别达到1000万元、2000万元以上",
      expect: [
        { value: 1000, unit: "万元", comparator: ">=" },
        { value: 2000, unit: "万元", comparator: ">=" },
      ],
    },
    {
      text: "投入1000亿元、2000亿元",
      expect: [
        { value: 1000, unit: "亿元", comparator: "=" },
        { value: 2000, unit: "亿元", comparator: "=" },
      ],
    },
    { text: "单项资金50万元（含）以上的项目", expect: { value: 50, unit: "万元", comparator: ">=" } },
    { text: "累计投入500多亿元", expect: { value: 500, unit: "亿元", comparator: ">" } },
    { text: "撬动社会资本数十亿元", expect: { value: 10, unit: "亿元", comparator: ">" } },

    {
      text: "低保年标准达到1.36万元以上",
      expect: { value: 1.36, unit: "万元", comparator: ">=", metric: "低保年标准" },
    },
    { text: "支出低保金 1748.8513 万元", expect: { value: 1748.8513, unit: "万元", comparator: "=" } },
    {
      text: "为 13 名困难儿童发放慰问金 26,000 元",
      expect: { value: 26000, unit: "元" },
    },
    { text: "年内完成任务指标56030万元", expect: { value: 56030, unit: "万元" } },
    { text: "支出救助资金 1,234 元", expect: { value: 1234, unit: "元" } },
    { text: "城市低保标准为 728 元 / 人 / 月", expect: { value: 728, unit: "元/人/月" } },
    { text: "新增慈善信托30万元", expect: { value: 30, unit: "万元" } },
    { text: "地区生产总值达到1100亿元", expect: { value: 1100, unit: "亿元" } },
  ],
  counterexamples: [
    { text: "赶超先进地区", why: "超 without a figure" },
    { text: "规范资金发放", why: "no figure" },
    // a threshold of the class the clause counts: rejected (class-threshold), the count is the target
    { text: "地区生产总值超200亿元的县（市、区）77个", why: "threshold of the counted class", only: "self" },
    { text: "超500亿元的18个", why: "threshold of the counted class (超500亿元的)", only: "self" },
  ],
};
