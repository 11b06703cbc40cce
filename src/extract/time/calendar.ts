/**
 * Proleptic Gregorian date arithmetic on plain {y, m, d} triples (no Date
 * objects, no time zones: every figure here is a calendar day).
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(y: number, m: number): number {
  if (m === 2 && isLeapYear(y)) return 29;
  return MONTH_DAYS[m - 1] ?? 30;
}

export function isValidYmd(v: Ymd): boolean {
  return (
    Number.isInteger(v.y) &&
    Number.isInteger(v.m) &&
    Number.isInteger(v.d) &&
    v.m >= 1 &&
    v.m <= 12 &&
    v.d >= 1 &&
    v.d <= daysInMonth(v.y, v.m)
  );
}

export function ymd(y: number, m: number, d: number): Ymd {
  return { y, m, d };
}

export function monthEnd(y: number, m: number): Ymd {
  return { y, m, d: daysInMonth(y, m) };
}

/** Days since 1970-01-01 (may be negative). */
export function toDayNumber(v: Ymd): number {
  return Math.floor(Date.UTC(v.y, v.m - 1, v.d) / 86_400_000);
}

export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(v: Ymd, n: number): Ymd {
  return fromDayNumber(toDayNumber(v) + n);
}

/** Adds calendar months; the day is clamped to the target month (01-31 + 1 month = 02-28/29). */
export function addMonths(v: Ymd, n: number): Ymd {
  const index = v.y * 12 + (v.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(v.d, daysInMonth(y, m)) };
}

export function addYears(v: Ymd, n: number): Ymd {
  return addMonths(v, n * 12);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(v: Ymd): number {
  return (((toDayNumber(v) + 4) % 7) + 7) % 7;
}

/** Adds n working days (Monday–Friday; public holidays are not modelled). */
export function addWorkingDays(v: Ymd, n: number): Ymd {
  let day = toDayNumber(v);
  let left = n;
  while (left > 0) {
    day += 1;
    const wd = (((day + 4) % 7) + 7) % 7;
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return fromDayNumber(day);
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

export function formatYmd(v: Ymd): string {
  return `${pad(v.y, 4)}-${pad(v.m, 2)}-${pad(v.d, 2)}`;
}

/**
 * 春节 (Spring Festival, 1st day of the 1st lunar month), 2010–2035, as data
 * (published almanac dates). Used only to resolve "春节前".
 */
export const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2010: "02-14",
  2011: "02-03",
  2012: "01-23",
  2013: "02-10",
  2014: "01-31",
  2015: "02-19",
  2016: "02-08",
  2017: "01-28",
  2018: "02-16",
  2019: "02-05",
  2020: "01-25",
  2021: "02-12",
  2022: "02-01",
  2023: "01-22",
  2024: "02-10",
  2025: "01-29",
  2026: "02-17",
  2027: "02-06",
  2028: "01-26",
  2029: "02-13",
  2030: "02-03",
  2031: "01-23",
  2032: "02-11",
  2033: "01-31",
  2034: "02-19",
  2035: "02-08",
};

export function springFestival(y: number): Ymd | null {
  const md = SPRING_FESTIVAL[y];
  if (!md) return null;
  return { y, m: Number(md.slice(0, 2)), d: Number(md.slice(3, 5)) };
}
