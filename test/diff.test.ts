import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeDoc, outline } from "./helpers/outline.js";
import { diffPlans } from "../src/compare/index.js";
import type { DiffResult } from "../src/compare/types.js";
import { parsePlan } from "../src/index.js";
import { renderDiff } from "../src/render/diff.js";
import { stripAnsi } from "../src/render/width.js";
import type { PlanDocument, Section, Target } from "../src/types.js";
import { schemaErrors, validateDiff } from "./helpers/schema.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fixture = (name: string) => readFileSync(join(root, "fixtures/compare", name), "utf8");
// looking for ANSI escapes on purpose
const ANSI = /\u001b\[/;

/** The parts of a diff a reader checks, in a compact form. */
function summary(r: DiffResult) {
  return {
    added: r.sections.added.map((id) => `${id} ${r.titles.new[id]}`),
    removed: r.sections.removed.map((id) => `${id} ${r.titles.old[id]}`),
    retitled: r.sections.matched
      .filter((m) => m.titleChanged)
      .map((m) => `${m.old}→${m.new} ${r.titles.old[m.old]} → ${r.titles.new[m.new]}`),
    renumbered: r.sections.matched
      .filter((m) => m.old !== m.new && !m.titleChanged)
      .map((m) => `${m.old}→${m.new}`),
    changed: r.targets.changed.map(
      (c) =>
        `${c.metric}: ${c.old.comparator}${c.old.value}${c.old.unit} → ${c.new.comparator}${c.new.value}${c.new.unit}`,
    ),
    targetsAdded: r.targets.added.map((t) => `${t.metric} ${t.comparator}${t.value}${t.unit}`),
    targetsRemoved: r.targets.removed.map((t) => `${t.metric} ${t.comparator}${t.value}${t.unit}`),
  };
}

function expectNothing(r: DiffResult, doc: PlanDocument): void {
  expect(r.sections.added).toEqual([]);
  expect(r.sections.removed).toEqual([]);
  expect(r.targets).toMatchObject({ changed: [], added: [], removed: [] });
  const ids: string[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      ids.push(s.id);
      walk(s.children);
    }
  };
  walk(doc.sections);
  expect(r.sections.matched.map((m) => [m.old, m.new, m.similarity, m.titleChanged])).toEqual(
    ids.map((id) => [id, id, 1, false]),
  );
}

const PAIRS = [
  {
    old: "dinghai-2024.txt",
    new: "dinghai-2025-edited.txt",
    // ids of the fixture outline (test/helpers/outline.ts) and of parsePlan agree on these two files
    expected: {
      added: ["1.1.3 推进低收入人口分层分类救助"],
      removed: ["1.2.3 推动老年友好型社会建设"],
      retitled: ["1.2.5→1.2.4 完善海岛助餐服务体系 → 健全海岛老年助餐服务网络"],
      renumbered: [
        "1.1.3→1.1.4",
        "1.1.4→1.1.5",
        "1.1.5→1.1.6",
        "1.1.6→1.1.7",
        "1.1.7→1.1.8",
        "1.2.4→1.2.3",
        "1.2.6→1.2.5",
      ],
    },
    targets: {
      changed: [
        "低保年标准: >=1.36万元 → >=1.45万元",
        "持证养老护理员数: >=24.5人 → >=26人",
        "认知障碍床位数: >=17张 → >=20张",
        "养老机构护理型床位占比: >=58% → >=62%",
      ],
      targetsAdded: ["低收入人口动态监测覆盖率 >=100%"],
      targetsRemoved: [],
    },
  },
  {
    old: "shijiazhuang-2021.txt",
    new: "shijiazhuang-2022-edited.txt",
    expected: {
      added: ["4.3 推进家庭养老床位建设"],
      removed: ["3.3 加强流浪乞讨人员救助"],
      retitled: ["7.1→7.1 提升殡葬管理水平 → 深化殡葬领域改革"],
      renumbered: ["3.4→3.3", "4.3→4.4", "4.4→4.5", "4.5→4.6"],
    },
    targets: {
      changed: [
        "新增养老床位: =4400张 → =3000张",
        "护理型床位占比: >=43% → >=50%",
        "任务指标: =56030万元 → =60000万元",
      ],
      targetsAdded: ["家庭养老床位 =1000张"],
      targetsRemoved: [],
    },
  },
];

describe("diff of edited next-year versions (fixture outline: sections only)", () => {
  it.each(PAIRS)("$old → $new, with the texts", (pair) => {
    const [a, b] = [fixture(pair.old), fixture(pair.new)];
    const r = diffPlans(makeDoc(pair.old, outline(a)), makeDoc(pair.new, outline(b)), {
      oldText: a,
      newText: b,
    });
    expect(summary(r)).toMatchObject(pair.expected);
  });

  it.each(PAIRS)("$old → $new, from titles alone (saved JSON has no text)", (pair) => {
    const r = diffPlans(
      makeDoc(pair.old, outline(fixture(pair.old))),
      makeDoc(pair.new, outline(fixture(pair.new))),
    );
    expect(summary(r)).toMatchObject(pair.expected);
  });
});

describe("diff of edited next-year versions (parsePlan: sections and targets)", () => {
  const parsed = (name: string) => parsePlan(fixture(name), { path: name });

  it.each(PAIRS)("$old → $new: the exact diff", (pair) => {
    const [a, b] = [parsed(pair.old), parsed(pair.new)];
    expect(a.targets.length).toBeGreaterThan(0);
    const r = diffPlans(a, b, { oldText: fixture(pair.old), newText: fixture(pair.new) });
    expect(summary(r)).toEqual({ ...pair.expected, ...pair.targets });
    expect(schemaErrors(validateDiff, r)).toEqual([]);
  });

  it.each(PAIRS)("$old → $new: the same without the texts", (pair) => {
    const r = diffPlans(parsed(pair.old), parsed(pair.new));
    expect(summary(r)).toEqual({ ...pair.expected, ...pair.targets });
  });

  it.each(["dinghai-2024.txt", "shijiazhuang-2021.txt", "dinghai-2025-edited.txt"])(
    "%s against itself: nothing",
    (name) => {
      const doc = parsed(name);
      expectNothing(diffPlans(doc, parsed(name), { oldText: fixture(name), newText: fixture(name) }), doc);
      expectNothing(diffPlans(doc, parsed(name)), doc);
    },
  );

  it("answers well under a second", () => {
    const [a, b] = [parsed("shijiazhuang-2021.txt"), parsed("shijiazhuang-2022-edited.txt")];
    const opts = {
      oldText: fixture("shijiazhuang-2021.txt"),
      newText: fixture("shijiazhuang-2022-edited.txt"),
    };
    diffPlans(a, b, opts); // warm-up
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) diffPlans(a, b, opts);
    expect((performance.now() - t0) / 5).toBeLessThan(250);
  });
});

let n = 0;
function t(
  sectionId: string | null,
  metric: string,
  value: number,
  unit: string,
  extra: Partial<Target> = {},
): Target {
  n++;
  return {
    id: `t${n}`,
    sectionId,
    text: `${metric}${value}${unit}`,
    metric,
    comparator: ">=",
    value,
    unit,
    status: "target",
    span: { start: 0, end: 0, line: 1 },
    pattern: "test",
    confidence: 1,
    ...extra,
  };
}

describe("target pairing (synthetic)", () => {
  const oldSections = outline(
    "(一)养老服务。护理型床位。\n(二)社会救助。低保标准。\n(三)殡葬。节地生态安葬。\n",
  );
  const newSections = outline(
    "(一)社会救助。低保标准。\n(二)养老服务。护理型床位。\n(三)殡葬。节地生态安葬。\n",
  );
  const diff = (o: Target[], nw: Target[]) =>
    summary(diffPlans(makeDoc("o", oldSections, o), makeDoc("n", newSections, nw)));

  const cases: [string, Target[], Target[], Partial<ReturnType<typeof summary>>][] = [
    [
      "a section moved: its targets follow it; unchanged figures are not listed",
      [t("1", "护理型床位占比", 55, "%"), t("2", "低保标准", 610, "元")],
      [t("1", "低保标准", 610, "元"), t("2", "护理型床位占比", 60, "%")],
      { changed: ["护理型床位占比: >=55% → >=60%"], targetsAdded: [], targetsRemoved: [] },
    ],
    [
      "a reworded metric (synonym) with a new value is a change",
      [t("2", "低保年标准", 1.36, "万元")],
      [t("1", "低保标准", 1.45, "万元")],
      { changed: ["低保标准: >=1.36万元 → >=1.45万元"] },
    ],
    [
      "a comparator change is a change",
      [t("3", "节地生态安葬率", 60, "%")],
      [t("3", "节地生态安葬率", 60, "%", { comparator: "=" })],
      { changed: ["节地生态安葬率: >=60% → =60%"] },
    ],
    [
      "incompatible units never pair",
      [t("1", "护理型床位", 2000, "张")],
      [t("2", "护理型床位", 60, "%")],
      { changed: [], targetsAdded: ["护理型床位 >=60%"], targetsRemoved: ["护理型床位 >=2000张"] },
    ],
    [
      "different indicators in one section never pair",
      [t("2", "低保标准", 610, "元")],
      [t("1", "特困供养标准", 800, "元")],
      { changed: [], targetsAdded: ["特困供养标准 >=800元"], targetsRemoved: ["低保标准 >=610元"] },
    ],
    [
      "several targets of one metric pair in order",
      [t("3", "集中学习", 1, "次"), t("3", "集中学习", 12, "次")],
      [t("3", "集中学习", 1, "次"), t("3", "集中学习", 12, "次")],
      { changed: [], targetsAdded: [], targetsRemoved: [] },
    ],
    [
      "the same clause with a drifted metric wording pairs (no spurious add/remove)",
      [t("3", "区级项目", 60, "%", { text: "打造首个区级节地生态安葬项目,节地生态安葬率达到60%" })],
      [t("3", "区级节地生态安葬率", 65, "%", { text: "打造首个区级节地生态安葬项目,节地生态安葬率达到65%" })],
      { changed: ["区级节地生态安葬率: >=60% → >=65%"], targetsAdded: [], targetsRemoved: [] },
    ],
    [
      "a target without a section pairs with one without a section",
      [t(null, "研究成果", 2, "篇")],
      [t(null, "研究成果", 3, "篇")],
      { changed: ["研究成果: >=2篇 → >=3篇"] },
    ],
  ];
  it.each(cases)("%s", (_name, o, nw, expected) => {
    expect(diff(o, nw)).toMatchObject(expected);
  });

  it("matches the moved sections by content, not by number", () => {
    const r = diffPlans(makeDoc("o", oldSections), makeDoc("n", newSections));
    expect(r.sections.matched.map((m) => `${m.old}→${m.new}`)).toEqual(["1→2", "2→1", "3→3"]);
  });

  it("similarity is in 0..1 with at most 3 decimals", () => {
    const [a, b] = [fixture("dinghai-2024.txt"), fixture("dinghai-2025-edited.txt")];
    const r = diffPlans(makeDoc("a", outline(a)), makeDoc("b", outline(b)), { oldText: a, newText: b });
    for (const m of r.sections.matched) {
      expect(m.similarity).toBeGreaterThanOrEqual(0);
      expect(m.similarity).toBeLessThanOrEqual(1);
      expect(Math.round(m.similarity * 1000) / 1000).toBe(m.similarity);
    }
  });
});

describe("renderDiff", () => {
  const [a, b] = [fixture("dinghai-2024.txt"), fixture("dinghai-2025-edited.txt")];
  const docA = makeDoc("dinghai-2024.txt", outline(a), [t("1.1.1", "低保年标准", 1.36, "万元")], {
    region: "定海区",
    year: 2024,
  });
  const docB = makeDoc(
    "dinghai-2025-edited.txt",
    outline(b),
    [t("1.1.1", "低保年标准", 1.45, "万元"), t("1.1.3", "低收入人口动态监测覆盖率", 100, "%")],
    { region: "定海区", year: 2025 },
  );
  const r = diffPlans(docA, docB, { oldText: a, newText: b });

  it("table: a code-review listing without colour codes when colour is off", () => {
    const out = renderDiff(r, "table", { color: false });
    expect(ANSI.test(out)).toBe(false);
    expect(out).toContain("diff 定海区 2024 → 定海区 2025");
    expect(out).toContain("- §1.2.3 推动老年友好型社会建设");
    expect(out).toContain("+ §1.1.3 推进低收入人口分层分类救助");
    expect(out).toContain("~ §1.2.5 → §1.2.4 完善海岛助餐服务体系 → 健全海岛老年助餐服务网络");
    expect(out).toContain("~ 低保年标准: ≥ 1.36 万元 → ≥ 1.45 万元");
    expect(out).toContain("+ 低收入人口动态监测覆盖率: ≥ 100 %");
  });

  it("table: removed red, added green when colour is on", () => {
    const out = renderDiff(r, "table", { color: true });
    expect(out).toContain("\u001b[31m- §1.2.3");
    expect(out).toContain("\u001b[32m+ §1.1.3");
    expect(stripAnsi(out)).toBe(renderDiff(r, "table", { color: false }));
  });

  it("md and json", () => {
    const md = renderDiff(r, "md", { color: true });
    expect(ANSI.test(md)).toBe(false);
    expect(md).toContain("## Sections removed (1)\n\n- §1.2.3 ~~推动老年友好型社会建设~~");
    expect(md).toContain("## Other targets changed (1)");
    expect(md).toContain("| 低保年标准 | ≥ 1.36 万元 | ≥ 1.45 万元 | 1.1.1 |");
    expect(JSON.parse(renderDiff(r, "json", { color: false }))).toEqual(r);
  });

  it("a plan against itself: 'no changes'", () => {
    const out = renderDiff(diffPlans(docA, docA, { oldText: a, newText: a }), "table", { color: false });
    expect(out).toContain("no target changed");
    expect(out).toContain("no section changed");
    expect(out).not.toMatch(/^[-+~] /m);
  });
});
