/**
 * Deadlines (time limits) in one normalised line: ONE combined regular
 * expression built from the deadline pattern units, scanned once; each match
 * is handed to the unit whose alternative matched, which checks the context
 * and resolves the date against the document year (or rejects the match).
 * Conventions: docs/decisions/deadlines.md.
 */
import type { DeadlineKind } from "../types.js";
import { pattern as date } from "./patterns/deadline-date.js";
import { pattern as from } from "./patterns/deadline-from.js";
import { pattern as halfQuarter } from "./patterns/deadline-half-quarter.js";
import { pattern as holiday } from "./patterns/deadline-holiday.js";
import { pattern as month } from "./patterns/deadline-month.js";
import { pattern as monthEnd } from "./patterns/deadline-month-end.js";
import { pattern as planPeriod } from "./patterns/deadline-plan-period.js";
import { pattern as recurring } from "./patterns/deadline-recurring.js";
import { pattern as within } from "./patterns/deadline-within.js";
import { pattern as withinYear } from "./patterns/deadline-within-year.js";
import { pattern as yearUnit } from "./patterns/deadline-year.js";
import { pattern as yearEnd } from "./patterns/deadline-year-end.js";
import { analyseSource } from "../util/scan-window.js";
import type { DeadlineUnit } from "./time/deadline-unit.js";

/** A deadline found in one normalised line; offsets are into that line's text. */
export interface DeadlineMatch {
  start: number;
  end: number;
  text: string;
  /** YYYY-MM-DD (last allowed day for "by", first day for "from"), or null. */
  date: string | null;
  kind: DeadlineKind;
  pattern: string;
  /** true when a calendar date was expected but no year was known. */
  needsYear?: boolean;
}

/**
 * The units in priority order: at one start position the first alternative
 * that matches wins, so longer / more specific shapes come first.
 */
export const DEADLINE_PATTERNS: readonly DeadlineUnit[] = [
  recurring,
  from,
  date,
  month,
  halfQuarter,
  yearEnd,
  planPeriod,
  withinYear,
  yearUnit,
  within,
  holiday,
  monthEnd,
];

const COMBINED = new RegExp(DEADLINE_PATTERNS.map((u) => `(?<${u.key}>${u.source})`).join("|"), "gu");
/** Every deadline contains one of these characters (checked below on the sources themselves). */
const TRIGGER_CHARS = "年月日号季内起始每假前底末时";
/** Cheap pre-check: a line without a trigger character holds no deadline. */
const TRIGGER = new RegExp(`[${TRIGGER_CHARS}]`);
const IS_TRIGGER = new Uint8Array(0x10000);
for (const ch of TRIGGER_CHARS) IS_TRIGGER[ch.charCodeAt(0)] = 1;
/** The combined expression, tried at one position at a time. */
const STICKY = new RegExp(COMBINED.source, "yu");
/**
 * A match starts at most `lead` code units before its first trigger character, and with one of
 * the `first` characters: only those positions are tried (see scan-window.ts); null when the
 * sources do not allow the bound.
 */
const WINDOW = analyseSource(COMBINED.source, TRIGGER_CHARS);

/** The first deadline unit whose named group matched (a loop, not find(): runs per match). */
function unitOfGroups(groups: Record<string, string | undefined>): (typeof DEADLINE_PATTERNS)[number] | undefined {
  for (let i = 0; i < DEADLINE_PATTERNS.length; i++) {
    const u = DEADLINE_PATTERNS[i] as (typeof DEADLINE_PATTERNS)[number];
    if (groups[u.key] !== undefined) return u;
  }
  return undefined;
}

/**
 * The leftmost match of COMBINED at or after `from`, as the global scan would find it, trying
 * only the positions in [t - lead, t] of each trigger character t whose character can start a match.
 */
function nextMatch(line: string, from: number, lead: number, first: Uint8Array): RegExpExecArray | null {
  let s = from;
  for (let t = s; t < line.length; t++) {
    if (IS_TRIGGER[line.charCodeAt(t)] !== 1) continue;
    for (let p = Math.max(s, t - lead); p <= t; p++) {
      if (first[line.charCodeAt(p)] !== 1) continue;
      STICKY.lastIndex = p;
      const m = STICKY.exec(line);
      if (m !== null) return m;
    }
    s = t + 1;
  }
  return null;
}

/** The next match of COMBINED at or after `from` (windowed when WINDOW allows it). */
function matchFrom(line: string, from: number): RegExpExecArray | null {
  if (WINDOW !== null) return nextMatch(line, from, WINDOW.lead, WINDOW.first);
  COMBINED.lastIndex = from;
  return COMBINED.exec(line);
}

export function findDeadlines(line: string, year: number | null): DeadlineMatch[] {
  const window = WINDOW;
  // the windowed scan looks for trigger characters itself; the full scan needs the pre-check
  if (window === null && !TRIGGER.test(line)) return [];
  const out: DeadlineMatch[] = [];
  let next = 0;
  for (let m = matchFrom(line, 0); m !== null; m = matchFrom(line, next)) {
    const groups = m.groups ?? {};
    const unit = unitOfGroups(groups);
    let text = m[0];
    let start = m.index;
    // a leading stray space belongs to no expression
    while (text.startsWith(" ")) {
      text = text.slice(1);
      start += 1;
    }
    while (text.endsWith(" ")) text = text.slice(0, -1);
    const end = start + text.length;
    const resolved = unit && text.length > 0 ? unit.resolve({ line, start, end, groups, year }) : null;
    if (!unit || !resolved) {
      // a rejected expression is skipped as a whole: retrying inside it would
      // lose the context that rejected it ("比“十二五”期末" → "十二五”期末")
      next = m.index + Math.max(1, m[0].length);
      continue;
    }
    const match: DeadlineMatch = {
      start,
      end,
      text,
      date: resolved.date,
      kind: resolved.kind,
      pattern: unit.name,
    };
    if (resolved.needsYear) match.needsYear = true;
    out.push(match);
    next = Math.max(m.index + m[0].length, m.index + 1);
  }
  return out;
}
