/**
 * Status (target / achieved) of the figures of government work reports, scored by PART:
 * fixtures/extract/reports/status.tsv gives, per report, the line ranges of the review part
 * (achieved), the plan part and the attachments of the coming year (target), read by hand.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanText } from "../src/clean/index.js";
import { headingStatus, statusParts } from "../src/extract/status.js";
import { parsePlan } from "../src/pipeline.js";
import type { DocumentKind } from "../src/types.js";

const REPORTS = path.resolve(__dirname, "../fixtures/extract/reports");

interface PartRow {
  file: string;
  part: string;
  from: number;
  to: number;
  expect: "target" | "achieved";
}

function readParts(): PartRow[] {
  const lines = readFileSync(path.join(REPORTS, "status.tsv"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const cols = (lines[0] as string).split("\t");
  return lines.slice(1).map((l) => {
    const c = l.split("\t");
    const get = (k: string) => c[cols.indexOf(k)] as string;
    const expected = get("expect");
    if (expected !== "target" && expected !== "achieved") throw new Error(`bad expect in ${l}`);
    return { file: get("file"), part: get("part"), from: Number(get("from")), to: Number(get("to")), expect: expected };
  });
}

describe("status by part of government work reports (fixtures/extract/reports/status.tsv)", () => {
  const rows = readParts();
  const files = [...new Set(rows.map((r) => r.file))];

  it("labels at least 5 reports, each with a review and a plan part", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const parts = new Set(rows.filter((r) => r.file === f).map((r) => r.part));
      expect(parts.has("review") && parts.has("plan"), f).toBe(true);
    }
  });

  it("status accuracy ≥ 0.90 on the review part, the plan part and the attachments", () => {
    const total = new Map<string, { ok: number; n: number }>();
    const report: string[] = [];
    const misses: string[] = [];
    for (const file of files) {
      const doc = parsePlan(readFileSync(path.join(REPORTS, file)));
      expect(doc.meta.kind, file).toBe("report");
      const mine = rows.filter((r) => r.file === file);
      const per = new Map<string, { ok: number; n: number }>();
      for (const t of doc.targets) {
        let row: PartRow | undefined;
        for (const r of mine) if (t.span.line >= r.from && t.span.line <= r.to) row = r;
        if (row === undefined) continue;
        for (const m of [per, total]) {
          const c = m.get(row.part) ?? { ok: 0, n: 0 };
          c.n++;
          if (t.status === row.expect) c.ok++;
          m.set(row.part, c);
        }
        if (t.status !== row.expect) misses.push(`${file} L${t.span.line} ${row.part} ${t.status} ${t.value}${t.unit} | ${t.text.slice(0, 40)}`);
      }
      report.push(`${file}: ${[...per].map(([p, c]) => `${p} ${c.ok}/${c.n}`).join(", ")}`);
    }
    console.log(`status by part\n  ${report.join("\n  ")}\n  total: ${[...total].map(([p, c]) => `${p} ${c.ok}/${c.n}`).join(", ")}`);
    if (process.env.STATUS_MISSES) console.log(misses.join("\n"));
    for (const [part, c] of total) expect(c.ok / c.n, part).toBeGreaterThanOrEqual(0.9);
  });
});

/** The status `statusParts(...).at` gives the sentence holding `needle` (null: the structure says nothing). */
function partAt(text: string, needle: string, kind: DocumentKind = "report", year: number | null = 2024) {
  const parts = statusParts(cleanText(text), [], { kind, year });
  const at = text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  const s = Math.max(text.lastIndexOf("。", at), text.lastIndexOf("\n", at)) + 1;
  return parts.at(at, () => text.slice(s, text.indexOf("。", at) + 1));
}

describe("statusParts: the parts of a document", () => {
  const report = [
    "各位代表：",
    "一、2023年工作回顾",
    "过去一年，全市地区生产总值增长5.5%，新增城镇就业5万人。",
    "二、2024年工作安排",
    "全市经济社会发展主要预期目标是：地区生产总值增长5%左右。",
    "新建农贸市场20个。",
    "去年，全市规模以上工业增加值增长6.1%。",
    "继续执行去年出台的减税政策，新增减税降费约50亿元。",
    "附件1",
    "2024年民生实事",
    "1.新建公共停车场200个。",
    "附件2",
    "名词解释",
    "1.三保：保基本民生、保工资、保运转，涉及10个部门。",
  ].join("\n");

  it("a report: review achieved, plan part and 民生实事 attachment target, a glossary says nothing", () => {
    expect(partAt(report, "5.5%")).toBe("achieved");
    expect(partAt(report, "5%左右")).toBe("target");
    expect(partAt(report, "20个")).toBe("target");
    expect(partAt(report, "200个")).toBe("target");
    expect(partAt(report, "10个部门")).toBe("target"); // after the plan part starts; the orchestrator skips back matter
  });

  it("a plan-part sentence that opens with 去年 reports a figure; 去年 as a modifier does not", () => {
    expect(partAt(report, "6.1%")).toBe("achieved");
    expect(partAt(report, "50亿元")).toBe("target");
  });

  it("without a heading, the first '今年是' / '2024年是' / '主要预期目标是' paragraph opens the plan part", () => {
    const text = "2023年是极不平凡的一年，全市完成投资300亿元。\n2024年是新中国成立75周年。全市新建学校12所。";
    expect(partAt(text, "300亿元")).toBe("achieved");
    expect(partAt(text, "12所")).toBe("target");
    const t2 = "过去一年，粮食产量600万吨。\n今年发展的主要预期目标是：粮食产量610万吨。";
    expect(partAt(t2, "600万吨")).toBe("achieved");
    expect(partAt(t2, "610万吨")).toBe("target");
  });

  it("an unnumbered bold part heading counts (**2017年主要目标和重点工作**)", () => {
    const text = "**2016年工作回顾**\n生产总值增长7.6%。\n**2017年主要目标和重点工作**\n生产总值增长7.5%。";
    expect(partAt(text, "7.6%", "report", 2017)).toBe("achieved");
    expect(partAt(text, "7.5%", "report", 2017)).toBe("target");
  });

  it("no plan part found: the structure says nothing (headings, kind and cues decide)", () => {
    expect(partAt("全市新建学校12所。", "12所")).toBeNull();
    expect(partAt(report, "5.5%", "summary")).toBeNull();
  });

  it("a plan or scheme: achieved only for a sentence that opens with an earlier year and says 已/累计/截至", () => {
    expect(partAt("截至2021年底，全市已建成养老机构120家。", "120家", "plan", 2022)).toBe("achieved");
    expect(partAt("到2025年，全市建成养老机构150家。", "150家", "plan", 2022)).toBeNull();
    expect(partAt("2022年全市新建养老机构10家。", "10家", "plan", 2022)).toBeNull();
  });
});

describe("headingStatus: what a heading says about tense", () => {
  it.each([
    ["上半年工作总结", "achieved"],
    ["2023年工作回顾", "achieved"],
    ["下半年工作计划", "target"],
    ["上半年工作总结和下半年工作计划", "target"],
    // 总结 as a task of the plan (a scheme's closing steps), not a review
    ["（三）总结经验做法", null],
    ["（四）开展评估总结", null],
    ["开展规划实施情况总结评估", null],
    ["总结推广试点经验", null],
  ] as const)("%s → %s", (title, expected) => {
    expect(headingStatus(title)).toBe(expected);
  });
});
