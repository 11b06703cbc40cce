/**
 * The rejection rules of the target finder: every way a number the figure reader found is
 * said NOT to be a target, one entry each, in the order they are tried, with examples (the
 * figure is rejected by this rule) and counterexamples (a similar figure that is not). `plan-parse
 * explain` names the rule; test/rejections.test.ts runs every example through the finder.
 * An example is the sentence and the figure as written in it.
 */

export interface RejectionRule {
  /** what the rule says, for `explain` and the docs */
  says: string;
  examples: readonly (readonly [sentence: string, figure: string])[];
  counterexamples: readonly (readonly [sentence: string, figure: string])[];
}

export const REJECTIONS = {
  "zh-numeral-without-count-unit": {
    says: "a Chinese numeral without a count unit is a word, not a figure",
    examples: [["解决“四风”问题", "四"], ["三大攻坚战", "三"]],
    counterexamples: [["举办三场招聘会", "三场"]],
  },
  "outside-clauses": {
    says: "the number is outside every clause of the line",
    examples: [],
    counterexamples: [],
  },
  code: {
    says: "part of a code, an index number or a formula (glued to ASCII letters, digits, / or +)",
    examples: [["落实“1+N”政策体系", "1"], ["G15高速", "15"]],
    counterexamples: [["新建5G基站1.8万个", "1.8万个"]],
  },
  "longer-number": {
    says: "a number without a unit followed by a digit (part of a longer number)",
    examples: [],
    counterexamples: [],
  },
  ordinal: {
    says: "a rank or an ordinal (after 第)",
    examples: [["排名全省第3位", "3位"]],
    counterexamples: [["新增3位院士", "3位"]],
  },
  "quoted-name": {
    says: "inside 《a title》 or a short “slogan”",
    examples: [["落实《十条措施》", "十条"], ["推进“两个覆盖”", "两个"]],
    counterexamples: [],
  },
  "inside-deadline": {
    says: "part of a deadline or date the deadline stage took",
    examples: [["2025年底前完成", "2025"]],
    counterexamples: [],
  },
  "date-age-or-period": {
    says: "a date, an age, a period, an edition or a body: the word after the number (年 月 日 号 周岁 岁 届 个月 …)",
    examples: [["为60周岁以上老年人", "60"], ["用3年时间", "3"], ["民政发〔2020〕10号", "10"]],
    counterexamples: [["新增床位60张", "60张"]],
  },
  "named-count": {
    says: "a name that merely contains a count: a rule set, a slogan or a policy package (八项规定, 两项补贴, 十条措施)",
    examples: [
      ["落实中央八项规定精神", "八项"],
      ["出台十条措施", "十条"],
      ["落实两项补贴制度", "两项"],
      ["坚持一张蓝图绘到底", "一张"],
    ],
    counterexamples: [["出台10条措施", "10条"]],
  },
  "reduplicated-one": {
    says: "一条一条 / 一项一项: a manner adverb, not a figure",
    examples: [["一条一条抓落实", "一条"]],
    counterexamples: [],
  },
  "tail-without-unit": {
    says: "a /人/月 tail without a unit before it",
    examples: [],
    counterexamples: [],
  },
  "zh-one": {
    says: "一个: the article, not a count of one",
    examples: [["打造一个平台", "一个"]],
    counterexamples: [["打造两个平台", "两个"]],
  },
  "zh-scope": {
    says: "a Chinese count of places or fields is a scope (三个街道, 四项机制)",
    examples: [["在三个街道开展试点", "三个"]],
    counterexamples: [],
  },
  "bare-fan": {
    says: "番 without 翻 (翻一番 is the only figure in 番)",
    examples: [],
    counterexamples: [["经济总量翻一番", "一番"]],
  },
  "cheng-not-tenths": {
    says: "成 that is not a count of tenths (十成以上, 百成)",
    examples: [],
    counterexamples: [["覆盖率达到六成", "六成"]],
  },
  "eligibility-threshold": {
    says: "a threshold of eligibility after 大于 / 小于 / 年满 / 满",
    examples: [["住房面积大于200平方米", "200平方米"]],
    counterexamples: [],
  },
  "class-threshold": {
    says: "a threshold that defines the class of what follows 的: 不足 / 少于 / 低于 … a figure … 的 noun, or an amount / area threshold (超 …, … 以上, a range) before 的",
    examples: [
      ["推进5000万元以上的项目120个", "5000万元"],
      ["超50亿元的服务业集群达到7个", "50亿元"],
      ["对现有床位数不足40张且收住人数少于10人的乡镇敬老院进行撤并", "40张"],
      ["对现有床位数不足40张且收住人数少于10人的乡镇敬老院进行撤并", "10人"],
      ["对年收入低于5000元的家庭给予补助", "5000元"],
    ],
    counterexamples: [
      ["新增养老床位不少于40张", "40张"],
      ["贫困发生率下降到不足1%", "1%"],
      ["实现低于4%的调控目标", "4%"],
      ["建设100处以上的社区养老服务站", "100处"],
    ],
  },
  "per-step": {
    says: "the step of a per-unit rule (每增加1人, 每1000人): a base, not a target",
    examples: [["家庭人口每增加1人，补助增加100元", "1人"]],
    counterexamples: [["家庭人口每增加1人，补助增加100元", "100元"]],
  },
  "unreadable-number": {
    says: "a number the numeral reader cannot read (or a Chinese numeral with 千 / 百 after it)",
    examples: [],
    counterexamples: [],
  },
  "zh-small-magnitude": {
    says: "a Chinese numeral followed by 千 / 百 (千万, 百万 are words)",
    examples: [],
    counterexamples: [],
  },
  "percent-with-magnitude": {
    says: "% after 万 / 亿: not a share",
    examples: [],
    counterexamples: [],
  },
  "bad-fraction": {
    says: "a fraction X分之Y that is not a proper share",
    examples: [],
    counterexamples: [["三分之一以上", "三分之一"]],
  },
  "range-not-ascending": {
    says: "a range whose second number is not above the first (a code or an enumeration)",
    examples: [["完成3-1项", "3-1项"]],
    counterexamples: [["招聘100-200人", "100-200人"]],
  },
  "unitless-without-comparator": {
    says: "a number without a unit and without a comparator",
    examples: [["指数为105", "105"]],
    counterexamples: [["综合指数不低于105", "105"]],
  },
  year: {
    says: "a year-like number (19xx / 20xx) without a unit",
    examples: [],
    counterexamples: [],
  },
  "no-pattern-claims": {
    says: "read, but no target pattern claims the figure",
    examples: [],
    counterexamples: [],
  },
} as const satisfies Record<string, RejectionRule>;

/** The name of a rejection rule. */
export type Rejection = keyof typeof REJECTIONS;
