import type { DeadlineKind } from "../types.js";

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

/** STUB (to be replaced by the deadline patterns). */
export function findDeadlines(_line: string, _year: number | null): DeadlineMatch[] {
  return [];
}
