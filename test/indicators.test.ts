import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  buildIndicatorMatcher,
  classifyTargets,
  DEFAULT_CATALOGUE,
  DEFAULT_TAXONOMY,
  headlineRegions,
  indicatorOf,
  indicatorUnitClass,
  matchIndicator,
  mergeCatalogue,
  parseCatalogue,
  qualifiersOf,
} from "../src/classify/index.js";
import { parsePlan } from "../src/index.js";
import type { Target } from "../src/types.js";
import taxGov from "../data/topics-gov-report.json" with { type: "json" };

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const matcher = buildIndicatorMatcher(DEFAULT_CATALOGUE);
const idOf = (pair: string): string | null => {
  const [metric, unit] = pair.split("|") as [string, string];
  return matchIndicator(metric, unit === "(无单位)" ? "" : unit, matcher)?.id ?? null;
};

describe("the indicator catalogue", () => {
  it("data/indicators.json (the --indicators FILE format) is the built-in module", () => {
    const json = JSON.parse(readFileSync(join(root, "data/indicators.json"), "utf8"));
    expect(parseCatalogue(json)).toEqual(DEFAULT_CATALOGUE);
  });

  it("every entry has a stable ASCII id, a name, unit classes, a topic, examples and counterexamples", () => {
    const ids = new Set<string>();
    for (const e of DEFAULT_CATALOGUE.indicators) {
      expect(e.id, e.id).toMatch(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/);
      expect(ids.has(e.id), `${e.id} twice`).toBe(false);
      ids.add(e.id);
      expect(e.name.length, e.id).toBeGreaterThan(0);
      expect(e.units.length, e.id).toBeGreaterThan(0);
      expect(e.topic.length, e.id).toBeGreaterThan(0);
      expect(e.examples.length, `${e.id} examples`).toBeGreaterThan(0);
      expect(e.counterexamples.length, `${e.id} counterexamples`).toBeGreaterThan(0);
    }
  });

  it("every example maps to its entry, no counterexample does", () => {
    const wrong: string[] = [];
    for (const e of DEFAULT_CATALOGUE.indicators) {
      for (const x of e.examples) if (idOf(x) !== e.id) wrong.push(`${e.id} example ${x} → ${idOf(x)}`);
      for (const x of e.counterexamples) if (idOf(x) === e.id) wrong.push(`${e.id} counterexample ${x}`);
    }
    expect(wrong).toEqual([]);
  });

  it("no phrasing maps to two indicators (for one unit class)", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of DEFAULT_CATALOGUE.indicators) {
      for (const p of e.phrasings) {
        for (const u of e.units) {
          const key = `${p}|${u}`;
          const other = seen.get(key);
          if (other && other !== e.id) clashes.push(`${key}: ${other} and ${e.id}`);
          seen.set(key, e.id);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it("every entry's topic is a topic of the built-in or the gov-report taxonomy", () => {
    const known = new Set([...DEFAULT_TAXONOMY.map((t) => t.topic), ...(taxGov as { topic: string }[]).map((t) => t.topic)]);
    for (const e of DEFAULT_CATALOGUE.indicators) expect(known.has(e.topic[0] as string), `${e.id}: ${e.topic[0]}`).toBe(true);
  });

  it("historical names are the same series; different measures are different indicators", () => {
    expect(idOf("农民人均纯收入|%")).toBe("income.rural.growth");
    expect(idOf("农村居民人均可支配收入|%")).toBe("income.rural.growth");
    for (const w of ["一般预算收入", "公共财政预算收入", "一般公共预算收入", "地方级财政收入"]) expect(idOf(`${w}|%`)).toBe("fiscal.general.growth");
    expect(idOf("财政总收入|%")).toBe("fiscal.total.growth");
    expect(idOf("地区生产总值|%")).toBe("gdp.growth");
    expect(idOf("地区生产总值|亿元")).toBe("gdp.level");
    expect(idOf("城镇调查失业率|%")).toBe("unemployment.surveyed");
    expect(idOf("城镇登记失业率|%")).toBe("unemployment.registered");
    expect(idOf("城镇居民人均可支配收入|%")).toBe("income.urban.growth");
    expect(idOf("居民人均可支配收入|%")).toBe("income.resident.growth");
  });

  it("no phrasing → null, never a guess", () => {
    expect(idOf("儿童督导员培训覆盖率|%")).toBeNull();
    expect(idOf("地区生产总值|张")).toBeNull();
    expect(indicatorUnitClass("千克每立方")).toBeNull();
  });

  it("--indicators FILE: a known id is replaced, a new one appended; bad files are refused", () => {
    const extra = parseCatalogue([{ id: "x.new", name: "新指标", phrasings: ["新指标"], units: ["percent"], topic: "经济运行" }]);
    const merged = mergeCatalogue(DEFAULT_CATALOGUE, extra);
    expect(merged.indicators.length).toBe(DEFAULT_CATALOGUE.indicators.length + 1);
    expect(matchIndicator("新指标", "%", buildIndicatorMatcher(merged))?.id).toBe("x.new");
    expect(() => parseCatalogue([{ id: "带中文", name: "x", phrasings: ["x"] }])).toThrow(/ASCII/);
    expect(() => parseCatalogue({})).toThrow(TypeError);
  });
});

describe("qualifiers", () => {
  it.each([
    ["地区生产总值", "地区生产总值年均", ["average-annual"]],
    ["城镇新增就业", "累计", ["cumulative"]],
    ["地区生产总值", "力争", ["stretch"]],
    ["一般公共预算收入", "同口径", ["same-basis"]],
    ["城镇居民人均可支配收入", "城镇居民人均可支配收入实际", ["real"]],
  ])("%s with %s → %j", (metric, lead, expected) => {
    expect(qualifiersOf(metric, lead)).toEqual(expected);
  });
  it.each([
    ["实际利用外资", "实际利用外资"],
    ["地区生产总值", "地区生产总值"],
    ["实际使用外资", "实际使用外资增长"],
  ])("counterexample: %s / %s → none", (metric, lead) => {
    expect(qualifiersOf(metric, lead)).toEqual([]);
  });
  it("增长5.5%左右，力争6%: two figures of one indicator, the second a stretch value", () => {
    const doc = parsePlan("今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，力争6%；城镇登记失业率控制在4.5%以内。\n");
    const gdp = doc.targets.filter((t) => t.indicator?.id === "gdp.growth");
    expect(gdp.map((t) => [t.value, t.qualifiers ?? []])).toEqual([
      [5.5, []],
      [6, ["stretch"]],
    ]);
    expect(doc.targets.every((t) => t.headline === true)).toBe(true);
  });
});

describe("headline paragraph", () => {
  it("an anchor of this year's targets starts a region; a review of a plan's does not", () => {
    const text = "提前一年实现了“十五”计划确定的主要预期目标。预计全省生产总值增长11%。\n今年全市经济社会发展的主要预期目标是：地区生产总值增长7%左右。下一步要抓好项目建设。另外一句增长9%。\n";
    const regions = headlineRegions(text);
    expect(regions.length).toBe(1);
    const [s, e] = regions[0] as [number, number];
    expect(text.slice(s, e)).toBe("主要预期目标是：地区生产总值增长7%左右。");
  });
  it("the next sentences of the paragraph belong to it while they hold figures", () => {
    const text = "今年主要预期目标是：实现85万贫困人口脱贫。在此基础上，生产总值增长6%。\n";
    const [[s, e]] = headlineRegions(text) as [[number, number]];
    expect(text.slice(s, e)).toContain("生产总值增长6%");
  });
  it("an anchor ending its line takes the list lines after it", () => {
    const text = "2024年主要预期目标是：\n1.地区生产总值增长6%；\n2.城镇新增就业5万人。\n二、重点工作\n";
    const [[s, e]] = headlineRegions(text) as [[number, number]];
    expect(text.slice(s, e)).toContain("城镇新增就业5万人");
    expect(text.slice(s, e)).not.toContain("重点工作");
  });
  it("figures outside the headline paragraph carry no headline flag", () => {
    const doc = parsePlan("过去一年，地区生产总值增长6%。\n今年的主要目标是：地区生产总值增长5%左右。\n");
    expect(doc.targets.map((t) => t.headline === true)).toEqual([false, true]);
  });
  it("按13%组织: the indicator named before the figure in the headline sentence", () => {
    const doc = parsePlan("今年主要预期目标是：生产总值增长10%，全社会固定资产投资按13%组织。\n");
    const last = doc.targets[doc.targets.length - 1] as Target;
    expect(last.value).toBe(13);
    expect(last.indicator?.id).toBe("investment.fixed.growth");
  });
  it("saved JSON without text keeps the saved headline flag and recomputes indicators", () => {
    const t = { metric: "地区生产总值", unit: "%", text: "地区生产总值增长6%", value: 6, headline: true, span: { start: 0, end: 2, line: 1 }, indicator: { id: "old", name: "旧" } } as unknown as Target;
    classifyTargets([t], null);
    expect(t.indicator?.id).toBe("gdp.growth");
    expect(t.headline).toBe(true);
  });
});

describe("schemas of the new fields", () => {
  it("a parsed report with indicators, qualifiers and headline validates; so do its compare rows and panels", async () => {
    const { validateDocument, validateCompare, validatePanel, schemaErrors } = await import("./helpers/schema.js");
    const { comparePlans } = await import("../src/index.js");
    const { panelRows, widePanel } = await import("../src/compare/panel.js");
    const doc = parsePlan("2024年主要预期目标是：地区生产总值增长5.5%左右，力争6%；城镇居民人均可支配收入实际增长6%。\n");
    expect(doc.targets.some((t) => t.indicator && t.qualifiers && t.headline)).toBe(true);
    expect(schemaErrors(validateDocument, JSON.parse(JSON.stringify(doc)))).toEqual([]);
    const cmp = comparePlans([doc, doc]);
    expect(schemaErrors(validateCompare, JSON.parse(JSON.stringify(cmp)))).toEqual([]);
    expect(schemaErrors(validatePanel, { schemaVersion: 1, rows: panelRows([doc]) })).toEqual([]);
    expect(schemaErrors(validatePanel, JSON.parse(JSON.stringify({ schemaVersion: 1, ...widePanel([doc]) })))).toEqual([]);
    const bad = JSON.parse(JSON.stringify(doc));
    bad.targets[0].indicator = { id: "不是ASCII", name: "x" };
    expect(schemaErrors(validateDocument, bad).length).toBeGreaterThan(0);
  });
});

describe("分别: one compound metric, several figures", () => {
  it.each([
    ["今年主要预期目标是：城乡居民人均可支配收入分别增长6.5%和7%。\n", ["income.urban.growth", "income.rural.growth"]],
    ["今年主要预期目标是：城镇调查失业率和城镇登记失业率分别控制在5.5%和4.5%以内。\n", ["unemployment.surveyed", "unemployment.registered"]],
  ])("%s", (text, ids) => {
    expect(parsePlan(text).targets.map((t) => t.indicator?.id)).toEqual(ids);
  });
  it("counterexample: without 分别 (均增长) the one series stays", () => {
    const doc = parsePlan("今年主要预期目标是：城乡居民人均可支配收入均增长6.5%。\n");
    expect(doc.targets.map((t) => t.indicator?.id)).toEqual(["income.resident.growth"]);
  });
});

describe("a per-population ratio is part of the measure", () => {
  const fig = (metric: string, unit: string, per?: string): Target =>
    ({ id: "t1", sectionId: null, text: metric, metric, comparator: "=", value: 1, unit, status: "target", span: { start: 0, end: 1, line: 1 }, pattern: "p", confidence: 1, ...(per ? { per } : {}) }) as Target;
  const id = (t: Target) => indicatorOf(t, matcher, false)?.id ?? null;
  it("每万人口 + 发明专利拥有量 is the ratio; without the per it is the total", () => {
    expect(id(fig("发明专利拥有量", "件", "每万人口"))).toBe("tech.patents");
    expect(id(fig("高价值发明专利量", "件", "每万人"))).toBe("tech.patents");
    expect(id(fig("国内有效发明专利拥有量", "万件"))).toBe("tech.patents.total");
    expect(id(fig("专利申请量", "件"))).toBe("tech.patents.total");
  });
  it("a ratio with no ratio entry is null, never the total (每千人 医疗卫生机构床位数)", () => {
    expect(id(fig("医疗卫生机构床位数", "张", "每千人"))).toBeNull();
    expect(id(fig("医疗卫生机构床位数", "张"))).toBe("health.beds");
    expect(id(fig("专利申请数", "件", "每10万人"))).toBeNull();
  });
  it("a per-person amount is not a population ratio (每人每月 低保标准)", () => {
    expect(id(fig("城市低保标准", "元", "每人每月"))).toBe("assistance.dibao.urban");
  });
});

