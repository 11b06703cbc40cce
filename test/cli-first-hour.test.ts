/**
 * What a new user meets in the first hour, on the built binary (dist/bin/plan-parse.js):
 * a folder of .md files, --out without --format, several --grep terms, confidence, row labels,
 * the pager and uncut labels, Excel-safe CSV, how changes and levels read, help in step with
 * the tool, and a colour-free `npm test` log. `npm test` builds first.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIFF_FORMATS } from "../src/render/formats.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/bin/plan-parse.js");
const PLANS = "fixtures/cli/plans";
const SEED = `${PLANS}/seed-004.txt`;
const built = existsSync(BIN);
if (!built) console.warn(`cli-first-hour.test.ts skipped: ${BIN} is missing; run \`npm run build\`.`);

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  command: string,
  args: string[],
  opts: { env?: Record<string, string | undefined>; cwd?: string; timeout?: number } = {},
): Result {
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env };
  for (const k of ["NO_COLOR", "FORCE_COLOR", "PAGER", "PLAN_PARSE_PAGER", "LESS"]) {
    if (!opts.env || !(k in opts.env)) delete env[k];
  }
  const r = spawnSync(command, args, {
    cwd: opts.cwd ?? ROOT,
    input: "",
    env,
    encoding: "utf8",
    timeout: opts.timeout ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cli = (args: string[], opts: Parameters<typeof run>[2] = {}) => run(process.execPath, [BIN, ...args], opts);

/** A plan whose figures are a fall, a growth and two levels. */
const SIGNS_PLAN = [
  "某市2025年政府工作报告",
  "一、主要预期目标",
  "单位地区生产总值能耗下降3%以上。",
  "城镇居民人均可支配收入增长6%。",
  "地区生产总值达到约4.4万亿元。",
  "规模以上工业增加值增长5.7%、达到2350亿元。",
  "二、民生",
  "养老机构护理型床位占比达到58%。",
  "",
].join("\n");

let tmp = "";
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "plan-parse-hour-"));
  // reports scraped as Markdown, in folders named by region, files named by year
  for (const [dir, src] of [
    ["湖北省", "seed-004.txt"],
    ["湖南省", "seed-001.txt"],
  ] as const) {
    mkdirSync(join(tmp, "md", dir), { recursive: true });
    cpSync(join(ROOT, PLANS, src), join(tmp, "md", dir, "2024.md"));
  }
  writeFileSync(join(tmp, "md", "README.md"), "# 说明\n\n这些文件来自政府网站。\n");
  mkdirSync(join(tmp, "html"));
  writeFileSync(join(tmp, "html", "a.html"), "<p>x</p>");
  writeFileSync(join(tmp, "html", "b.html"), "<p>y</p>");
  writeFileSync(join(tmp, "signs.txt"), SIGNS_PLAN);
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!built)("the first hour (built binary)", () => {
  describe("inputs and outputs", () => {
    it("a folder of .md files is read by default, its README.md is not", () => {
      const r = cli([join(tmp, "md"), "--format", "jsonl"]);
      expect(r.code).toBe(0);
      const paths = r.stdout
        .trim()
        .split("\n")
        .map((l) => (JSON.parse(l) as { source: { path: string } }).source.path);
      expect(paths.map((p) => p.slice(join(tmp, "md").length + 1))).toEqual(["湖北省/2024.md", "湖南省/2024.md"]);
      // named on the command line, it is read like any file
      expect(cli([join(tmp, "md", "README.md"), "--format", "json"]).code).toBe(0);
    });

    it("a folder without them says which extensions were searched and which --ext would find files", () => {
      const r = cli([join(tmp, "html")]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("no *.txt, *.md files in this directory");
      expect(r.stderr).toContain("2 *.html: add --ext txt,md,html");
    });

    it("--out x.csv without --format writes CSV", () => {
      const out = join(tmp, "targets.csv");
      const r = cli(["targets", SEED, "--out", out]);
      expect(r.code).toBe(0);
      const text = readFileSync(out, "utf8");
      expect(text.startsWith("file,region,year,")).toBe(true);
      expect(parseCsv(text, { columns: true }).length).toBeGreaterThan(0);
    });

    it.each([
      [["parse", SEED], "plans.jsonl", (t: string) => JSON.parse(t.split("\n")[0] as string).schemaVersion === 1],
      [["deadlines", SEED], "timeline.md", (t: string) => t.startsWith("| file | region |")],
    ] as const)("%j --out %s takes the format from the extension", (args, name, check) => {
      const out = join(tmp, name);
      expect(cli([...args, "--out", out]).code).toBe(0);
      expect(check(readFileSync(out, "utf8"))).toBe(true);
    });

    it.each([
      [["parse", SEED], "plans.txt", ".txt names no format"],
      [["parse", SEED], "plans", "the file name has no extension"],
      [["diff", SEED, SEED], "diff.jsonl", "diff cannot write jsonl"],
    ])("%j --out %s is refused with exit 2 and nothing written", (args, name, why) => {
      const out = join(tmp, name);
      const r = cli([...args, "--out", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(why);
      expect(r.stderr).toContain("--format");
      expect(existsSync(out)).toBe(false);
    });

    it("an explicit --format wins over the extension", () => {
      const out = join(tmp, "really-json.csv");
      expect(cli(["targets", SEED, "--out", out, "--format", "json"]).code).toBe(0);
      expect(Array.isArray(JSON.parse(readFileSync(out, "utf8")))).toBe(true);
    });
  });

  describe("--grep", () => {
    const metrics = (args: string[]) => {
      const r = cli(["targets", SEED, "--format", "json", ...args]);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { metric: string; text: string }[]).map((t) => `${t.metric} ${t.text}`);
    };

    it("several terms match any of them; --all-match needs all", () => {
      const bed = metrics(["--grep", "床位"]);
      const care = metrics(["--grep", "护理"]);
      const either = metrics(["--grep", "床位", "--grep", "护理"]);
      const both = metrics(["--grep", "床位", "--grep", "护理", "--all-match"]);
      expect(bed.length).toBeGreaterThan(0);
      expect(either.length).toBe(new Set([...bed, ...care]).size);
      expect(either.length).toBeGreaterThan(bed.length);
      expect(both.length).toBeGreaterThan(0);
      expect(both.every((m) => m.includes("床位") && m.includes("护理"))).toBe(true);
      expect(both.length).toBeLessThan(either.length);
    });

    it("--grep-regex takes a regular expression, and a bad one is a usage error", () => {
      const re = metrics(["--grep-regex", "床位|护理"]);
      expect(re).toEqual(metrics(["--grep", "床位", "--grep", "护理"]));
      expect(metrics(["--grep-regex", "^认知障碍"]).every((m) => /认知障碍/.test(m))).toBe(true);
      const bad = cli(["targets", SEED, "--grep-regex", "[床位"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("not a valid regular expression");
    });
  });

  describe("confidence", () => {
    it("is a column of csv, a field of json and a column of the table", () => {
      const csv = parseCsv(cli(["targets", SEED, "--format", "csv"]).stdout, { columns: true }) as Record<
        string,
        string
      >[];
      expect(csv.every((r) => Number(r.confidence) > 0 && Number(r.confidence) <= 1)).toBe(true);
      const json = JSON.parse(cli(["targets", SEED, "--format", "json"]).stdout) as { confidence: number }[];
      expect(json.every((t) => typeof t.confidence === "number")).toBe(true);
      const table = cli(["targets", SEED, "--format", "table"]).stdout;
      expect(table).toMatch(/│ conf │/);
      expect(table).toMatch(/│ 0\.\d\d │/);
    });

    it("--min-confidence keeps the targets at or above it", () => {
      const all = JSON.parse(cli(["targets", PLANS, "--format", "json"]).stdout) as { confidence: number }[];
      const bar = [...new Set(all.map((t) => t.confidence))].sort()[1] as number;
      const kept = JSON.parse(cli(["targets", PLANS, "--format", "json", "--min-confidence", String(bar)]).stdout) as {
        confidence: number;
      }[];
      expect(kept.length).toBe(all.filter((t) => t.confidence >= bar).length);
      expect(kept.length).toBeLessThan(all.length);
      for (const bad of ["1.5", "-0.1", "high"]) {
        expect(cli(["targets", SEED, "--min-confidence", bad]).code).toBe(2);
      }
    });
  });

  describe("tables", () => {
    it("targets rows are labelled by region + year, not by a path that differs in one character", () => {
      const r = cli(["targets", join(tmp, "md"), "--format", "table"], { env: { COLUMNS: "160" } });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/│ document/);
      expect(r.stdout).toContain("定海区 2024");
      expect(r.stdout).toContain("石家庄市 2021");
      expect(r.stdout).not.toContain("2024.md");
    });

    it("compare never cuts a metric: the table's labels are the result's metrics, whole", () => {
      const json = JSON.parse(cli(["compare", PLANS, "--format", "json"]).stdout) as {
        topics: { rows: { metric: string }[] }[];
      };
      const metrics = json.topics.flatMap((t) => t.rows.map((r) => r.metric));
      const table = cli(["compare", PLANS, "--format", "table"], { env: { COLUMNS: "70" } }).stdout;
      // the first cell of each table row, its wrapped lines joined: rows are ruled apart when
      // any row wraps; in a table of one-line rows (no rules) every line is a row, and a line
      // whose figure cells are all blank continues the row above (cells are never blank: "—")
      const labels: string[] = [];
      for (const block of table.split("┌").slice(1)) {
        const body = block.slice(block.indexOf("├")).split("└")[0] as string;
        const lines = body.split("\n").slice(1);
        const ruled = lines.some((l) => l.startsWith("├"));
        const rows: string[] = [];
        let fresh = true;
        for (const line of lines) {
          if (line.startsWith("├")) fresh = true;
          if (!line.startsWith("│")) continue;
          const cells = line.split("│").slice(1, -1).map((c) => c.trim());
          const continues = !fresh && (ruled || cells.slice(1).every((c) => c === ""));
          if (!continues) rows.push("");
          rows[rows.length - 1] += cells[0] ?? "";
          fresh = false;
        }
        labels.push(...rows);
      }
      expect(labels.length).toBe(metrics.length);
      expect(labels).toEqual(metrics.map((m) => m.replace(/\s+/g, " ").trim().replace(/ /g, "")));
      expect(table).not.toMatch(/…│/);
    });
  });

  describe("pager", () => {
    const hasScript = process.platform !== "win32" && run("script", ["--version"]).code === 0;

    it.skipIf(!hasScript)("on a terminal, output goes through PAGER with LESS=FRX; --no-pager and pipes skip it", () => {
      const pager = join(tmp, "pager.sh");
      const log = join(tmp, "pager.log");
      writeFileSync(pager, `#!/bin/sh\necho "LESS=$LESS" > "${log}"\ncat >> "${log}"\n`);
      chmodSync(pager, 0o755);
      const inTerminal = (args: string) =>
        run("script", ["-qec", `${process.execPath} ${BIN} ${args}`, "/dev/null"], {
          env: { PAGER: pager, TERM: "dumb" },
        });
      const paged = inTerminal(`compare ${PLANS}`);
      expect(paged.code).toBe(0);
      const text = readFileSync(log, "utf8");
      expect(text.startsWith("LESS=FRX\n")).toBe(true);
      expect(text).toContain("no such figure");
      expect(paged.stdout).not.toContain("no such figure");
      rmSync(log);

      const unpaged = inTerminal(`compare ${PLANS} --no-pager`);
      expect(unpaged.stdout).toContain("no such figure");
      expect(existsSync(log)).toBe(false);

      const piped = cli(["compare", PLANS, "--format", "table"], { env: { PAGER: pager } });
      expect(piped.stdout).toContain("指标 metric");
      expect(existsSync(log)).toBe(false);
    });

    it.skipIf(!hasScript)("a pager that cannot be started leaves the output on the terminal", () => {
      const r = run("script", ["-qec", `${process.execPath} ${BIN} ${SEED}`, "/dev/null"], {
        env: { PAGER: "no-such-pager-here" },
      });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("定海区");
    });
  });

  describe("Excel mode (--bom)", () => {
    it("cells Excel would read as formulas or numbers are written as text", () => {
      const r = cli(["targets", join(tmp, "signs.txt"), PLANS, "--format", "csv", "--bom"]);
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith("\ufeff")).toBe(true);
      const rows = parseCsv(r.stdout.slice(1), { columns: true }) as Record<string, string>[];
      // after CSV parsing, Excel sees ="…": a formula whose value is the text itself
      const risky = /^[=+\-@]/;
      const bare = rows.flatMap((row) =>
        Object.entries(row).filter(([k, v]) => k !== "value" && k !== "valueMax" && risky.test(v) && !/^="/.test(v)),
      );
      expect(bare).toEqual([]);
      expect(rows.some((row) => row.comparator === '="="')).toBe(true);
      expect(rows.some((row) => /^="\d+(\.\d+)+"$/.test(row.sectionId ?? ""))).toBe(true);
      expect(rows.every((row) => /^\d+$/.test(row.year ?? "") || row.year === "")).toBe(true);
    });

    it("without --bom the cells are as they are", () => {
      const rows = parseCsv(cli(["targets", SEED, "--format", "csv"]).stdout, { columns: true }) as Record<
        string,
        string
      >[];
      expect(rows.some((row) => row.comparator === "=")).toBe(true);
    });
  });

  describe("how figures read", () => {
    it("a change reads as the text states it, a level has no sign, in targets, compare and diff", () => {
      const file = join(tmp, "signs.txt");
      const targets = cli(["targets", file, "--format", "table"], { env: { COLUMNS: "200" } }).stdout;
      expect(targets).toContain("↓ ≥ 3 %");
      expect(targets).toContain("↑ 6 %");
      expect(targets).toContain("≈ 4.4 万亿元");
      expect(targets).toContain("↑ 5.7 %");
      // the level after the change: no sign, although the target carries the clause's change
      expect(targets).toMatch(/│ ≥ 2350 亿元 /);
      expect(targets).not.toMatch(/[−-]3 %|\+4\.4|≈ \+|↑ ≥ 2350/);
      const compare = cli(["compare", file, SEED, "--format", "table"], { env: { COLUMNS: "200" } }).stdout;
      expect(compare).toContain("↓ ≥ 3 %");
      expect(compare).toContain("≈ 4.4 万亿元");
      expect(compare).not.toMatch(/≈ \+|≥ −/);
      const diff = cli(["diff", SEED, file, "--format", "table"]).stdout;
      expect(diff).toContain("↓ ≥ 3 %");
      expect(diff).not.toMatch(/≈ \+|≥ −/);
      const md = cli(["parse", file, "--format", "md"]).stdout;
      expect(md).toContain("↓ ≥ 3 %");
    });
  });

  describe("help in step with the tool", () => {
    it("every file an example in --help names exists", () => {
      const texts = ["--help", ...["parse", "targets", "deadlines", "compare", "diff"].map((c) => `${c} --help`)].map(
        (a) => cli(a.split(" ")).stdout,
      );
      const paths = texts.flatMap((t) => [...t.matchAll(/\b(fixtures\/[^\s'"]+)/g)].map((m) => m[1] as string));
      expect(paths.length).toBeGreaterThan(3);
      for (const p of paths) expect(existsSync(join(ROOT, p)), p).toBe(true);
    });

    it("the top-level --help lists every exit code, 130 included", () => {
      const help = cli(["--help"]).stdout;
      for (const code of ["0 ", "1 ", "2 ", "130 "]) expect(help).toContain(code);
      expect(help).toMatch(/130 interrupted/);
    });

    it("diff --help offers exactly the formats diff writes, and refuses the others", () => {
      const help = cli(["diff", "--help"]).stdout;
      const listed = /choices: ([^)]*)\)/.exec(help.slice(help.indexOf("--format")))?.[1] ?? "";
      expect(listed.replace(/\s+/g, " ").split(", ").map((s) => s.replace(/"/g, ""))).toEqual([...DIFF_FORMATS]);
      for (const format of ["json", "table", "md", "csv", "jsonl", "outline"]) {
        const r = cli(["diff", SEED, `${PLANS}/seed-001.txt`, "--format", format]);
        expect(r.code, format).toBe(DIFF_FORMATS.includes(format as never) ? 0 : 2);
      }
    });

    it("--help documents .md inputs, --out formats and the pager", () => {
      const help = cli(["--help"]).stdout;
      expect(help).toContain("*.txt and *.md");
      expect(help).toContain("--no-pager");
      expect(cli(["targets", "--help"]).stdout).toContain("--grep-regex");
    });
  });

  describe("npm test output", () => {
    it("vitest writes no colour codes into a redirected file, even with CI=true", () => {
      const bin = join(ROOT, "node_modules", ".bin");
      const r = run(process.execPath, ["scripts/plain-colors.mjs", "vitest", "run", "test/zh-ordinal.test.ts"], {
        env: { CI: "true", PATH: `${bin}${delimiter}${process.env.PATH ?? ""}` },
        timeout: 120_000,
      });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/passed/);
      expect(r.stdout + r.stderr).not.toContain("\u001b[");
    });

    it("the test script runs vitest through it", () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
        allowScripts?: Record<string, boolean>;
      };
      expect(pkg.scripts.test).toContain("node scripts/plain-colors.mjs vitest run");
      // npm 11 runs (and stops warning about) nodejieba's install script only when it is listed
      expect(pkg.allowScripts?.nodejieba).toBe(true);
    });
  });
});
