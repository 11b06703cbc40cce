/**
 * Small number readers for time expressions: Arabic (ASCII or full-width)
 * and Chinese numerals up to 9999, and years written digit by digit (二〇二四).
 * Kept here (not in extract/numerals) so the time module stands alone; character values come
 * from the shared core (util/zh-numeral.ts), the loose reading (一二十 = 120, 半 = 0.5) is this one's.
 */
import { toAsciiDigits, zhDigitTable, zhUnitTable } from "../../util/zh-numeral.js";

const DIGIT = zhDigitTable("零〇○Ｏ一壹二两兩贰三叁四肆五伍六陆七柒八捌九玖");
const UNIT = zhUnitTable("十拾百佰千仟");

const ARABIC = /^[0-9]{1,9}$/;

/** "12", "１２", "十二", "二十三", "一百二十", "两" → number; null when not a plain integer. */
export function parseSmallNumber(raw: string): number | null {
  const s = toAsciiDigits(raw.trim());
  if (s === "") return null;
  if (ARABIC.test(s)) return Number(s);
  if (s === "半") return 0.5;
  let total = 0;
  let current = -1;
  // indexed, not for…of (string iterator per character); a surrogate half is unknown like a pair
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    const d = DIGIT[ch];
    if (d !== undefined) {
      if (current >= 0) {
        // digit sequence such as 一二 (read positionally)
        current = current * 10 + d;
      } else current = d;
      continue;
    }
    const u = UNIT[ch];
    if (u === undefined) return null;
    total += (current < 0 ? 1 : current) * u;
    current = -1;
  }
  if (current >= 0) total += current;
  return total;
}

/**
 * A year as written: "2024", "２０２４", "二〇二四", "二零一六"; two-digit forms
 * ("19", "零六") are read as 20xx when ≤ 50, else 19xx.
 */
export function parseYear(raw: string): number | null {
  const s = toAsciiDigits(raw.trim());
  let digits = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch >= "0" && ch <= "9") digits += ch;
    else {
      const d = DIGIT[ch];
      if (d === undefined) return null;
      digits += String(d);
    }
  }
  if (digits.length === 4) return Number(digits);
  if (digits.length === 2) {
    const n = Number(digits);
    return n <= 50 ? 2000 + n : 1900 + n;
  }
  return null;
}
