import type { TargetPatternUnit } from "./target-figure.js";

/** 一次 / 两场 / 十五个 / 三千五百人: a Chinese numeral with a count unit. */
export const pattern: TargetPatternUnit = {
  name: "target-zh-count",
  concern: "target",
  description: "a Chinese numeral followed by a count unit (lexicon ZH_NUMERAL_UNITS)",
  confidence: 0.75,
  claims: (f) => f.numeral === "zh" && f.unit !== "",
  examples: [
    { text: "惠及群众二百三十余万", expect: { value: 230, unit: "万", comparator: ">" } },
    { text: "带动就业十几万", expect: { value: 10, unit: "万", comparator: ">" } },

    { text: "开展一次家庭随访", expect: { value: 1, unit: "次" } },
    { text: "举办两场集体婚礼", expect: { value: 2, unit: "场" } },
    { text: "培育十五个示范社区", expect: { value: 15, unit: "个" } },
    { text: "培训养老护理员三千五百人", expect: { value: 3500, unit: "人" } },
    { text: "完成一百二十户改造", expect: { value: 120, unit: "户" } },
    { text: "开展二十三场宣传活动", expect: { value: 23, unit: "场" } },
  ],
  counterexamples: [
    { text: "认真落实中央八项规定、国务院“约法三章”和省委十项规定精神", why: "named rule sets (八项规定, 十项规定)" },
    { text: "对标“四个意识”,坚定“四个自信”,做到“两个维护”", why: "slogans with counts" },
    { text: "一条一条兑现,一项一项分解细化", why: "reduplicated 一X一X is a manner adverb" },
    { text: "一件一件抓落实", why: "reduplicated 一X一X is a manner adverb" },
    { text: "十分重要", why: "十分 is an adverb" },

    { text: "坚决做到“两个维护”", why: "slogan 两个维护" },
    { text: "年底前城区基本形成“六位一体”统筹协调机制", why: "slogan 六位一体" },
    { text: "深入开展党史学习教育和“三重四创五优化”活动", why: "slogan" },
    { text: "持续健全民政工作“五大”服务体系", why: "slogan 五大" },
    { text: "严格落实“第一议题”制度", why: "ordinal 第一" },
    { text: "严格落实残疾人两项补贴制度", why: "名称 两项补贴" },
    { text: "为当前和今后一个时期提供政策指导", why: "一个时期" },
    { text: "初次信访事项一次性办结率", why: "一次性" },
    { text: "省委九届十二次全会精神", why: "session of a plenary" },
    { text: "统筹开展东北、西南两大康养片区建设", why: "两大 names" },
    { text: "加快“十四五”规划实施", why: "period 十四五" },
    { text: "这件事十分重要", why: "十分 is an adverb" },
  ],
};
