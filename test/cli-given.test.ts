/**
 * Meta the user gives: --region / --province / --plan-year, --manifest (csv, tsv, jsonl) and
 * --meta-from-path reach every output that shows them (parse JSON meta + sources + extra,
 * deadlines dates and columns, compare labels). The parsing helpers are tested directly.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compilePattern, fromPath, givenFor, manifestRow, parseCsv } from "../src/cli/given.js";
import type { PlanDocument } from "../src/types.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/bin/plan-parse.js");
const SEED = join(ROOT, "fixtures/cli/plans/seed-004.txt"); // 定海区民政局2024年工作计划: 年底前 deadlines
const SEED1 = join(ROOT, "fixtures/cli/plans/seed-001.txt"); // 石家庄市民政局 2021
const built = existsSync(BIN);

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args, "-q"], { cwd, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("given meta: helpers", () => {
  it("reads CSV with quotes, commas and doubled quotes", () => {
    expect(parseCsv('a,b,c\n"x, y","say ""hi""",3\r\n', ",")).toEqual([
      ["a", "b", "c"],
      ["x, y", 'say "hi"', "3"],
    ]);
  });
  it("matches a path pattern at the end of the path", () => {
    expect(fromPath("{province}/{year}.md", "data/政府工作报告/江西省/2024.md", "/")).toEqual({
      province: "江西省",
      year: 2024,
    });
    expect(fromPath("{region}_{year}.txt", "/x/宁波市_2016.txt", "/")).toEqual({ region: "宁波市", year: 2016 });
    // counterexamples: a non-year, another extension
    expect(fromPath("{province}/{year}.md", "江西省/latest.md", "/")).toBeUndefined();
    expect(fromPath("{province}/{year}.md", "江西省/2024.txt", "/")).toBeUndefined();
    expect(() => compilePattern("plain.md")).toThrow(/names no field/);
  });
  it("finds a manifest row by the path as given, absolute, or its tail", () => {
    const rows = { "江西省/2024.md": { region: "江西省" }, "/abs/a.txt": { region: "A" } };
    expect(manifestRow(rows, "data/江西省/2024.md", "/w")).toEqual({ region: "江西省" });
    expect(manifestRow(rows, "a.txt", "/abs")).toEqual({ region: "A" });
    expect(manifestRow(rows, "other/2024.md", "/w")).toBeUndefined();
  });
  it("merges pattern < manifest < flags", () => {
    const g = givenFor(
      {
        cwd: "/w",
        pattern: "{province}/{year}.md",
        rows: { "江西省/2024.md": { year: 2023, region: "南昌市", extra: { url: "u" } } },
        flags: { region: "江西省" },
      },
      "江西省/2024.md",
    );
    expect(g).toEqual({ province: "江西省", year: 2023, region: "江西省", extra: { url: "u" } });
  });
});

describe.skipIf(!built)("given meta: the built binary", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "plan-parse-given-"));
    mkdirSync(join(dir, "政府工作报告/浙江省"), { recursive: true });
    mkdirSync(join(dir, "政府工作报告/河北省"), { recursive: true });
    copyFileSync(SEED, join(dir, "政府工作报告/浙江省/2030.txt"));
    copyFileSync(SEED1, join(dir, "政府工作报告/河北省/2031.txt"));
    writeFileSync(
      join(dir, "m.csv"),
      'path,region,year,kind,url,scraped\n政府工作报告/浙江省/2030.txt,舟山市,2027,plan,"https://example.org/a,b",2025-01-02\n',
    );
    writeFileSync(join(dir, "m.tsv"), "file\tregion\tbatch\n政府工作报告/河北省/2031.txt\t石家庄市\tB7\n");
    writeFileSync(join(dir, "m.jsonl"), '{"path":"政府工作报告/浙江省/2030.txt","year":2026,"page":3}\n');
    writeFileSync(join(dir, "bad.csv"), "path,year\n政府工作报告/浙江省/2030.txt,twenty\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const parse = (args: string[]) => {
    const r = cli(["parse", "政府工作报告", "--format", "json", ...args], dir);
    expect(r.code, r.stderr).toBe(0);
    const docs = JSON.parse(r.stdout) as PlanDocument[];
    return (p: string) => docs.find((d) => d.source.path?.endsWith(p)) as PlanDocument;
  };

  it("without given meta, the text's values and sources text/guessed", () => {
    const doc = parse([])("浙江省/2030.txt");
    expect(doc.meta).toMatchObject({ region: "定海区", year: 2024, sources: { region: "text", year: "text" } });
  });

  it("--meta-from-path puts the path's values in meta, marked given, and deadlines follow the year", () => {
    const doc = parse(["--meta-from-path", "{province}/{year}.txt"])("浙江省/2030.txt");
    expect(doc.meta).toMatchObject({ province: "浙江省", year: 2030, region: "定海区" });
    expect(doc.meta.sources).toMatchObject({ province: "given", year: "given", region: "text" });
    expect(doc.deadlines.find((d) => d.text === "年底前")?.date).toBe("2030-12-31");
  });

  it("--manifest csv: region, year, kind given; other columns in meta.extra", () => {
    const doc = parse(["--manifest", "m.csv"])("浙江省/2030.txt");
    expect(doc.meta).toMatchObject({ region: "舟山市", province: "浙江省", year: 2027, kind: "plan" });
    expect(doc.meta.extra).toEqual({ url: "https://example.org/a,b", scraped: "2025-01-02" });
    expect(doc.meta.sources).toMatchObject({ region: "given", province: "given", year: "given", kind: "given" });
  });

  it("--manifest tsv and jsonl", () => {
    expect(parse(["--manifest", "m.tsv"])("河北省/2031.txt").meta).toMatchObject({
      region: "石家庄市",
      extra: { batch: "B7" },
    });
    expect(parse(["--manifest", "m.jsonl"])("浙江省/2030.txt").meta).toMatchObject({
      year: 2026,
      extra: { page: "3" },
    });
  });

  it("flags win over the manifest; --year still sets only the deadline year", () => {
    const doc = parse(["--manifest", "m.csv", "--region", "浙江省", "--plan-year", "2029", "--year", "2035"])(
      "浙江省/2030.txt",
    );
    expect(doc.meta).toMatchObject({ region: "浙江省", province: "浙江省", year: 2029 });
    expect(doc.deadlines.find((d) => d.text === "年底前")?.date).toBe("2035-12-31");
  });

  it("deadlines rows show the given region and year", () => {
    const r = cli(
      ["deadlines", "政府工作报告/浙江省/2030.txt", "--format", "csv", "--region", "舟山市", "--plan-year", "2028"],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const row = r.stdout.split("\n").find((l) => l.includes("年底前")) as string;
    expect(row).toContain(",舟山市,2028,2028-12-31,");
  });

  it("compare labels use the given values", () => {
    const r = cli(
      ["compare", "政府工作报告/浙江省/2030.txt", "政府工作报告/河北省/2031.txt", "--format", "json"].concat([
        "--meta-from-path",
        "{province}/{year}.txt",
        "--manifest",
        "m.tsv",
      ]),
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const docs = (JSON.parse(r.stdout) as { documents: { region: string; year: number }[] }).documents;
    expect(docs.map((d) => [d.region, d.year])).toEqual([
      ["定海区", 2030],
      ["石家庄市", 2031],
    ]);
  });

  it("a bad manifest or pattern is a usage error (exit 2), before any input is read", () => {
    const a = cli(["parse", "政府工作报告", "--manifest", "bad.csv"], dir);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/year must be four digits/);
    expect(cli(["parse", "政府工作报告", "--manifest", "missing.csv"], dir).code).toBe(2);
    expect(cli(["parse", "政府工作报告", "--meta-from-path", "x.txt"], dir).code).toBe(2);
  });
});
