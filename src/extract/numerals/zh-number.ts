/**
 * Numerals → numbers: Arabic (full-width, thousands separators, spaces), Chinese
 * (〇 零 一 … 两 十 百 千 万 亿, financial 壹贰叁 …), and mixed ("1.2万", "4.78万亿",
 * "3千"). Pure functions, no regex built per call. Character values and the digit-by-digit
 * reading come from the shared core (util/zh-numeral.ts); the figure grammar (亿, decimals,
 * fractions, colloquial 七百三) is this module's.
 */
import { readZhDigits, ZH_BIG_UNIT, zhDigitTable, zhUnitTable } from "../../util/zh-numeral.js";

const ZH_DIGIT = zhDigitTable("零〇洞一壹幺二贰貳两兩俩三叁參四肆五伍六陆陸七柒八捌九玖");

const ZH_SMALL_UNIT = zhUnitTable("十拾百佰千仟");

/** Characters that may appear in a Chinese numeral (for building regex classes). */
export const ZH_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟";

const FULLWIDTH_ZERO = 0xff10;

/** Full-width digits and punctuation used in numbers → ASCII; spaces removed. */
export function asciiDigits(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= FULLWIDTH_ZERO && c <= FULLWIDTH_ZERO + 9) out += String.fromCharCode(c - FULLWIDTH_ZERO + 48);
    else if (c === 0xff0e) out += ".";
    else if (c === 0xff0c || c === 0x2c)
      continue; // thousands separators , ，
    else if (c === 0x20 || c === 0x3000 || c === 0xa0) continue;
    else out += s[i];
  }
  return out;
}

/** Exact decimal scaling without binary drift ("16.4" × 1e8 → 1640000000). */
function scale(value: number, factor: number): number {
  if (factor === 1) return value;
  const r = value * factor;
  const rounded = Math.round(r);
  return Math.abs(r - rounded) < 1e-6 * Math.max(1, Math.abs(r)) ? rounded : Number(r.toPrecision(15));
}

const ARABIC_RE = /^-?\d{1,20}(?:\.\d{1,12})?$/;
const ARABIC_PREFIX_RE = /^-?\d{1,20}(?:\.\d{1,12})?/;

/** An Arabic number, tolerant of full-width digits, separators and spaces; null if not one. */
export function parseArabic(raw: string): number | null {
  const s = asciiDigits(raw);
  if (!ARABIC_RE.test(s)) return null;
  return Number(s);
}

/** Value of a pure-Chinese integer numeral ("三千五百", "十一亿零九千零三十二", "七百三"); null if invalid. */
function parseZhInteger(s: string): number | null {
  if (s.length === 0) return null;
  // digit sequence without any unit: "一二三" → 123, "二〇二四" → 2024
  const digits = readZhDigits(s, ZH_DIGIT);
  if (digits !== null) return digits;
  let total = 0; // completed 亿 groups
  let section = 0; // below 亿
  let group = 0; // below 万
  let num = 0;
  let pendingDigit = false;
  let lastUnit = 0; // value of the unit just before the pending digit
  let sawZero = false;
  // (performance) indexed: a string for…of runs the string iterator per character; the
  // numerals are BMP characters, and a surrogate half is unknown here just as a pair is
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const d = ZH_DIGIT[ch];
    if (d !== undefined) {
      if (pendingDigit && d !== 0) return null; // "三五" inside a unit numeral
      if (d === 0) sawZero = true;
      num = d;
      pendingDigit = d !== 0;
      continue;
    }
    const small = ZH_SMALL_UNIT[ch];
    if (small !== undefined) {
      // a bare 十 counts one ten ("十五", "一千零十"); a bare 百/千 is not a numeral
      if (!pendingDigit && small !== 10) return null;
      const n = pendingDigit ? num : 1;
      group += n * small;
      num = 0;
      pendingDigit = false;
      lastUnit = small;
      sawZero = false;
      continue;
    }
    const big = ZH_BIG_UNIT[ch];
    if (big !== undefined) {
      const g = group + (pendingDigit ? num : 0);
      if (big === 1e8) {
        total = (total + section + g) * 1e8;
        section = 0;
      } else {
        if (g === 0 && section === 0 && total === 0) return null;
        section = (section + g) * 1e4;
        if (section >= 1e8) {
          // "万亿" written as 万 then 亿 is handled by 亿; a bare overflow is odd but fine
        }
      }
      group = 0;
      num = 0;
      pendingDigit = false;
      lastUnit = big;
      sawZero = false;
      continue;
    }
    return null;
  }
  if (pendingDigit) {
    // colloquial "七百三" = 730, "三万五" = 35000: a trailing digit right after a unit
    if (lastUnit >= 100 && !sawZero) num *= lastUnit / 10;
    group += num;
  }
  return total + section + group;
}

/**
 * ASCII digits with at most one inner "." (1–20 digits before it, 1–12 after): what ARABIC_RE
 * accepts without a sign, which `Number` reads as is. The common case, checked without copying.
 */
function isPlainDecimal(raw: string): boolean {
  const n = raw.length;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== 0x2e || dot >= 0) return false;
    dot = i;
  }
  if (dot < 0) return n >= 1 && n <= 20;
  return dot >= 1 && dot <= 20 && n - dot - 1 >= 1 && n - dot - 1 <= 12;
}

/**
 * Any numeral → number: "三千五百" 3500, "两" 2, "1.2万" 12000, "4.78万亿" 4.78e12,
 * "3千" 3000, "１，２３４" 1234, "负三点八" -3.8, "十 余 万" 100000 (余/多 ignored).
 * Returns null when the string is not a numeral.
 */
export function parseZhNumber(raw: string): number | null {
  if (isPlainDecimal(raw)) return Number(raw);
  let s = asciiDigits(raw).replace(/[余多]/g, "");
  if (s.length === 0) return null;
  let sign = 1;
  if (s[0] === "负" || s[0] === "-") {
    sign = -1;
    s = s.slice(1);
  }
  if (ARABIC_RE.test(s)) return sign * Number(s);
  // fractions: "二分之一" → 0.5, "四分之3" → 0.75, "三分之一点五" → 0.5 (denominator first)
  const frac = s.indexOf("分之");
  if (frac > 0) {
    const den = parseZhNumber(s.slice(0, frac));
    const num = parseZhNumber(s.slice(frac + 2));
    return den === null || num === null || den === 0 ? null : sign * (num / den);
  }
  // mixed: Arabic prefix followed by units ("1.2万", "4.78万亿", "3千")
  const m = ARABIC_PREFIX_RE.exec(s);
  if (m) {
    const rest = s.slice(m[0].length);
    let factor = 1;
    for (let i = 0; i < rest.length; i++) {
      const ch = rest[i] as string;
      const u = ZH_SMALL_UNIT[ch] ?? ZH_BIG_UNIT[ch];
      if (u === undefined) return null;
      factor *= u;
    }
    return sign * scale(Number(m[0]), factor);
  }
  // Chinese with a decimal point: "三点八", "一点五七", "十二点五万"
  const dot = Math.max(s.indexOf("点"), s.indexOf("點"));
  if (dot >= 0) {
    const intPart = parseZhInteger(s.slice(0, dot));
    if (intPart === null) return null;
    let frac = "";
    let i = dot + 1;
    for (; i < s.length; i++) {
      const ch = s[i] as string;
      const d = ch >= "0" && ch <= "9" ? Number(ch) : ZH_DIGIT[ch];
      if (d === undefined) break;
      frac += String(d);
    }
    if (frac === "") return null;
    let factor = 1;
    for (; i < s.length; i++) {
      const u = ZH_BIG_UNIT[s[i] as string] ?? ZH_SMALL_UNIT[s[i] as string];
      if (u === undefined) return null;
      factor *= u;
    }
    return sign * scale(Number(`${intPart}.${frac}`), factor);
  }
  const v = parseZhInteger(s);
  return v === null ? null : sign * v;
}
