/** Word lists for metric naming: words stripped at the edges, verbs, reference phrases (data). */

/** Leading words stripped from a metric (scope, verbs, time), applied repeatedly. */
export const METRIC_LEADING_STRIP: readonly string[] = [
  "确定",
  "(",
  "（",
  ")",
  "）",
  "加快推进",
  "全面推进",
  "积极推进",
  "稳步推进",
  "扎实推进",
  "持续推进",
  "推进",
  "推动",
  "加快",
  "确保",
  "力争",
  "争取",
  "努力",
  "完成",
  "实现",
  "支持",
  "惠及",
  "指导",
  "督促",
  "鼓励",
  "引导",
  "培育",
  "打造",
  "开展",
  "组织",
  "实施",
  "落实",
  "全面",
  "持续",
  "进一步",
  "积极",
  "重点",
  "年内",
  "今年",
  "全年",
  "到年底",
  "年底前",
  "上半年",
  "下半年",
  "其中",
  "累计",
  "共",
  "并",
  "要",
  "将",
  "使",
  "把",
  "为",
  "对",
  "在",
  "全市",
  "全区",
  "全县",
  "全省",
  "全州",
  "全国",
  "全镇",
  "市级",
  "县级",
  "各地",
  "各县(市、区)",
  "各县（市、区）",
  "各县(区)",
  "各县（区）",
  "各县市区",
  "县(市、区)",
  "每个县(市、区)",
  "所有县(市、区)",
  "平均",
  "预期",
  "预计",
  "按时",
  "年完成",
  "当年",
  "分别",
  "主要预期目标是",
  "主要预期目标",
  "目标是",
  "通过",
  "以及",
  "和",
  "及",
  "与",
  "的",
  "、",
  "：",
  ":",
  "“",
  "”",
  '"',
  "*",
];

/** Trailing words stripped from a metric (comparators, verbs just before the figure). */
export const METRIC_TRAILING_STRIP: readonly string[] = [
  "(",
  "（",
  "统一",
  "一般",
  "和",
  "及",
  "与",
  "稳步",
  "分别",
  "平均",
  "达到",
  "达",
  "不少于",
  "不低于",
  "不超过",
  "不高于",
  "至少",
  "超过",
  "高于",
  "低于",
  "少于",
  "控制在",
  "保持在",
  "稳定在",
  "提高到",
  "提高至",
  "提升到",
  "提升至",
  "增加到",
  "增加至",
  "增长到",
  "增长至",
  "降低到",
  "下降到",
  "达到了",
  "为",
  "是",
  "在",
  "有",
  "约",
  "近",
  "共",
  "累计",
  "总数",
  "拥有",
  "要",
  "预计",
  "首超",
  "突破",
  "实现",
  "实现了",
  "完成",
  "降至",
  "降到",
  "降低至",
  "下降至",
  "升至",
  "上升至",
  "上升到",
  "合理",
  "同比",
  "年均",
  "增至",
  "减至",
  "首",
  "分别是",
  "将",
  "力争",
  "确保",
  "下设",
  "已",
  "再",
  "总计",
  "合计",
  "由",
  "从",
  "有望",
  "可望",
  "均将",
  "都能有",
  "都能",
  "都有",
  "都要",
  "首次",
  "率先",
  // an adverb before the verb of the figure: "…占国内生产总值比例继续保持在4%以上"
  "继续",
  "折合",
  "折",
  "基本",
  "保持",
  "大幅",
  "了",
  "的",
  "，",
  ",",
  "、",
  "“",
  "”",
  " ",
];

/** A metric that is only one of these names a ratio of something said earlier: reach back. */
export const BARE_RATIO_METRICS: readonly string[] = [
  "占比",
  "覆盖率",
  "比例",
  "比重",
  "率",
  "达标率",
  "比率",
  "水平",
];

/**
 * Verbs that take the counted object: in a head, the metric is what follows the last
 * of them ("民政部门组织开展困境儿童心理关爱服务项目" → "困境儿童心理关爱服务项目",
 * "困境儿童发放慰问金" → "慰问金"), when at least 3 characters follow.
 */
export const OBJECT_VERBS: readonly string[] = [
  "组织开展",
  "开展",
  "发放",
  "支付",
  "拨付",
  "下达",
  "组建",
  "启动",
  "上线运行",
  "选派",
  "培树",
  "确定",
  "推出",
  "设立",
  "招引",
  "引进",
  "培育",
  "打造",
  "完成",
  "实施",
  "推进",
];

/** Object verbs that are stripped only at the start of a head ("建设农村公路" → "农村公路"; "存量建设用地" keeps 建设). */
export const LEADING_OBJECT_VERBS: readonly string[] = ["建设", "规划建设", "开工建设", "新开工"];

/**
 * Verbs (and the adverbs before them) that end the counted noun after a figure
 * (regex alternatives; never before a nominal suffix: 完成数, 实现率) ("135名无力监护、监护缺失儿童进行入户核查"
 * → "无力监护、监护缺失儿童"; "100处以上社区养老服务站实现规范运营" → "社区养老服务站"),
 * unless a 的 follows them (a relative clause: "为特殊群体提供服务的专业社会服务机构").
 */
export const TAIL_VERBS: readonly string[] = [
  "进行",
  "实现",
  "纳入",
  "发放",
  "竣工",
  "投产",
  "到村",
  "参加",
  "参与",
  "享受",
  "入住",
  "获得",
  "完成",
  "开展",
  "接受",
  "达到",
  "培育",
  "开工",
  "落户",
  "列入",
  "入驻",
  "实施",
  "取得",
  "全部",
  "如期",
  "积极",
  "签约",
  "试点(?!项目|工作|单位|地区|示范)",
  "提档升级",
  "提质升级",
  "提质增效",
  "升级改造",
];

/**
 * Reference phrases inside a head: a comparison base, a distributive 分别, a base level
 * ("分别在2021年12月底保障标准基础上", "较上一年", "比2013年", "与上年相比", "同比").
 */
export const REFERENCE_PHRASE_SOURCE =
  "(?:分别)?在[^，,在]{0,24}?基础上|(?:比|较)(?:上年同期|上一年|上年(?:末|底)?|去年|同期|[0-9]{4}年(?:底|末|同期)?|“?十[一二三四五]五”?(?:期末|末)?)|(?:由|从)(?:过去|[0-9]{4}年的?)|(?:由|从)(?:开始|原来|以前|当初)的?|与[^，,]{1,12}?相比|同比|分别";

/** Trailing words of a previous clause dropped when it supplies a ratio's subject. */
export const SUBJECT_TRAILING_STRIP: readonly string[] = ["建设", "工作", "改革", "行动", "工程"];

/**
 * Verbs that head one item of a list sharing its subject: "特困供养新增80户、停发100户",
 * "行政职权保留3187项，调整210项，减少282项". A metric that is only one of them takes the
 * subject of the previous figure's metric (which ends in another of them).
 */
export const LIST_ITEM_VERBS: readonly string[] = [
  "新增",
  "停发",
  "减少",
  "增加",
  "退出",
  "新建",
  "改建",
  "扩建",
  "取消",
  "清退",
  "注销",
  "保留",
  "调整",
  "下放",
  "精简",
  "竣工",
  "开工",
  "续建",
  "新开工",
  "供应",
  "淘汰",
];

/**
 * Verbs that end a head whose counted object follows the figure: with a count unit and a noun
 * after the figure, that noun is the metric ("全力抓好100个重大产业项目" → 重大产业项目,
 * "新设6个国家自主创新示范区" → 国家自主创新示范区, "释放4台火电机组产能" → 火电机组产能);
 * the first group also without a count unit ("各开展1次集中走访"). A head that only ends in one
 * of them keeps its noun when nothing follows the figure ("城镇棚户区住房改造开工超过2300万套").
 */
export const HEAD_END_VERBS: readonly string[] = [
  "开展", "进行", "举办", "组织", "建成", "新建", "打造", "培育", "设立", "提交", "培训", "推出",
  "推介", "命名", "认定", "选树", "召开", "评选", "发放", "救助", "建设", "新(改)建", "新（改）建",
];
/** …only with a count unit after the figure (个 项 家 台 万 …; lexicon `OBJECT_COUNT_UNITS`). */
export const HEAD_END_COUNT_VERBS: readonly string[] = [
  "推进", "抓好", "办好", "做好", "用好", "建好", "管好", "解决", "形成", "新设", "释放", "启动",
  "引进", "创建", "组建", "选派", "出台", "制定", "获批", "走出", "打赢", "实施", "帮扶", "提高",
  "提升", "深化", "加强", "围绕", "构建", "兑现", "承办", "安置", "扶持", "吸引", "带动", "争创",
  "创成", "新增设", "储备", "谋划", "包装", "招引", "落地", "改造", "整治", "关停", "淘汰",
  "购买", "开发", "加快", "开发设置", "提供", "新开发",
];

/** Units of a counted object: "4台火电机组", "62.5万建档立卡农村贫困人口" (a bare 万/亿 counts too). */
export const OBJECT_COUNT_UNITS: readonly string[] = [
  "个", "项", "家", "座", "台", "条", "所", "处", "名", "户", "人", "位", "类", "批", "件", "支",
  "张", "套", "辆", "种", "部", "只", "艘", "架", "片", "间", "场", "次", "期", "万", "亿",
  "万人", "万户", "万套", "万家", "万名", "万个", "万件", "万辆", "万台", "万座",
];

/**
 * A head ending in a frame "…标准下", "…带动下" is a condition, not the indicator: with a count
 * unit the counted noun after the figure names it ("现行标准下62.5万建档立卡农村贫困人口").
 */
export const FRAME_HEAD_SUFFIXES: readonly string[] = [
  "标准下", "条件下", "情况下", "背景下", "带动下", "支持下", "推动下", "帮助下", "指导下", "引领下",
];

/**
 * A metric that is only a change verb (or a conversion word) names no indicator: it takes the
 * metric of the previous figure of its sentence ("夏粮产量14740万吨，增产0.5%" → 夏粮产量;
 * "比上年增加70万公顷" after "粮食播种面积…"); a tail that is only one of them names nothing.
 */
export const CHANGE_ONLY_METRICS: readonly string[] = [
  "增长", "增加", "提高", "提升", "上升", "下降", "降低", "减少", "增产", "减产", "增利", "少增",
  "多增", "实际", "实际增长", "名义增长", "年均增长", "折", "折合", "持平", "减少到", "缩减到",
  "下调至", "增加到", "提高到", "下降到", "提高了", "增加了", "增长了", "下降了", "减少了",
];

/**
 * Words between two figures that make the second the new level of the first ("由728元/人/月提高为
 * 735元/人/月", "从8.2万亿元增加到23.8万亿元", "由开始的30%提高到目前的60%", "比2010年的330元
 * 提高了90元"): both share the subject before 由/从/比 (regex source, anchored by the finder).
 */
export const TRANSITION_SOURCE =
  "了?(?:提高|增加|增长|提升|上升|扩大|上调|调高|下降|降低|减少|缩小|缩减|压减|下调|调低|调整|降|升|增|减)?了?(?:到|为|至)?(?:目前|现在|当前|现行|今年)?的?";
