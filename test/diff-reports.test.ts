/**
 * diff on real consecutive 政府工作报告 (fixtures/diff, copied unchanged; SOURCES.md).
 *
 * 1. The headline figures (主要预期目标) of both years, read off the two texts by hand: every
 *    change, addition, removal and non-change is checked. Figures are named by metric words
 *    (or a catalogued indicator's name), so the lists hold whichever way the metric is worded.
 * 2. The whole diff against a reviewed summary (fixtures/diff/expected/*.json);
 *    UPDATE_FIXTURES=1 rewrites them (then READ the diff before committing).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { headlineIds } from "../src/compare/headline.js";
import { diffPlans } from "../src/compare/index.js";
import { squash } from "../src/compare/similarity.js";
import type { DiffResult, TargetChange } from "../src/compare/types.js";
import { parsePlan } from "../src/index.js";
import type { Target } from "../src/types.js";
import { getCutter } from "../src/util/words.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "fixtures/diff");
const update = process.env.UPDATE_FIXTURES === "1";

/** A figure as comparator, direction (+/-), value and unit: "~+5.5%", ">=110万人". */
function fig(t: Target): string {
  const dirn = t.change === "increase" ? "+" : t.change === "decrease" ? "-" : "";
  const cmp = t.comparator === "~" ? "~" : t.comparator === "=" ? "=" : t.comparator;
  const max = t.valueMax !== undefined ? `..${t.valueMax}` : "";
  return `${cmp}${dirn}${t.value}${max}${t.unit.normalize("NFKC")}`;
}

/** Does the target measure what `name` names (its metric words, or its catalogued indicator)? */
function names(t: Target, name: string): boolean {
  const m = squash(t.metric);
  const n = squash(name);
  return m === n || m.startsWith(n) || m.endsWith(n) || t.indicator?.name === name;
}

interface HeadlineList {
  /** metric, old figure, new figure */
  changed: [string, string, string][];
  /** metric, figure */
  unchanged: [string, string][];
  added: [string, string][];
  removed: [string, string][];
}

interface Pair {
  name: string;
  old: string;
  new: string;
  headline: HeadlineList;
}

const PAIRS: Pair[] = [
  {
    name: "henan-2023-2024",
    old: "henan_2023.md",
    new: "henan_2024.md",
    headline: {
      changed: [
        ["经济", "=+6%", "=+5.5%"],
        ["研发经费投入强度", ">=2%", "=2.1%"],
        ["规模以上工业增加值", "=+7%", "=+6.5%"],
        ["固定资产投资", "=+10%", "=+7%"],
        ["社会消费品零售总额", "=+8%", "=+7%"],
        ["城镇新增就业", "=110万人", ">=110万人"],
        ["居民消费价格涨幅", "=3%", "~3%"],
      ],
      unchanged: [
        ["一般公共预算收入", "=+5%"],
        ["城镇调查失业率", "~5.5%"],
        ["粮食产量", ">=1300亿斤"],
      ],
      added: [["单位生产总值能耗", ">=-3%"]],
      removed: [["常住人口城镇化率", ">=+1个百分点"]],
    },
  },
  {
    name: "binzhou-2023-2024",
    old: "binzhou_2023.md",
    new: "binzhou_2024.md",
    headline: {
      changed: [
        ["一般公共预算收入", ">=+6%", "=+5%"],
        ["固定资产投资", ">=+10%", "~+8%"],
        ["社会消费品零售总额", ">=+6%", "~+6%"],
      ],
      unchanged: [
        ["GDP", "~+5.5%"],
        ["居民人均可支配收入", ">=+6%"],
      ],
      // 2023: 规上工业增加值实现合理增长 (no figure)
      added: [["规上工业增加值", "=+7.5%"]],
      removed: [],
    },
  },
  {
    name: "jiamusi-2019-2020",
    old: "jiamusi_2019.md",
    new: "jiamusi_2020.md",
    headline: {
      changed: [["城镇登记失业率", "<=4%", "<=3.8%"]],
      unchanged: [["地区生产总值", "~+5.5%"]],
      added: [
        ["规上工业增加值", "~+6%"],
        ["固定资产投资", "~+5%"],
        ["一般公共预算收入", "~+3%"],
        ["社会消费品零售总额", "~+7%"],
        ["外贸进出口总额", "~+6%"],
      ],
      // 2020: 单位生产总值能耗下降率达到省控目标 (no figure)
      removed: [
        ["居民消费价格涨幅", "~3%"],
        ["城镇新增就业", "=3.5万人"],
        ["单位地区生产总值能耗", "~-3%"],
      ],
    },
  },
  {
    name: "liaoning-2020-2021",
    old: "liaoning_2020.md",
    new: "liaoning_2021.md",
    headline: {
      changed: [
        ["地区生产总值", "~+6%", ">=+6%"],
        ["一般公共预算收入", "~+2%", ">=+4%"],
        ["规模以上工业增加值", ">=+7%", ">=+8%"],
        ["固定资产投资", ">=+7%", "~+10%"],
        ["社会消费品零售总额", "=+6%", "~+7%"],
        ["城镇新增就业", "=42万人", ">=42万人"],
        // 2020 set its grain target in the agriculture section (粮食产量稳定在400亿斤以上), 2021 in the
        // headline paragraph: one indicator (grain.output), so a change, not one added and one removed
        ["粮食", ">=400亿斤", ">=468亿斤"],
      ],
      unchanged: [
        ["城镇调查失业率", "~5.5%"],
        ["居民消费价格涨幅", "~3%"],
      ],
      added: [
        ["单位地区生产总值能耗", "~-3%"],
      ],
      removed: [["城镇登记失业率", "<=4.5%"]],
    },
  },
  {
    name: "zhejiang-2024-2025",
    old: "zhejiang_2024.md",
    new: "zhejiang_2025.md",
    headline: {
      // 2025's headline paragraph keeps three figures; the other three reappear as targets of
      // the sections on consumption (§2.2) and industry (§2.4): changes, not removals
      changed: [
        ["居民消费价格涨幅", "~3%", "~2%"],
        ["社会消费品零售总额", "~+5.5%", ">=+5%"],
        ["研发投入强度", ">=3.2%", "~3.3%"],
        ["规上工业增加值", "~+6%", ">=+6%"],
      ],
      unchanged: [
        ["生产总值", "~+5.5%"],
        ["城镇调查失业率", "<=5%"],
      ],
      added: [],
      removed: [["固定资产投资", "~+6%"]],
    },
  },
];

const text = (name: string) => readFileSync(join(dir, name), "utf8");
/**
 * With the texts; or without them (saved JSON), the headline figures then marked on the
 * documents as classify marks them (`Target.headline`), here from the same paragraph rule.
 */
function run(pair: Pair, withText = true): DiffResult {
  const [a, b] = [text(pair.old), text(pair.new)];
  const [da, db] = [parsePlan(a, { path: pair.old }), parsePlan(b, { path: pair.new })];
  if (withText) return diffPlans(da, db, { oldText: a, newText: b });
  for (const [doc, t] of [
    [da, a],
    [db, b],
  ] as const) {
    const ids = headlineIds(doc, t);
    doc.targets = doc.targets.map((x) => (ids.has(x.id) ? { ...x, headline: true } : x));
  }
  return diffPlans(da, db);
}

const results = new Map<string, DiffResult>();
const result = (pair: Pair) => {
  let r = results.get(pair.name);
  if (!r) results.set(pair.name, (r = run(pair)));
  return r;
};

describe("diff of real consecutive reports: every headline figure", () => {
  it.each([...PAIRS.map((p) => ({ ...p, withText: true })), ...PAIRS.map((p) => ({ ...p, withText: false }))])(
    "$name (texts given: $withText; else headline marked on the documents)",
    (pair) => {
    const r = pair.withText ? result(pair) : run(pair, false);
    const h = pair.headline;
    const headChanged = r.targets.changed.filter((c) => c.headline);
    const headUnchanged = r.targets.unchanged.filter((c) => c.headline);
    const headAdded = r.targets.added.filter((t) => t.headline);
    const headRemoved = r.targets.removed.filter((t) => t.headline);
    const findPair = (list: TargetChange[], metric: string) =>
      list.find((c) => names(c.old, metric) || names(c.new, metric));
    for (const [metric, from, to] of h.changed) {
      const c = findPair(headChanged, metric);
      expect(c ? `${metric}: ${fig(c.old)} → ${fig(c.new)}` : `${metric}: not changed`).toBe(`${metric}: ${from} → ${to}`);
    }
    for (const [metric, figure] of h.unchanged) {
      const c = findPair(headUnchanged, metric);
      expect(c ? `${metric}: = ${fig(c.new)}` : `${metric}: not unchanged`).toBe(`${metric}: = ${figure}`);
      // and nowhere else
      expect(findPair(headChanged, metric)).toBeUndefined();
      expect(headAdded.some((t) => names(t, metric)) || headRemoved.some((t) => names(t, metric))).toBe(false);
    }
    for (const [metric, figure] of h.added) {
      const t = headAdded.find((x) => names(x, metric));
      expect(t ? `+ ${metric}: ${fig(t)}` : `${metric}: not added`).toBe(`+ ${metric}: ${figure}`);
    }
    for (const [metric, figure] of h.removed) {
      const t = headRemoved.find((x) => names(x, metric));
      expect(t ? `- ${metric}: ${fig(t)}` : `${metric}: not removed`).toBe(`- ${metric}: ${figure}`);
    }
    // nothing else is reported about headline figures
    expect([headChanged.length, headUnchanged.length, headAdded.length, headRemoved.length]).toEqual([
      h.changed.length,
      h.unchanged.length,
      h.added.length,
      h.removed.length,
    ]);
    },
  );
});

/** The whole diff in reading order, compactly. */
function summary(r: DiffResult) {
  const where = (t: Target) => (t.sectionId ? ` §${t.sectionId}` : "");
  const ch = (c: TargetChange) =>
    `${c.headline ? "★ " : ""}${c.old.metric}${c.old.metric === c.new.metric ? "" : ` → ${c.new.metric}`}: ${fig(c.old)} → ${fig(c.new)}${c.old.status === "achieved" ? " (实)" : ""}${where(c.old)}${c.moved ? " moved" : ""} →${where(c.new)}`;
  const one = (t: Target) => `${t.headline ? "★ " : ""}${t.metric}: ${fig(t)}${t.status === "achieved" ? " (实)" : ""}${where(t)}`;
  return {
    counts: {
      changed: r.targets.changed.length,
      added: r.targets.added.length,
      removed: r.targets.removed.length,
      unchanged: r.targets.unchanged.length,
      skipped: r.targets.skipped,
      sectionsMatched: r.sections.matched.length,
      sectionsAdded: r.sections.added.length,
      sectionsRemoved: r.sections.removed.length,
    },
    changed: r.targets.changed.map(ch),
    unchanged: r.targets.unchanged.map(ch),
    added: r.targets.added.map(one),
    removed: r.targets.removed.map(one),
    sections: {
      matched: r.sections.matched.map(
        (m) =>
          `${m.old} → ${m.new}${m.titleChanged ? " retitled" : ""}${m.moved ? " moved" : ""}: ${r.titles.old[m.old]}${m.titleChanged ? ` → ${r.titles.new[m.new]}` : ""}`,
      ),
      added: r.sections.added.map((id) => `${id} ${r.titles.new[id]}`),
      removed: r.sections.removed.map((id) => `${id} ${r.titles.old[id]}`),
    },
  };
}

describe("diff of real consecutive reports: the reviewed whole diff", () => {
  // the reviewed summaries were made with word segmentation; without nodejieba sections match
  // on bigrams (the headline checks above hold either way)
  const noWords = getCutter() === null;
  it.skipIf(noWords).each(PAIRS)("$name (skipped without nodejieba)", (pair) => {
    const got = summary(result(pair));
    const path = join(dir, "expected", `${pair.name}.json`);
    if (update || !existsSync(path)) {
      if (!update) throw new Error(`${path} is missing: run UPDATE_FIXTURES=1 npx vitest run test/diff-reports.test.ts and review it`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `${JSON.stringify(got, null, 2)}\n`);
    }
    expect(got).toEqual(JSON.parse(readFileSync(path, "utf8")));
  });

  it("an unchanged headline figure is never reported as changed, added or removed", () => {
    for (const pair of PAIRS) {
      const r = result(pair);
      for (const c of r.targets.changed) expect(c.old.value !== c.new.value || fig(c.old) !== fig(c.new)).toBe(true);
      for (const [metric] of pair.headline.unchanged) {
        expect(r.targets.added.filter((t) => t.headline && names(t, metric))).toEqual([]);
        expect(r.targets.removed.filter((t) => t.headline && names(t, metric))).toEqual([]);
      }
    }
  });

  it("never pairs across status or base/stretch", () => {
    for (const pair of PAIRS) {
      for (const c of [...result(pair).targets.changed, ...result(pair).targets.unchanged]) {
        expect(c.old.status).toBe(c.new.status);
        expect(c.old.qualifiers?.includes("stretch") ?? false).toBe(c.new.qualifiers?.includes("stretch") ?? false);
      }
    }
  });
});
