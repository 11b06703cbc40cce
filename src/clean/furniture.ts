/**
 * Web-page furniture as data: named line patterns (matched on the NORMALISED line, see
 * normalize.ts) and inline patterns removed from inside body lines. Each carries raw
 * examples and counterexamples; test/clean.test.ts runs them all.
 */

export interface LinePattern {
  name: string;
  /** FurnitureRange.kind */
  kind: string;
  /** only lines up to this many (normalised) chars are tested */
  maxLength: number;
  test: (line: string) => boolean;
  /** raw lines (before normalisation) that must be recognised */
  examples: string[];
  /** raw lines that must NOT be recognised by this pattern */
  counterexamples: string[];
}

const re = (r: RegExp) => (line: string) => r.test(line);

const DATE_DASHED = /\d{4}-\d{1,2}-\d{1,2}/;

// metadata-table labels that never start a body line
const META_STRONG =
  /^(索引号|组配分类|公开方式|生成日期|公文生成日期|发文字号|主题分类|成文日期|发文机关|主题词|信息分类|公开范围|公开时限)/;
// labels that need a ":" or "|" right after them
const META_WEAK = /^(标题|有效性|文件编号|规范性文件登记|发布机构|发布单位|所属机构|文号)[:：|]/;
const PUBLISH_LABEL =
  /^(发布时间|发布日期|更新时间|信息来源|来源网站|来源|时间|日期|浏览次数|访问量|点击数|阅读数|作者|编辑|责任编辑)[:：]/;
const DATE_THEN_SOURCE = /^\d{4}-\d{1,2}-\d{1,2}( ?\d{1,2}:\d{2}(:\d{2})?)?(来源|$)/;
const TOOLBAR_WORDS =
  /返回顶部|打印本页|关闭窗口|打印|关闭|收藏本页|收藏|分享到|分享|下载|全屏|加大|还原|减小|字号|字体显示|字体|默认|扫一扫在手机打开当前页|扫一扫|[【】[\]:：|/]/g;
const FOOTER =
  /^(如若转载|版权说明|版权所有|版权声明|免责声明|相关热词搜索|相关热词|相关报道|相关链接|相关阅读|相关文章|相关推荐|上一篇|下一篇|网站地图|Copyright|©|扫一扫在手机)/;
const NAVIGATION = /^(当前位置|您的位置|您现在的位置|所在位置|现在位置)[:：]|^首页 ?[>＞»]/;
const PAYWALL =
  /^(此内容为付费阅读|登录后查看|本文移动端)|^(付费阅读|年度会员|开通会员|立即下载|下载文档|下载后可任意编辑)$/;
const SITE_TITLE =
  /^(腾讯文库|百度文库|道客巴巴|原创力文档|豆丁网)|[-_](文库集|百味书屋|工作范文网|范文网|文库)$/;
// "- 3 -" loses its leading "- " as a list bullet, hence the second form
const PAGE_MARKER = /^第\d{1,4}页[,，/]?共\d{1,4}页$|^[-—–]?\d{1,4}[-—–]$/;
const HTML_COMMENT = /^<!--.{0,400}-->$/;
const HTML_TAG =
  /^<\/?(details|summary|div|span|p|br|hr|table|tbody|thead|tr|td|th|center|font|section)\b[^<>]{0,200}>/i;
const MD_RULE = /^(-{3,80}|\*{3,80}|_{3,80})$/;
const MD_IMAGE = /^!\[[^\]]{0,200}\]\([^)]{0,500}\)$/;
const MD_TABLE_RULE = /^\|?[|: -]{2,600}$/;
const URL_ONLY = /^https?:\/\/[^\s\u4e00-\u9fff]{1,500}$/;
const LICENSE_LINE = /^(Public domain|false|true)$|^注[:：]中文维基文库社群/;
/** the Wikisource licence notice; everything from it to the end is furniture (block rule) */
export const LICENSE_START = /^本作品(是|在|属于)/;

export const LINE_PATTERNS: readonly LinePattern[] = [
  {
    name: "metadata-label",
    kind: "metadata-table",
    maxLength: 100,
    test: (l) => (META_STRONG.test(l) || META_WEAK.test(l)) && !l.includes("。"),
    examples: [
      "索引号 11330902002638059M/2024-74010",
      " 组配分类 计划总结  发布机构 区民政局",
      " 生成日期 2024-05-27  公开方式 主动公开",
      "索 引 号：  000014349/2018-00230  主题分类：  城乡建设、环境保护\\节能与资源综合利用",
      "发文机关：  国务院办公厅  成文日期：  2018年12月29日",
      "标\u3000\u3000题：  国务院办公厅关于印发“无废城市”建设试点工作方案的通知",
      "发文字号：  国办发〔2018〕128号  发布日期：  2019年01月21日",
      "主 题 词：",
      "索引号: | 330803-035/2022-46753 | 公开方式: | 主动公开 | ||",
      "发布单位: | 区民政局 | 成文日期: | 2022-01-14 | ||",
      "有效性: | 文件编号: | ||||",
      "规范性文件登记: |",
      "- 索 引 号:XM00110-05-03-2012-003",
      "- 发布机构:厦门市民政局",
      "- 公文生成日期:2012-03-26",
    ],
    counterexamples: [
      "发布机构应当加强管理。",
      "标题党问题突出，要加强治理。",
      "有效性评估全面开展。",
      "成文日期以签发日为准,不得倒签。这是一条很长的正文句子,讲的是公文办理的要求,并非网页表格。".repeat(4),
    ],
  },
  {
    name: "publish-info",
    kind: "publish-info",
    maxLength: 80,
    test: (l) =>
      (PUBLISH_LABEL.test(l) && (DATE_DASHED.test(l) || l.length <= 20)) || DATE_THEN_SOURCE.test(l),
    examples: [
      "发布时间:2021-03-23    来源:民政局网站管理员",
      "    发布时间:2022-02-24 17:26",
      "  • 发布时间: 2022-04-18 09: 47",
      "  • 信息来源: 县民政局",
      "  • 浏览次数:",
      "发布时间:2016-03-11 来源:黄石港区民政局",
      "时间:2018-05-02  浏览次数:",
      "时间:2022-03-01 11:45:00",
      "来源:",
      "来源:工作范文网 时间:2022-05-09 10:02:22",
      "2021-12-05 16:40:56 来源网站: 百味书屋",
      "发布日期:2022-01-14 11:38",
      "信息来源:区民政局 浏览次数:",
      "来源：西藏日报",
      "时间：2026-02-12",
    ],
    counterexamples: [
      "时间:2024年3月至12月,分三个阶段推进全市养老服务设施建设,确保按期完成。",
      "来源于群众、服务于群众的各项工作要进一步加强,切实提高群众满意度。",
      "2024-2025年重点推进养老服务体系建设。",
      "作者应当对内容负责,主动接受监督,确保信息真实准确。",
    ],
  },
  {
    name: "toolbar",
    kind: "toolbar",
    maxLength: 60,
    test: (l) => l.length > 0 && l.replace(TOOLBAR_WORDS, "").length === 0,
    examples: [
      "【字体: 】    打印",
      "    【字体:打印",
      "  • 打印",
      "字体显示:",
      "分享到:",
      "【返回顶部】 【打印本页】 【关闭窗口】",
      "下载",
      "全屏",
      "【字号：",
      "加大",
      "】",
      "扫一扫在手机打开当前页",
    ],
    counterexamples: ["打印机采购项目", "下载量突破100万次。", "收藏" + "品市场规范管理。"],
  },
  {
    name: "footer",
    kind: "footer",
    maxLength: 400,
    test: re(FOOTER),
    examples: [
      "如若转载,请注明出处:https://www.qiantufanwen.com/128639.html",
      "版权说明:文章内容来自泰安市民政局,其用途仅限内部交流;感谢原创作者,如转载涉及版权等问题,请联系我们,我们将在第一时间处理。",
      "相关热词搜索: 民政局 下年 上年",
      "相关报道：",
      "上一篇:2023年工作总结",
    ],
    counterexamples: ["相关部门要加强协作。", "版权保护工作持续加强,查处侵权盗版案件120件。"],
  },
  {
    name: "navigation",
    kind: "navigation",
    maxLength: 300,
    test: re(NAVIGATION),
    examples: [
      "当前位置 : 首页 > 民政业务 > 综合 > 政策文件",
      "您的位置:百味书屋 > 范文大全 > 经典范文 > 民政局2021年上半年工作总结及下半年工作计划 正文 本文移动端:民政局2021年上半年工作总结及下半年工作计划",
      "首页 > 政务公开 > 计划总结",
    ],
    counterexamples: ["首页面改版完成。", "位置:城区东部"],
  },
  {
    name: "paywall",
    kind: "paywall",
    maxLength: 60,
    test: re(PAYWALL),
    examples: ["此内容为付费阅读,请付费后查看", "年度会员", "付费阅读", "下载后可任意编辑"],
    counterexamples: ["付费阅读模式在数字出版领域逐步推广,要加强监管。"],
  },
  {
    name: "site-title",
    kind: "site-title",
    maxLength: 80,
    test: re(SITE_TITLE),
    examples: ["市民政局2024年工作总结和2025年工作计划-文库集", "腾讯文库2020年县民政局2020"],
    counterexamples: ["建设数字文库,丰富公共文化资源。", "市民政局2024年工作总结和2025年工作计划"],
  },
  {
    name: "page-marker",
    kind: "page-marker",
    maxLength: 30,
    test: re(PAGE_MARKER),
    examples: ["第 1 页 共 9 页", "第1页,共9页", "- 3 -", "—12—"],
    counterexamples: ["第1页", "1-2家", "第一页", "2024-2025年"],
  },
  {
    name: "html-comment",
    kind: "html",
    maxLength: 500,
    test: re(HTML_COMMENT),
    examples: ["<!-- 2021-03-13 07:16 来源： 新华社 -->", "<!-- 张国清作政府工作报告 -->"],
    counterexamples: ["<<中华人民共和国>>", "《条例》"],
  },
  {
    name: "html-tag",
    kind: "html",
    maxLength: 300,
    test: re(HTML_TAG),
    examples: ["<details>", "</details>", "<summary>目录</summary>", '<div class="x">'],
    counterexamples: ["<3天", "<2%的贫困发生率"],
  },
  {
    name: "markdown-rule",
    kind: "markdown",
    maxLength: 80,
    test: (l) => MD_RULE.test(l) || (l.includes("---") && l.includes("|") && MD_TABLE_RULE.test(l)),
    examples: ["---", "----", "***", "| -------------------- | ------- | ----- | --- |"],
    counterexamples: ["--", "| 全国人口 | 141175 | 100.0 | |", "——"],
  },
  {
    name: "markdown-image",
    kind: "markdown",
    maxLength: 800,
    test: re(MD_IMAGE),
    examples: ["![图片1](./W020230228515999473627.png)"],
    counterexamples: ["!注意安全"],
  },
  {
    name: "url-only",
    kind: "link",
    maxLength: 520,
    test: re(URL_ONLY),
    examples: ["https://www.gov.cn/guowuyuan/2018-03/14/content_5273856.htm"],
    counterexamples: ["https://www.gov.cn 是中国政府网"],
  },
  {
    name: "license",
    kind: "license",
    maxLength: 80,
    test: re(LICENSE_LINE),
    examples: ["Public domain", "false", "注：中文维基文库社群认为，中华人民共和国公务演讲，"],
    counterexamples: ["公有领域的作品", "false positives"],
  },
];

/** The first line pattern recognising the normalised line, or null. */
export function matchLine(line: string): LinePattern | null {
  // an indexed loop: runs for every body line, often before it is optimised
  for (let i = 0; i < LINE_PATTERNS.length; i++) {
    const p = LINE_PATTERNS[i] as LinePattern;
    if (line.length <= p.maxLength && p.test(line)) return p;
  }
  return null;
}

export interface InlinePattern {
  name: string;
  kind: string;
  /** global; matched on the normalised line */
  re: RegExp;
  /** characters one of which every match holds (a line with none is not searched) */
  hint: string;
  /** [raw line, normalised line after removal] */
  examples: [string, string][];
  counterexamples: string[];
}

export const INLINE_PATTERNS: readonly InlinePattern[] = [
  {
    name: "newspaper-jump",
    kind: "newspaper-note",
    re: /\((下转|上接|紧接|转|接)第[一二三四五六七八九十\d]{1,3}版\)/g,
    hint: "版",
    examples: [
      ["作出重要指示。（下转第四版）（紧接第一版） 我们坚持人民至上", "作出重要指示。我们坚持人民至上"],
    ],
    counterexamples: ["(第一版)", "接第一版本的要求"],
  },
  {
    name: "pdf-page-marker",
    kind: "page-marker",
    re: /第\d{1,4}页[,，/]?共\d{1,4}页/g,
    hint: "页",
    examples: [["其中新建 3 所，第 1 页 共 9 页下载后可任意编辑扩建有 3 所。", "其中新建3所，扩建有3所。"]],
    counterexamples: ["第1页"],
  },
  {
    name: "template-site-note",
    kind: "paywall",
    re: /下载后可任意编辑|下面[^。，,]{1,12}小编(?:准备|整理|收集)了[^。]{1,60}欢迎(?:查阅|阅读|参考|借鉴)[^。]{0,10}。?/g,
    hint: "编",
    examples: [
      ["下载后可任意编辑民政局上年工作总结", "民政局上年工作总结"],
      [
        "抓好党的二十大精神的学习宣传贯彻落实。下面工作范文网小编准备了全市民政工作要点2022,欢迎查阅。",
        "抓好党的二十大精神的学习宣传贯彻落实。",
      ],
    ],
    counterexamples: ["可任意编辑的模板"],
  },
];

/** Any INLINE_PATTERNS hint character: a line without one holds no inline furniture. */
export const INLINE_HINT = new RegExp(`[${INLINE_PATTERNS.map((p) => p.hint).join("")}]`);
