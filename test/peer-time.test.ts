/**
 * Peer conformance: time-expression cases of other projects
 * (../shared/peer-cases, see its README) run through our normaliser.
 * We compare what is in scope for deadlines — calendar days — with an adapter
 * per file for that tool's conventions; cases outside that scope, or where we
 * deliberately follow another convention (docs/decisions/deadlines.md), are
 * listed in OUT_OF_SCOPE with the reason.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { addDays, formatYmd, type Ymd } from "../src/extract/time/calendar.js";
import { findTimeExpressions, type TimeExpression } from "../src/extract/time/normalise.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const peerDir = path.join(path.resolve(repoRoot, "../shared"), "peer-cases");
const available = existsSync(peerDir);

interface PeerCase {
  input: string;
  expected: Record<string, unknown>;
  note: string;
}

/** file → input → reason. */
const OUT_OF_SCOPE: Record<string, Record<string, string>> = {
  "chrono-zh-hans.json": {
    五分钟后: "clock time (minutes): below day granularity",
    一个钟之内: "clock time (hours): below day granularity",
    几个月之内答复我: "vague count 几 (chrono reads 3); a plan's 几个月 names no limit",
  },
  "duckling-zh-time.json": {},
  "minlp-duckling-zh-time.json": {
    三年内: "convention: we read N年内 as reference + N years (chrono/JioNLP), MiNLP as N calendar years",
    未来三年: "convention: as 三年内",
    前两年: "前N年 (the N whole years before this one) is not supported",
  },
  "jionlp-time.json": {
    未来5年内: "convention: our N年内 ends at reference + N years; JioNLP one day earlier",
    今后10年: "convention: as 未来5年内 (JioNLP ends two days earlier)",
    "3年以上7年以下": "pure duration (time_delta): not a date",
    六个月以下: "pure duration (time_delta): not a date",
    三十年以上: "pure duration (time_delta): not a date",
  },
  "recognizers-text-zh-datetime.json": {
    在2018年以前:
      "convention: X年以前 includes year X for us (JioNLP, corpus usage); Recognizers excludes it",
    "显示 2010 年至 2018 年或 2000 年之前的销售额":
      "convention: A至B includes B for us; Recognizers is right-open",
    时间从2016到2018: "convention: A到B includes B for us; Recognizers is right-open",
    帮我统计一下2010年之后2018年之前的销量: "convention: 2018年之前 includes 2018 for us",
  },
};

const day = (iso: string): string => iso.slice(0, 10);
const toYmd = (iso: string): Ymd => ({
  y: Number(iso.slice(0, 4)),
  m: Number(iso.slice(5, 7)),
  d: Number(iso.slice(8, 10)),
});
const today = (): string => new Date().toISOString().slice(0, 10);

function refOf(raw: unknown): Ymd {
  if (typeof raw === "string") return toYmd(raw.startsWith("now") ? today() : raw);
  if (raw && typeof raw === "object" && "partial" in raw) {
    const p = (raw as { partial: number[] | { year: number } }).partial;
    if (Array.isArray(p)) return { y: p[0] ?? 2000, m: p[1] ?? 1, d: p[2] ?? 1 };
    return { y: p.year, m: 1, d: 1 };
  }
  return toYmd(today());
}

/** Returns null when the case passes, else a short description of the difference. */
type Judge = (c: PeerCase, found: TimeExpression[]) => string | null;

const show = (e: TimeExpression | undefined): string =>
  e
    ? `${e.text} ${e.kind} ${formatYmd(e.interval.start)}..${formatYmd(e.interval.end)} ${e.interval.grain}`
    : "nothing";

const judges: Record<string, { ref: (c: PeerCase) => Ymd; judge: Judge }> = {
  "chrono-zh-hans.json": {
    ref: (c) => refOf(c.expected.reference_time),
    judge: (c, found) => {
      const e = found[0];
      const x = c.expected as { text: string; start: string; end?: string };
      if (!e || e.text !== x.text) return `text: got ${show(e)}`;
      // chrono resolves "N日内" and "N天后" to one instant: our interval's last day
      const got = e.kind === "within" || e.kind === "after" ? e.interval.end : e.interval.start;
      if (formatYmd(got) !== day(x.start)) return `start: got ${show(e)}`;
      if (x.end && formatYmd(e.interval.end) !== day(x.end)) return `end: got ${show(e)}`;
      return null;
    },
  },
  "duckling-zh-time.json": {
    ref: () => ({ y: 2013, m: 2, d: 12 }),
    judge: (c, found) => {
      const e = found[0];
      const x = c.expected as { value: string; grain: string };
      if (!e || e.text !== c.input) return `text: got ${show(e)}`;
      if (formatYmd(e.interval.start) !== day(x.value)) return `value: got ${show(e)}`;
      if (e.interval.grain !== x.grain) return `grain: got ${show(e)}`;
      return null;
    },
  },
  "minlp-duckling-zh-time.json": {
    ref: () => ({ y: 2013, m: 2, d: 12 }),
    judge: (c, found) => {
      const e = found[0];
      const x = c.expected as { value?: string; start?: string; end_exclusive?: string; grain: string };
      if (!e || e.text !== c.input) return `text: got ${show(e)}`;
      if (x.value) {
        if (formatYmd(e.interval.start) !== day(x.value)) return `value: got ${show(e)}`;
        if (x.grain === "year" && e.interval.grain !== "year") return `grain: got ${show(e)}`;
        return null;
      }
      if (formatYmd(e.interval.start) !== day(x.start ?? "")) return `start: got ${show(e)}`;
      if (formatYmd(addDays(e.interval.end, 1)) !== day(x.end_exclusive ?? "")) return `end: got ${show(e)}`;
      return null;
    },
  },
  "jionlp-time.json": {
    ref: (c) => refOf(c.expected.reference_time),
    judge: (c, found) => {
      const e = found[0];
      const x = c.expected as { reference_time: unknown; definition: string; start: string; end: string };
      if (!e || e.text !== c.input) return `text: got ${show(e)}`;
      const refDay = typeof x.reference_time === "string" ? day(x.reference_time) : null;
      // the end (last allowed day) is always compared; the start only for accurate
      // expressions that do not simply begin "now" (blur windows such as 年底 = Nov 1–Dec 31
      // are one day for us: docs/decisions/deadlines.md)
      if (day(x.end) !== refDay && formatYmd(e.interval.end) !== day(x.end)) return `end: got ${show(e)}`;
      if (
        x.definition === "accurate" &&
        day(x.start) !== refDay &&
        formatYmd(e.interval.start) !== day(x.start)
      )
        return `start: got ${show(e)}`;
      return null;
    },
  },
  "recognizers-text-zh-datetime.json": {
    ref: (c) => refOf(c.expected.reference_time),
    judge: (c, found) => {
      const results = (
        c.expected as { results: { text: string; start?: string; end?: string; mod?: string }[] }
      ).results;
      for (const [i, r] of results.entries()) {
        const e = found[i];
        if (!e || e.text !== r.text) return `text: got ${show(e)}`;
        if (r.start && formatYmd(e.interval.start) !== r.start) return `start: got ${show(e)}`;
        if (r.end) {
          // ends are exclusive, except written day-to-day ranges, which keep their end day
          const dayRange = e.interval.grain === "day";
          const ours = dayRange ? e.interval.end : addDays(e.interval.end, 1);
          if (formatYmd(ours) !== r.end) return `end: got ${show(e)}`;
        }
      }
      return null;
    },
  },
};

describe.skipIf(!available)("peer conformance: time expressions", () => {
  if (!available) return;
  for (const [file, { ref, judge }] of Object.entries(judges)) {
    it(`${file}: ≥ 95% of the in-scope cases pass`, () => {
      const cases = JSON.parse(readFileSync(path.join(peerDir, file), "utf8")) as PeerCase[];
      const out = OUT_OF_SCOPE[file] ?? {};
      const failures: string[] = [];
      let inScope = 0;
      for (const c of cases) {
        if (c.input in out) continue;
        inScope += 1;
        const verdict = judge(c, findTimeExpressions(c.input, ref(c)));
        if (verdict) failures.push(`${c.input}: ${verdict}`);
      }
      const outCount = cases.length - inScope;
      const rate = inScope === 0 ? 1 : (inScope - failures.length) / inScope;
      console.log(
        `${file}: ${inScope - failures.length}/${inScope} in scope pass (${(rate * 100).toFixed(1)}%), ${outCount} out of scope${
          failures.length ? `\n  ${failures.join("\n  ")}` : ""
        }`,
      );
      // every out-of-scope entry names a real case (no stale exclusions)
      for (const input of Object.keys(out))
        expect(
          cases.some((c) => c.input === input),
          input,
        ).toBe(true);
      expect(inScope).toBeGreaterThan(0);
      expect(rate).toBeGreaterThanOrEqual(0.95);
    });
  }
});

describe.skipIf(available)("peer conformance: time expressions (skipped)", () => {
  it("needs ../shared/peer-cases", () => {
    console.log(`skipped: ${peerDir} is absent`);
  });
});
