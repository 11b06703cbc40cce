/**
 * `plan-parse diff` through the built binary: formats (csv for real), --status, --only, help,
 * saved JSON inputs. `npm test` builds first; run alone, build with `npm run build`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { DIFF_CSV_COLUMNS } from "../src/render/diff.js";
import { schemaErrors, validateDiff } from "./helpers/schema.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/bin/plan-parse.js");
const OLD = "fixtures/diff/henan_2023.md";
const NEW = "fixtures/diff/henan_2024.md";
const built = existsSync(BIN);
if (!built) console.warn(`cli-diff.test.ts skipped: ${BIN} is missing; run \`npm run build\` (npm test does).`);

const memo = new Map<string, ReturnType<typeof run>>();
/** The same command twice runs once (the machine is shared). */
function cli(args: string[]) {
  const key = args.join("\u0000");
  let r = memo.get(key);
  if (!r) memo.set(key, (r = run(args)));
  return r;
}
function run(args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input: "", env, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const tmp = mkdtempSync(join(tmpdir(), "plan-parse-diff-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!built)("plan-parse diff", () => {
  it("--format csv: one row per change, not the text table", () => {
    const r = cli(["diff", OLD, NEW, "--format", "csv"]);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual([...DIFF_CSV_COLUMNS]);
    const json = JSON.parse(cli(["diff", OLD, NEW, "--format", "json"]).stdout);
    const t = json.targets;
    const s = json.sections;
    const retitledOrMoved = s.matched.filter((m: { titleChanged: boolean; moved?: boolean }) => m.titleChanged || m.moved);
    expect(rows.length).toBe(
      t.changed.length + t.added.length + t.removed.length + s.added.length + s.removed.length + retitledOrMoved.length,
    );
    // reading order: headline changes, other changes, added, removed, then sections
    const order = rows.map((x) => `${x.part}:${x.change}:${x.headline}`);
    expect(order[0]).toBe("target:changed:yes");
    const rank = (x: string) =>
      x === "target:changed:yes" ? 0 : x.startsWith("target:changed") ? 1 : x.startsWith("target:added") ? 2 : x.startsWith("target:removed") ? 3 : 4;
    const ranks = order.map(rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const gdp = rows.find((x) => x.metric === "经济");
    expect(gdp).toMatchObject({ part: "target", change: "changed", headline: "yes", status: "target" });
    expect(gdp?.old).toContain("6");
    expect(gdp?.new).toContain("5.5");
  });

  it("--bom starts the csv with a byte-order mark", () => {
    expect(cli(["diff", OLD, NEW, "--format", "csv", "--bom"]).stdout.startsWith("\ufeff")).toBe(true);
  });

  it("--only targets / --only sections", () => {
    const targets = parseCsv(cli(["diff", OLD, NEW, "--format", "csv", "--only", "targets"]).stdout, { columns: true }) as Record<string, string>[];
    expect(targets.length).toBeGreaterThan(0);
    expect(new Set(targets.map((x) => x.part))).toEqual(new Set(["target"]));
    const sections = parseCsv(cli(["diff", OLD, NEW, "--format", "csv", "--only", "sections"]).stdout, { columns: true }) as Record<string, string>[];
    expect(sections.length).toBeGreaterThan(0);
    expect(new Set(sections.map((x) => x.part))).toEqual(new Set(["section"]));
    const table = cli(["diff", OLD, NEW, "--format", "table", "--only", "sections"]).stdout;
    expect(table).not.toContain("Headline targets");
    expect(table).toContain("Sections");
    expect(cli(["diff", OLD, NEW, "--only", "nothing"]).code).toBe(2);
  });

  it("--status target leaves achievements out; --status achieved keeps only them", () => {
    const all = JSON.parse(cli(["diff", OLD, NEW, "--format", "json"]).stdout);
    const statuses = (d: typeof all) =>
      new Set([
        ...d.targets.changed.map((c: { new: { status: string } }) => c.new.status),
        ...d.targets.added.map((x: { status: string }) => x.status),
        ...d.targets.removed.map((x: { status: string }) => x.status),
      ]);
    expect(statuses(all)).toEqual(new Set(["target", "achieved"]));
    expect(statuses(JSON.parse(cli(["diff", OLD, NEW, "--format", "json", "--status", "target"]).stdout))).toEqual(new Set(["target"]));
    expect(statuses(JSON.parse(cli(["diff", OLD, NEW, "--format", "json", "--status", "achieved"]).stdout))).toEqual(
      new Set(["achieved"]),
    );
  });

  it("json stays within the contract (and its additions)", () => {
    const d = JSON.parse(cli(["diff", OLD, NEW, "--format", "json"]).stdout);
    expect(schemaErrors(validateDiff, d)).toEqual([]);
    expect(d.targets.unchanged.length).toBeGreaterThan(0);
    expect(d.targets.changed[0].headline).toBe(true);
  });

  it("table: headline changes first, each group with its count", () => {
    const out = cli(["diff", OLD, NEW, "--format", "table", "--no-color"]).stdout;
    const at = (s: string) => out.indexOf(s);
    expect(at("Headline targets changed (7)")).toBeGreaterThan(0);
    expect(at("Headline targets changed")).toBeLessThan(at("Other targets changed"));
    expect(at("Other targets changed")).toBeLessThan(at("Targets added"));
    expect(at("Targets added")).toBeLessThan(at("Targets removed"));
    expect(at("Targets removed")).toBeLessThan(at("Sections"));
    const md = cli(["diff", OLD, NEW, "--format", "md"]).stdout;
    expect(md).toContain("## Headline targets changed (7)");
  });

  it("saved JSON inputs (no text) still diff, matching sections by titles and clauses", () => {
    const a = join(tmp, "a.json");
    const b = join(tmp, "b.json");
    writeFileSync(a, cli([OLD, "--format", "json"]).stdout);
    writeFileSync(b, cli([NEW, "--format", "json"]).stdout);
    const d = JSON.parse(cli(["diff", a, b, "--format", "json"]).stdout);
    expect(d.targets.changed.filter((c: { headline?: boolean }) => c.headline).length).toBe(7);
  });

  it("--help offers exactly the formats diff has, csv included, and --only", () => {
    const help = cli(["diff", "--help"]).stdout.replace(/\s+/g, " ");
    expect(help).toMatch(/--format <format>.*\(choices: "json", "table", "md", "csv"/);
    expect(help).toContain("--only <part>");
    expect(help).toMatch(/--status <status>/);
    for (const format of ["json", "table", "md", "csv"]) expect(cli(["diff", OLD, NEW, "--format", format]).code).toBe(0);
    expect(cli(["diff", OLD, NEW, "--format", "outline"]).code).toBe(2);
  });
});
