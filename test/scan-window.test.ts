import { describe, expect, it } from "vitest";
import { DEADLINE_PATTERNS } from "../src/extract/deadlines.js";
import { INLINE_MARKERS } from "../src/segment/markers.js";
import { analyseSource, firstCharTable, triggerLead } from "../src/util/scan-window.js";

/** The characters marked 1 in a first-character table. */
function chars(table: Uint8Array | null | undefined): string {
  if (!table) return "";
  let out = "";
  for (let c = 0; c < table.length; c++) if (table[c] === 1) out += String.fromCharCode(c);
  return out;
}

/** Deterministic pseudo-random strings of `tokens` (no Math.random: failures reproduce). */
function* randomStrings(tokens: readonly string[], count: number, maxLen: number, seed = 7): Generator<string> {
  let x = seed;
  const next = () => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    return x;
  };
  const letters = tokens;
  for (let n = 0; n < count; n++) {
    const len = next() % (maxLen + 1);
    let s = "";
    for (let i = 0; i < len; i++) s += letters[next() % letters.length];
    yield s;
  }
}

/** Matches of a global scan, as [index, text]. */
function globalScan(re: RegExp, s: string): [number, string][] {
  const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
  const out: [number, string][] = [];
  for (let m = g.exec(s); m !== null; m = g.exec(s)) {
    out.push([m.index, m[0]]);
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}

/** The same matches found by trying the sticky form only inside trigger windows. */
function windowScan(re: RegExp, s: string, triggers: string): [number, string][] {
  const w = analyseSource(re.source, triggers);
  if (w === null) throw new Error("no window");
  const sticky = new RegExp(re.source, `${re.flags.replace("g", "")}y`);
  const out: [number, string][] = [];
  let from = 0;
  for (;;) {
    let found: RegExpExecArray | null = null;
    let lo = from;
    for (let t = from; t < s.length && found === null; t++) {
      if (!triggers.includes(s[t] as string)) continue;
      for (let p = Math.max(lo, t - w.lead); p <= t && found === null; p++) {
        if (w.first[s.charCodeAt(p)] !== 1) continue;
        sticky.lastIndex = p;
        found = sticky.exec(s);
      }
      lo = t + 1;
    }
    if (found === null) return out;
    out.push([found.index, found[0]]);
    from = found.index + Math.max(1, found[0].length);
  }
}

describe("scan-window: bounds read off a regular-expression source", () => {
  it("counts the code units before the first trigger", () => {
    expect(triggerLead("(?:到|至)? {0,2}[0-9]{4}年", "年")).toBe(1 + 2 + 4);
    expect(triggerLead("(?<y>[0-9]{4})年(?:底|末)", "年底末")).toBe(4);
    expect(triggerLead("每(?:年|月)", "每年月")).toBe(0);
    expect(triggerLead("(?<![0-9])[一二三]{1,3}个?月内", "月内")).toBe(4);
  });

  it("refuses what it cannot bound", () => {
    expect(triggerLead("年?", "年")).toBeNull(); // may match without a trigger
    expect(triggerLead("a|年", "年")).toBeNull();
    expect(triggerLead("[0-9]+年", "年")).toBeNull(); // unbounded
    expect(triggerLead("(a)\\1年", "年")).toBeNull(); // back-reference
    expect(triggerLead("(?=年)", "年")).toBeNull(); // lookarounds consume nothing
  });

  it("collects the characters a match can start with", () => {
    expect(chars(analyseSource("(?<![0-9])(?:到|至)? {0,1}[0-9]年", "年")?.first)).toBe(" 0123456789到至");
    expect(chars(firstCharTable("(百分之)?[0-9一二]{1,3}%?"))).toBe("0123456789一二百");
    expect(chars(firstCharTable("[a-c]*d"))).toBe("abcd");
    expect(firstCharTable("a*")).toBeNull(); // may match the empty string
    expect(chars(firstCharTable("[^x]y")).length).toBe(0x10000); // negated class: anything
  });

  it("bounds the combined deadline expression (the windowed deadline scan is active)", () => {
    const source = DEADLINE_PATTERNS.map((u) => `(?<${u.key}>${u.source})`).join("|");
    const w = analyseSource(source, "年月日号季内起始每假前底末时");
    expect(w).not.toBeNull();
    expect(w?.lead).toBeLessThanOrEqual(20);
  });

  it("windowed sticky scan = global scan for the combined deadline expression", () => {
    const triggers = "年月日号季内起始每假前底末时";
    const re = new RegExp(DEADLINE_PATTERNS.map((u) => `(?<${u.key}>${u.source})`).join("|"), "gu");
    // words of deadline expressions, so that long ones (截止到 2024 年12月底前, 到“十四五”规划时期末) occur
    const tokens = [
      ...[..."年月日号季内起始每假前底末时"],
      ..."截止到 截至 到 至 自 从 今 明 次 本 当 2024 2025 12 3 15 一 二 十 两 个 工作日 小时 天 周 星期 之 以 底 末 初 上半年 第一季度 前三个季度 “ ” 十四五 规划 时期 春节 国庆节 元旦 寒暑假 每年 发布之日 开始 完成 确保 的 比 去 ,".split(" "),
      " ",
      "  ",
    ];
    for (const s of randomStrings(tokens, 4000, 12)) expect(windowScan(re, s, triggers)).toEqual(globalScan(re, s));
  });

  it("every inline marker anchor set is proven by the analysis (none silently dropped)", () => {
    for (const style of INLINE_MARKERS) {
      for (const set of style.anchors) expect(analyseSource(style.probe.source, set), `${style.name} ${set}`).not.toBeNull();
    }
  });
});
