/** `plan-parse explain` (built binary) and `explainPlan` (library): the rule for every number. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { explainPlan } from "../src/explain.js";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "dist/bin/plan-parse.js");
const TEXT =
  "一、工作目标\n对现有床位数不足40张且收住人数少于10人的乡镇敬老院进行撤并。\n2025年底前，新增养老床位4400张。\n出台十条措施，家庭人口每增加1人，补助增加100元。\n";

describe("explainPlan", () => {
  const lines = explainPlan(TEXT, { year: 2025 });
  it("names class-threshold for 不足40张 and 少于10人", () => {
    const l = lines.find((x) => x.text.includes("不足40张"));
    expect(l?.numbers.map((n) => [n.text, n.rule])).toEqual([
      ["40张", "class-threshold"],
      ["10人", "class-threshold"],
    ]);
  });
  it("gives the target taken, with its id, metric and status", () => {
    const n = lines.flatMap((l) => l.numbers).find((x) => x.text === "4400张");
    expect(n?.verdict).toBe("taken");
    expect(n?.target).toMatchObject({ metric: "新增养老床位", unit: "张", status: "target", deadline: "2025-12-31" });
  });
  it("names named-count, per-step and inside-deadline", () => {
    const rules = lines.flatMap((l) => l.numbers).map((n) => n.rule);
    expect(rules).toEqual(expect.arrayContaining(["named-count", "per-step", "inside-deadline"]));
  });
  it("--line keeps one line", () => {
    const only = explainPlan(TEXT, { year: 2025, line: 3 });
    expect(only.map((l) => l.line)).toEqual([3]);
  });
});

describe.skipIf(!existsSync(BIN))("plan-parse explain (binary)", () => {
  it("prints the rejecting rule for 不足40张", () => {
    const r = spawnSync(process.execPath, [BIN, "explain", "-", "--line", "2"], { input: TEXT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/40张 {2}✗ class-threshold/);
    expect(r.stdout).not.toMatch(/4400张/);
  });
  it("is a usage error without a file, and shows help", () => {
    expect(spawnSync(process.execPath, [BIN, "explain"], { encoding: "utf8" }).status).toBe(2);
    const h = spawnSync(process.execPath, [BIN, "explain", "--help"], { encoding: "utf8" });
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/--line N/);
  });
  it("--debug in the outline and table views points to explain for each file, on stderr", () => {
    const file = join(ROOT, "fixtures/cli/explain-sample.txt");
    for (const format of ["outline", "table"]) {
      const r = spawnSync(process.execPath, [BIN, file, "--format", format, "--debug"], { encoding: "utf8" });
      expect(r.status, format).toBe(0);
      expect(r.stderr).toContain(`plan-parse explain ${file} --line N`);
      expect(r.stdout).not.toContain("plan-parse explain");
    }
    const quiet = spawnSync(process.execPath, [BIN, file, "--format", "outline"], { encoding: "utf8" });
    expect(quiet.stderr).not.toContain("plan-parse explain");
  });
});
