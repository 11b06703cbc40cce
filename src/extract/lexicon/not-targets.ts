/** Word lists of the rejection rules: names that contain a count, group thresholds (data). */

/**
 * What follows the number in a named policy or slogan: 中央八项规定, 省委十项规定, 三项原则,
 * 四个意识, 四个自信, 两个维护, 两个确立, 三个务必 … name a rule set, not a figure (for Arabic
 * and Chinese numerals alike: "8项规定").
 */
export const NAMED_COUNT_SUFFIXES: readonly string[] = [
  "项规定",
  "条规定",
  "项原则",
  "条原则",
  "项注意",
  "大纪律",
  "条禁令",
  "个严禁",
  "个不准",
  "个意识",
  "个自信",
  "个维护",
  "个确立",
  "个务必",
  "个全面",
  "个坚持",
  "个必须",
  "个统筹",
  "个倡导",
  "个责任",
  "个覆盖",
  "个一百年",
  "个文明",
  "位一体",
];

/** Names that merely contain a count: 两项补贴 is a subsidy programme, 两个覆盖 a slogan. */
export const NAMED_COUNTS: readonly string[] = [
  "两项补贴",
  "两个覆盖",
  "两个维护",
  "两个确立",
  "四个意识",
  "四个自信",
  "三项制度",
  "一件事",
  "两不愁",
  "三保障",
  "三重一大",
  "一次性",
  "一个时期",
  "一批",
  "两个责任",
  "三个务必",
  "一张网",
  "一张图",
  "一张蓝图",
  "一盘棋",
  "一把手",
  "一站式",
  "一体化",
  "一条龙",
  "一户一",
  "一人一",
  "一村一",
  "一事一",
  "一对一",
  "一线",
];

/**
 * Group thresholds (docs/decisions/extract-targets.md, 17): a figure in an amount, population or
 * area unit, qualified by 超 / 超过 / 超出 before it, 以上 / 以下 after it, or a range, and
 * followed by 的 and a noun, defines the class that is counted next, not a goal: "超50亿元的服务
 * 业集群达到7个", "主营业务收入5亿元以上的工业企业", "城区常住人口300万以下的城市", "超500亿元的
 * 18个". Such a figure is kept with a doubt (confidence 0.5 and a warning), never dropped.
 */
export const GROUP_THRESHOLD_PREFIXES: readonly string[] = ["超", "超过", "超出"];
export const GROUP_THRESHOLD_SUFFIXES: readonly string[] = ["以上", "及以上", "以下", "及以下"];
/** Units that measure an attribute of what follows 的 (amounts, population in 万, area). */
export const GROUP_THRESHOLD_UNITS: readonly string[] = [
  "元",
  "千元",
  "万元",
  "亿元",
  "万亿元",
  "美元",
  "万美元",
  "亿美元",
  "万",
  "亿",
  "万人",
  "平方米",
  "万平方米",
  "亩",
  "万亩",
  "公顷",
];
/**
 * Nouns after 的 that say what the amount *is* (a subsidy, a fund, a scale, a target, a rate),
 * so the figure is the goal itself: "每人500元以上的补助", "超10亿元的资金", "5%以上的增幅".
 */
export const AMOUNT_NOUNS_AFTER_DE: readonly string[] = [
  "补助",
  "补贴",
  "奖补",
  "奖励",
  "资金",
  "经费",
  "津贴",
  "救助",
  "补偿",
  "费用",
  "投入",
  "投资",
  "规模",
  "额度",
  "标准",
  "水平",
  "目标",
  "任务",
  "幅度",
  "比例",
  "比重",
  "速度",
  "增速",
  "增幅",
  "基础",
  "预期",
  "份额",
  "总额",
  "总量",
  "金额",
  "贷款",
  "融资",
  "支持",
  "保障",
  "收入",
  "产值",
  "营业额",
  "税收",
  "资产",
];

/**
 * After a CHINESE numeral and its unit, words that make the count the name of a policy package:
 * 十条措施, 三项举措, 二十条意见 ("出台10条措施" with Arabic digits is still counted).
 */
export const ZH_NAMED_PACKAGE_SUFFIXES: readonly string[] = [
  "条措施",
  "项措施",
  "条举措",
  "项举措",
  "条硬措施",
  "条意见",
  "条政策措施",
];

/**
 * Comparators before a figure that, with a 的 after it, define a class by a shortfall or an excess
 * ("床位数不足40张且收住人数少于10人的乡镇敬老院", "年收入低于5000元的家庭"): class thresholds,
 * not targets (rejection rule class-threshold).
 */
export const CLASS_THRESHOLD_PREFIXES: readonly string[] = ["不足", "少于", "低于", "不到", "不满", "未满", "未达到", "多于", "高于"];

/** Words after 每 (right before a figure) that make the figure the step of a per-unit rule: 每增加1人. */
export const PER_STEP_WORDS: readonly string[] = ["增加", "新增", "增长", "提高", "减少", "降低", "多", "少", "满"];
