/**
 * The core every Chinese-numeral reader in the tree builds on: the value of each numeral
 * character (one table), and the digit-by-digit reading (二〇二四 → 2024).
 *
 * The grammars on top of it stay with their callers because they disagree on purpose:
 * - `util/zh-ordinal.ts` (segment, meta): strict ordinals — "十十", "十四五", "五五", "一百二" are refused;
 * - `extract/numerals/zh-number.ts` (target finder): figures — 亿, 1.36万, 二分之一, colloquial 七百三 = 730;
 * - `extract/time/numerals.ts` (deadlines): loose small numbers — 一二十 = 120, 半 = 0.5.
 * Each caller also keeps its own character set (the ordinal reader knows no 壹, only the time reader
 * knows ○ and Ｏ): pick it with `zhDigitTable` / `zhUnitTable`, so no reader accepts more than before.
 */

/** Every Chinese digit character any reader knows, with its value. */
const DIGIT_VALUE: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  "○": 0,
  Ｏ: 0,
  洞: 0,
  一: 1,
  壹: 1,
  幺: 1,
  二: 2,
  两: 2,
  兩: 2,
  俩: 2,
  贰: 2,
  貳: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

/** The units below 万, ordinary and financial. */
const UNIT_VALUE: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** The magnitudes 万 and 亿 (simplified and traditional). */
export const ZH_BIG_UNIT: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

function pick(from: Readonly<Record<string, number>>, chars: string): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const ch of chars) {
    const v = from[ch];
    if (v === undefined) throw new Error(`not a Chinese numeral character: ${ch}`);
    out[ch] = v;
  }
  return out;
}

/** A digit table holding only `chars` (each a digit character): build once, at module scope. */
export function zhDigitTable(chars: string): Readonly<Record<string, number>> {
  return pick(DIGIT_VALUE, chars);
}

/** A unit table (十 百 千 and financial forms) holding only `chars`: build once, at module scope. */
export function zhUnitTable(chars: string): Readonly<Record<string, number>> {
  return pick(UNIT_VALUE, chars);
}

/**
 * `s` read digit by digit ("二〇二四" → 2024, "五" → 5) with the digits of `table`; null when `s` is
 * empty or holds a character that is not one of them. No unit, no sign, no ASCII digits.
 */
export function readZhDigits(s: string, table: Readonly<Record<string, number>>): number | null {
  if (s.length === 0) return null;
  let v = 0;
  for (const ch of s) {
    const d = table[ch];
    if (d === undefined) return null;
    v = v * 10 + d;
  }
  return v;
}

const FULL_WIDTH_DIGITS = /[０-９]/g;

/** Full-width digits ０-９ as ASCII 0-9; every other character unchanged. */
export function toAsciiDigits(s: string): string {
  return s.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
