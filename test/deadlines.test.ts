import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEADLINE_PATTERNS, findDeadlines } from "../src/extract/deadlines.js";
import {
  addDays,
  addMonths,
  addWorkingDays,
  daysInMonth,
  formatYmd,
  SPRING_FESTIVAL,
} from "../src/extract/time/calendar.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixtureDir = path.join(repoRoot, "fixtures/deadlines");

describe("deadline pattern units: examples and counterexamples", () => {
  const names = new Set<string>();
  for (const unit of DEADLINE_PATTERNS) {
    it(`${unit.name} is uniquely named and documented`, () => {
      expect(names.has(unit.name)).toBe(false);
      names.add(unit.name);
      expect(unit.concern).toBe("deadline");
      expect(unit.description.length).toBeGreaterThan(10);
      expect(unit.examples.length).toBeGreaterThan(0);
      expect(unit.counterexamples.length).toBeGreaterThan(0);
    });
    for (const ex of unit.examples) {
      it(`${unit.name} finds ${ex.text}`, () => {
        const year = ex.year === undefined ? 2024 : ex.year;
        const found = findDeadlines(ex.text, year).filter((m) => m.pattern === unit.name);
        const wanted = Array.isArray(ex.expect) ? ex.expect : [ex.expect ?? {}];
        for (const w of wanted) expect(found).toContainEqual(expect.objectContaining(w));
        for (const m of found) expect(ex.text.slice(m.start, m.end)).toBe(m.text);
      });
    }
    for (const ce of unit.counterexamples) {
      it(`${unit.name} rejects ${ce.text} (${ce.why})`, () => {
        const year = ce.year === undefined ? 2024 : ce.year;
        const found = findDeadlines(ce.text, year).filter((m) =>
          ce.only === "self" ? m.pattern === unit.name : true,
        );
        expect(found).toEqual([]);
      });
    }
  }
});

describe("date arithmetic", () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2024, 9, 30],
    [2024, 12, 31],
    [2024, 4, 30],
  ])("%i-%i has %i days", (y, m, d) => {
    expect(daysInMonth(y, m)).toBe(d);
  });
  it.each([
    [{ y: 2024, m: 1, d: 31 }, 1, "2024-02-29"],
    [{ y: 2023, m: 1, d: 31 }, 1, "2023-02-28"],
    [{ y: 2024, m: 11, d: 15 }, 3, "2025-02-15"],
    [{ y: 2024, m: 3, d: 31 }, -1, "2024-02-29"],
  ])("%o + %i months = %s", (v, n, want) => {
    expect(formatYmd(addMonths(v, n))).toBe(want);
  });
  it.each([
    [{ y: 2024, m: 2, d: 28 }, 1, "2024-02-29"],
    [{ y: 2023, m: 12, d: 31 }, 1, "2024-01-01"],
    [{ y: 2024, m: 3, d: 1 }, -1, "2024-02-29"],
  ])("%o + %i days = %s", (v, n, want) => {
    expect(formatYmd(addDays(v, n))).toBe(want);
  });
  it.each([
    // Friday + 1 working day = Monday
    [{ y: 2024, m: 5, d: 24 }, 1, "2024-05-27"],
    [{ y: 2021, m: 6, d: 14 }, 15, "2021-07-05"],
  ])("%o + %i working days = %s", (v, n, want) => {
    expect(formatYmd(addWorkingDays(v, n))).toBe(want);
  });
  it("has a Spring Festival date for every year 2010–2035, all in Jan 21 – Feb 20", () => {
    for (let y = 2010; y <= 2035; y++) {
      const md = SPRING_FESTIVAL[y];
      expect(md, String(y)).toBeDefined();
      expect(md && md >= "01-21" && md <= "02-20", `${y} ${md}`).toBe(true);
    }
  });
});

describe("resolution against the document year", () => {
  it.each([
    ["9月底前完成", 2024, "2024-09-30"],
    ["2月底前完成", 2024, "2024-02-29"],
    ["2月底前完成", 2025, "2025-02-28"],
    ["年底前完成", 2024, "2024-12-31"],
    ["年内完成", 2021, "2021-12-31"],
    ["上半年完成", 2024, "2024-06-30"],
    ["第三季度前完成", 2024, "2024-09-30"],
    ["3月前完成", 2024, "2024-03-31"],
    ["2025年前完成", 2021, "2025-12-31"],
    ["到2025年,", 2021, "2025-12-31"],
    ["到“十四五”期末,", 2021, "2025-12-31"],
    ["春节前完成", 2025, "2025-01-28"],
    ["国庆节前完成", 2024, "2024-09-30"],
    ["明年3月底前完成", 2024, "2025-03-31"],
  ])("%s in a %i plan → %s", (text, year, date) => {
    expect(findDeadlines(text, year)[0]?.date).toBe(date);
  });

  it.each(["9月底前完成", "年底前完成", "年内完成", "上半年完成", "春节前完成", "今年底前完成"])(
    "%s without a year: date null and needsYear",
    (text) => {
      const [m] = findDeadlines(text, null);
      expect(m?.date).toBeNull();
      expect(m?.needsYear).toBe(true);
    },
  );

  it.each(["2024年12月31日前完成", "到2025年,", "2025年前完成", "到2022年底,"])(
    "%s carries its own year",
    (text) => {
      const [m] = findDeadlines(text, null);
      expect(m?.date).not.toBeNull();
      expect(m?.needsYear).toBeUndefined();
    },
  );

  it("tolerates full-width digits and stray spaces", () => {
    expect(findDeadlines("１０月底前完成", 2024)[0]).toMatchObject({
      text: "１０月底前",
      date: "2024-10-31",
    });
    expect(findDeadlines("确保 10 月底前年完成", 2020)[0]).toMatchObject({
      text: "10 月底前",
      date: "2020-10-31",
    });
  });
});

interface Expected {
  text: string;
  kind: string;
  date: string | null;
}

function readExpected(file: string): Expected[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#") && !l.startsWith("text\t"))
    .map((l) => {
      const [text = "", kind = "", date = ""] = l.split("\t");
      return { text, kind, date: date === "" ? null : date };
    });
}

const SEED_YEARS: Record<string, number> = {
  "000": 2024,
  "001": 2021,
  "002": 2020,
  "003": 2022,
  "004": 2024,
};

describe("seeds: precision / recall / F1 against hand-checked deadlines", () => {
  const seeds = readdirSync(fixtureDir).filter((f) => f.endsWith(".txt"));
  it("has the five seeds", () => expect(seeds.length).toBe(5));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const seed of seeds) {
    it(`${seed}`, () => {
      const year = SEED_YEARS[seed.slice(0, 3)] ?? null;
      const expected = readExpected(path.join(fixtureDir, seed.replace(/\.txt$/, ".tsv")));
      const key = (e: Expected) => `${e.text.replace(/ /g, "")}|${e.kind}|${e.date}`;
      const want = new Map<string, number>();
      for (const e of expected) want.set(key(e), (want.get(key(e)) ?? 0) + 1);
      const text = readFileSync(path.join(fixtureDir, seed), "utf8");
      const extra: string[] = [];
      for (const line of text.split("\n")) {
        for (const m of findDeadlines(line, year)) {
          const k = key(m);
          const left = want.get(k) ?? 0;
          if (left > 0) {
            want.set(k, left - 1);
            tp += 1;
          } else {
            fp += 1;
            extra.push(k);
          }
        }
      }
      const missed = [...want.entries()].filter(([, n]) => n > 0).map(([k]) => k);
      fn += missed.reduce((s, k) => s + (want.get(k) ?? 0), 0);
      expect({ extra, missed }).toEqual({ extra: [], missed: [] });
    });
  }
  it("F1 ≥ 0.95 over all seeds", () => {
    const p = tp / Math.max(1, tp + fp);
    const r = tp / Math.max(1, tp + fn);
    const f1 = (2 * p * r) / Math.max(1e-9, p + r);
    console.log(
      `seed deadlines: tp ${tp} fp ${fp} fn ${fn} precision ${p.toFixed(3)} recall ${r.toFixed(3)} F1 ${f1.toFixed(3)}`,
    );
    expect(tp).toBeGreaterThan(20);
    expect(f1).toBeGreaterThanOrEqual(0.95);
  });
});

describe("performance", () => {
  it.each([
    ["1 MB of digits", "1234567890".repeat(100_000)],
    ["1 MB of 月底前", "月底前".repeat(350_000)],
    ["1 MB of 9月底前,", "9月底前,".repeat(200_000)],
    ["1 MB of 每人每月", "每人每月".repeat(250_000)],
    ["1 MB of 2024年", "2024年".repeat(200_000)],
  ])("%s in < 1 s", (_name, line) => {
    const t0 = performance.now();
    findDeadlines(line, 2024);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
