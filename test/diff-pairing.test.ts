/** diff's building blocks: the assignment, target kinds, junk metrics, headline figures, moves. */
import { describe, expect, it } from "vitest";
import { makeDoc, outline } from "./helpers/outline.js";
import { assign } from "../src/compare/assign.js";
import { distinctHeads, isJunkMetric, targetKind } from "../src/compare/diff-targets.js";
import { diffPlans } from "../src/compare/index.js";
import { HEADLINE_PARAGRAPH, headlineIds } from "../src/compare/headline.js";
import type { DiffResult } from "../src/compare/types.js";
import type { Target } from "../src/types.js";

let n = 0;
function t(sectionId: string | null, metric: string, value: number, unit: string, extra: Partial<Target> = {}): Target {
  n++;
  return {
    id: `t${n}`,
    sectionId,
    text: `${metric}${value}${unit}`,
    metric,
    comparator: ">=",
    value,
    unit,
    status: "target",
    span: { start: 0, end: 0, line: 1 },
    pattern: "test",
    confidence: 1,
    ...extra,
  };
}

const fig = (x: Target) => `${x.metric} ${x.value}${x.unit}${x.status === "achieved" ? "(实)" : ""}`;
function brief(r: DiffResult) {
  return {
    changed: r.targets.changed.map((c) => `${fig(c.old)} → ${fig(c.new)}`),
    unchanged: r.targets.unchanged.map((c) => fig(c.new)),
    added: r.targets.added.map(fig),
    removed: r.targets.removed.map(fig),
  };
}

describe("assign (optimal one-to-one)", () => {
  it("beats greedy: the strongest pair does not steal the only partner of another row", () => {
    // A~X .62, A~Y .60, B~X .58, B~Y .10: greedy keeps A–X and leaves B alone
    const m = [
      [0.62, 0.6],
      [0.58, 0.1],
    ];
    expect(assign(2, 2, (i, j) => (m[i] as number[])[j] as number, 0.3)).toEqual([1, 0]);
  });
  it("leaves a row alone rather than pair it below the threshold", () => {
    expect(assign(2, 1, (i) => (i === 0 ? 0.9 : 0.2), 0.3)).toEqual([0, -1]);
    expect(assign(1, 2, () => 0.1, 0.3)).toEqual([-1]);
  });
  it("handles rectangles and empties", () => {
    expect(assign(0, 3, () => 1, 0.1)).toEqual([]);
    expect(assign(3, 2, (i, j) => (i === j + 1 ? 1 : 0), 0.5)).toEqual([-1, 0, 1]);
  });
});

describe("target kinds and junk metrics", () => {
  it("status and stretch make the kind", () => {
    expect(targetKind(t("1", "a", 1, "%"))).toBe("target|base");
    expect(targetKind(t("1", "a", 1, "%", { status: "achieved" }))).toBe("achieved|base");
    expect(targetKind(t("1", "a", 1, "%", { qualifiers: ["stretch"] }))).toBe("target|stretch");
    expect(targetKind(t("1", "a", 1, "%", { qualifiers: ["average-annual"] }))).toBe("target|base");
  });
  it.each(["77043元", "3.5万", "2024年", "100%", "1.2万亿元", " 12 个"])("junk: %s", (m) => {
    expect(isJunkMetric(m)).toBe(true);
  });
  it.each(["5G基站", "城镇新增就业", "PM2.5平均浓度", "新增国家高新技术企业", "GDP"])("not junk: %s", (m) => {
    expect(isJunkMetric(m)).toBe(false);
  });
});

describe("target pairing rules", () => {
  const secs = outline("(一)经济发展。主要预期目标。\n(二)产业。科技创新。\n(三)民生。就业。\n");
  const secsMoved = outline("(一)经济发展。主要预期目标。\n(二)民生。就业。\n(三)产业。科技创新。\n");
  const diff = (o: Target[], nw: Target[], opts = {}) =>
    brief(diffPlans(makeDoc("o", secs, o), makeDoc("n", secs, nw), opts));

  it("never pairs an achievement with a target (企业减负降本 1196 亿元 (实) → 500 亿元)", () => {
    const r = diff(
      [t("2", "企业减负降本", 1196, "亿元", { status: "achieved" })],
      [t("2", "企业减负降本", 500, "亿元")],
    );
    expect(r).toEqual({ changed: [], unchanged: [], added: ["企业减负降本 500亿元"], removed: ["企业减负降本 1196亿元(实)"] });
  });
  it("pairs achievements with achievements and targets with targets", () => {
    const r = diff(
      [t("1", "地区生产总值", 6, "%", { status: "achieved" }), t("1", "地区生产总值", 5.5, "%")],
      [t("1", "地区生产总值", 5.2, "%", { status: "achieved" }), t("1", "地区生产总值", 5, "%")],
    );
    expect(r.changed.sort()).toEqual(["地区生产总值 5.5% → 地区生产总值 5%", "地区生产总值 6%(实) → 地区生产总值 5.2%(实)"]);
  });
  it("--status keeps one kind only", () => {
    const o = [t("1", "地区生产总值", 6, "%", { status: "achieved" }), t("1", "地区生产总值", 5.5, "%")];
    const nw = [t("1", "地区生产总值", 5.2, "%", { status: "achieved" }), t("1", "地区生产总值", 5, "%")];
    expect(diff(o, nw, { status: "target" }).changed).toEqual(["地区生产总值 5.5% → 地区生产总值 5%"]);
    expect(diff(o, nw, { status: "achieved" }).changed).toEqual(["地区生产总值 6%(实) → 地区生产总值 5.2%(实)"]);
  });
  it("base pairs with base, stretch (力争) with stretch", () => {
    const r = diff(
      [t("1", "地区生产总值", 6, "%"), t("1", "地区生产总值", 6.5, "%", { qualifiers: ["stretch"] })],
      [t("1", "地区生产总值", 6.5, "%"), t("1", "地区生产总值", 7, "%", { qualifiers: ["stretch"] })],
    );
    // without kinds, 6.5 → 6.5 would pair as "unchanged" and hide both changes
    expect(r.changed.sort()).toEqual(["地区生产总值 6% → 地区生产总值 6.5%", "地区生产总值 6.5% → 地区生产总值 7%"]);
    expect(r.unchanged).toEqual([]);
  });
  it("pairs by indicator when both are catalogued, whatever the wording", () => {
    const gdp = { id: "gdp.growth", name: "地区生产总值增速" };
    const r = diff([t("1", "经济", 6, "%", { indicator: gdp })], [t("3", "全市生产总值", 5, "%", { indicator: gdp })]);
    expect(r.changed).toEqual(["经济 6% → 全市生产总值 5%"]);
  });
  it("never pairs two different catalogued indicators, even with the same wording", () => {
    const r = diff(
      [t("1", "增加值", 6, "%", { indicator: { id: "industry.value-added", name: "规上工业增加值" } })],
      [t("1", "增加值", 5, "%", { indicator: { id: "services.value-added", name: "服务业增加值" } })],
    );
    expect(r.changed).toEqual([]);
    expect(r.added.length + r.removed.length).toBe(2);
  });
  it("an unchanged figure whose section moved is unchanged, not removed + added", () => {
    const d = diffPlans(
      makeDoc("o", secs, [t("2", "新增国家高新技术企业", 800, "家", { text: "新增国家高新技术企业800家" })]),
      makeDoc("n", secsMoved, [t("1", "新增国家高新技术企业", 800, "家", { text: "净增国家高新技术企业800家以上" })]),
    );
    expect(brief(d)).toEqual({ changed: [], unchanged: ["新增国家高新技术企业 800家"], added: [], removed: [] });
  });
  it("the same metric in an unrelated section with another figure and clause stays apart", () => {
    const r = diff(
      [t("2", "新建项目", 10, "个", { text: "新建科技项目10个" })],
      [t("3", "新建项目", 30, "个", { text: "完成民生工程新建项目30个" })],
    );
    expect(r.changed).toEqual([]);
  });
  it("junk metrics are skipped and counted, never reported", () => {
    const d = diffPlans(
      makeDoc("o", secs, [t("2", "77043元", 3.1, "%", { status: "achieved" })]),
      makeDoc("n", secs, [t("2", "82000元", 4, "%", { status: "achieved" })]),
    );
    expect(brief(d)).toEqual({ changed: [], unchanged: [], added: [], removed: [] });
    expect(d.targets.skipped).toEqual({ old: 1, new: 1 });
  });
});

describe("headline figures", () => {
  it.each([
    "今年经济社会发展的主要预期目标是：",
    "主要预期目标为：",
    "今年全市经济社会发展的主要目标是",
    "今年政府工作的主要目标为",
    "今年全省经济社会发展的主要指标是：",
  ])("announces the headline: %s", (s) => expect(HEADLINE_PARAGRAPH.test(s)).toBe(true));
  it.each([
    "2024年目标任务和重点工作",
    "主要目标任务",
    "实现“十四五”规划主要目标",
    "《纲要》提出经济社会发展的主要指标：",
    "二、2023年工作总体要求和主要目标",
    "省十一届人大三次会议确定的主要预期目标全面实现，",
    "主要预期目标任务圆满完成",
  ])("does not: %s", (s) =>
    expect(HEADLINE_PARAGRAPH.test(s)).toBe(false),
  );

  const text = "一、目标\n今年主要预期目标是：地区生产总值增长6%左右。\n二、产业\n新增企业100家。\n";
  const secs = outline(text);
  const at = (s: string) => text.indexOf(s);
  const gdp = t("1", "地区生产总值", 6, "%", { span: { start: at("地区"), end: at("地区") + 9, line: 2 } });
  const firms = t("2", "新增企业", 100, "家", { span: { start: at("新增"), end: at("新增") + 7, line: 4 } });

  it("falls back to the paragraph when no figure is marked", () => {
    expect([...headlineIds(makeDoc("d", secs, [gdp, firms]), text)]).toEqual([gdp.id]);
  });
  it("uses the marks when the document has them", () => {
    const marked = { ...firms, headline: true };
    expect([...headlineIds(makeDoc("d", secs, [gdp, marked]), text)]).toEqual([marked.id]);
  });
  it("headline changes come first; the result marks them", () => {
    const r = diffPlans(
      makeDoc("o", secs, [firms, gdp]),
      makeDoc("n", secs, [{ ...firms, value: 120 }, { ...gdp, value: 5 }]),
      { oldText: text, newText: text },
    );
    expect(r.targets.changed.map((c) => [c.metric, c.headline === true, c.new.headline === true])).toEqual([
      ["地区生产总值", true, true],
      ["新增企业", false, false],
    ]);
  });
});

describe("section matching survives the yearly rewriting", () => {
  const a = [
    "一、2023年工作回顾",
    "过去一年，经济运行回升向好。",
    "二、2024年重点工作",
    "(一)坚定不移深化改革开放。深化国资国企改革，优化营商环境，扩大高水平对外开放，稳外贸稳外资。",
    "(二)加快建设现代化产业体系。推进新型工业化，培育先进制造业集群，发展数字经济。",
    "(三)切实保障和改善民生。稳定和扩大就业，办好人民满意的教育，健全养老服务体系。",
    "(四)统筹发展和安全。防范化解重大风险，抓好安全生产，维护社会稳定。",
    "",
  ].join("\n");
  const b = [
    "一、2024年工作回顾",
    "过去一年，经济持续回升向好。",
    "二、2025年重点工作",
    "(一)以科技创新引领现代化产业体系建设。推进新型工业化，壮大先进制造业集群，做强数字经济。",
    "(二)持续深化改革开放，增强发展内生动力。深化国资国企改革，持续优化营商环境，稳外贸稳外资。",
    "(三)扎实推进乡村全面振兴。抓好粮食生产，建设宜居宜业和美乡村。",
    "(四)保障和改善民生。促进高质量充分就业，办好人民满意的教育，完善养老服务体系。",
    "(五)统筹高质量发展和高水平安全。防范化解重大风险，抓好安全生产，维护社会稳定。",
    "",
  ].join("\n");
  const r = diffPlans(makeDoc("a", outline(a)), makeDoc("b", outline(b)), { oldText: a, newText: b });
  const pairs = r.sections.matched.map((m) => `${m.old}→${m.new}`);

  it("rewritten titles with the same content pair (坚定不移深化改革开放 → 持续深化改革开放，增强发展内生动力)", () => {
    expect(pairs).toEqual(["1→1", "2→2", "2.1→2.2", "2.2→2.1", "2.3→2.4", "2.4→2.5"]);
    expect(r.sections.added).toEqual(["2.3"]);
    expect(r.sections.removed).toEqual([]);
  });
  it("a year in the title is not a new title; a section that swapped places is moved", () => {
    const m = (old: string) => r.sections.matched.find((x) => x.old === old);
    expect(m("1")?.titleChanged).toBe(false);
    expect(m("2.1")?.titleChanged).toBe(true);
    expect([m("2.1")?.moved, m("2.2")?.moved].filter(Boolean)).toHaveLength(1);
    expect(m("2.3")?.moved).toBeUndefined();
  });
  it("the same with bigrams only (no word segmentation)", () => {
    const rb = diffPlans(makeDoc("a", outline(a)), makeDoc("b", outline(b)), { oldText: a, newText: b, words: false });
    expect(rb.sections.matched.map((x) => `${x.old}→${x.new}`)).toEqual(pairs);
  });
});

describe("distinct heads name distinct indicators", () => {
  it.each([
    ["三次产业增加值", "文创产业增加值"],
    ["城镇居民人均可支配收入", "农村居民人均可支配收入"],
    ["城镇常住居民人均可支配收入", "农村常住居民人均可支配收入"],
    ["实际利用外资", "合同利用外资"],
    ["金融业增加值", "服务业增加值"],
  ])("%s ≠ %s", (a, b) => expect(distinctHeads(a, b)).toBe(true));
  it.each([
    ["规模以上工业增加值", "规上工业增加值"],
    ["地区生产总值", "本市生产总值"],
    ["全体居民人均可支配收入", "居民人均可支配收入"],
    ["公共财政收入", "公共财政预算收入"],
    ["城乡居民人均可支配收入", "城镇居民人均可支配收入"],
    ["建成高速公路", "新增高速公路"],
    ["单位生产总值能耗", "万元生产总值能耗"],
  ])("%s may be %s", (a, b) => expect(distinctHeads(a, b)).toBe(false));
});

describe("units", () => {
  const secs = outline("(一)投资。重大项目。\n");
  it("a figure in 万亿元 continues one in 亿元 (12976 亿元 → 1.4 万亿元)", () => {
    const o = [t("1", "重大项目完成投资", 12976, "亿元", { status: "achieved" })];
    const nw = [
      t("1", "重大项目完成投资", 1.4, "万亿元", { status: "achieved" }),
      t("1", "制造业重大项目完成投资", 2831, "亿元", { status: "achieved" }),
    ];
    const r = brief(diffPlans(makeDoc("o", secs, o), makeDoc("n", secs, nw)));
    expect(r.changed).toEqual(["重大项目完成投资 12976亿元(实) → 重大项目完成投资 1.4万亿元(实)"]);
  });
  it("万亿元 never pairs with a count or with 亿美元", () => {
    const o = [t("1", "实际使用外资", 152, "亿美元")];
    const r = brief(diffPlans(makeDoc("o", secs, o), makeDoc("n", secs, [t("1", "实际使用外资", 1.1, "万亿元")])));
    expect(r.changed).toEqual([]);
  });
});
