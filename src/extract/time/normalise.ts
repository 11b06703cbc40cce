/**
 * A general normaliser of Chinese time expressions: absolute dates
 * (2015年8月12日, 2024-05-27, 二〇一九年5月8日), relative years and months
 * (今年, 明年九月, 上个月), parts of periods (上旬/中旬/下旬, 月初, 月底, 年底,
 * 上半年, 第三季度, 前三季度, 前五个月), limits (X前/以前/之前, X起, 至今),
 * ranges (A至B, 2019年4月12-19日), durations against a reference day
 * (15个工作日内, 一年内, 3天后, 近三年, 三年前) → an inclusive day interval.
 *
 * Conventions (see docs/decisions/deadlines.md): 月底/年底 are ONE day (the last
 * day); X前 includes X (2025年前 → …2025-12-31); "N units 内/后" ends at
 * reference + N units; working days skip Saturdays and Sundays only.
 */
import {
  addDays,
  addMonths,
  addWorkingDays,
  addYears,
  compareYmd,
  daysInMonth,
  isValidYmd,
  monthEnd,
  type Ymd,
} from "./calendar.js";
import { COUNT, DAY_NUM, MONTH_NUM, SHORT_COUNT, SP, YEAR_DIGITS, YEAR_SHORT } from "./fragments.js";
import { parseSmallNumber, parseYear } from "./numerals.js";

export type Grain = "day" | "xun" | "month" | "quarter" | "half" | "year";

export interface TimeInterval {
  start: Ymd;
  /** inclusive */
  end: Ymd;
  grain: Grain;
}

export type TimeKind = "point" | "range" | "before" | "from" | "within" | "after" | "ago";

export interface TimeExpression {
  index: number;
  length: number;
  text: string;
  kind: TimeKind;
  interval: TimeInterval;
  /** true when a part of the date came from the reference (no explicit year). */
  usedReference: boolean;
}

interface DateCore {
  end: number;
  interval: TimeInterval;
  /** which fields were written explicitly */
  hasYear: boolean;
  hasMonth: boolean;
  hasDay: boolean;
  relative: boolean;
}

const YEAR_RE = new RegExp(`(?:(${YEAR_DIGITS})|(${YEAR_SHORT})|(今|明|去|前|后|次|本|当))${SP}年`, "y");
const MONTH_RE = new RegExp(`(?:(${MONTH_NUM})${SP}月份?|(上个?|下个?|这个?|本|当)月)`, "y");
const DAY_RE = new RegExp(`(${DAY_NUM})${SP}[日号號]`, "y");
const DAY_SPAN_RE = new RegExp(`(${DAY_NUM})${SP}[-—~～](${DAY_NUM})${SP}[日号號]`, "y");
const ISO_RE = /([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9])/y;
const HALF_RE = /(上|下)半年/y;
const QUARTER_RE = /(?:第?([一二三四1-4])|(上|下|本|这)个?)季度(末|底)?/y;
const FIRST_N_RE = new RegExp(`前(${COUNT})(个?季度|个月)`, "y");
const YEAR_EDGE_RE = /年?(底|末|初|中)/y;
const MONTH_EDGE_RE = /(上旬|中旬|下旬|月?底|月?末|初)/y;
const BARE_MONTH_END_RE = /(这个月|本月|当月)?月(底|末)/y;
const BARE_YEAR_EDGE_RE = /年(底|末|初)/y;
const IN_SUFFIX = /(?:之内|以内|内)/y;
const DAY_RANGE_TAIL = new RegExp(`${SP}[-—~至到]${SP}(${DAY_NUM})${SP}[日号號]`, "y");

function relYear(word: string, ref: Ymd): number {
  switch (word) {
    case "明":
    case "次":
      return ref.y + 1;
    case "去":
      return ref.y - 1;
    case "前":
      return ref.y - 2;
    case "后":
      return ref.y + 2;
    default:
      return ref.y;
  }
}

function relMonthShift(word: string): number {
  if (word.startsWith("上")) return -1;
  if (word.startsWith("下")) return 1;
  return 0;
}

function wholeYear(y: number): TimeInterval {
  return { start: { y, m: 1, d: 1 }, end: { y, m: 12, d: 31 }, grain: "year" };
}

function wholeMonth(y: number, m: number): TimeInterval {
  return { start: { y, m, d: 1 }, end: monthEnd(y, m), grain: "month" };
}

function quarterOf(y: number, q: number): TimeInterval {
  const m = (q - 1) * 3 + 1;
  return { start: { y, m, d: 1 }, end: monthEnd(y, m + 2), grain: "quarter" };
}

function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Parses one date (or period) starting exactly at `pos`. */
export function parseDateAt(text: string, pos: number, ref: Ymd): DateCore | null {
  const iso = matchAt(ISO_RE, text, pos);
  if (iso) {
    const v = { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
    if (!isValidYmd(v)) return null;
    return {
      end: pos + iso[0].length,
      interval: { start: v, end: v, grain: "day" },
      hasYear: true,
      hasMonth: true,
      hasDay: true,
      relative: false,
    };
  }
  let p = pos;
  let year = ref.y;
  let hasYear = false;
  let relative = false;
  const ym = matchAt(YEAR_RE, text, p);
  if (ym) {
    if (ym[1] !== undefined || ym[2] !== undefined) {
      const y = parseYear(ym[1] ?? ym[2] ?? "");
      if (y === null) return null;
      year = y;
    } else {
      year = relYear(ym[3] ?? "", ref);
      relative = true;
    }
    hasYear = true;
    p += ym[0].length;
  }
  const core = (interval: TimeInterval, end: number, hasMonth = false, hasDay = false): DateCore => ({
    end,
    interval,
    hasYear,
    hasMonth,
    hasDay,
    relative,
  });

  const half = matchAt(HALF_RE, text, p);
  if (half) {
    const first = half[1] === "上";
    return core(
      {
        start: { y: year, m: first ? 1 : 7, d: 1 },
        end: { y: year, m: first ? 6 : 12, d: first ? 30 : 31 },
        grain: "half",
      },
      p + half[0].length,
    );
  }
  const firstN = matchAt(FIRST_N_RE, text, p);
  if (firstN) {
    const n = parseSmallNumber(firstN[1] ?? "");
    if (n === null || !Number.isInteger(n) || n < 1) return null;
    const months = firstN[2]?.endsWith("季度") ? n * 3 : n;
    if (months > 12) return null;
    return core(
      { start: { y: year, m: 1, d: 1 }, end: monthEnd(year, months), grain: "month" },
      p + firstN[0].length,
    );
  }
  const quarter = matchAt(QUARTER_RE, text, p);
  if (quarter) {
    let y = year;
    let q: number;
    if (quarter[1] !== undefined) q = parseSmallNumber(quarter[1]) ?? 0;
    else {
      const refQ = Math.floor((ref.m - 1) / 3) + 1;
      q = refQ + relMonthShift(quarter[2] ?? "");
      if (q < 1) {
        q = 4;
        y -= 1;
      } else if (q > 4) {
        q = 1;
        y += 1;
      }
      relative = true;
    }
    if (q < 1 || q > 4) return null;
    const whole = quarterOf(y, q);
    if (quarter[3] !== undefined) {
      const lastMonth = whole.end.m;
      return core(wholeMonth(y, lastMonth), p + quarter[0].length, true);
    }
    return core(whole, p + quarter[0].length);
  }

  const mm = matchAt(MONTH_RE, text, p);
  if (!mm) {
    if (!hasYear) {
      const bare = matchAt(BARE_MONTH_END_RE, text, p);
      if (bare) {
        const e = monthEnd(ref.y, ref.m);
        relative = true;
        return core({ start: e, end: e, grain: "day" }, p + bare[0].length, true, true);
      }
      const bareYear = matchAt(BARE_YEAR_EDGE_RE, text, p);
      if (!bareYear) return null;
      relative = true;
      const y = ref.y;
      const end = p + bareYear[0].length;
      if (bareYear[1] === "初")
        return core({ start: { y, m: 1, d: 1 }, end: monthEnd(y, 2), grain: "month" }, end);
      return core({ start: { y, m: 12, d: 31 }, end: { y, m: 12, d: 31 }, grain: "day" }, end);
    }
    const edge = matchAt(YEAR_EDGE_RE, text, p);
    if (edge) {
      const end = p + edge[0].length;
      switch (edge[1]) {
        case "底":
        case "末":
          return core(
            { start: { y: year, m: 12, d: 31 }, end: { y: year, m: 12, d: 31 }, grain: "day" },
            end,
          );
        case "初":
          return core({ start: { y: year, m: 1, d: 1 }, end: monthEnd(year, 2), grain: "month" }, end);
        default:
          return core({ start: { y: year, m: 6, d: 1 }, end: monthEnd(year, 7), grain: "month" }, end);
      }
    }
    const inside = matchAt(IN_SUFFIX, text, p);
    return core(wholeYear(year), inside ? p + inside[0].length : p);
  }
  let month: number;
  if (mm[1] !== undefined) {
    month = parseSmallNumber(mm[1]) ?? 0;
    if (month < 1 || month > 12) return null;
  } else {
    const shifted = addMonths({ y: ref.y, m: ref.m, d: 1 }, relMonthShift(mm[2] ?? ""));
    year = shifted.y;
    month = shifted.m;
    relative = true;
  }
  p += mm[0].length;
  const span = matchAt(DAY_SPAN_RE, text, p);
  if (span) {
    const a = { y: year, m: month, d: parseSmallNumber(span[1] ?? "") ?? 0 };
    const b = { y: year, m: month, d: parseSmallNumber(span[2] ?? "") ?? 0 };
    if (isValidYmd(a) && isValidYmd(b) && b.d > a.d)
      return core({ start: a, end: b, grain: "day" }, p + span[0].length, true, true);
  }
  const dd = matchAt(DAY_RE, text, p);
  if (dd) {
    const day = parseSmallNumber(dd[1] ?? "") ?? 0;
    const v = { y: year, m: month, d: day };
    if (!isValidYmd(v)) return null;
    p += dd[0].length;
    const tail = matchAt(DAY_RANGE_TAIL, text, p);
    if (tail) {
      const d2 = parseSmallNumber(tail[1] ?? "") ?? 0;
      const v2 = { y: year, m: month, d: d2 };
      if (isValidYmd(v2) && d2 > day)
        return core({ start: v, end: v2, grain: "day" }, p + tail[0].length, true, true);
    }
    return core({ start: v, end: v, grain: "day" }, p, true, true);
  }
  const edge = matchAt(MONTH_EDGE_RE, text, p);
  if (edge) {
    const end = p + edge[0].length;
    const last = daysInMonth(year, month);
    const w = edge[1] ?? "";
    if (w === "上旬")
      return core(
        { start: { y: year, m: month, d: 1 }, end: { y: year, m: month, d: 10 }, grain: "xun" },
        end,
        true,
      );
    if (w === "中旬")
      return core(
        { start: { y: year, m: month, d: 11 }, end: { y: year, m: month, d: 20 }, grain: "xun" },
        end,
        true,
      );
    if (w === "下旬")
      return core(
        { start: { y: year, m: month, d: 21 }, end: { y: year, m: month, d: last }, grain: "xun" },
        end,
        true,
      );
    if (w === "初")
      return core(
        { start: { y: year, m: month, d: 1 }, end: { y: year, m: month, d: 5 }, grain: "xun" },
        end,
        true,
      );
    const e = { y: year, m: month, d: last };
    return core({ start: e, end: e, grain: "day" }, end, true, true);
  }
  return core(wholeMonth(year, month), p, true);
}

const FROM_PREFIX = /[自从]/y;
const FROM_SUFFIX = /(?:起|开始)(至今)?/y;
const BEFORE_SUFFIX = /(?:及|或)?(?:之前|以前|前)/y;
const AFTER_SUFFIX = /(?:之后|以后)/y;
const RANGE_SEP = new RegExp(`${SP}(?:至|到|-|—|ー|~|～)${SP}`, "y");
const BARE_YEAR_RANGE = new RegExp(`[从自]?${SP}([0-9]{4})${SP}(?:至|到|-|—)${SP}([0-9]{4})(?!${SP}年)`, "y");
const BARE_YEAR_BEFORE_RANGE = new RegExp(`([0-9]{4})${SP}(?:至|到|-|—)${SP}(?=[0-9]{4}${SP}年)`, "y");
const WITHIN_RE = new RegExp(
  `(?:未来|今后)?(${SHORT_COUNT})${SP}(个${SP}工作日|工作日|天|日|个?${SP}(?:星期|礼拜)|周|个${SP}月|个?${SP}季度|年)(?:之内|以内|内)`,
  "y",
);
const FUTURE_SPAN_RE = new RegExp(`(?:未来|今后)(${COUNT})${SP}(年|个月|天)`, "y");
const AFTER_RE = new RegExp(
  `(${SHORT_COUNT})${SP}(个${SP}工作日|天|日|个?${SP}(?:星期|礼拜)|周|个${SP}月|年)(?:之后|以后|后)`,
  "y",
);
const AGO_RE = /([一二两三四五六七八九十]{1,3}|[0-9]{1,2})年前(?![0-9])/y;
const NEAR_RE = new RegExp(`近(${COUNT})${SP}年`, "y");

function shift(ref: Ymd, n: number, unit: string): Ymd | null {
  if (!Number.isInteger(n) && !(n === 0.5 && unit.includes("年"))) return null;
  const u = unit.replace(/[ 个]/g, "");
  if (u === "工作日") return addWorkingDays(ref, n);
  if (u === "天" || u === "日") return addDays(ref, n);
  if (u === "星期" || u === "礼拜" || u === "周") return addDays(ref, n * 7);
  if (u === "月") return addMonths(ref, n);
  if (u === "季度") return addMonths(ref, n * 3);
  if (u === "年") return n === 0.5 ? addMonths(ref, 6) : addYears(ref, n);
  return null;
}

/** Parses one time expression starting exactly at `pos`; null when none starts there. */
export function parseTimeAt(
  text: string,
  pos: number,
  ref: Ymd,
): Omit<TimeExpression, "index" | "text"> | null {
  const out = (kind: TimeKind, interval: TimeInterval, end: number, usedReference: boolean) => ({
    kind,
    interval,
    length: end - pos,
    usedReference,
  });
  for (const [re, kind] of [
    [WITHIN_RE, "within"],
    [AFTER_RE, "after"],
  ] as const) {
    const m = matchAt(re, text, pos);
    if (m) {
      const n = parseSmallNumber(m[1] ?? "");
      const e = n === null ? null : shift(ref, n, m[2] ?? "");
      if (!e) return null;
      return kind === "within"
        ? out("within", { start: ref, end: e, grain: "day" }, pos + m[0].length, true)
        : out("after", { start: e, end: e, grain: "day" }, pos + m[0].length, true);
    }
  }
  const future = matchAt(FUTURE_SPAN_RE, text, pos);
  if (future) {
    const n = parseSmallNumber(future[1] ?? "");
    const e = n === null ? null : shift(ref, n, future[2] ?? "");
    if (e) return out("within", { start: ref, end: e, grain: "day" }, pos + future[0].length, true);
  }
  const ago = matchAt(AGO_RE, text, pos);
  if (ago) {
    const n = parseSmallNumber(ago[1] ?? "");
    if (n !== null && n < 100) return out("ago", wholeYear(ref.y - n), pos + ago[0].length, true);
  }
  const near = matchAt(NEAR_RE, text, pos);
  if (near) {
    const n = parseSmallNumber(near[1] ?? "");
    if (n !== null && Number.isInteger(n))
      return out("range", { start: addYears(ref, -n), end: ref, grain: "day" }, pos + near[0].length, true);
  }
  const bareRange = matchAt(BARE_YEAR_RANGE, text, pos);
  if (bareRange) {
    const a = Number(bareRange[1]);
    const b = Number(bareRange[2]);
    if (a < b)
      return out(
        "range",
        { start: wholeYear(a).start, end: wholeYear(b).end, grain: "year" },
        pos + bareRange[0].length,
        false,
      );
  }
  let p = pos;
  let fromPrefix = false;
  if (matchAt(FROM_PREFIX, text, p)) {
    fromPrefix = true;
    p += 1;
  }
  // "2020至2025年前": a bare year, then a dated second half
  const lead = matchAt(BARE_YEAR_BEFORE_RANGE, text, p);
  let leadYear: number | null = null;
  if (lead) {
    leadYear = Number(lead[1]);
    p += lead[0].length;
  }
  const first = parseDateAt(text, p, ref);
  if (!first) return null;
  p = first.end;
  let interval = first.interval;
  let used = !first.hasYear || first.relative;
  if (leadYear !== null) {
    const before = matchAt(BEFORE_SUFFIX, text, p);
    if (before) p += before[0].length;
    return out("range", { start: wholeYear(leadYear).start, end: interval.end, grain: "year" }, p, used);
  }
  const sep = matchAt(RANGE_SEP, text, p);
  if (sep) {
    // the second half inherits year (and month) from the first
    const inheritRef = { y: interval.start.y, m: interval.start.m, d: 1 };
    let second = parseDateAt(text, p + sep[0].length, inheritRef);
    const dayOnly = second === null ? matchAt(DAY_RE, text, p + sep[0].length) : null;
    if (dayOnly && first.hasMonth) {
      const d = parseSmallNumber(dayOnly[1] ?? "") ?? 0;
      const v = { y: interval.start.y, m: interval.start.m, d };
      if (isValidYmd(v))
        second = {
          end: p + sep[0].length + dayOnly[0].length,
          interval: { start: v, end: v, grain: "day" },
          hasYear: false,
          hasMonth: false,
          hasDay: true,
          relative: false,
        };
    }
    if (second && compareYmd(second.interval.end, interval.start) >= 0) {
      return out(
        "range",
        { start: interval.start, end: second.interval.end, grain: interval.grain },
        second.end,
        used,
      );
    }
  }
  const from = matchAt(FROM_SUFFIX, text, p);
  if (from) {
    p += from[0].length;
    if (from[1]) return out("range", { start: interval.start, end: ref, grain: "day" }, p, used);
    return out("from", interval, p, used);
  }
  if (fromPrefix) {
    return null;
  }
  const before = matchAt(BEFORE_SUFFIX, text, p);
  if (before) {
    p += before[0].length;
    return out("before", interval, p, used);
  }
  const after = matchAt(AFTER_SUFFIX, text, p);
  if (after) {
    p += after[0].length;
    // "2010年之后2018年之前": a range closed by a second limit
    const next = parseDateAt(text, p, ref);
    if (next) {
      const nb = matchAt(BEFORE_SUFFIX, text, next.end);
      if (nb) {
        interval = { start: interval.end, end: next.interval.end, grain: interval.grain };
        used = used || !next.hasYear;
        return out("range", interval, next.end + nb[0].length, used);
      }
    }
    return out("from", interval, p, used);
  }
  return out("point", interval, p, used);
}

const TRIGGER = /[0-9０-９零〇○一二两三四五六七八九十今明去前后次本当上下这自从近未半月年几]/g;
const CONNECTOR = /[，,、\s]{1,2}/y;

/**
 * Finds the time expressions of `text`, left to right, longest at each start.
 * Two adjacent dates joined by a comma ("二零一六年，九月三号") are merged.
 */
export function findTimeExpressions(text: string, ref: Ymd): TimeExpression[] {
  const found: TimeExpression[] = [];
  TRIGGER.lastIndex = 0;
  let next = 0;
  for (let m = TRIGGER.exec(text); m !== null; m = TRIGGER.exec(text)) {
    const i = m.index;
    if (i < next) continue;
    const r = parseTimeAt(text, i, ref);
    if (!r || r.length === 0) continue;
    let expr: TimeExpression = { ...r, index: i, text: text.slice(i, i + r.length) };
    // merge "Y年，M月D日"
    const conn = matchAt(CONNECTOR, text, i + r.length);
    if (conn && r.interval.grain === "year" && r.kind === "point") {
      const j = i + r.length + conn[0].length;
      const tail = parseDateAt(text, j, { y: r.interval.start.y, m: 1, d: 1 });
      if (tail && !tail.hasYear && tail.hasMonth) {
        const len = tail.end - i;
        expr = {
          ...expr,
          length: len,
          text: text.slice(i, i + len),
          interval: tail.interval,
          usedReference: false,
        };
      }
    }
    found.push(expr);
    next = i + expr.length;
    TRIGGER.lastIndex = next;
  }
  return found;
}

/** Reads the first time expression of `text` (or null). */
export function parseTime(text: string, ref: Ymd): TimeExpression | null {
  return findTimeExpressions(text, ref)[0] ?? null;
}
