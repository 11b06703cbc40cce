/** The shipped JSON Schemas accept contract-shaped objects and reject broken ones. */
import { describe, expect, it } from "vitest";
import { parsePlan } from "../src/index.js";
import { schemaErrors, validateCompare, validateDiff, validateDocument } from "./helpers/schema.js";

const target = {
  id: "t1",
  sectionId: "1",
  text: "低保年标准达到1.36万元以上",
  metric: "低保年标准",
  comparator: ">=",
  value: 1.36,
  unit: "万元",
  status: "target",
  span: { start: 10, end: 26, line: 3 },
  pattern: "target-count-with-unit",
  confidence: 0.9,
};

const doc = {
  schemaVersion: 1,
  source: { path: "a.txt", encoding: "utf8", bytes: 10, sha256: "a".repeat(64) },
  meta: {
    title: null,
    issuer: null,
    region: null,
    province: null,
    year: 2024,
    kind: "plan",
    published: null,
  },
  sections: [
    {
      id: "1",
      style: "hanzi",
      number: 1,
      marker: "一、",
      title: "主要任务",
      depth: 1,
      span: { start: 0, end: 40, line: 1 },
      children: [],
    },
  ],
  targets: [target],
  deadlines: [
    {
      id: "d1",
      sectionId: "1",
      text: "9月底前",
      date: "2024-09-30",
      kind: "by",
      span: { start: 0, end: 5, line: 1 },
    },
  ],
  warnings: [{ code: "numbering-gap", message: "Unexpected 三、, expected 二、", line: 4 }],
};

const ref = { path: "a.txt", title: null, region: "定海区", year: 2024 };

describe("plan document schema", () => {
  it("accepts a contract-shaped document", () => {
    expect(schemaErrors(validateDocument, doc)).toEqual([]);
  });

  it("accepts what parsePlan returns for an empty input", () => {
    expect(schemaErrors(validateDocument, parsePlan(Buffer.alloc(0)))).toEqual([]);
  });

  const broken: [string, (d: typeof doc) => unknown][] = [
    ["a wrong schemaVersion", (d) => ({ ...d, schemaVersion: 2 })],
    ["an unknown kind", (d) => ({ ...d, meta: { ...d.meta, kind: "memo" } })],
    [
      "a published date that is not YYYY-MM-DD",
      (d) => ({ ...d, meta: { ...d.meta, published: "2024/5/27" } }),
    ],
    ["a missing targets array", ({ targets: _t, ...rest }) => rest],
    ["an unknown comparator", (d) => ({ ...d, targets: [{ ...target, comparator: "≥" }] })],
    ["a range without valueMax", (d) => ({ ...d, targets: [{ ...target, comparator: "range" }] })],
    [
      "a negative span offset",
      (d) => ({ ...d, targets: [{ ...target, span: { start: -1, end: 3, line: 1 } }] }),
    ],
    ["a section id that is not a path", (d) => ({ ...d, sections: [{ ...d.sections[0], id: "a" }] })],
    [
      "a deadline kind outside the contract",
      (d) => ({ ...d, deadlines: [{ ...d.deadlines[0], kind: "before" }] }),
    ],
  ];
  it.each(broken)("rejects %s", (_name, mutate) => {
    expect(schemaErrors(validateDocument, mutate(doc)).length).toBeGreaterThan(0);
  });
});

describe("compare and diff schemas", () => {
  const compare = {
    schemaVersion: 1,
    documents: [ref, { ...ref, region: "石家庄市", year: 2021 }],
    topics: [
      { topic: "社会救助", sections: [["1"], []], rows: [{ metric: "低保年标准", cells: [[target], []] }] },
    ],
  };
  const diff = {
    schemaVersion: 1,
    old: ref,
    new: { ...ref, year: 2025 },
    sections: {
      matched: [{ old: "1", new: "1", similarity: 1, titleChanged: false }],
      added: ["2"],
      removed: [],
    },
    targets: {
      changed: [{ metric: "低保年标准", old: target, new: { ...target, value: 1.5 } }],
      added: [],
      removed: [],
    },
  };

  it("accepts a contract-shaped compare result", () => {
    expect(schemaErrors(validateCompare, compare)).toEqual([]);
  });
  it("rejects a compare row whose cells are not target lists", () => {
    const bad = {
      ...compare,
      topics: [{ ...compare.topics[0], rows: [{ metric: "x", cells: [[{ id: 1 }]] }] }],
    };
    expect(schemaErrors(validateCompare, bad).length).toBeGreaterThan(0);
  });
  it("accepts a contract-shaped diff result", () => {
    expect(schemaErrors(validateDiff, diff)).toEqual([]);
  });
  it("rejects a diff whose similarity is out of range", () => {
    const bad = {
      ...diff,
      sections: { ...diff.sections, matched: [{ old: "1", new: "1", similarity: 2, titleChanged: false }] },
    };
    expect(schemaErrors(validateDiff, bad).length).toBeGreaterThan(0);
  });
});
