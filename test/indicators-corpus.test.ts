/**
 * Floors on the real reports (../shared; skipped without it): every headline figure names its
 * indicator; compare shows each indicator in one row and no figure twice; panel --wide gives
 * one row per report and one GDP growth column.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { comparePlans, parsePlan, type PlanDocument } from "../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const reports = join(root, "../shared/reports/docs");
const corpus = join(root, "../shared/corpus/docs");
const have = existsSync(reports) && existsSync(corpus);
const bin = join(root, "dist/bin/plan-parse.js");

function yearOf(name: string): number {
  const m = /(?:_|^)((?:19|20)\d\d)(?:_|\.)/.exec(name);
  return m ? Number(m[1]) : 0;
}

let cache: PlanDocument[] | null = null;
function documents(): PlanDocument[] {
  if (cache) return cache;
  const files = [
    ...readdirSync(reports).map((f) => join(reports, f)),
    ...readdirSync(corpus)
      .filter((f) => f.includes("gov_report"))
      .map((f) => join(corpus, f)),
  ].filter((f) => yearOf(f.split("/").pop() as string) >= 2000);
  cache = files.map((f) => parsePlan(readFileSync(f), { path: f }));
  return cache;
}

describe.skipIf(!have)("indicators on the real reports (skipped without ../shared)", () => {
  it("every headline figure of every report from 2000 on gets an indicator id", { timeout: 120_000 }, () => {
    const docs = documents();
    const headline = docs.flatMap((d) => d.targets.filter((t) => t.headline).map((t) => ({ d, t })));
    expect(headline.length).toBeGreaterThan(2500);
    const missing = headline.filter(({ t }) => !t.indicator).map(({ d, t }) => `${d.source.path}: ${t.metric} ${t.value}${t.unit}`);
    // what is left are extraction fragments ("%", "投入", "增速是稳中求进的目标") and one rank
    expect(missing.length, missing.join("\n")).toBeLessThanOrEqual(5);
    // and most reports have a headline paragraph at all
    const withHeadline = docs.filter((d) => d.targets.some((t) => t.headline)).length;
    expect(withHeadline / docs.length).toBeGreaterThan(0.9);
  });

  it("compare of the headline figures: one row per indicator, no figure twice, every figure shown", { timeout: 120_000 }, () => {
    const docs = documents().map((d) => ({ ...d, targets: d.targets.filter((t) => t.headline) }));
    const result = comparePlans(docs);
    const rowsOf = new Map<string, number>();
    const seen = new Set<string>();
    let shown = 0;
    for (const block of result.topics) {
      for (const row of block.rows) {
        const ids = new Set(row.cells.flat().map((t) => t.indicator?.id ?? null));
        expect(ids.size, `${block.topic}/${row.metric} mixes indicators`).toBe(1);
        if (row.indicator) rowsOf.set(row.indicator.id, (rowsOf.get(row.indicator.id) ?? 0) + 1);
        row.cells.forEach((cell, d) => {
          for (const t of cell) {
            const key = `${d}:${t.id}`;
            expect(seen.has(key), `${key} twice`).toBe(false);
            seen.add(key);
            shown++;
          }
        });
      }
    }
    expect([...rowsOf].filter(([, n]) => n > 1)).toEqual([]);
    expect(shown).toBe(docs.reduce((n, d) => n + d.targets.length, 0));
  });

  it("compare of the corpus reports (all figures): no figure twice, no indicator on two rows", { timeout: 120_000 }, () => {
    const docs = documents().filter((d) => (d.source.path ?? "").includes("gov_report"));
    const result = comparePlans(docs);
    const seen = new Set<string>();
    const rowsOf = new Map<string, number>();
    for (const block of result.topics) {
      for (const row of block.rows) {
        if (row.indicator) rowsOf.set(row.indicator.id, (rowsOf.get(row.indicator.id) ?? 0) + 1);
        row.cells.forEach((cell, d) => {
          for (const t of cell) {
            expect(seen.has(`${d}:${t.id}`)).toBe(false);
            seen.add(`${d}:${t.id}`);
          }
        });
      }
    }
    expect([...rowsOf].filter(([, n]) => n > 1)).toEqual([]);
    expect(seen.size).toBe(docs.reduce((n, d) => n + d.targets.length, 0));
  });

  it.skipIf(!existsSync(bin))("panel --wide over the corpus reports: one row per report, one GDP growth column", () => {
    const files = readdirSync(corpus)
      .filter((f) => f.endsWith("_gov_report.txt"))
      .map((f) => join(corpus, f));
    const out = execFileSync(process.execPath, [bin, "panel", ...files, "--wide", "--format", "json", "-q"], { encoding: "utf8" });
    const panel = JSON.parse(out) as { indicators: { id: string }[]; rows: { values: Record<string, unknown> }[] };
    expect(panel.rows.length).toBe(files.length);
    expect(panel.indicators.filter((i) => i.id === "gdp.growth").length).toBe(1);
    expect(panel.indicators.filter((i) => i.id.startsWith("gdp.growth")).length).toBe(1);
    const withGdp = panel.rows.filter((r) => r.values["gdp.growth"] !== undefined).length;
    expect(withGdp).toBeGreaterThanOrEqual(files.length - 2);
  });
});
