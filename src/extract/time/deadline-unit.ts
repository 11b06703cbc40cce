/**
 * The shape of a deadline pattern unit and the context rules the units share.
 * A unit contributes one alternative (`source`, with named groups prefixed by
 * its `key`) to the ONE combined regular expression that `findDeadlines` runs
 * over a line, and a `resolve` function that reads the groups, checks the
 * context and computes the date — or rejects the match (returns null).
 */
import type { DeadlineKind } from "../../types.js";
import type { PatternUnit } from "../pattern.js";
import { formatYmd, isValidYmd, type Ymd } from "./calendar.js";
import { parseSmallNumber, parseYear } from "./numerals.js";

export interface DeadlineResolution {
  kind: DeadlineKind;
  date: string | null;
  needsYear?: boolean;
}

export interface DeadlineContext {
  line: string;
  start: number;
  end: number;
  groups: Record<string, string | undefined>;
  /** document year (meta.year or --year), null when unknown */
  year: number | null;
}

export interface DeadlineUnit
  extends PatternUnit<{ text: string; date: string | null; kind: DeadlineKind; needsYear?: boolean }> {
  concern: "deadline";
  /** prefix of this unit's named groups; also the group that wraps the whole alternative */
  key: string;
  source: string;
  resolve(ctx: DeadlineContext): DeadlineResolution | null;
}

/** "到 / 至 / 截至 / 截止(到)" before a date. */
export const TO_PREFIX = "(?:截止到|截至|截止|到|至)";
/** "前 / 之前 / 以前" after a date. */
export const BEFORE_SUFFIX = "(?:之前|以前|前)(?!夕|期|列|沿|提|面|身|景|瞻|端|者|述|款|后)";

// ---- context rules --------------------------------------------------------

/** A comparison base or a past reference right before the expression: 比2012年底, 去年底, 上年末. */
const BLOCK_BEFORE = /(?:比|较|与|同|去年?|上年?|前年|至今|以来|指|包括)$/;
/** A completion verb right after a bare period ("年底完成", "上半年投运"). */
const VERB_AFTER =
  /^ {0,2}(?:全部|全面|基本|初步|力争|必保|要)?(?:完成|实现|建成|建立|投入|投用|投运|开通|开工|竣工|完工|启动|出台|印发|制定|达到|达|取得|形成|覆盖|落实|上线|运行|运营|交付|推出|提交|报送|验收|办结|到位|结束|开园|开业|通车|见效|清偿)/;
/** A commitment cue right before a bare period ("确保今年底…", "于2019年12月底…"). */
const CUE_BEFORE = /(?:确保|力争|争取|计划|预计|力求|务必|必须|将于|将在|要在|要于|于|在)$/;
/** A status report after "到…," ("到6月底,已有投保农户…"): an as-of date, not a limit. */
const STATUS_AFTER = /^[，,]? {0,2}(?:已经?|累计|共有|共)/;
/** A range ("2025年至2030年", "起至…止"): 至/到 right after another date. */
const RANGE_BEFORE = /[0-9０-９年月日号起旬截]$/;

/**
 * A reference noun right after the expression makes it a base, not a limit:
 * "2021年12月底保障标准基础上", "以2023年底为基数", "与6月底相比", "年底水平", "上年同期".
 * 标准/水平 must follow directly (optionally after 的 and one of a few nouns), so that
 * "9月底前完成标准化改造" keeps its deadline; 基础上/为基数/相比/同期 may follow after a
 * short noun phrase without 在 (in "年底前在现有基础上" the base belongs to the verb).
 */
const REFERENCE_AFTER =
  /^[ \u3000]{0,2}(?:的)?(?:(?:保障|救助|补助|补贴|供养|生活|收入|工资|价格)?(?:标准|水平)(?!化)|[^在，,。；;：:、]{0,8}?(?:基础上|为基数|为基准|为基期|相比|相较|同期))/;

/** A comparison base before the expression (比…, 去年底) or a reference noun after it (…基础上). */
export function blockedBefore(ctx: DeadlineContext): boolean {
  return (
    BLOCK_BEFORE.test(ctx.line.slice(Math.max(0, ctx.start - 3), ctx.start)) ||
    REFERENCE_AFTER.test(ctx.line.slice(ctx.end, ctx.end + 14))
  );
}

export function verbAfter(ctx: DeadlineContext): boolean {
  return VERB_AFTER.test(ctx.line.slice(ctx.end, ctx.end + 6));
}

export function cueBefore(ctx: DeadlineContext): boolean {
  return CUE_BEFORE.test(ctx.line.slice(Math.max(0, ctx.start - 3), ctx.start));
}

/** Checks a 到/至/截至 prefix; returns false when it makes the match a non-deadline. */
export function toPrefixOk(ctx: DeadlineContext, to: string | undefined, reading: YearReading): boolean {
  const explicitYear = reading.explicit;
  const year = reading.y;
  const docYear = ctx.year;
  if (!to) return true;
  if (to.startsWith("截")) {
    // 截至 names an as-of date ("截至2021年底,我局…") unless a LATER year is written
    if (!explicitYear || (docYear !== null && (year ?? 0) <= docYear)) return false;
  }
  if (
    (to === "至" || to === "到") &&
    RANGE_BEFORE.test(ctx.line.slice(Math.max(0, ctx.start - 1), ctx.start))
  ) {
    return false;
  }
  if (STATUS_AFTER.test(ctx.line.slice(ctx.end, ctx.end + 8))) return false;
  return true;
}

/** A bare period (no 前, no 到) counts only with a commitment cue or a completion verb. */
export function bareOk(ctx: DeadlineContext): boolean {
  return cueBefore(ctx) || verbAfter(ctx);
}

// ---- resolution -----------------------------------------------------------

export interface YearReading {
  /** the resolved year, or null when the document year is needed and unknown */
  y: number | null;
  explicit: boolean;
  needsYear: boolean;
}

/** Reads the year of a match: written (2024年), relative (今年/明年) or the document year. */
export function readYear(
  written: string | undefined,
  relative: string | undefined,
  docYear: number | null,
): YearReading {
  if (written) {
    const y = parseYear(written);
    return { y, explicit: y !== null, needsYear: false };
  }
  if (relative) {
    const shift = relative === "明" || relative === "次" ? 1 : 0;
    return docYear === null
      ? { y: null, explicit: false, needsYear: true }
      : { y: docYear + shift, explicit: false, needsYear: false };
  }
  return docYear === null
    ? { y: null, explicit: false, needsYear: true }
    : { y: docYear, explicit: false, needsYear: false };
}

/** An explicit year before the document's year: a past event or a reference date. */
export function isPast(reading: YearReading, docYear: number | null): boolean {
  return reading.explicit && docYear !== null && reading.y !== null && reading.y < docYear;
}

export function num(raw: string | undefined): number | null {
  return raw === undefined ? null : parseSmallNumber(raw);
}

/** The resolution of a "by" deadline whose day needs the year. */
export function byDate(reading: YearReading, day: (y: number) => Ymd | null): DeadlineResolution | null {
  if (reading.y === null) return { kind: "by", date: null, needsYear: true };
  const v = day(reading.y);
  // no such day (2月30日): not a date at all
  if (!v || !isValidYmd(v)) return null;
  return { kind: "by", date: formatYmd(v) };
}

/**
 * The guard every dated unit opens with: no comparison base or reference noun around the
 * expression (blockedBefore), then the year read from its groups (`y` written, `rel` relative),
 * then, when `to` is given or the unit says so (`checkTo`), a 到/至 prefix that fits the year,
 * and no past year. The reading, or null when the expression is not a limit.
 */
export function guardedYear(
  ctx: DeadlineContext,
  y: string | undefined,
  rel: string | undefined,
  to: string | undefined,
  checkTo = true,
): YearReading | null {
  if (blockedBefore(ctx)) return null;
  const reading = readYear(y, rel, ctx.year);
  if (checkTo && !toPrefixOk(ctx, to, reading)) return null;
  if (isPast(reading, ctx.year)) return null;
  return reading;
}
