/**
 * Seeded fuzz test (issue 6): random bytes, mutated fixture texts and random marker soup go
 * through the whole `parsePlan`. Each case must either return a document that satisfies the
 * contract's invariants or throw `InputError`; anything else, or a case slower than
 * CASE_LIMIT_MS, is a failure.
 *
 * Reproduce: every failure prints `FUZZ_SEED=<seed> FUZZ_CASE=<family>:<index>`; run
 *   FUZZ_SEED=… FUZZ_CASE=… npx vitest run test/fuzz.test.ts
 * to run that one case. FUZZ_SEED alone runs the whole set with another seed.
 * Each case has its own PRNG (seeded from seed, family and index), so a case reproduces alone.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { decodeInput } from "../src/decode/index.js";
import {
  type EncodingOption,
  InputError,
  type ParseOptions,
  type PlanDocument,
  parsePlan,
  type Section,
  type Span,
  WARNING_CODES,
} from "../src/index.js";
import { lineOf, lineStarts } from "../src/util/location.js";
import { planInvariantErrors } from "./helpers/plan-invariants.js";
import { schemaErrors, validateDocument } from "./helpers/schema.js";
import { blankMeta } from "./helpers/meta.js";

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) >>> 0 : 0x5eed_2024;
const ONLY = process.env.FUZZ_CASE ?? null; // "family:index"
const CASE_LIMIT_MS = 2000;
const MAX_REPORTED = 8;

// ------------------------------------------------------------------ PRNG

/** mulberry32: a small, fast, deterministic 32-bit PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

/** Seed of one case, from the run's seed, the family and the index (FNV-1a over the three). */
function caseSeed(family: string, index: number): number {
  let h = 0x811c9dc5 ^ SEED;
  for (const c of `${family}:${index}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

// ------------------------------------------------------------------ inputs

/** fixtures/fuzz/*.txt, then every fixtures/plans/<case>/input.txt present. */
const fixtureRoot = join(import.meta.dirname, "../fixtures");
const ls = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);
const fixtureTexts: Buffer[] = [
  ...ls(join(fixtureRoot, "fuzz"))
    .filter((n) => n.endsWith(".txt"))
    .map((n) => join(fixtureRoot, "fuzz", n)),
  ...ls(join(fixtureRoot, "plans"))
    .map((d) => join(fixtureRoot, "plans", d, "input.txt"))
    .filter((p) => existsSync(p)),
].map((p) => readFileSync(p));

const MARKERS = [
  "一、",
  "二、",
  "十一、",
  "(一)",
  "（二）",
  "(二十三)",
  "（十）",
  "1.",
  "2、",
  "3．",
  "(1)",
  "（2）",
  "①",
  "⑳",
  "一是",
  "二是",
  "第一,",
  "第一章",
  "第二部分",
  "第十二条",
];
const FIGURES = [
  "不少于",
  "不低于",
  "达到",
  "以上",
  "超过",
  "不超过",
  "以内",
  "左右",
  "约",
  "余",
  "至少",
  "提高",
  "增长",
  "减少",
];
const UNITS = [
  "%",
  "％",
  "万元",
  "亿元",
  "个",
  "户",
  "人次",
  "张",
  "名",
  "家",
  "学时",
  "倍",
  "公里",
  "平方米",
];
const TIMES = [
  "年底前",
  "9月底前",
  "6月30日前",
  "到2025年",
  "年内",
  "自2020年4月1日起",
  "每季度",
  "上半年",
  "十四五",
  "2024年",
];
const DIGITS = [
  "0",
  "1",
  "12",
  "100",
  "3.5",
  "1.36",
  "１２３",
  "２０２４",
  "一",
  "十",
  "二十三",
  "一百",
  "两",
  "万",
  "千",
  "1-2",
  "1—2",
];
const PUNCT = [
  "。",
  ",",
  ",",
  "、",
  ";",
  ":",
  "(",
  ")",
  "(",
  ")",
  "“",
  "”",
  "《",
  "》",
  "\n",
  "\r\n",
  "\r",
  " ",
  "\u3000",
  "\t",
];
const NOISE = [
  "\u0000",
  "\uFEFF",
  "\uFFFD",
  "\u200B",
  "\uD800",
  "X",
  "xx",
  "***",
  "〔2024〕10号",
  "12345",
  "#",
  "**",
];
const INSERTS = [...MARKERS, ...FIGURES, ...UNITS, ...TIMES, ...DIGITS, ...PUNCT, ...NOISE];
const ENCODINGS: EncodingOption[] = [
  "auto",
  "auto",
  "auto",
  "auto",
  "utf8",
  "gb18030",
  "gbk",
  "utf16le",
  "utf16be",
  "big5",
];

interface Case {
  input: string | Buffer;
  options: ParseOptions;
  /** what was done, for the failure report */
  recipe: string;
}

function randomOptions(rng: Rng, input: string | Buffer): ParseOptions {
  const options: ParseOptions = { path: "fuzz.txt" };
  if (Buffer.isBuffer(input)) options.encoding = rng.pick(ENCODINGS);
  if (rng.chance(0.2)) options.year = 2000 + rng.int(40);
  return options;
}

function randomBytesCase(rng: Rng): Case {
  const kinds = ["any", "ascii", "utf8-ish", "bom+any", "nul-heavy"] as const;
  const kind = rng.pick(kinds);
  const length = rng.int(rng.chance(0.1) ? 16_384 : 2048);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    if (kind === "ascii") bytes[i] = 9 + rng.int(118);
    else if (kind === "nul-heavy") bytes[i] = rng.chance(0.5) ? 0 : rng.int(256);
    else if (kind === "utf8-ish") bytes[i] = rng.chance(0.7) ? 0xe4 + rng.int(6) : 0x80 + rng.int(64);
    else bytes[i] = rng.int(256);
  }
  const input = kind === "bom+any" ? Buffer.concat([Buffer.from(rng.pick(BOMS)), bytes]) : bytes;
  return {
    input,
    options: randomOptions(rng, input),
    recipe: `random bytes (${kind}, ${input.length} bytes)`,
  };
}
const BOMS = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

function mutate(rng: Rng, buf: Buffer, steps: string[]): Buffer {
  const at = (): number => rng.int(buf.length + 1);
  const op = rng.int(9);
  switch (op) {
    case 0: {
      if (buf.length === 0) return buf;
      const i = rng.int(buf.length);
      const out = Buffer.from(buf);
      out[i] = (out[i] as number) ^ (1 << rng.int(8));
      steps.push(`flip@${i}`);
      return out;
    }
    case 1: {
      const n = at();
      steps.push(`truncate@${n}`);
      return buf.subarray(0, n);
    }
    case 2: {
      const i = at();
      const what = rng.pick(["\u0000", "\uFEFF", "\r", "\r\n", "\n\n\n", "１２３４", "不少于", "年底前"]);
      steps.push(`insert ${JSON.stringify(what)}@${i}`);
      return Buffer.concat([buf.subarray(0, i), Buffer.from(what), buf.subarray(i)]);
    }
    case 3: {
      const i = at();
      const what = rng.pick(INSERTS);
      steps.push(`insert ${JSON.stringify(what)}@${i}`);
      return Buffer.concat([buf.subarray(0, i), Buffer.from(what), buf.subarray(i)]);
    }
    case 4: {
      const i = at();
      const n = rng.int(64);
      steps.push(`delete ${n}@${i}`);
      return Buffer.concat([buf.subarray(0, i), buf.subarray(i + n)]);
    }
    case 5: {
      const i = at();
      const n = rng.int(256);
      const j = at();
      steps.push(`duplicate ${n}@${i}→${j}`);
      return Buffer.concat([buf.subarray(0, j), buf.subarray(i, i + n), buf.subarray(j)]);
    }
    case 6: {
      steps.push("LF→CR");
      return Buffer.from(buf.toString("latin1").replace(/\n/g, "\r"), "latin1");
    }
    case 7: {
      steps.push("ASCII digits→full-width");
      return Buffer.from(
        buf.toString("utf8").replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
      );
    }
    default: {
      const i = at();
      const what = rng.pick(MARKERS).repeat(1 + rng.int(50));
      steps.push(`insert marker run@${i}`);
      return Buffer.concat([buf.subarray(0, i), Buffer.from(what), buf.subarray(i)]);
    }
  }
}

function mutatedFixtureCase(rng: Rng): Case {
  const which = rng.int(fixtureTexts.length);
  const source = fixtureTexts[which] as Buffer;
  // mostly a window (keeps the run short), sometimes the whole text
  const whole = rng.chance(0.05);
  const start = whole ? 0 : rng.int(source.length);
  const window = whole ? source : source.subarray(start, start + 256 + rng.int(4096));
  const steps: string[] = [];
  let buf: Buffer = Buffer.from(window);
  const n = 1 + rng.int(8);
  for (let k = 0; k < n; k++) buf = mutate(rng, buf, steps);
  const asString = rng.chance(0.3);
  const input = asString ? buf.toString("utf8") : buf;
  return {
    input,
    options: randomOptions(rng, input),
    recipe: `fixture #${which} ${whole ? "whole" : `[${start}, +${window.length})`} as ${asString ? "string" : "bytes"}: ${steps.join(", ")}`,
  };
}

function markerSoupCase(rng: Rng): Case {
  const pools = [MARKERS, FIGURES, UNITS, TIMES, DIGITS, DIGITS, PUNCT, PUNCT, NOISE];
  const parts: string[] = [];
  const n = 1 + rng.int(rng.chance(0.1) ? 2000 : 200);
  for (let k = 0; k < n; k++) parts.push(rng.pick(rng.pick(pools)));
  const text = parts.join("");
  const input = rng.chance(0.8) ? text : Buffer.from(text);
  return { input, options: randomOptions(rng, input), recipe: `marker soup of ${n} tokens` };
}

const FAMILIES = {
  "random-bytes": { count: 800, make: randomBytesCase },
  "mutated-fixture": { count: 2500, make: mutatedFixtureCase },
  "marker-soup": { count: 1200, make: markerSoupCase },
} as const;
type Family = keyof typeof FAMILIES;

// ------------------------------------------------------------------ checks

/** Runs `fn` with a hard time limit: vm's watchdog interrupts even a backtracking regular expression. */
const sandbox: { fn: () => unknown } = { fn: () => undefined };
vm.createContext(sandbox);
function withTimeLimit<T>(fn: () => T, ms: number): T {
  sandbox.fn = fn;
  return vm.runInContext("fn()", sandbox, { timeout: ms }) as T;
}

/** Values that do not survive JSON.stringify → JSON.parse unchanged (NaN, Infinity, undefined in arrays, ...). */
function jsonProblems(value: unknown, where: string, out: string[]): void {
  if (out.length > 5) return;
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) out.push(`${where}: ${value} is not JSON`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      if (v === undefined) out.push(`${where}[${i}]: undefined in an array`);
      else jsonProblems(v, `${where}[${i}]`, out);
    });
    return;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) if (v !== undefined) jsonProblems(v, `${where}.${k}`, out);
    return;
  }
  out.push(`${where}: ${typeof value} ${Object.prototype.toString.call(value)} is not plain JSON`);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** Every problem of a document parsed from `text` (the decoded text); [] when it is sound. */
function documentProblems(doc: PlanDocument, text: string): string[] {
  const problems = [...planInvariantErrors(doc, text)];
  problems.push(...schemaErrors(validateDocument, doc).map((e) => `schema: ${e}`));
  jsonProblems(doc, "doc", problems);
  const starts = lineStarts(text);
  const spanLine = (what: string, s: Span): void => {
    if (s.start >= 0 && s.start <= text.length && s.line !== lineOf(starts, s.start)) {
      problems.push(
        `${what}: span.line ${s.line} but offset ${s.start} is on line ${lineOf(starts, s.start)}`,
      );
    }
  };
  const sectionSpans = new Map<string, Span>();
  const walk = (sections: Section[]): void => {
    for (const s of sections) {
      spanLine(`section ${s.id}`, s.span);
      sectionSpans.set(s.id, s.span);
      walk(s.children);
    }
  };
  walk(doc.sections);
  for (const t of doc.targets) spanLine(`target ${t.id}`, t.span);
  for (const d of doc.deadlines) {
    spanLine(`deadline ${d.id}`, d.span);
    if (d.date !== null && !validDate(d.date))
      problems.push(`deadline ${d.id}: date ${d.date} is not a calendar day`);
  }
  for (const item of [...doc.targets, ...doc.deadlines]) {
    const owner = item.sectionId === null ? undefined : sectionSpans.get(item.sectionId);
    if (owner && (item.span.start < owner.start || item.span.end > owner.end)) {
      problems.push(
        `${item.id}: span [${item.span.start},${item.span.end}) outside its section ${item.sectionId}`,
      );
    }
  }
  for (const w of doc.warnings) {
    if (!(WARNING_CODES as readonly string[]).includes(w.code))
      problems.push(`warning code ${w.code} is not listed`);
  }
  return problems;
}

type Outcome = { kind: "document"; doc: PlanDocument; ms: number } | { kind: "refused"; ms: number };

function runCase(c: Case): { outcome: Outcome | null; problems: string[] } {
  const t0 = performance.now();
  let doc: PlanDocument;
  try {
    doc = withTimeLimit(() => parsePlan(c.input, c.options), CASE_LIMIT_MS);
  } catch (err) {
    const ms = performance.now() - t0;
    if (err instanceof InputError) {
      const reasons = ["not-text", "undecodable", "empty", "unreadable", "too-large", "invalid-json"];
      return {
        outcome: { kind: "refused", ms },
        problems: reasons.includes(err.reason) ? [] : [`InputError with unknown reason ${err.reason}`],
      };
    }
    const e = err as { code?: string; name?: string; message?: string; stack?: string };
    if (e?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT")
      return { outcome: null, problems: [`took over ${CASE_LIMIT_MS} ms`] };
    const where = (e?.stack ?? "").split("\n").slice(1, 4).join(" ").replace(/\s+/g, " ");
    return {
      outcome: null,
      problems: [`threw ${e?.name ?? typeof err}: ${e?.message ?? String(err)} ${where}`],
    };
  }
  const ms = performance.now() - t0;
  const text =
    typeof c.input === "string" ? c.input : decodeInput(c.input, c.options.encoding ?? "auto").text;
  return { outcome: { kind: "document", doc, ms }, problems: documentProblems(doc, text) };
}

function preview(input: string | Buffer): string {
  if (typeof input === "string") return JSON.stringify(input.slice(0, 160));
  return `<${input.length} bytes> ${input.subarray(0, 48).toString("hex")}`;
}

interface FamilyStats {
  cases: number;
  documents: number;
  refused: number;
  sections: number;
  targets: number;
  deadlines: number;
  slowestMs: number;
  failures: string[];
}

function runFamily(family: Family): FamilyStats {
  const stats: FamilyStats = {
    cases: 0,
    documents: 0,
    refused: 0,
    sections: 0,
    targets: 0,
    deadlines: 0,
    slowestMs: 0,
    failures: [],
  };
  const { count, make } = FAMILIES[family];
  for (let i = 0; i < count; i++) {
    const id = `${family}:${i}`;
    if (ONLY !== null && ONLY !== id) continue;
    const c = make(new Rng(caseSeed(family, i)));
    const { outcome, problems } = runCase(c);
    stats.cases++;
    if (outcome?.kind === "document") {
      stats.documents++;
      stats.sections += outcome.doc.sections.length;
      stats.targets += outcome.doc.targets.length;
      stats.deadlines += outcome.doc.deadlines.length;
    }
    if (outcome?.kind === "refused") stats.refused++;
    if (outcome) stats.slowestMs = Math.max(stats.slowestMs, outcome.ms);
    if (problems.length > 0 && stats.failures.length < MAX_REPORTED) {
      stats.failures.push(
        `FUZZ_SEED=${SEED} FUZZ_CASE=${id}\n  recipe: ${c.recipe}\n  options: ${JSON.stringify(c.options)}\n  input: ${preview(c.input)}\n  ${problems.slice(0, 5).join("\n  ")}`,
      );
    }
  }
  return stats;
}

// ------------------------------------------------------------------ tests

describe(`fuzz parsePlan (seed ${SEED}${ONLY ? `, only ${ONLY}` : ""})`, () => {
  it("has fixture texts to mutate (fixtures/fuzz)", () => {
    expect(fixtureTexts.length).toBeGreaterThanOrEqual(2);
  });

  it("the checker itself reports broken documents", () => {
    const text = "一、甲\n(一)乙不少于5个\n";
    const span = (start: number, end: number, line: number): Span => ({ start, end, line });
    const child: Section = {
      id: "1.1",
      style: "hanzi-paren",
      number: 1,
      marker: "(一)",
      title: "乙",
      depth: 2,
      span: span(4, 99, 2), // ends past its parent and past the text
      children: [],
    };
    const bad: PlanDocument = {
      schemaVersion: 1,
      source: { path: null, encoding: "utf8", bytes: 30, sha256: "0".repeat(64) },
      meta: blankMeta(),
      sections: [
        {
          id: "1",
          style: "hanzi",
          number: 1,
          marker: "一、",
          title: "甲",
          depth: 1,
          span: span(0, 12, 1),
          children: [child],
        },
      ],
      targets: [
        {
          id: "t1",
          sectionId: "1.1",
          text: "不少于5个",
          metric: "乙",
          comparator: ">=",
          value: Number.NaN,
          unit: "个",
          status: "target",
          span: span(8, 11, 1), // line is wrong: offset 8 is on line 2
          pattern: "x",
          confidence: 1,
        },
      ],
      deadlines: [
        {
          id: "d1",
          sectionId: null,
          text: "x",
          date: "2024-02-30",
          kind: "by",
          span: span(5, 4, 2),
          pattern: "x",
        },
      ],
      warnings: [{ code: "no-such-code" as never, message: "x" }],
    };
    const problems = documentProblems(bad, text).join("\n");
    expect(problems).toMatch(/section 1\.1: span outside its parent/);
    expect(problems).toMatch(/section 1\.1: span \[4,99\) outside text/);
    expect(problems).toMatch(/NaN is not JSON/);
    expect(problems).toMatch(/target t1: span\.line 1 but offset 8 is on line 2/);
    expect(problems).toMatch(/2024-02-30 is not a calendar day/);
    expect(problems).toMatch(/deadline d1: span \[5,4\)/);
    expect(problems).toMatch(/warning code no-such-code/);
  });

  it("the time limit interrupts a runaway regular expression", () => {
    const runaway = /^(a+)+b$/;
    expect(() => withTimeLimit(() => runaway.test(`${"a".repeat(40)}c`), 200)).toThrow(/timed out/);
  });

  for (const family of Object.keys(FAMILIES) as Family[]) {
    it(`${family}: ${FAMILIES[family].count} cases give a sound document or an InputError (each < ${CASE_LIMIT_MS} ms)`, () => {
      const stats = runFamily(family);
      const { failures, ...figures } = stats;
      console.log(`fuzz ${family} (seed ${SEED}): ${JSON.stringify(figures)}`);
      expect(failures, `seed ${SEED}: ${failures.length}+ failing cases\n\n${failures.join("\n\n")}`).toEqual(
        [],
      );
      if (ONLY !== null) return;
      // the cases must reach the stages, not bounce off the decoder
      if (family === "mutated-fixture") {
        expect(stats.documents, "most mutated fixtures are still text").toBeGreaterThan(stats.cases * 0.5);
        expect(stats.sections, "mutated fixtures reach the segmenter").toBeGreaterThan(0);
      }
      if (family === "marker-soup") {
        expect(stats.documents, "marker soup is text: it must never be refused").toBeGreaterThan(
          stats.cases * 0.9,
        );
      }
    }, 60_000);
  }
});
