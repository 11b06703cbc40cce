import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { makeDoc } from "./helpers/outline.js";
import { comparePlans, metricSimilarity, normalizeMetric } from "../src/compare/index.js";
import type { CompareResult } from "../src/compare/types.js";
import { parsePlan } from "../src/index.js";
import { documentLabel, renderCompare } from "../src/render/compare.js";
import { displayWidth, stripAnsi } from "../src/render/width.js";
import type { Section, Target } from "../src/types.js";
import { schemaErrors, validateCompare } from "./helpers/schema.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fixture = (name: string) => readFileSync(join(root, "fixtures/compare", name), "utf8");
// looking for ANSI escapes on purpose
const ANSI = /\u001b\[/;

function section(id: string, title: string, topics: string[] | undefined, children: Section[] = []): Section {
  return {
    id,
    style: "hanzi-paren",
    number: Number(id.split(".").pop()),
    marker: `(${id})`,
    title,
    depth: id.split(".").length,
    ...(topics ? { topics } : {}),
    span: { start: 0, end: 0, line: 1 },
    children,
  };
}

let nextId = 0;
function target(
  sectionId: string | null,
  metric: string,
  value: number,
  unit: string,
  extra: Partial<Target> = {},
): Target {
  nextId++;
  return {
    id: `t${nextId}`,
    sectionId,
    text: `${metric}达到${value}${unit}`,
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

/** Two one-section documents on one topic, one target each: do they share a row? */
function sameRow(a: [string, string, Partial<Target>?], b: [string, string, Partial<Target>?]): boolean {
  const docA = makeDoc("a.txt", [section("1", "养老", ["养老服务"])], [target("1", a[0], 1, a[1], a[2])]);
  const docB = makeDoc("b.txt", [section("1", "养老", ["养老服务"])], [target("1", b[0], 2, b[1], b[2])]);
  const rows = comparePlans([docA, docB]).topics.find((t) => t.topic === "养老服务")?.rows ?? [];
  return rows.length === 1;
}

describe("metric alignment", () => {
  const cases: [string, [string, string, Partial<Target>?], [string, string, Partial<Target>?], boolean][] = [
    ["qualifier in front", ["护理型床位占比", "%"], ["养老机构护理型床位占比", "%"], true],
    ["synonym list", ["护理型养老床位占比", "%"], ["护理型床位占比", "%"], true],
    ["annual standard, money units", ["低保标准", "元"], ["低保年标准", "万元"], true],
    ["scope word 全市", ["全市老年助餐覆盖率", "%"], ["老年助餐覆盖率", "%"], true],
    [
      "scope word 各县(市、区)",
      ["各县(市、区)社会组织孵化基地覆盖率", "%"],
      ["社会组织孵化基地覆盖率", "%"],
      true,
    ],
    ["persons and person-times", ["养老护理员培训", "人次"], ["培训养老护理员", "名"], true],
    ["share vs count sharing 床位", ["护理型床位占比", "%"], ["养老床位数", "张"], false],
    ["share vs count, same words", ["护理型床位占比", "%"], ["护理型床位占比", "张"], false],
    ["two standards", ["低保标准", "元"], ["特困供养标准", "元"], false],
    [
      "station vs point",
      ["乡镇(街道)设立未成年人保护工作站覆盖率", "%"],
      ["村(社区)设立未成年人保护工作点覆盖率", "%"],
      false,
    ],
    ["generic tail 覆盖率", ["镇街覆盖率", "%"], ["老年助餐覆盖率", "%"], false],
    ["a sub-indicator (农村)", ["农村老年助餐覆盖率", "%"], ["老年助餐覆盖率", "%"], false],
    ["a sub-indicator (公办)", ["公办养老机构星级评定率", "%"], ["养老机构星级评定率", "%"], false],
    ["new(re)built vs new built", ["新(改)建日间照料站点", "个"], ["新建日间照料站点", "个"], true],
    ["level vs change", ["慈善组织数量", "%", { change: "increase" }], ["慈善组织数量", "%"], false],
    [
      "different denominators",
      ["床位数", "张", { per: "每万人" }],
      ["床位数", "张", { per: "每万老年人" }],
      false,
    ],
  ];
  it.each(cases)("%s", (_name, a, b, expected) => {
    expect(sameRow(a, b)).toBe(expected);
  });

  it.each([
    ["全市老年助餐覆盖率达", "老年助餐覆盖率"],
    ["各县（市、区）平均占比", "平均占比"],
    ["年内新增养老床位", "新增养老床位"],
    ["全", "全"],
  ])("normalizeMetric(%s) = %s", (raw, normal) => {
    expect(normalizeMetric(raw)).toBe(normal);
  });

  it("similarity is symmetric and 1 for synonyms", () => {
    expect(metricSimilarity("低保年标准", "低保标准")).toBe(1);
    expect(metricSimilarity("城市老年助餐覆盖率", "老年助餐覆盖率")).toBe(0);
    expect(metricSimilarity("城市老年助餐覆盖率", "老年助餐覆盖率", { containment: true })).toBe(0.9);
    expect(metricSimilarity("养老机构护理型床位占比", "护理型床位占比")).toBe(
      metricSimilarity("护理型床位占比", "养老机构护理型床位占比"),
    );
  });
});

describe("comparePlans: shape", () => {
  const a = makeDoc(
    "dir/a.txt",
    [
      section("1", "健全养老服务体系", ["养老服务"], [section("1.1", "增加供给", ["养老服务"])]),
      section("2", "社会救助", ["社会救助"]),
    ],
    [
      target("1.1", "护理型床位占比", 43, "%"),
      target("1.1", "新增养老床位", 4400, "张", { comparator: "=" }),
      target("2", "低保标准", 610, "元", { per: "每人每月" }),
      target(null, "研究成果", 2, "篇"),
    ],
    { region: "石家庄市", year: 2021, title: "A" },
  );
  const b = makeDoc(
    "b.txt",
    [section("1", "养老", ["养老服务"]), section("2", "殡葬", ["殡葬管理"])],
    [target("1", "养老机构护理型床位占比", 58, "%"), target("1", "养老机构护理型床位占比", 60, "%")],
    { region: "定海区", year: 2024 },
  );
  const result = comparePlans([a, b]);

  it("lists the documents", () => {
    expect(result.documents).toEqual([
      { path: "dir/a.txt", title: "A", region: "石家庄市", year: 2021, issuer: null },
      { path: "b.txt", title: null, region: "定海区", year: 2024, issuer: null },
    ]);
  });

  it("has blocks in taxonomy order, only for topics present, 其他 last (targets without a section)", () => {
    expect(result.topics.map((t) => t.topic)).toEqual(["社会救助", "养老服务", "殡葬管理", "其他"]);
  });

  it("lists each document's sections per topic", () => {
    const care = result.topics.find((t) => t.topic === "养老服务");
    expect(care?.sections).toEqual([["1", "1.1"], ["1"]]);
    expect(result.topics.find((t) => t.topic === "殡葬管理")?.sections).toEqual([[], ["2"]]);
  });

  it("aligns one indicator on one row, empty cells elsewhere, rows in both documents first", () => {
    const rows = result.topics.find((t) => t.topic === "养老服务")?.rows ?? [];
    expect(rows.map((r) => [r.metric, r.cells.map((c) => c.map((t) => t.value))])).toEqual([
      ["护理型床位占比", [[43], [58, 60]]],
      ["新增养老床位", [[4400], []]],
    ]);
  });

  it("validates against the compare schema", () => {
    expect(schemaErrors(validateCompare, result)).toEqual([]);
  });

  it("never puts two wordings of ONE document on a row by similarity", () => {
    const doc = makeDoc(
      "x.txt",
      [section("1", "养老", ["养老服务"])],
      [target("1", "护理型床位占比", 50, "%"), target("1", "养老机构护理型床位占比", 55, "%")],
    );
    // the synonym list makes these the same indicator even within one document ...
    expect(comparePlans([doc]).topics[0]?.rows.length).toBe(1);
    const doc2 = makeDoc(
      "y.txt",
      [section("1", "养老", ["养老服务"])],
      [target("1", "新(改)建日间照料站点", 50, "个"), target("1", "新建日间照料站点", 55, "个")],
    );
    // ... but wordings that are merely similar (they share a row across documents) are two rows in one
    expect(comparePlans([doc2]).topics[0]?.rows.map((r) => r.metric)).toEqual([
      "新(改)建日间照料站点",
      "新建日间照料站点",
    ]);
  });

  it("classifies sections of saved outputs without topics from their titles", () => {
    const old = makeDoc("old.json", [section("1", "加强社会组织监督管理", undefined)], []);
    const r = comparePlans([old]);
    expect(r.topics.map((t) => [t.topic, t.sections])).toEqual([["社会组织", [["1"]]]]);
    expect(old.sections[0]?.topics).toBeUndefined(); // the input is not mutated
  });

  it("row label: the most frequent wording, then the shortest spelling", () => {
    const docs = ["新(改)建日间照料站点", "全市新（改）建日间照料站点", "新建日间照料站点"].map((m, i) =>
      makeDoc(`${i}.txt`, [section("1", "养老", ["养老服务"])], [target("1", m, i, "个")]),
    );
    const rows = comparePlans(docs).topics[0]?.rows ?? [];
    expect(rows.map((r) => [r.metric, r.cells.map((c) => c.length)])).toEqual([
      ["新(改)建日间照料站点", [1, 1, 1]],
    ]);
  });
});

describe("comparePlans: a target in a section with several topics", () => {
  it("is listed under ONE topic: the first its own clause names, else its section's main topic", () => {
    const doc = makeDoc(
      "a.txt",
      [section("1", "民生", ["养老服务", "儿童福利"])],
      [
        target("1", "护理型床位占比", 58, "%", { text: "养老机构护理型床位占比达到58%" }),
        target("1", "儿童督导员", 100, "%", { text: "儿童督导员培训覆盖率100%" }),
        target("1", "培训人次", 3000, "人次", { text: "全年培训3000人次" }),
      ],
    );
    const result = comparePlans([doc]);
    const metricsOf = (topic: string): string[] =>
      (result.topics.find((t) => t.topic === topic)?.rows ?? []).map((r) => r.metric);
    expect(metricsOf("养老服务").sort()).toEqual(["培训人次", "护理型床位占比"].sort());
    // never shown twice: 培训人次 (no topic of its own) stays under the section's main topic only
    expect(metricsOf("儿童福利").sort()).toEqual(["儿童督导员"]);
  });
  it("in a section with three or more topics, a clause that names none goes to 其他", () => {
    const doc = makeDoc(
      "a.txt",
      [section("1", "民生", ["养老服务", "儿童福利", "社会救助"])],
      [
        target("1", "护理型床位占比", 58, "%", { text: "养老机构护理型床位占比达到58%" }),
        target("1", "培训人次", 3000, "人次", { text: "全年培训3000人次" }),
      ],
    );
    const rowsOf = (topic: string): string[] =>
      (comparePlans([doc]).topics.find((t) => t.topic === topic)?.rows ?? []).map((r) => r.metric);
    expect(rowsOf("养老服务")).toEqual(["护理型床位占比"]);
    expect(rowsOf("儿童福利")).toEqual([]);
    expect(rowsOf("其他")).toEqual(["培训人次"]);
  });
  it("never under a topic its section does not have", () => {
    const doc = makeDoc(
      "a.txt",
      [section("1", "养老", ["养老服务"])],
      [target("1", "低保标准", 800, "元", { text: "养老与低保标准衔接,低保标准达到800元" })],
    );
    const topics = comparePlans([doc]).topics.filter((t) => t.rows.length > 0).map((t) => t.topic);
    expect(topics).toEqual(["养老服务"]);
  });
});

describe("documentLabel", () => {
  it.each([
    [{ path: "a/石家庄.txt", title: null, region: "石家庄市", year: 2021 }, "石家庄市 2021"],
    [{ path: "plans/seed-002.txt", title: null, region: null, year: 2020 }, "seed-002.txt (2020)"],
    [{ path: "fixtures/plans/district-2020/input.txt", title: null, region: null, year: null }, "district-2020/input.txt"],
  ])("labels %j as %s", (ref, label) => {
    expect(documentLabel(ref)).toBe(label);
  });
});

describe("renderCompare", () => {
  const docs = [
    makeDoc("a.txt", [section("1", "养老服务", ["养老服务"])], [target("1", "护理型床位占比", 43, "%")], {
      region: "石家庄市",
      year: 2021,
    }),
    makeDoc(
      "b.txt",
      [section("1", "养老服务", ["养老服务"])],
      [target("1", "养老机构护理型床位占比", 58, "%")],
      {
        region: "定海区",
        year: 2024,
      },
    ),
  ];
  const result: CompareResult = comparePlans(docs);

  it("table: labelled columns, no colour codes without colour, every table line equally wide", () => {
    const out = renderCompare(result, "table", { color: false, width: 80 });
    expect(ANSI.test(out)).toBe(false);
    expect(out).toContain("■ 养老服务");
    expect(out).toContain("石家庄市 2021");
    expect(out).toContain("≥ 58 %");
    const tableLines = out.split("\n").filter((l) => /^[│┌├└]/.test(l));
    expect(tableLines.length).toBeGreaterThan(3);
    expect(new Set(tableLines.map(displayWidth)).size).toBe(1);
    expect(Math.max(...out.split("\n").map(displayWidth))).toBeLessThanOrEqual(80);
  });

  it("table: colour codes only when asked", () => {
    const out = renderCompare(result, "table", { color: true, width: 80 });
    expect(ANSI.test(out)).toBe(true);
    expect(stripAnsi(out)).toBe(renderCompare(result, "table", { color: false, width: 80 }));
  });

  it("md: one heading and one table per topic", () => {
    const out = renderCompare(result, "md", { color: false });
    expect(out).toContain("## 养老服务");
    expect(out).toContain("| 指标 metric | 石家庄市 2021 | 定海区 2024 |");
    expect(out).toContain("| 护理型床位占比 | ≥ 43 % | ≥ 58 % |");
  });

  it("csv: topic, metric, one column per document", () => {
    const rows = parseCsv(renderCompare(result, "csv", { color: false }), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toEqual([
      { topic: "养老服务", metric: "护理型床位占比", "石家庄市 2021": "≥ 43 %", "定海区 2024": "≥ 58 %" },
    ]);
  });

  it("json: the result as is", () => {
    expect(JSON.parse(renderCompare(result, "json", { color: true }))).toEqual(result);
  });
});

describe("real plans", () => {
  it("Shijiazhuang 2021 and Dinghai 2024: 护理型床位占比 43% and 养老机构护理型床位占比 58% share a row", () => {
    const docs = ["shijiazhuang-2021.txt", "dinghai-2024.txt"].map((n) => parsePlan(fixture(n), { path: n }));
    expect(docs.map((d) => d.targets.length > 0)).toEqual([true, true]);
    const result = comparePlans(docs);
    expect(schemaErrors(validateCompare, result)).toEqual([]);
    const care = result.topics.find((t) => t.topic === "养老服务");
    expect(care?.sections.every((ids) => ids.length > 0)).toBe(true);
    const row = care?.rows.find((r) => r.metric === "护理型床位占比");
    expect(row?.cells.map((c) => c.map((t) => `${t.value}${t.unit}`))).toEqual([["43%"], ["58%"]]);
    // topics found in both
    const both = result.topics.filter((t) => t.sections.every((ids) => ids.length > 0)).map((t) => t.topic);
    expect(both).toEqual(
      expect.arrayContaining(["党的建设", "社会救助", "养老服务", "儿童福利", "残疾人福利", "社会组织"]),
    );
    // no row mixes a share and a count
    for (const block of result.topics) {
      for (const r of block.rows) {
        const units = new Set(r.cells.flat().map((t) => (t.unit === "%" ? "%" : "other")));
        expect(units.size, `${block.topic}/${r.metric}`).toBe(1);
      }
    }
  });

  const seeds = join(root, "../shared/seeds");
  it.skipIf(!existsSync(seeds))("all five shared seeds (skipped without ../shared)", () => {
    const names = readdirSync(seeds)
      .filter((n) => n.endsWith(".txt"))
      .sort();
    expect(names.length).toBe(5);
    const docs = names.map((n) => parsePlan(readFileSync(join(seeds, n)), { path: n }));
    const t0 = performance.now();
    const result = comparePlans(docs);
    expect(performance.now() - t0).toBeLessThan(1000);
    const row = (topic: string, metric: string) =>
      result.topics.find((t) => t.topic === topic)?.rows.find((r) => r.metric === metric);
    const figures = (r: ReturnType<typeof row>) => r?.cells.map((c) => c.map((t) => `${t.value}${t.unit}`));
    // 000 none, 001 石家庄 43%, 002 summary-plan 55%, 003 泰安 60%, 004 定海 58%
    expect(figures(row("养老服务", "护理型床位占比"))).toEqual([[], ["43%"], ["55%"], ["60%"], ["58%"]]);
    // 低保标准: the district's monthly 610元 and Dinghai's annual 1.36万元
    expect(figures(row("社会救助", "最低生活保障标准（城乡未分）"))).toEqual([[], [], ["610元"], [], ["1.36万元"]]);
    // different indicators sharing words stay apart
    expect(row("养老服务", "养老床位")?.cells[1]?.map((t) => t.value)).toContain(4400);
    expect(row("养老服务", "新增护理型床位")?.cells[3]?.map((t) => t.value)).toEqual([2000]);
  });
});
