/**
 * Status (target / achieved) of the figures of government work reports, scored by PART:
 * fixtures/extract/reports/status.tsv gives, per report, the line ranges of the review part
 * (achieved), the plan part and the attachments of the coming year (target), read by hand.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlan } from "../src/pipeline.js";

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
