/** Runs every pattern unit's examples and counterexamples (targets and deadlines). */
import { describe, expect, it } from "vitest";
import { DEADLINE_PATTERNS, findDeadlines } from "../src/extract/deadlines.js";
import type { PatternUnit } from "../src/extract/pattern.js";
import { findTargetsInLine, TARGET_PATTERNS } from "../src/extract/targets/finder.js";

type Found = { pattern: string } & Record<string, unknown>;

function run(unit: PatternUnit<Record<string, unknown>>, text: string, year: number | null): Found[] {
  if (unit.concern === "target") return findTargetsInLine(text) as unknown as Found[];
  return findDeadlines(text, year) as unknown as Found[];
}

const UNITS = [...TARGET_PATTERNS, ...DEADLINE_PATTERNS] as unknown as PatternUnit<Record<string, unknown>>[];

describe("pattern units", () => {
  it("have unique names and at least one example each", () => {
    const names = UNITS.map((u) => u.name);
    expect(new Set(names).size).toBe(names.length);
    for (const u of UNITS) expect(u.examples.length, u.name).toBeGreaterThan(0);
  });

  for (const unit of UNITS) {
    describe(unit.name, () => {
      it.each(unit.examples.map((e) => [e.text, e] as const))("example %s", (_t, ex) => {
        const found = run(unit, ex.text, ex.year === undefined ? 2024 : ex.year).filter(
          (f) => f.pattern === unit.name,
        );
        expect(found.length, `${unit.name} found nothing in ${ex.text}`).toBeGreaterThan(0);
        const expects = ex.expect === undefined ? [] : Array.isArray(ex.expect) ? ex.expect : [ex.expect];
        for (const want of expects) {
          expect(
            found.some((f) =>
              Object.entries(want).every(([k, v]) => JSON.stringify(f[k]) === JSON.stringify(v)),
            ),
            `${unit.name}: no match like ${JSON.stringify(want)} in ${JSON.stringify(found.map((f) => ({ ...f })))}`,
          ).toBe(true);
        }
      });
      if (unit.counterexamples.length > 0) {
        it.each(unit.counterexamples.map((c) => [c.why, c] as const))("counterexample (%s)", (_w, ce) => {
          const found = run(unit, ce.text, ce.year === undefined ? 2024 : ce.year);
          const bad = ce.only === "self" ? found.filter((f) => f.pattern === unit.name) : found;
          expect(bad, `${ce.text}`).toEqual([]);
        });
      }
    });
  }
});
