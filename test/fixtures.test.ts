/**
 * Fixture tests on real documents: fixtures/plans/<case>/input.txt beside a reviewed expected.json.
 * UPDATE_FIXTURES=1 rewrites expected.json (then READ the diff before committing).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeInput } from "../src/decode/index.js";
import { parsePlan } from "../src/index.js";
import type { PlanDocument, Section } from "../src/types.js";
import { planInvariantErrors } from "./helpers/plan-invariants.js";
import { schemaErrors, validateDocument } from "./helpers/schema.js";

const root = join(import.meta.dirname, "../fixtures/plans");
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const update = process.env.UPDATE_FIXTURES === "1";

function parseFixture(name: string): PlanDocument {
  const input = readFileSync(join(root, name, "input.txt"));
  return parsePlan(input, { path: `fixtures/plans/${name}/input.txt` });
}

/** The outline as comparable lines: id style number title. */
function outline(sections: Section[]): string[] {
  return sections.flatMap((s) => [`${s.id} ${s.style} ${s.number} ${s.title}`, ...outline(s.children)]);
}

describe("fixtures/plans", () => {
  it("has the fixtures the docs promise", () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of cases) {
    describe(name, () => {
      const doc = parseFixture(name);
      // the catalogue/taxonomy fingerprint changes with every catalogue edit: not a reviewed fact
      delete doc.classifiedWith;
      const expectedPath = join(root, name, "expected.json");

      it("validates against the JSON Schema", () => {
        expect(schemaErrors(validateDocument, doc)).toEqual([]);
      });

      it("keeps its structural invariants", () => {
        const { text } = decodeInput(readFileSync(join(root, name, "input.txt")));
        expect(planInvariantErrors(doc, text)).toEqual([]);
      });

      it("matches the reviewed expected.json", () => {
        if (update) writeFileSync(expectedPath, `${JSON.stringify(doc, null, 2)}\n`);
        if (!existsSync(expectedPath)) {
          throw new Error(
            `${expectedPath} is missing: run UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts and review it`,
          );
        }
        const expected = JSON.parse(readFileSync(expectedPath, "utf8")) as PlanDocument;
        expect(outline(doc.sections)).toEqual(outline(expected.sections));
        expect(doc.meta).toEqual(expected.meta);
        expect(doc.targets).toEqual(expected.targets);
        expect(doc.deadlines).toEqual(expected.deadlines);
        expect(doc).toEqual(expected);
      });
    });
  }

  it("gives the same outline and figures for the GB18030 copy as for the UTF-8 original", () => {
    const utf8 = parseFixture("dinghai-2024-plan");
    const gbk = parseFixture("dinghai-2024-plan-gb18030");
    expect(gbk.source.encoding).toMatch(/^(gbk|gb18030)$/);
    expect(outline(gbk.sections)).toEqual(outline(utf8.sections));
    expect(gbk.meta).toEqual(utf8.meta);
    expect(gbk.targets).toEqual(utf8.targets);
    expect(gbk.deadlines).toEqual(utf8.deadlines);
  });
});
