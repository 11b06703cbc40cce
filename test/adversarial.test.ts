/**
 * Adversarial inputs (issues 6 and 7): long runs of markers, digits, parentheses and cue words
 * through the whole `parsePlan`, each with a time bound. A catastrophic regular expression or a
 * quadratic loop shows up here as a failure naming the input, not as a hung test run: every parse
 * runs under vm's watchdog, which interrupts even a backtracking regular expression.
 *
 * The 50 MB file in bounded memory is measured by `npm run bench`, not here (too slow for CI).
 */
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { InputError, type PlanDocument, parsePlan } from "../src/index.js";

const MB = 1024 * 1024;

const sandbox: { fn: () => unknown } = { fn: () => undefined };
vm.createContext(sandbox);

interface Timed {
  ms: number;
  doc: PlanDocument | null;
  error: string | null;
  timedOut: boolean;
}

/** parsePlan with a hard limit; an InputError (e.g. "too large") counts as an answer. */
function timedParse(input: Buffer, limitMs: number): Timed {
  sandbox.fn = () => parsePlan(input, { path: "adversarial.txt" });
  const t0 = performance.now();
  try {
    const doc = vm.runInContext("fn()", sandbox, { timeout: limitMs }) as PlanDocument;
    return { ms: performance.now() - t0, doc, error: null, timedOut: false };
  } catch (err) {
    const ms = performance.now() - t0;
    if (err instanceof InputError) return { ms, doc: null, error: null, timedOut: false };
    const e = err as { code?: string; message?: string };
    if (e?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") return { ms, doc: null, error: null, timedOut: true };
    return { ms, doc: null, error: `${String(e?.message ?? err)}`, timedOut: false };
  }
}

/** `unit` repeated to about `bytes` UTF-8 bytes. */
function repeatTo(unit: string, bytes: number): Buffer {
  return Buffer.from(unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))));
}

/**
 * Parses `make(bytes)` within `limitMs`; on failure, also times 64 KB and 256 KB of the same
 * input so that the message shows how the cost grows (×4 per step: linear; ×16: quadratic).
 */
function expectFast(make: (bytes: number) => Buffer, bytes: number, limitMs: number): PlanDocument | null {
  const r = timedParse(make(bytes), limitMs);
  if (r.error === null && !r.timedOut && r.ms < limitMs) return r.doc;
  const growth = [64 * 1024, 256 * 1024]
    .map((n) => {
      const s = timedParse(make(n), limitMs);
      return `${n / 1024} KB: ${s.timedOut ? `> ${limitMs}` : Math.round(s.ms)} ms`;
    })
    .join(", ");
  const what = r.error
    ? `threw ${r.error}`
    : r.timedOut
      ? `did not finish within ${limitMs} ms`
      : `took ${Math.round(r.ms)} ms`;
  expect.fail(`${(bytes / MB).toFixed(1)} MB ${what} (limit ${limitMs} ms); ${growth}`);
}

beforeAll(() => {
  // load lazy resources (word segmentation dictionaries, lexicons) outside the timed cases
  parsePlan("某县2024年工作计划\n一、养老服务\n(一)新增床位不少于200张,年底前完成。\n", { path: "warm.txt" });
});

const ONE_LINE_UNITS: [string, string][] = [
  ["(", "parentheses"],
  ["1234567890", "digits"],
  ["一、", "hanzi markers"],
  ["(一)", "hanzi-paren markers"],
  ["不少于", "不少于 cue words"],
  ["1.", "arabic markers"],
  ["第一章", "chapter markers"],
  ["年底前", "年底前 deadlines"],
  ["①", "circled markers"],
  ["１２３４５６７８９０", "full-width digits"],
  ["(一)1.不少于2个,年底前", "mixed marker, figure and deadline"],
];

describe("adversarial single lines through parsePlan", () => {
  for (const [unit, name] of ONE_LINE_UNITS) {
    it(`a 1 MB line of ${JSON.stringify(unit)} (${name}) parses in < 2 s`, () => {
      const doc = expectFast((n) => repeatTo(unit, n), MB, 2000);
      // a line of text is not binary: it must give a document, not a refusal
      expect(doc, "a 1 MB text line must not be refused").not.toBeNull();
    }, 30_000);
  }

  it("a 5 MB line of real plan text (newlines removed) parses in < 8 s", () => {
    const sentence =
      "(一)社会救助。全年发放低保金不少于1200万元,9月底前完成动态核查,城乡低保标准分别提高5%和8%以上;" +
      "新增养老床位200张,护理型床位占比达到60%以上,年底前实现街道综合养老服务中心全覆盖。";
    expectFast((n) => repeatTo(sentence, n), 5 * MB, 8000);
  }, 60_000);
});

describe("adversarial many-line inputs through parsePlan", () => {
  it('1 MB of "一、x" lines (about 170 000 top-level sections) parses in < 2 s', () => {
    expectFast((n) => repeatTo("一、x\n", n), MB, 2000);
  }, 30_000);

  it('1 MB of "(一)" lines with nothing else parses in < 2 s', () => {
    expectFast((n) => repeatTo("(一)\n", n), MB, 2000);
  }, 30_000);

  it("1 MB of deeply alternating markers (一、 (一) 1. (1) ①) parses in < 2 s", () => {
    expectFast((n) => repeatTo("一、甲\n(一)乙\n1.丙\n(1)丁不少于3个\n①戊年底前\n", n), MB, 2000);
  }, 30_000);

  it("1 MB of blank and whitespace lines (CR, LF, full-width spaces) parses in < 2 s", () => {
    expectFast((n) => repeatTo("\r\n \u3000\n\r\t\n", n), MB, 2000);
  }, 30_000);
});
