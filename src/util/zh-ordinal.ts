/**
 * A small parser for Chinese numerals as used in ordinals and counts:
 * 一..九十九, 一百零一, 两百, 三千零五, 一万二千 (unit form), and 二〇二四 / 一〇 (digit-by-digit form).
 * Returns null for anything that is not a well-formed numeral ("十十", "十四五", "一二十", "").
 * The strict grammar of ordinals on the shared core (zh-numeral.ts); figures are read in extract.
 */
import { readZhDigits, zhDigitTable, zhUnitTable } from "./zh-numeral.js";

const DIGITS = zhDigitTable("零〇一二两三四五六七八九");

const UNITS = zhUnitTable("十百千");

/** Every character that may occur in a numeral this module parses. */
export const ZH_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万";

/** True when `ch` is a Chinese numeral character (digit or unit). */
export function isZhNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && ZH_NUMERAL_CHARS.includes(ch);
}

/** Parse a section below 10000 written with units: 三千零五, 一百一十, 十二, 两百. */
function parseBelowTenThousand(s: string): number | null {
  if (s === "") return 0;
  let total = 0;
  let pending: number | null = null; // a digit waiting for its unit
  let lastUnit = 10000; // units must strictly decrease
  let zeroSeen = false;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (pending !== null) return null; // two digits in a row: 五五, 一二十
      if (d === 0) {
        if (zeroSeen || total === 0) return null; // 零 only between parts: 一百零一
        zeroSeen = true;
        continue;
      }
      pending = d;
      continue;
    }
    const u = UNITS[ch];
    if (u === undefined) return null;
    if (u >= lastUnit) return null; // 十十, 十百
    if (zeroSeen && u * 10 >= lastUnit) return null; // 一百零十 is not a numeral
    if (pending === null) {
      // a bare unit is allowed only at the very start: 十二 = 12, 百 = 100
      if (total !== 0 || zeroSeen) return null;
      pending = 1;
    }
    total += pending * u;
    pending = null;
    lastUnit = u;
    zeroSeen = false;
  }
  if (pending !== null) {
    // trailing digit: after 零 or after 十 it is the ones; "一百二" (= 120) is colloquial, refuse it
    if (!zeroSeen && lastUnit > 10 && lastUnit !== 10000) return null;
    total += pending;
  }
  return total;
}

/**
 * The value of a Chinese numeral, or null when `s` is not one.
 * Digit-by-digit strings without units (二〇二四, 一〇) read positionally.
 */
export function parseZhNumeral(s: string): number | null {
  if (s.length === 0 || s.length > 24) return null;
  let hasUnit = false;
  for (const ch of s) {
    if (DIGITS[ch] === undefined) {
      if (UNITS[ch] === undefined && ch !== "万") return null;
      hasUnit = true;
    }
  }
  if (!hasUnit) {
    if (s.length === 1) return DIGITS[s] as number;
    // positional: 二〇二四. Only when a zero or at least 3 digits make it unambiguous ("五五" is refused).
    if (s.length < 3 && !s.includes("〇") && !s.includes("零")) return null;
    if (DIGITS[s[0] as string] === 0) return null; // "零零", "〇五" are not numerals
    return readZhDigits(s, DIGITS);
  }
  const wan = s.indexOf("万");
  if (wan >= 0) {
    if (s.indexOf("万", wan + 1) >= 0) return null;
    const high = parseBelowTenThousand(s.slice(0, wan));
    let lowText = s.slice(wan + 1);
    const leadingZero = lowText.startsWith("零") || lowText.startsWith("〇");
    if (leadingZero) lowText = lowText.slice(1);
    const low = parseBelowTenThousand(lowText);
    if (high === null || high === 0 || low === null) return null;
    return high * 10000 + low;
  }
  return parseBelowTenThousand(s);
}

/** An ordinal is a numeral ≥ 1; 零 / 〇 alone is not an ordinal. */
export function parseZhOrdinal(s: string): number | null {
  const v = parseZhNumeral(s);
  return v !== null && v >= 1 ? v : null;
}
