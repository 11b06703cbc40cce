import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cleanText } from "../src/clean/index.js";
import { flattenSections, sectionAt, segment } from "../src/segment/index.js";
import {
  BACK_MATTER_COUNTEREXAMPLES,
  BACK_MATTER_EXAMPLES,
  BACK_MATTER_HEADING,
  detectLineMarker,
  INLINE_MARKERS,
  LINE_MARKERS,
  OUTLINE_CLOSER,
  OUTLINE_CLOSER_COUNTEREXAMPLES,
  OUTLINE_CLOSER_EXAMPLES,
} from "../src/segment/markers.js";
import type { Meta, Section } from "../src/types.js";
import { blankMeta } from "./helpers/meta.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = path.join(repoRoot, "fixtures/segment");
const shared = path.resolve(repoRoot, "../shared");

const META: Meta = blankMeta();

function run(text: string) {
  const clean = cleanText(text);
  return { clean, ...segment(clean, META) };
}

/** "hanzi:1/hanzi-paren:2" for every section, in document order. */
function paths(sections: Section[]): string[] {
  const out: string[] = [];
  const walk = (list: Section[], prefix: string) => {
    for (const s of list) {
      const p = `${prefix}${s.style}:${s.number}`;
      out.push(p);
      walk(s.children, `${p}/`);
    }
  };
  walk(sections, "");
  return out;
}

describe("line marker styles (data)", () => {
  const examples = LINE_MARKERS.flatMap((m) => m.examples.map((e) => [m.name, m.style, e] as const));
  it.each(examples)("%s accepts %j", (_name, style, line) => {
    const hit = detectLineMarker(line);
    expect(hit?.style).toBe(style);
    expect(hit?.weak).toBe(false);
  });
  const counter = LINE_MARKERS.flatMap((m) => m.counterexamples.map((e) => [m.name, m.style, e] as const));
  it.each(counter)("%s refuses %j", (_name, style, line) => {
    const hit = detectLineMarker(line);
    expect(hit === null || hit.weak || hit.style !== style).toBe(true);
  });
});

describe("inline marker styles (data)", () => {
  const examples = INLINE_MARKERS.flatMap((m) => m.examples.map((e) => [m.name, m.style, e] as const));
  it.each(examples)("%s finds an enumeration in %j", (_name, style, text) => {
    const { sections } = run(`一、测试\n${text}\n`);
    const kids = (sections[0] as Section).children.filter((c) => c.style === style);
    expect(kids.length).toBeGreaterThanOrEqual(2);
    expect(kids.map((k) => k.number).slice(0, 2)).toEqual([1, 2]);
  });
  const counter = INLINE_MARKERS.flatMap((m) => m.counterexamples.map((e) => [m.name, m.style, e] as const));
  it.each(counter)("%s finds none in %j", (_name, style, text) => {
    const { sections } = run(`一、测试\n${text}\n`);
    expect((sections[0] as Section).children.filter((c) => c.style === style)).toEqual([]);
  });
});

describe("outline closers (data)", () => {
  it.each(OUTLINE_CLOSER_EXAMPLES.map((e) => [e]))("closes at %j", (line) => {
    expect(OUTLINE_CLOSER.test(line)).toBe(true);
  });
  it.each(OUTLINE_CLOSER_COUNTEREXAMPLES.map((e) => [e]))("does not close at %j", (line) => {
    expect(OUTLINE_CLOSER.test(line)).toBe(false);
  });
});

describe("back matter (data)", () => {
  it.each(BACK_MATTER_EXAMPLES.map((e) => [e]))("opens the back matter at %j", (line) => {
    expect(BACK_MATTER_HEADING.test(line)).toBe(true);
  });
  it.each(BACK_MATTER_COUNTEREXAMPLES.map((e) => [e]))("not at %j", (line) => {
    expect(BACK_MATTER_HEADING.test(line)).toBe(false);
  });
  it("ends the outline at a glossary: its numbered entries are not sections", () => {
    const text =
      "一、工作安排\n(一)抓项目。新建养老床位500张。\n部分用语说明\n1.八大品质:略。\n2.四上企业:略。\n" +
      "附件1\n一、稳定扩大就业\n二、提升办学能力\n";
    const { sections, backMatter } = segment(cleanText(text), META);
    expect(flattenSections(sections).map((s) => `${s.id} ${s.title}`)).toEqual([
      "1 工作安排",
      "1.1 抓项目",
      "2 稳定扩大就业",
      "3 提升办学能力",
    ]);
    expect(backMatter).toEqual({ start: text.indexOf("部分用语说明"), end: text.indexOf("附件1") });
    expect((sections[0] as Section).span.end).toBeLessThanOrEqual(text.indexOf("部分用语说明"));
  });
});

describe("tree building", () => {
  const cases: { name: string; text: string; outline: string[]; warnings?: string[] }[] = [
    {
      name: "numbering continues across parents (seed 000/001 style), no warning",
      text: "标题\n一、甲\n(一)a。\n(二)b。\n二、乙\n(三)c。\n",
      outline: [
        "hanzi:1",
        "hanzi:1/hanzi-paren:1",
        "hanzi:1/hanzi-paren:2",
        "hanzi:2",
        "hanzi:2/hanzi-paren:3",
      ],
    },
    {
      name: "numbering restarts under each parent",
      text: "一、甲\n(一)a\n1.x。\n2.y。\n(二)b\n1.z。\n二、乙\n(一)c\n",
      outline: [
        "hanzi:1",
        "hanzi:1/hanzi-paren:1",
        "hanzi:1/hanzi-paren:1/arabic:1",
        "hanzi:1/hanzi-paren:1/arabic:2",
        "hanzi:1/hanzi-paren:2",
        "hanzi:1/hanzi-paren:2/arabic:1",
        "hanzi:2",
        "hanzi:2/hanzi-paren:1",
      ],
    },
    {
      name: "an item directly under 一、 without a (一) level (seed 004)",
      text: "一、甲\n(一)a\n1.x。\n2.y。\n二、乙\n3.z。\n",
      outline: [
        "hanzi:1",
        "hanzi:1/hanzi-paren:1",
        "hanzi:1/hanzi-paren:1/arabic:1",
        "hanzi:1/hanzi-paren:1/arabic:2",
        "hanzi:2",
        "hanzi:2/arabic:3",
      ],
    },
    {
      name: "gap, duplicate and order warnings",
      text: "一、甲\n三、丙\n三、丙\n二、乙\n",
      outline: ["hanzi:1", "hanzi:3", "hanzi:3", "hanzi:2"],
      warnings: ["numbering-gap", "numbering-duplicate", "numbering-order"],
    },
    {
      name: "第X篇/第X章/第X节 are three levels keyed by the word",
      text: "第一篇\u3000甲\n第一章\u3000乙\n第一节\u3000丙\n正文。\n第二节\u3000丁\n第二章\u3000戊\n第一节\u3000己\n第二篇\u3000庚\n第三章\u3000辛\n",
      outline: [
        "part:1",
        "part:1/part:1",
        "part:1/part:1/part:1",
        "part:1/part:1/part:2",
        "part:1/part:2",
        "part:1/part:2/part:1",
        "part:2",
        "part:2/part:3",
      ],
    },
    {
      name: "一、二级 is a list of numerals, not a marker; 一、2023年 is a heading",
      text: "一、2023年工作回顾\n一、二级医院全覆盖。\n二、2024年安排\n",
      outline: ["hanzi:1", "hanzi:2"],
    },
    {
      name: "full-width forms and stray spaces",
      text: "一、甲\n（ 一 ）乙\n１．丙。\n２．丁。\n",
      outline: [
        "hanzi:1",
        "hanzi:1/hanzi-paren:1",
        "hanzi:1/hanzi-paren:1/arabic:1",
        "hanzi:1/hanzi-paren:1/arabic:2",
      ],
    },
    {
      name: "inline 一是 only with a following 二是",
      text: "一、甲\n要求如下。一是加强领导，落实责任。二是完善制度。\n二、乙\n一是加强领导。\n",
      outline: ["hanzi:1", "hanzi:1/ordinal:1", "hanzi:1/ordinal:2", "hanzi:2"],
    },
    {
      name: "attachments restart numbering without warnings",
      text: "一、甲\n二、乙\n附件1\n一、清单\n1.项目。\n",
      outline: ["hanzi:1", "hanzi:2", "hanzi:1", "hanzi:1/arabic:1"],
    },
    {
      name: "circled numbers that run out continue as (11) at the same level",
      text: "一、注释\n⑨甲\n⑩乙\n（11）丙\n（12）丁\n",
      outline: [
        "hanzi:1",
        "hanzi:1/circled:9",
        "hanzi:1/circled:10",
        "hanzi:1/arabic-paren:11",
        "hanzi:1/arabic-paren:12",
      ],
      warnings: ["numbering-gap"],
    },
    {
      name: "text before the first marker belongs to no section; no markers warns",
      text: "标题\n只有正文，没有编号。\n",
      outline: [],
      warnings: ["no-sections"],
    },
  ];
  it.each(cases)("$name", ({ text, outline, warnings }) => {
    const r = run(text);
    expect(paths(r.sections)).toEqual(outline);
    expect(r.warnings.map((w) => w.code)).toEqual(warnings ?? []);
  });
});

describe("ids, markers, titles and spans", () => {
  const text =
    "市民政局2024年工作要点\n序言。\n一、坚持党的领导\n（二十三）加强救助。一是提标，扩面。二是规范管理。\n1.36万元以上的补助。\n二、其他\n";
  const { clean, sections } = run(text);
  const flat = flattenSections(sections);
  it("gives path ids, depths, markers as written and lead-sentence titles", () => {
    expect(flat.map((s) => [s.id, s.depth, s.marker, s.number, s.title])).toEqual([
      ["1", 1, "一、", 1, "坚持党的领导"],
      ["1.1", 2, "（二十三）", 23, "加强救助"],
      ["1.1.1", 3, "一是", 1, "提标"],
      ["1.1.2", 3, "二是", 2, "规范管理"],
      ["2", 1, "二、", 2, "其他"],
    ]);
  });
  it("spans are half-open offsets into the decoded text", () => {
    for (const s of flat) {
      expect(clean.text.slice(s.span.start, s.span.start + s.marker.length)).toBe(s.marker);
      expect(s.span.end).toBeGreaterThan(s.span.start);
    }
    const s11 = flat[1] as Section;
    // (二十三) runs to the end of its last body line, "1.36万元…" being body text, not a marker
    expect(text.slice(s11.span.start, s11.span.end)).toBe(
      "（二十三）加强救助。一是提标，扩面。二是规范管理。\n1.36万元以上的补助。",
    );
    expect(s11.span.line).toBe(4);
    expect(text.slice((flat[2] as Section).span.start, (flat[2] as Section).span.end)).toBe(
      "一是提标，扩面。",
    );
  });
  it("sectionAt finds the deepest section holding an offset", () => {
    expect(sectionAt(sections, text.indexOf("规范管理"))?.id).toBe("1.1.2");
    expect(sectionAt(sections, text.indexOf("万元"))?.id).toBe("1.1");
    expect(sectionAt(sections, text.indexOf("序言"))).toBeNull();
    expect(sectionAt(sections, text.indexOf("其他"))?.id).toBe("2");
  });
});

describe("performance", () => {
  const big = 1_000_000;
  it.each([
    ["(((((", "(".repeat(big)],
    ["一、一、", "一、".repeat(big / 2)],
    ["digits", "1".repeat(big)],
    ["一是，", "，一是".repeat(big / 3)],
    ["。1、", "。1、".repeat(big / 3)],
  ])("a 1 MB line of %s segments fast", (_name, line) => {
    const t0 = performance.now();
    const r = run(`一、开始\n${line}\n`);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.sections.length).toBeGreaterThanOrEqual(1);
  });
});

function f1(expected: string[], got: string[]): number {
  const pool = new Map<string, number>();
  for (const e of expected) pool.set(e, (pool.get(e) ?? 0) + 1);
  let tp = 0;
  for (const g of got) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      tp++;
      pool.set(g, n - 1);
    }
  }
  if (tp === 0) return 0;
  const p = tp / got.length;
  const r = tp / expected.length;
  return (2 * p * r) / (p + r);
}

describe("seed outlines (hand-checked fixtures)", () => {
  const seeds = readdirSync(fixtures)
    .filter((f) => f.endsWith(".input.txt"))
    .map((f) => f.replace(".input.txt", ""));
  it("has all five seeds", () => {
    expect(seeds.length).toBe(5);
  });
  it.each(seeds.map((s) => [s]))("%s: F1 >= 0.95", (name) => {
    const input = readFileSync(path.join(fixtures, `${name}.input.txt`), "utf8");
    const expected = readFileSync(path.join(fixtures, `${name}.outline.txt`), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.startsWith("#"))
      .map((l) => l.split("\t")[0] as string);
    const got = paths(run(input).sections);
    const score = f1(expected, got);
    console.log(
      `segment F1 ${name}: ${score.toFixed(3)} (${got.length} produced, ${expected.length} expected)`,
    );
    expect(score).toBeGreaterThanOrEqual(0.95);
  });
});

describe.skipIf(!existsSync(path.join(shared, "corpus/docs")))("corpus (needs ../shared)", () => {
  it("every complete document gives sections, none crashes", () => {
    const dir = path.join(shared, "corpus/docs");
    const styles: Record<string, number> = {};
    const codes: Record<string, number> = {};
    const empty: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt"))) {
      const r = run(readFileSync(path.join(dir, f), "utf8"));
      for (const s of flattenSections(r.sections)) styles[s.style] = (styles[s.style] ?? 0) + 1;
      for (const w of r.warnings) codes[w.code] = (codes[w.code] ?? 0) + 1;
      if (r.sections.length === 0 && !f.includes("_excerpt")) empty.push(f);
    }
    console.log(
      `segment corpus: sections per style ${JSON.stringify(styles)}; warnings ${JSON.stringify(codes)}`,
    );
    expect(empty).toEqual([]);
  });
});
if (!existsSync(path.join(shared, "corpus/docs")))
  console.log(`segment corpus test skipped: ${shared} is absent`);
