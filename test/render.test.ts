import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  compareDeadlineRows,
  compareTargetRows,
  csvField,
  deadlineRows,
  displayWidth,
  formatFigure,
  jsonArray,
  renderCsv,
  renderDeadlinesTable,
  renderJson,
  renderJsonLine,
  renderMarkdown,
  renderOptions,
  renderOutline,
  renderSummaryTable,
  renderTargetsTable,
  stripAnsi,
  summaryRow,
  TARGET_COLUMNS,
  targetRows,
  truncate,
  truncateStart,
  wrap,
} from "../src/render/index.js";
import type { Deadline, PlanDocument, Section, Target } from "../src/types.js";

const span = (line: number) => ({ start: line * 10, end: line * 10 + 5, line });

function section(
  id: string,
  marker: string,
  title: string,
  children: Section[] = [],
  topics?: string[],
): Section {
  const depth = id.split(".").length;
  return {
    id,
    style: depth === 1 ? "hanzi" : "hanzi-paren",
    number: Number(id.split(".").pop()),
    marker,
    title,
    depth,
    span: span(depth),
    children,
    ...(topics ? { topics } : {}),
  };
}

function target(id: string, sectionId: string | null, over: Partial<Target> = {}): Target {
  return {
    id,
    sectionId,
    text: "养老机构护理型床位占比达到60%以上",
    metric: "养老机构护理型床位占比",
    comparator: ">=",
    value: 60,
    unit: "%",
    status: "target",
    span: span(3),
    pattern: "target-percent",
    confidence: 0.9,
    ...over,
  };
}

function deadline(
  id: string,
  sectionId: string | null,
  date: string | null,
  text: string,
  status?: "target" | "achieved",
): Deadline {
  return {
    id,
    sectionId,
    text,
    date,
    kind: date ? "by" : "recurring",
    ...(status ? { status } : {}),
    span: span(4),
    pattern: "deadline-by",
  };
}

/** A synthetic document with CJK text, a pipe, a quote, a comma and a line break in its fields. */
function synthetic(path = "plans/定海区2024.txt"): PlanDocument {
  return {
    schemaVersion: 1,
    source: { path, encoding: "utf8", bytes: 1234, sha256: "ab".repeat(32) },
    meta: {
      title: "定海区民政局2024年工作计划",
      issuer: "定海区民政局",
      region: "定海区",
      province: "浙江省",
      year: 2024,
      kind: "plan",
      published: "2024-05-27",
    },
    sections: [
      section("1", "一、", "主要任务", [
        section(
          "1.1",
          "(一)",
          "聚力提升养老服务水平，这是一个很长很长很长很长很长很长很长很长的标题",
          [],
          ["养老服务"],
        ),
        section("1.2", "(二)", "强化 | 社会救助", [], ["社会救助"]),
      ]),
      section("2", "二、", "工作保障"),
    ],
    targets: [
      target("t1", "1.1", { deadline: "2024-09-30" }),
      target("t2", "1.2", {
        metric: '低保"年标准",城乡',
        text: "低保年标准达到1.36万元以上，\n另起一行",
        value: 1.36,
        unit: "万元",
      }),
      target("t3", "1.1", { comparator: "range", value: 1, valueMax: 2, unit: "家", metric: "新增慈善组织" }),
      target("t4", null, {
        status: "achieved",
        value: 42,
        unit: "户",
        comparator: "=",
        metric: "改善居住环境",
      }),
    ],
    deadlines: [
      deadline("d1", "1.1", "2024-09-30", "9月底前", "target"),
      deadline("d2", "1.2", null, "每月"), // saved by a version without deadline status
      deadline("d3", "2", "2024-06-30", "6月底前", "achieved"),
    ],
    warnings: [{ code: "numbering-gap", message: "一、 then 三、", line: 12 }],
  };
}

describe("display width", () => {
  it.each([
    ["abc", 3],
    ["民政", 4],
    ["１２％", 6],
    ["（一）", 6],
    ["\u001b[31m红\u001b[39m", 2],
    ["e\u0301", 1],
    ["𠀀", 2],
    ["", 0],
  ])("%j is %i columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it.each([
    ["民政工作要点", 7, "民政工…"],
    ["民政工作要点", 12, "民政工作要点"],
    ["abcdef", 4, "abc…"],
    ["abc", 0, ""],
  ])("truncate(%j, %i) = %j", (text, max, out) => {
    expect(truncate(text, max)).toBe(out);
    expect(displayWidth(truncate(text, max))).toBeLessThanOrEqual(max);
  });

  it.each([
    ["fixtures/cli/plans/seed-004.txt", 12, "…eed-004.txt"],
    ["定海区民政局.txt", 9, "…政局.txt"],
    ["定海区民政局.txt", 8, "…局.txt"],
  ])("truncateStart(%j, %i) keeps the end", (text, max, out) => {
    expect(truncateStart(text, max)).toBe(out);
  });

  it.each([
    ["养老机构护理型床位占比达到60%", 8, 3],
    ["abcdefghij", 4, 2],
  ])("wrap(%j, %i) never exceeds the width, keeps at most %i lines", (text, max, maxLines) => {
    const lines = wrap(text, max, maxLines);
    expect(lines.length).toBeLessThanOrEqual(maxLines);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(max);
  });

  it.each([
    ["每人每月 610 元 (实)", 18, ["每人每月 610 元", "(实)"]],
    ["574 人次 (实); 8659 人 (实)", 20, ["574 人次 (实); 8659", "人 (实)"]],
    ["养老机构护理型床位占比", 8, ["养老机构", "护理型床", "位占比"]],
    ["a bcdefghij", 6, ["a bcde", "fghij"]],
  ])("wrap(%j, %i) breaks at a space when there is one → %j", (text, max, out) => {
    expect(wrap(text, max)).toEqual(out);
  });
});

describe("csv", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r", '"cr\r"'],
    [null, ""],
    [1.5, "1.5"],
  ])("field %j → %j", (value, out) => {
    expect(csvField(value)).toBe(out);
  });

  it("round-trips targets through a real CSV parser, CRLF line ends, optional BOM", () => {
    const rows = targetRows(synthetic());
    for (const bom of [false, true]) {
      const text = renderCsv(rows, TARGET_COLUMNS, bom);
      expect(text.startsWith("\ufeff")).toBe(bom);
      expect(text.endsWith("\r\n")).toBe(true);
      const records = parseCsv(text, { bom: true }) as string[][];
      expect(records).toHaveLength(rows.length + 1);
      expect(records[0]).toEqual([...TARGET_COLUMNS]);
      expect(records[2]?.[TARGET_COLUMNS.indexOf("metric")]).toBe('低保"年标准",城乡');
      expect(records[2]?.[TARGET_COLUMNS.indexOf("text")]).toBe("低保年标准达到1.36万元以上，\n另起一行");
      expect(records[3]?.[TARGET_COLUMNS.indexOf("valueMax")]).toBe("2");
    }
  });
});

describe("json and jsonl", () => {
  it.each([0, 1, 3])("a streamed array of %i documents equals renderJson of the array", (n) => {
    const docs = Array.from({ length: n }, (_, i) => synthetic(`p${i}.txt`));
    const streamed =
      jsonArray.open() + docs.map((d, i) => jsonArray.item(d, i)).join("") + jsonArray.close(n);
    expect(streamed).toBe(renderJson(docs));
    expect(JSON.parse(streamed)).toEqual(docs);
  });

  it("jsonl is one line per value, even with line breaks in fields", () => {
    const line = renderJsonLine(synthetic());
    expect(line.split("\n")).toHaveLength(2);
    expect(JSON.parse(line)).toEqual(synthetic());
  });
});

describe("table", () => {
  const docs = [
    synthetic(),
    synthetic("a/very/long/path/to/somewhere/石家庄市民政局2021年工作要点（全文）.txt"),
  ];
  const cases = [
    [
      "summary",
      (w: number, color: boolean) =>
        renderSummaryTable(docs.map(summaryRow), renderOptions({ width: w, color })),
    ],
    [
      "targets",
      (w: number, color: boolean) =>
        renderTargetsTable(targetRows(docs[0] as PlanDocument), renderOptions({ width: w, color })),
    ],
    [
      "deadlines (debug)",
      (w: number, color: boolean) =>
        renderDeadlinesTable(
          deadlineRows(docs[0] as PlanDocument),
          renderOptions({ width: w, color, debug: true }),
        ),
    ],
  ] as const;

  for (const [name, render] of cases) {
    it.each([60, 80, 120, 200])(
      `${name}: every line has the same display width, within %i columns`,
      (width) => {
        for (const color of [false, true]) {
          const lines = stripAnsi(render(width, color)).trimEnd().split("\n");
          const widths = new Set(lines.map(displayWidth));
          expect(widths.size).toBe(1);
          const [w] = [...widths];
          if (width >= 80) expect(w).toBeLessThanOrEqual(width);
        }
      },
    );

    it(`${name}: colour codes only when asked`, () => {
      expect(render(100, false)).not.toContain("\u001b[");
      expect(render(100, true)).toContain("\u001b[");
    });
  }

  it("summary rows count nested sections", () => {
    expect(summaryRow(synthetic())).toMatchObject({
      sections: 4,
      targets: 4,
      deadlines: 3,
      warnings: 1,
      region: "定海区",
    });
  });
});

describe("rows", () => {
  it("a deadline binds the targets with its date in its section, else names its section", () => {
    const rows = deadlineRows(synthetic());
    expect(rows.map((r) => [r.id, r.binds, r.bindsTargets])).toEqual([
      ["d1", "养老机构护理型床位占比", ["t1"]],
      ["d2", "强化 | 社会救助", []],
      ["d3", "工作保障", []],
    ]);
  });

  it("deadlines sort by date, undated last", () => {
    expect([...deadlineRows(synthetic())].sort(compareDeadlineRows).map((r) => r.id)).toEqual([
      "d3",
      "d1",
      "d2",
    ]);
  });

  it.each([
    ["value", ["t3", "t2", "t4", "t1"]],
    ["deadline", ["t1", "t2", "t3", "t4"]],
    ["file", ["t1", "t2", "t3", "t4"]],
  ] as const)("targets --sort %s", (sort, ids) => {
    const rows = [...targetRows(synthetic())].sort(compareTargetRows(sort));
    expect(rows.map((r) => r.id)).toEqual(ids);
  });

  it.each([
    [{ comparator: ">=", value: 60, unit: "%" }, "≥ 60 %"],
    [{ comparator: "range", value: 1, valueMax: 2, unit: "家" }, "1–2 家"],
    [{ comparator: "=", value: 10, unit: "%", change: "increase" }, "↑ 10 %"],
    [{ comparator: ">=", value: 3, unit: "%", change: "decrease" }, "↓ ≥ 3 %"],
    [{ comparator: "~", value: 3, unit: "万元" }, "≈ 3 万元"],
    [{ comparator: ">=", value: 24.5, unit: "人", per: "每万老年人" }, "每万老年人 ≥ 24.5 人"],
  ] as const)("figure %j → %j", (t, out) => {
    expect(formatFigure(t)).toBe(out);
  });
});

describe("outline", () => {
  it("shows markers, titles and each figure under its own section", () => {
    const text = renderOutline(synthetic(), renderOptions({ width: 200 }));
    const lines = text.split("\n");
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(at("一、主要任务")).toBeGreaterThan(0);
    expect(at("(一)聚力提升养老服务水平")).toBeGreaterThan(at("一、主要任务"));
    expect(at("养老机构护理型床位占比 ≥ 60 %")).toBeGreaterThan(at("(一)聚力"));
    expect(at("养老机构护理型床位占比 ≥ 60 %")).toBeLessThan(at("(二)强化"));
    expect(at("改善居住环境 42 户 achieved")).toBeLessThan(at("一、主要任务"));
    // a met deadline is marked like an achieved figure; one still ahead (or without status) is not
    expect(text).toContain("by 6月底前 achieved");
    expect(text).not.toContain("9月底前 achieved");
    expect(text).not.toContain("每月 achieved");
    expect(deadlineRows(synthetic()).map((r) => r.status)).toEqual(["target", null, "achieved"]);
    expect(text).toContain("numbering-gap L12");
    const doc = synthetic();
    const one = renderOutline({ ...doc, targets: doc.targets.slice(0, 1), deadlines: [] }, renderOptions({}));
    expect(one).toMatch(/ sections, 1 target, 0 deadlines\n/);
    expect(text).not.toContain("target-percent");
    expect(text).not.toContain("\u001b[");
  });

  it("with debug names the pattern of every figure; lines fit the width", () => {
    const text = renderOutline(synthetic(), renderOptions({ width: 40, debug: true, color: true }));
    expect(text).toContain("\u001b[");
    for (const l of stripAnsi(text).trimEnd().split("\n")) expect(displayWidth(l)).toBeLessThanOrEqual(40);
    expect(stripAnsi(renderOutline(synthetic(), renderOptions({ width: 300, debug: true })))).toContain(
      "[target-percent L3 0.90]",
    );
  });
});

describe("markdown", () => {
  it("has meta, outline, targets, deadlines and warnings, with pipes escaped in tables", () => {
    const md = renderMarkdown(synthetic());
    for (const heading of [
      "# 定海区民政局2024年工作计划",
      "## Outline",
      "## Targets (4)",
      "## Deadlines (3)",
      "## Warnings (1)",
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain("强化 \\| 社会救助");
    const tableLines = md.split("\n").filter((l) => l.startsWith("| "));
    const cols = (l: string) => l.replace(/\\\|/g, "").split("|").length;
    const targetHeader = tableLines[0] as string;
    for (const l of tableLines.slice(0, 6)) expect(cols(l)).toBe(cols(targetHeader));
  });
});
