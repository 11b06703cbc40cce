/**
 * The built command line (dist/bin/plan-parse.js), driven as a user would: every command
 * and format, exit codes, per-input errors, stdin, --out, broken pipes, SIGINT, workers.
 * `npm test` builds first; run alone, build with `npm run build`.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEADLINE_COLUMNS,
  displayWidth,
  SUMMARY_COLUMNS,
  stripAnsi,
  TARGET_COLUMNS,
} from "../src/render/index.js";
import type { PlanDocument } from "../src/types.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/bin/plan-parse.js");
const PLANS = "fixtures/cli/plans";
const SEED = `${PLANS}/seed-004.txt`;
const PNG = "fixtures/cli/bad/pixel.png.txt";
const GBK = "fixtures/cli/gbk/seed-004.gbk.txt";
const built = existsSync(BIN);
if (!built) console.warn(`cli.test.ts skipped: ${BIN} is missing; run \`npm run build\` (npm test does).`);

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(
  args: string[],
  opts: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {},
): Result {
  const env: Record<string, string | undefined> = { ...process.env, ...opts.env };
  if (!opts.env?.NO_COLOR) delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? "",
    env,
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const jsonl = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as PlanDocument);

let tmp = "";
let many = ""; // 24 distinct copies of the fixture plans
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "plan-parse-cli-"));
  many = join(tmp, "many");
  mkdirSync(many);
  const names = readdirSync(join(ROOT, PLANS));
  for (let i = 0; i < 24; i++) {
    const name = names[i % names.length] as string;
    writeFileSync(join(many, `${String(i).padStart(2, "0")}-${name}`), readFileSync(join(ROOT, PLANS, name)));
  }
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!built)("plan-parse (built binary)", () => {
  describe("parse", () => {
    it("one file --format json prints ONE document object", () => {
      const r = cli(["parse", SEED, "--format", "json"]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      const doc = JSON.parse(r.stdout) as PlanDocument;
      expect(doc.schemaVersion).toBe(1);
      expect(doc.source.path).toBe(SEED);
      expect(Array.isArray(doc.sections)).toBe(true);
    });

    it("the default command is parse; piped output defaults to json", () => {
      const r = cli([SEED]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    });

    it("a directory --format json prints an array in input order", () => {
      const r = cli([PLANS, "--format", "json"]);
      expect(r.code).toBe(0);
      const docs = JSON.parse(r.stdout) as PlanDocument[];
      expect(docs.map((d) => d.source.path)).toEqual([
        `${PLANS}/seed-001.txt`,
        `${PLANS}/seed-002.txt`,
        `${PLANS}/seed-004.txt`,
      ]);
      expect(r.stderr).toMatch(/3 parsed, 0 failed/);
    });

    it("jsonl has one valid document per input", () => {
      const r = cli([PLANS, GBK, "--format", "jsonl"]);
      expect(r.code).toBe(0);
      expect(jsonl(r.stdout).map((d) => d.schemaVersion)).toEqual([1, 1, 1, 1]);
    });

    it("the GBK copy gives the same outline and figures as the UTF-8 text", () => {
      const [utf8, gbk] = jsonl(cli([SEED, GBK, "--format", "jsonl"]).stdout);
      expect(gbk?.source.encoding).not.toBe("utf8");
      // GBK has no NBSP: the copy has "?" where the seed has U+00A0, so spans may shift; the
      // outline and figures may not.
      const outline = (d?: PlanDocument) => {
        const out: string[] = [];
        const walk = (ss: PlanDocument["sections"]) => {
          for (const s of ss) {
            out.push(`${s.id} ${s.style} ${s.number} ${s.marker}${s.title}`);
            walk(s.children);
          }
        };
        walk(d?.sections ?? []);
        return out;
      };
      const figures = (d?: PlanDocument) =>
        d?.targets.map((t) => `${t.sectionId} ${t.metric} ${t.value} ${t.unit}`);
      expect(outline(utf8).length).toBeGreaterThan(0);
      expect(outline(gbk)).toEqual(outline(utf8));
      expect(figures(gbk)).toEqual(figures(utf8));
    });

    it("csv: one row per document, RFC 4180, --bom adds a BOM", () => {
      for (const bom of [false, true]) {
        const r = cli([PLANS, "--format", "csv", ...(bom ? ["--bom"] : [])]);
        expect(r.code).toBe(0);
        expect(r.stdout.startsWith("\ufeff")).toBe(bom);
        expect(r.stdout).toContain("\r\n");
        const rows = parseCsv(r.stdout, { bom: true }) as string[][];
        expect(rows[0]).toEqual([...SUMMARY_COLUMNS]);
        expect(rows).toHaveLength(4);
      }
    });

    it.each([
      ["table", ["--format", "table"]],
      ["table --color", ["--format", "table", "--color"]],
    ])("%s: every line has the same display width", (_name, args) => {
      const r = cli([PLANS, ...args]);
      expect(r.code).toBe(0);
      const lines = stripAnsi(r.stdout).trimEnd().split("\n");
      expect(lines.length).toBe(3 + 3 + 1);
      expect(new Set(lines.map(displayWidth)).size).toBe(1);
    });

    it.each([
      ["piped", {}, []],
      ["NO_COLOR", { NO_COLOR: "1" }, []],
      ["--no-color", {}, ["--no-color"]],
    ] as const)("no escape codes when %s", (_name, env, flags) => {
      for (const format of ["table", "outline", "md"]) {
        const r = cli([PLANS, "--format", format, ...flags], { env });
        expect(r.code).toBe(0);
        expect(r.stdout).not.toContain("\u001b");
        expect(r.stderr).not.toContain("\u001b");
      }
    });

    it("--color forces colour codes", () => {
      expect(cli([SEED, "--format", "outline", "--color"]).stdout).toContain("\u001b[");
    });

    it("md and outline render every document", () => {
      const md = cli([PLANS, "--format", "md"]);
      expect(md.code).toBe(0);
      expect(md.stdout.match(/^## Outline$/gm)).toHaveLength(3);
      const outline = cli([SEED, "--format", "outline", "--debug"]);
      expect(outline.code).toBe(0);
      const doc = JSON.parse(cli([SEED]).stdout) as PlanDocument;
      for (const s of doc.sections) expect(outline.stdout).toContain(`${s.marker}${s.title}`.slice(0, 8));
      for (const t of doc.targets.slice(0, 3))
        expect(outline.stdout).toContain(`[${t.pattern} L${t.span.line}`);
    });

    it("stdin with -", () => {
      const r = cli(["-", "--format", "json"], { input: readFileSync(join(ROOT, SEED)) });
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout) as PlanDocument;
      expect(doc.source.path).toBeNull();
      expect(doc.source.sha256).toBe((JSON.parse(cli([SEED]).stdout) as PlanDocument).source.sha256);
    });

    it("saved jsonl read back from stdin re-renders without parsing again", () => {
      const saved = cli([PLANS, "--format", "jsonl"]).stdout;
      const r = cli(["-", "--format", "csv"], { input: saved });
      expect(r.code).toBe(0);
      expect(parseCsv(r.stdout) as string[][]).toHaveLength(4);
    });

    it("a file given twice is parsed once", () => {
      const r = cli([SEED, `./${SEED}`, PLANS, "--format", "jsonl"]);
      expect(jsonl(r.stdout)).toHaveLength(3);
    });

    it("--jobs 2 and --jobs 1 give the same output in input order", () => {
      const one = cli([many, "--format", "jsonl", "--jobs", "1"]);
      const two = cli([many, "--format", "jsonl", "--jobs", "2"]);
      expect(one.code).toBe(0);
      expect(two.code).toBe(0);
      expect(jsonl(one.stdout)).toHaveLength(24);
      expect(two.stdout).toBe(one.stdout);
    });

    it("the V8 tuning changes no output and prints nothing (PLAN_PARSE_V8_TUNING=0 keeps V8's defaults)", () => {
      const tuned = cli([many, "--format", "jsonl", "--jobs", "2", "-q"]);
      const plain = cli([many, "--format", "jsonl", "--jobs", "2", "-q"], { env: { PLAN_PARSE_V8_TUNING: "0" } });
      expect(tuned.code).toBe(0);
      expect(tuned.stderr).toBe("");
      expect(jsonl(tuned.stdout)).toHaveLength(24);
      expect(plain.stdout).toBe(tuned.stdout);
    });
  });

  describe("workers and large documents", () => {
    it("--jobs 2 and --jobs 1 give the same json array (workers send serialised items)", () => {
      const one = cli([many, "--format", "json", "--jobs", "1"]);
      const two = cli([many, "--format", "json", "--jobs", "2"]);
      expect(one.code).toBe(0);
      expect(two.code).toBe(0);
      expect(JSON.parse(one.stdout)).toHaveLength(24);
      expect(two.stdout).toBe(one.stdout);
    });

    it("--jobs 2 with a failed input and saved jsonl in the batch keeps input order", () => {
      const saved = join(tmp, "saved.jsonl");
      writeFileSync(saved, cli([PLANS, "--format", "jsonl"]).stdout);
      const args = [many, PNG, saved, "--format", "jsonl"];
      const one = cli([...args, "--jobs", "1"]);
      const two = cli([...args, "--jobs", "2"]);
      expect(one.code).toBe(1);
      expect(two.code).toBe(1);
      expect(jsonl(one.stdout)).toHaveLength(27);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
    });

    it("a small batch (under 4 files) gives the same output whatever --jobs says", () => {
      const one = cli([PLANS, "--format", "jsonl", "--jobs", "1"]);
      const two = cli([PLANS, "--format", "jsonl", "--jobs", "2"]);
      expect(two.stdout).toBe(one.stdout);
    });

    it("a large input (over 1 MiB) is written in pieces, byte for byte JSON.stringify", () => {
      const big = join(tmp, "big.txt");
      const text = readdirSync(join(ROOT, PLANS))
        .map((n) => readFileSync(join(ROOT, PLANS, n), "utf8"))
        .join("\n");
      writeFileSync(big, Array.from({ length: Math.ceil((1.5 * 2 ** 20) / Buffer.byteLength(text)) }, () => text).join("\n"));
      const json = cli([big, "--format", "json"]);
      expect(json.code).toBe(0);
      const doc = JSON.parse(json.stdout) as PlanDocument;
      expect(doc.source.bytes).toBeGreaterThan(2 ** 20);
      expect(json.stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
      const line = cli([big, "--format", "jsonl"]);
      expect(line.stdout).toBe(`${JSON.stringify(doc)}\n`);
      const array = cli([big, SEED, "--format", "json", "--jobs", "1"]);
      expect(array.stdout).toBe(`${JSON.stringify(JSON.parse(array.stdout), null, 2)}\n`);
    });

    it("--max-bytes defaults to 32MiB (in --help) and the refusal says how to raise it", () => {
      expect(cli(["parse", "--help"]).stdout.replace(/\s+/g, " ")).toMatch(/--max-bytes <size> [^-]*\(default: 32MiB\)/);
      const r = cli([SEED, "--max-bytes", "1k"]);
      expect(r.stderr).toMatch(/too large \(\d+\.\d KiB > --max-bytes 1\.0 KiB; raise --max-bytes to parse it\)/);
    });

    it("a glob operand still finds files (fast-glob is loaded only for globs)", () => {
      const r = cli([`${PLANS}/seed-00[12].txt`, "--format", "jsonl"]);
      expect(r.code).toBe(0);
      expect(jsonl(r.stdout).map((d) => d.source.path)).toEqual([`${PLANS}/seed-001.txt`, `${PLANS}/seed-002.txt`]);
    });
  });

  describe("targets and deadlines", () => {
    const docs = () => jsonl(cli([PLANS, "--format", "jsonl"]).stdout);

    it("targets csv: one row per target with the contract's columns", () => {
      const total = docs().reduce((n, d) => n + d.targets.length, 0);
      const r = cli(["targets", PLANS, "--format", "csv"]);
      expect(r.code).toBe(0);
      const rows = parseCsv(r.stdout) as string[][];
      expect(rows[0]).toEqual([...TARGET_COLUMNS]);
      expect(rows).toHaveLength(total + 1);
    });

    it("deadlines csv: one row per deadline, dated rows in date order, undated last", () => {
      const total = docs().reduce((n, d) => n + d.deadlines.length, 0);
      const rows = parseCsv(cli(["deadlines", PLANS, "--format", "csv"]).stdout, { columns: true }) as Record<
        string,
        string
      >[];
      expect(Object.keys(rows[0] ?? Object.fromEntries(DEADLINE_COLUMNS.map((c) => [c, ""])))).toEqual([
        ...DEADLINE_COLUMNS,
      ]);
      expect(rows).toHaveLength(total);
      const dates = rows.map((r) => r.date as string);
      const dated = dates.filter((d) => d !== "");
      expect(dated).toEqual([...dated].sort());
      expect(dates.slice(0, dated.length)).toEqual(dated);
    });

    it.each([
      ["--unit %", ["--unit", "%"], (t: Record<string, unknown>) => t.unit === "%"],
      ["--status target", ["--status", "target"], (t: Record<string, unknown>) => t.status === "target"],
      [
        "--grep 养老",
        ["--grep", "养老"],
        (t: Record<string, unknown>) => `${t.metric}${t.text}`.includes("养老"),
      ],
    ])("filter %s keeps only matching rows", (_name, args, keep) => {
      const all = JSON.parse(cli(["targets", PLANS, "--format", "json"]).stdout) as Record<string, unknown>[];
      const some = JSON.parse(cli(["targets", PLANS, "--format", "json", ...args]).stdout) as Record<
        string,
        unknown
      >[];
      expect(some).toEqual(all.filter(keep));
    });

    it("deadlines --status keeps the deadlines of that status, each in exactly one of the two", () => {
      const all = JSON.parse(cli(["deadlines", PLANS, "--format", "json"]).stdout) as { status: string }[];
      const achieved = JSON.parse(cli(["deadlines", PLANS, "--format", "json", "--status", "achieved"]).stdout) as {
        status: string;
      }[];
      const target = JSON.parse(cli(["deadlines", PLANS, "--format", "json", "--status", "target"]).stdout) as {
        status: string;
      }[];
      // seed-002 is a summary-plan: its summary part holds a met limit ("自 2020 年 4 月 1 日起")
      expect(achieved.length).toBeGreaterThan(0);
      expect(target.length).toBeGreaterThan(0);
      expect(achieved.every((r) => r.status === "achieved")).toBe(true);
      expect(target.every((r) => r.status === "target")).toBe(true);
      expect(achieved.length + target.length).toBe(all.length);
    });

    it("--sort value orders rows by value", () => {
      const rows = jsonl(
        cli(["targets", PLANS, "--format", "jsonl", "--sort", "value"]).stdout,
      ) as unknown as {
        value: number;
      }[];
      const values = rows.map((r) => r.value);
      expect(values).toEqual([...values].sort((a, b) => a - b));
    });

    it.each(["table", "md", "json", "jsonl"])("targets and deadlines --format %s exit 0", (format) => {
      for (const command of ["targets", "deadlines"]) {
        const r = cli([command, PLANS, "--format", format]);
        expect(r.code).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(0);
      }
    });
  });

  describe("compare and diff", () => {
    it("compare takes text files and saved JSON alike", () => {
      const saved = join(tmp, "plans.json");
      expect(cli([PLANS, "--format", "json", "--out", saved]).code).toBe(0);
      const fromText = JSON.parse(cli(["compare", PLANS, "--format", "json"]).stdout);
      const fromJson = JSON.parse(cli(["compare", saved, "--format", "json"]).stdout);
      expect(fromText.documents).toHaveLength(3);
      expect(fromJson).toEqual(fromText);
    });

    it("diff OLD NEW from text and from saved jsonl", () => {
      const a = join(tmp, "a.jsonl");
      writeFileSync(a, cli([`${PLANS}/seed-001.txt`, "--format", "jsonl"]).stdout);
      const r = cli(["diff", a, SEED, "--format", "json"]);
      expect(r.code).toBe(0);
      const d = JSON.parse(r.stdout);
      expect(d.old.path).toBe(`${PLANS}/seed-001.txt`);
      expect(d.new.path).toBe(SEED);
      for (const format of ["table", "md"]) expect(cli(["diff", a, SEED, "--format", format]).code).toBe(0);
    });

    it("--topics FILE extends the built-in taxonomy for parse and compare", () => {
      const file = join(tmp, "topics.json");
      writeFileSync(file, JSON.stringify([{ topic: "海岛民生", keywords: ["海岛"] }]));
      const parsed = JSON.parse(cli([SEED, "--format", "json", "--topics", file]).stdout) as PlanDocument;
      const topics = new Set<string>();
      const walk = (list: PlanDocument["sections"]): void => {
        for (const s of list) {
          for (const t of s.topics ?? []) topics.add(t);
          walk(s.children);
        }
      };
      walk(parsed.sections);
      expect(topics.has("海岛民生")).toBe(true);
      expect(topics.has("养老服务")).toBe(true);
      const compared = JSON.parse(cli(["compare", SEED, SEED, "--format", "json", "--topics", file]).stdout);
      expect(compared.topics.map((t: { topic: string }) => t.topic)).toContain("海岛民生");
      // a file name with "#" and "%" (URL syntax in a path) is read as the path it is
      const odd = join(tmp, "my #1 topics 100%.json");
      writeFileSync(odd, JSON.stringify([{ topic: "海岛民生", keywords: ["海岛"] }]));
      const oddRun = cli([SEED, "--format", "json", "--topics", odd]);
      expect(oddRun.stderr).toBe("");
      expect(oddRun.code).toBe(0);
      const missing = cli([SEED, "--topics", join(tmp, "no-such-topics.json")]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/--topics .*no-such-topics\.json: no such file/);
      const bad = join(tmp, "bad-topics.json");
      writeFileSync(bad, JSON.stringify([{ topic: "x" }]));
      const r = cli([SEED, "--topics", bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--topics .*keywords/);
    });

    it("--topics gov-report classifies a government work report by its own topics", () => {
      const report = "fixtures/plans/binzhou-2024-report/input.txt";
      const shares = (args: string[]): { other: number; topics: Set<string> } => {
        const doc = JSON.parse(cli([report, "--format", "json", ...args]).stdout) as PlanDocument;
        const bySection = new Map<string, string[]>();
        const walk = (list: PlanDocument["sections"]): void => {
          for (const s of list) {
            bySection.set(s.id, s.topics ?? []);
            walk(s.children);
          }
        };
        walk(doc.sections);
        const topics = new Set<string>();
        let other = 0;
        for (const t of doc.targets) {
          const ts = t.sectionId === null ? ["其他"] : (bySection.get(t.sectionId) ?? ["其他"]);
          for (const x of ts) topics.add(x);
          if (ts.length === 1 && ts[0] === "其他") other++;
        }
        return { other: other / doc.targets.length, topics };
      };
      const plain = shares([]);
      const gov = shares(["--topics", "gov-report"]);
      // the civil-affairs taxonomy leaves most of this report's targets under 其他
      expect(plain.other).toBeGreaterThan(0.5);
      expect(gov.other).toBeLessThan(0.2);
      for (const t of ["经济运行", "产业发展", "农业农村", "教育"]) expect(gov.topics.has(t), t).toBe(true);
      // a misspelt preset is a usage error that names the presets
      const r = cli([report, "--topics", "gov-reprot"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("built-in taxonomies: gov-report");
    });

    it("targets --topic lists the same targets as compare's block of that topic", () => {
      const report = "fixtures/plans/binzhou-2024-report/input.txt";
      const compared = JSON.parse(cli(["compare", report, "--format", "json", "--topics", "gov-report"]).stdout) as {
        topics: { topic: string; rows: { cells: { id: string }[][] }[] }[];
      };
      let checked = 0;
      for (const block of compared.topics) {
        const fromCompare = block.rows.flatMap((r) => (r.cells[0] ?? []).map((t) => t.id)).sort();
        const rows = JSON.parse(
          cli(["targets", report, "--format", "json", "--topics", "gov-report", "--topic", block.topic]).stdout,
        ) as { id: string }[];
        expect(rows.map((r) => r.id).sort(), block.topic).toEqual(fromCompare);
        checked++;
      }
      expect(checked).toBeGreaterThan(5);
    });

    it("diff with a failed input exits 1 and prints nothing", () => {
      const r = cli(["diff", SEED, "missing.txt"]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("missing.txt");
    });
  });

  describe("exit codes and errors", () => {
    it.each([
      [[SEED], 0],
      [["missing.txt"], 1],
      [[PNG], 1],
      [[], 2],
      [["--frmat", "json", SEED], 2],
      [[SEED, "--format", "xml"], 2],
      [[SEED, "--jobs", "0"], 2],
      [[SEED, "--year", "24"], 2],
      [[SEED, "--max-bytes", "lots"], 2],
      [["targets", SEED, "--sort", "size"], 2],
      [["diff", SEED], 2],
      [[SEED, "--topics", "missing-topics.json"], 2],
    ])("%j exits %i", (args, code) => {
      const r = cli(args as string[]);
      expect(r.code).toBe(code);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      if (code === 2) expect(r.stderr).toMatch(/plan-parse: .+/);
    });

    it("usage errors carry a hint", () => {
      expect(cli(["--frmat", "json", SEED]).stderr).toContain("--format");
      expect(cli([SEED, "--format", "xml"]).stderr).toMatch(/json, jsonl, table/);
    });

    it("a batch with a PNG, an empty directory and a missing file still outputs the others, exits 1", () => {
      const empty = join(tmp, "empty");
      mkdirSync(empty, { recursive: true });
      const r = cli([PLANS, PNG, empty, "missing.txt", "--format", "jsonl"]);
      expect(r.code).toBe(1);
      expect(jsonl(r.stdout)).toHaveLength(3);
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines).toEqual([
        `plan-parse: ${PNG}: not text (binary data: PNG image)`,
        expect.stringMatching(new RegExp(`^plan-parse: ${empty}: no \\*\\.txt, \\*\\.md files`)),
        "plan-parse: missing.txt: unreadable (no such file or directory)",
        `plan-parse: 3 parsed, 3 failed: ${PNG}, ${empty}, missing.txt`,
      ]);
    });

    it("--max-bytes refuses a larger input as too large", () => {
      const r = cli([SEED, "--max-bytes", "1k"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/seed-004\.txt: too large/);
    });

    it.skipIf(process.platform === "win32")(
      "FIFOs are reported, never opened; symlink loops are not followed",
      () => {
        const dir = join(tmp, "special");
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, "ok.txt"), readFileSync(join(ROOT, SEED)));
        const fifo = spawnSync("mkfifo", [join(dir, "pipe.txt")]);
        symlinkSync(dir, join(dir, "loop"));
        const r = cli([dir, "--format", "jsonl"]);
        expect(r.code).toBe(1);
        expect(jsonl(r.stdout)).toHaveLength(1);
        expect(r.stderr).toContain("loop: skipped (symbolic link loop");
        if (fifo.status === 0) expect(r.stderr).toContain("pipe.txt: not a regular file (a FIFO)");
      },
    );

    it("--debug adds a stack trace to internal errors only", () => {
      const r = cli([PNG, "--debug"]);
      expect(r.code).toBe(1);
      expect(r.stderr.split("\n")[0]).toBe(`plan-parse: ${PNG}: not text (binary data: PNG image)`);
    });
  });

  describe("output", () => {
    it("--out writes atomically and leaves no temporary file", () => {
      const dir = join(tmp, "out");
      mkdirSync(dir, { recursive: true });
      const out = join(dir, "plans.jsonl");
      const r = cli([PLANS, "--format", "jsonl", "--out", out]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("");
      expect(jsonl(readFileSync(out, "utf8"))).toHaveLength(3);
      expect(readdirSync(dir)).toEqual(["plans.jsonl"]);
    });

    it("--out without --format writes json, not a table", () => {
      const out = join(tmp, "default.json");
      expect(cli([SEED, "--out", out]).code).toBe(0);
      expect(JSON.parse(readFileSync(out, "utf8")).schemaVersion).toBe(1);
    });

    it.each([
      ["a missing directory", () => join(tmp, "no/such/dir/out.json")],
      ["a path under a file", () => join(ROOT, SEED, "out.json")],
    ])("--out to %s exits 1 with a message and leaves nothing behind", (_name, target) => {
      const out = target();
      const r = cli([SEED, "--out", out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^plan-parse: cannot write .+: /);
      expect(existsSync(out)).toBe(false);
    });

    it("a broken pipe (| head -c 100) ends quietly", () => {
      const r = spawnSync(
        "bash",
        [
          "-c",
          `node "${BIN}" "${many}" --format jsonl --jobs 1 | head -c 100 >/dev/null; echo "rc=\${PIPESTATUS[0]}" >&2`,
        ],
        { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
      );
      expect(r.stderr.trim()).toBe("rc=0");
    });

    it.each([["--help"], ["parse", "--help"], ["--version"]])(
      "a reader that leaves early (%s | head -c 10) ends quietly",
      (...args) => {
        const r = spawnSync(
          "bash",
          ["-c", `node "${BIN}" ${args.join(" ")} | head -c 10 >/dev/null; echo "rc=\${PIPESTATUS[0]}" >&2`],
          { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
        );
        expect(r.stderr.trim()).toBe("rc=0");
      },
    );

    it("SIGINT stops a batch cleanly: every JSONL line written is complete", async () => {
      const child = spawn(process.execPath, [BIN, many, "--format", "jsonl", "--jobs", "1"], { cwd: ROOT });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        stdout += d;
        if (stdout.includes("\n")) child.kill("SIGINT");
      });
      child.stderr.setEncoding("utf8").on("data", (d: string) => {
        stderr += d;
      });
      const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
      expect(stdout.endsWith("\n")).toBe(true);
      expect(jsonl(stdout).length).toBeGreaterThan(0);
      if (code !== 0) {
        expect(code).toBe(130);
        expect(stderr).toMatch(/interrupted after \d+ of 24 inputs/);
        expect(jsonl(stdout).length).toBeLessThan(24);
      }
    });
  });

  it("a SIGINT that lands after the last input never kills the process mid-write", async () => {
    // two small inputs: the signal (sent at the first line) often arrives after the batch is done
    for (let i = 0; i < 5; i++) {
      const child = spawn(process.execPath, [BIN, SEED, `${PLANS}/seed-001.txt`, "--format", "jsonl", "--jobs", "1"], {
        cwd: ROOT,
      });
      let stdout = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        stdout += d;
        if (stdout.includes("\n")) child.kill("SIGINT");
      });
      const [code, signal] = await new Promise<[number | null, string | null]>((done) =>
        child.on("close", (c, s) => done([c, s])),
      );
      // what must never happen: a cut line. Every line is whole JSON, the output ends with one.
      expect(stdout.endsWith("\n")).toBe(true);
      const lines = stdout.split("\n").filter((l) => l !== "");
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      if (signal === null) expect([0, 130]).toContain(code);
      // Node restores the default signal handling while the process exits: a signal landing in
      // that window (after the last write was flushed) ends it by SIGINT, with the output whole
      else {
        expect(signal).toBe("SIGINT");
        expect(lines).toHaveLength(2);
      }
    }
  });

  describe("help and version", () => {
    it.each(["parse", "targets", "deadlines", "compare", "diff"])(
      "%s --help has real examples",
      (command) => {
        const r = cli([command, "--help"]);
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(
          new RegExp(`Examples:\\n {2}plan-parse ${command === "parse" ? "" : command}`),
        );
      },
    );

    it("--version prints package.json's version", () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
      expect(cli(["--version"]).stdout.trim()).toBe(pkg.version);
      expect(cli(["--help"]).stdout).toContain("Exit codes");
    });
  });
});
