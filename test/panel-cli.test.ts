/** panel, compare --status/--indicator and saved JSON, driven through the built CLI. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/bin/plan-parse.js");
const REPORTS = ["binzhou-2024-report", "guowuyuan-2017-report-wikisource"].map((n) => join(ROOT, "fixtures/plans", n, "input.txt"));
const tmp = mkdtempSync(join(tmpdir(), "plan-parse-panel-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, "-q"], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("plan-parse panel", () => {
  it("long csv: one row per figure with the documented columns, indicator and headline", () => {
    const r = run(["panel", ...REPORTS, "--format", "csv"]);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "region", "province", "year", "kind", "indicatorId", "indicator", "headline", "status", "qualifiers",
      "comparator", "value", "valueMax", "unit", "change", "metric", "text", "path", "span", "warnings",
    ]);
    const gdp = rows.filter((x) => x.indicatorId === "gdp.growth" && x.headline === "true");
    expect(gdp.map((x) => x.region).sort()).toEqual(["全国", "滨州市"].sort());
  });
  it("--bom starts the csv with a BOM; --headline keeps headline figures only", () => {
    const r = run(["panel", ...REPORTS, "--format", "csv", "--bom", "--headline"]);
    expect(r.out.startsWith("\ufeff")).toBe(true);
    const rows = parseCsv(r.out.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((x) => x.headline === "true")).toBe(true);
  });
  it("--wide: one row per document, one column per indicator; --indicator narrows it", () => {
    const r = run(["panel", ...REPORTS, "--wide", "--indicator", "gdp.growth", "--format", "json"]);
    const panel = JSON.parse(r.out) as { indicators: { id: string }[]; rows: { values: Record<string, { value: number }> }[] };
    expect(panel.indicators.map((i) => i.id)).toEqual(["gdp.growth"]);
    expect(panel.rows.map((x) => x.values["gdp.growth"]?.value)).toEqual([5.5, 6.5]);
  });
  it("jsonl, md and table render", () => {
    for (const f of ["jsonl", "md", "table"]) expect(run(["panel", ...REPORTS, "--format", f]).code).toBe(0);
  });
});

describe("compare by indicator", () => {
  it("--status and --indicator keep those figures; a row carries its indicator", () => {
    const r = run(["compare", ...REPORTS, "--topics", "gov-report", "--indicator", "gdp.growth", "--status", "target", "--format", "json"]);
    const result = JSON.parse(r.out) as { topics: { topic: string; rows: { indicator: { id: string } | null; cells: { status: string }[][] }[] }[] };
    expect(result.topics.map((t) => t.topic)).toEqual(["经济运行"]);
    const rows = result.topics[0]?.rows ?? [];
    expect(rows.length).toBe(1);
    expect(rows[0]?.indicator?.id).toBe("gdp.growth");
    expect(rows[0]?.cells.flat().every((t) => t.status === "target")).toBe(true);
  });
});

describe("saved JSON answers as the text does", () => {
  it("targets --topic, compare and panel on saved JSONL equal the text's output (same --topics)", () => {
    const saved = join(tmp, "r.jsonl");
    expect(run([...REPORTS, "--topics", "gov-report", "--format", "jsonl", "--out", saved]).code).toBe(0);
    for (const args of [
      ["targets", "--topics", "gov-report", "--topic", "经济运行", "--format", "csv"],
      ["panel", "--topics", "gov-report", "--format", "csv"],
    ]) {
      const text = run([args[0] as string, ...REPORTS, ...args.slice(1)]);
      const json = run([args[0] as string, saved, ...args.slice(1)]);
      expect(text.out.split("\n").length).toBeGreaterThan(3);
      expect(json.out).toBe(text.out);
      expect(json.err).toBe("");
    }
    const cText = JSON.parse(run(["compare", ...REPORTS, "--topics", "gov-report", "--format", "json"]).out);
    const cJson = JSON.parse(run(["compare", saved, "--topics", "gov-report", "--format", "json"]).out);
    expect(cJson.topics).toEqual(cText.topics);
  });
  it("another taxonomy than the saved one: recomputed, and a note says so", () => {
    const saved = join(tmp, "d.jsonl");
    run([...REPORTS, "--format", "jsonl", "--out", saved]);
    const r = run(["targets", saved, "--topics", "gov-report", "--topic", "经济运行", "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/another topic taxonomy/);
    expect(r.out.split("\n").length).toBeGreaterThan(2);
  });
});

describe("compare column labels", () => {
  it("two documents of one region and year are told apart by issuer, else by file name", async () => {
    const { renderCompare } = await import("../src/render/compare.js");
    const { renderOptions } = await import("../src/render/options.js");
    const ref = (path: string, issuer: string | null) => ({ path, title: null, region: "合肥市", year: 2023, issuer });
    const result = { schemaVersion: 1 as const, documents: [ref("a/2024.md", "合肥市民政局"), ref("b/2024.md", "合肥市人民政府"), ref("c/x.txt", null)], topics: [] };
    const md = renderCompare(result, "md", renderOptions());
    expect(md).toContain("合肥市 2023 合肥市民政局");
    expect(md).toContain("合肥市 2023 合肥市人民政府");
    expect(md).toContain("合肥市 2023 \\[x.txt\\]");
  });
});

describe("--strict and the warnings column", () => {
  // seed-002 (a provincial department's summary) names neither its region nor its year outright: both guessed;
  // seed-004 is 定海区 2024 with sound context
  const NO_REGION = join(ROOT, "fixtures/cli/plans/seed-002.txt");
  const SOUND = join(ROOT, "fixtures/cli/plans/seed-004.txt");
  const REDACTED = join(ROOT, "fixtures/plans/unknown-city-2024-summary-plan-excerpt/input.txt");

  it("--strict leaves out a document whose region and year are guesses, names it on stderr, and exits 0", () => {
    const r = spawnSync(process.execPath, [BIN, NO_REGION, SOUND, "--strict", "--format", "jsonl"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const docs = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { meta: { region: string } });
    expect(docs.map((d) => d.meta.region)).toEqual(["定海区"]);
    expect(r.stderr).toContain("seed-002.txt: left out by --strict (region-guessed, year-guessed)");
    // without --strict both are written
    const all = spawnSync(process.execPath, [BIN, NO_REGION, SOUND, "--format", "jsonl"], { encoding: "utf8" });
    expect(all.stdout.trim().split("\n")).toHaveLength(2);
  });
  it("--strict also filters targets and panel rows; the panel's warnings column names the doubt", () => {
    const t = run(["targets", NO_REGION, SOUND, "--strict", "--format", "json"]);
    const rows = JSON.parse(t.out) as { region: string | null }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => x.region === "定海区")).toBe(true);
    const p = run(["panel", REDACTED, SOUND, "--format", "csv"]);
    const prow = parseCsv(p.out, { columns: true }) as Record<string, string>[];
    const redacted = prow.filter((x) => x.path === REDACTED);
    expect(redacted.length).toBeGreaterThan(0);
    expect(redacted[0]?.warnings).toContain("region-redacted");
    expect(prow.filter((x) => x.path === SOUND).every((x) => x.warnings === "")).toBe(true);
  });
});

