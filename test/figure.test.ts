/**
 * The shared value/label helpers (src/render/figure.ts, labels.ts) and Excel-mode CSV cells
 * (src/render/csv.ts): how a figure, a document and a cell read in every view.
 */
import { describe, expect, it } from "vitest";
import { csvField, csvRow, excelText } from "../src/render/csv.js";
import { figureWithStatus, formatFigure, formatNumber, statedAsLevel } from "../src/render/figure.js";
import { documentLabel, documentLabels, labelsByPath } from "../src/render/labels.js";
import { renderOptions } from "../src/render/options.js";
import { type ColumnSpec, renderTable } from "../src/render/table.js";

describe("formatFigure", () => {
  it.each([
    // a change reads the way the text states it: direction, bound, magnitude
    [{ comparator: ">=", value: 3, unit: "%", change: "decrease" }, "↓ ≥ 3 %"], // 下降3%以上
    [{ comparator: "<=", value: 2, unit: "%", change: "decrease" }, "↓ ≤ 2 %"], // 下降不超过2%
    [{ comparator: "=", value: 10, unit: "%", change: "increase" }, "↑ 10 %"], // 增长10%
    [{ comparator: "~", value: 1.6, unit: "个百分点", change: "increase" }, "↑ ≈ 1.6 个百分点"],
    [{ comparator: ">=", value: 100, unit: "元", change: "increase" }, "↑ ≥ 100 元"], // 增加100元以上
    // a level never gets a sign
    [{ comparator: "~", value: 4.4, unit: "万亿元" }, "≈ 4.4 万亿元"], // 约4.4万亿元
    [{ comparator: ">=", value: 58, unit: "%" }, "≥ 58 %"],
    [{ comparator: "=", value: 735, unit: "亿元", change: null }, "735 亿元"],
    [{ comparator: "range", value: 5, valueMax: 5.5, unit: "%", change: "increase" }, "↑ 5–5.5 %"],
    [{ comparator: ">=", value: 17, unit: "张", per: "每万人" }, "每万人 ≥ 17 张"],
    [{ comparator: "=", value: 12, unit: "" }, "12"],
  ] as const)("%j → %j", (t, out) => {
    expect(formatFigure(t)).toBe(out);
  });

  it("never writes a minus sign for a change (≥ −3 % would read as a fall of at most 3 %)", () => {
    const text = formatFigure({ comparator: ">=", value: 3, unit: "%", change: "decrease" });
    expect(text).not.toMatch(/[−-]/);
  });

  it("marks achieved figures (实) and leaves targets alone", () => {
    expect(figureWithStatus({ comparator: "~", value: 4.4, unit: "万亿元", status: "achieved" })).toBe(
      "≈ 4.4 万亿元 (实)",
    );
    expect(figureWithStatus({ comparator: "=", value: 1, unit: "个", status: "target" })).toBe("1 个");
  });

  it.each([
    [0.1 + 0.2, "0.3"],
    [4.4, "4.4"],
    [1e-7, "0.0000001"],
    [1e22, "10000000000000000000000"],
    [-3, "-3"],
  ])("number %s → %s", (n, out) => {
    expect(formatNumber(n)).toBe(out);
  });
});

describe("a level stated after a change has no sign", () => {
  // examples: the figure after 达到/突破/提高到… is where the quantity ends up
  it.each([
    ["地区生产总值年均增长7.1%、达到1.77万亿元", 1.77, "万亿元"],
    ["企业退休人员基本养老金月人均增加173元、达到1288元", 1288, "元"],
    ["增加值占全市经济比重提高到48.1%", 48.1, "%"],
    ["全疆地区生产总值同比增长6.1%、突破2万亿元大关", 2, "万亿元"],
    ["高新技术企业增长11.5%、达1.45万家", 1.45, "万家"],
    ["城镇化率提高1.3个百分点、达到44.49%", 44.49, "%"],
  ])("%s: %s %s is a level", (text, value, unit) => {
    expect(statedAsLevel({ text, value, unit })).toBe(true);
    expect(formatFigure({ comparator: ">=", value, unit, change: "increase", text })).not.toMatch(/[↑↓]/);
  });

  // counterexamples: the change itself, a rate that reaches a value, a bound on a rise
  it.each([
    ["企业退休人员基本养老金月人均增加173元、达到1288元", 173, "元"],
    ["地区生产总值年均增长7.1%、达到1.77万亿元", 7.1, "%"],
    ["脱贫人口和监测对象收入增幅达到16.9%", 16.9, "%"],
    ["居民消费价格总水平上涨控制在3%以内", 3, "%"],
    ["规模以上工业增加值增长超过10%", 10, "%"],
    ["城镇居民人均可支配收入增长6%", 6, "%"],
    ["总数突破1万户、三年翻一番", 1, "番"],
    ["财政收入达到11288亿元，增长1288元", 1288, "元"],
  ])("%s: %s %s stays a change", (text, value, unit) => {
    expect(statedAsLevel({ text, value, unit })).toBe(false);
    expect(formatFigure({ comparator: "=", value, unit, change: "increase", text })).toMatch(/^↑/);
  });
});

describe("document labels", () => {
  it("region + year, else the file name", () => {
    expect(documentLabel({ path: "a/湖北省/2024.md", region: "湖北省", year: 2024 })).toBe("湖北省 2024");
    expect(documentLabel({ path: "a/x/input.txt", region: null, year: 2024 })).toBe("x/input.txt (2024)");
    expect(documentLabel({ path: "-", region: null, year: null })).toBe("<stdin>");
  });

  it("two reports one character apart in their paths get different labels", () => {
    const labels = documentLabels([
      { path: "/data/reports/湖北省/2024.md", region: "湖北省", year: 2024 },
      { path: "/data/reports/湖南省/2024.md", region: "湖南省", year: 2024 },
    ]);
    expect(labels).toEqual(["湖北省 2024", "湖南省 2024"]);
  });

  it("documents sharing a label are told apart by file name, then by path", () => {
    expect(
      documentLabels([
        { path: "a/2024-plan.txt", region: "定海区", year: 2024 },
        { path: "a/2024-report.txt", region: "定海区", year: 2024 },
      ]),
    ).toEqual(["定海区 2024 [2024-plan.txt]", "定海区 2024 [2024-report.txt]"]);
    const same = documentLabels([
      { path: "湖北省/2024.md", region: null, year: 2024 },
      { path: "湖南省/2024.md", region: null, year: 2024 },
    ]);
    expect(new Set(same).size).toBe(2);
  });

  it("labels rows by path, once per document", () => {
    const m = labelsByPath([
      { path: "a.txt", region: "甲市", year: 2023 },
      { path: "a.txt", region: "甲市", year: 2023 },
      { path: "b.txt", region: "乙市", year: 2023 },
    ]);
    expect([...m.values()]).toEqual(["甲市 2023", "乙市 2023"]);
  });
});

describe("labels in tables are never cut into lookalikes", () => {
  type Row = { metric: string; a: string; b: string };
  const columns: ColumnSpec<Row>[] = [
    { header: "指标 metric", value: (r) => r.metric, flex: 2, min: 8, max: 12, whole: true },
    { header: "湖北省 2024 [2024-plan.txt]", value: (r) => r.a, flex: 1, min: 6 },
    { header: "湖北省 2024 [2024-report.txt]", value: (r) => r.b, flex: 1, min: 6 },
  ];
  const rows: Row[] = [
    { metric: "地区生产总值（%）", a: "↑ 6 %", b: "—" },
    { metric: "地区生产总值（亿元）", a: "—", b: "≈ 4.4 万亿元" },
    { metric: "地区生产总值", a: "—", b: "—" },
  ];
  const table = renderTable(columns, rows, renderOptions({ width: 44 }));
  const lines = table.split("\n").filter((l) => l.startsWith("│"));
  const firstCells = lines.map((l) => (l.split("│")[1] ?? "").trim());

  it("a whole column wraps a long label onto more lines instead of cutting it", () => {
    expect(table).not.toContain("…│");
    expect(firstCells.join("")).toContain("地区生产总值（亿元）");
    expect(firstCells.join("")).toContain("地区生产总值（%）");
  });

  it("headers wrap onto a second line before they are cut", () => {
    const header = lines.slice(0, 2).map((l) => l.split("│").map((c) => c.trim()));
    expect(`${header[0]?.[2]}${header[1]?.[2]}`).not.toBe(`${header[0]?.[3]}${header[1]?.[3]}`);
  });
});

describe("Excel mode cells", () => {
  it.each([
    ["=", '="="'],
    ["+1", '="+1"'],
    ["-5%", '="-5%"'],
    ["@SUM(A1)", '="@SUM(A1)"'],
    ['=HYPERLINK("http://x")', '="=HYPERLINK(""http://x"")"'],
    ["2.10", '="2.10"'],
    ["3.2.1", '="3.2.1"'],
    ["1", '="1"'],
  ])("%j → %j", (text, out) => {
    expect(excelText(text)).toBe(out);
  });

  it.each(["≥ 60 %", "养老床位", ">=", "2024-06-30", "a=b", ""])("%j stays as it is", (text) => {
    expect(excelText(text)).toBe(text);
  });

  it("long formula-like text gets an apostrophe (Excel's formula strings stop at 255 characters)", () => {
    const long = `=${"很".repeat(300)}`;
    expect(excelText(long)).toBe(`'${long}`);
  });

  it("quotes the protected cell for CSV and keeps numbers numbers", () => {
    expect(csvField("=", true)).toBe('"=""="""');
    expect(csvField(-3, true)).toBe("-3");
    expect(csvField("=", false)).toBe("=");
    expect(csvRow(["2.10", 2.1, "≥ 3 %"], true)).toBe('"=""2.10""",2.1,≥ 3 %\r\n');
  });
});
