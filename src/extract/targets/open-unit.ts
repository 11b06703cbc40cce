/**
 * Open units: a unit that is not in the unit table (lexicon/units.ts) is kept as written, with a
 * lower confidence (targets/confidence.ts), instead of being dropped or cut to its magnitude.
 * General rules, each with examples (test/open-units.test.ts):
 *   - a measure word: ONE character after the number (or its 万/亿) that closes the figure — a
 *     clause mark, the line end or a suffix comparator follows ("火化遗体596.6万具，", "580单。");
 *   - a metric-prefixed unit: 兆 吉 千 微 毫 厘 公 平 立 + one character ("300兆瓦以上", "微克");
 *   - 小时 after 万/亿: hours counted, not a time limit ("志愿服务6507.4万小时");
 *   - a Latin unit of the SI kind: W Wh V Hz bps B with a prefix, kWh, km, TEU ("150GWh", "300MW");
 *   - a compound of any of these (or of a table unit) with "/" and a short denominator
 *     ("42.5微克/立方米"), and a "·月" continuing a "/人" tail ("1697.4元/人·月").
 */

/** Characters that are not a measure word after a number (function words, time, magnitudes, ranks, versions 2.0版, numerals). */
const NOT_MEASURE = new Set(
  "的了和与及或等是为在以到至比后前内中上下多余左右并且而但就将已也都还又再年月日时号岁周天分秒点届级星代世第亿万千百十零强大小新老高低全各每本该其此之占达增减降升共约近超逾版一二两三四五六七八九〇".split(""),
);
const CJK_RE = /^[\u4e00-\u9fff]$/;
/** What may follow an open unit: a clause mark, a bracket, the end, or a suffix comparator. */
const CLOSES_RE = /^(?:$|[，,。；;、）)：:！？!?\s“”"]|以上|以下|左右|以内|及以上|及以下|上下)/;
/** Metric prefixes of a two-character unit (兆瓦, 吉瓦, 千伏, 微克, 毫升, 厘米, 公吨, 平方, 立方). */
const PREFIX_CHARS = "兆吉千微毫厘公平立";
const LATIN_RE = /^(?:[kKMGT]?Wh|[kKMGT]W|[kKM]V|[kMG]Hz|[KMGT]?bps|[KMGT]B|km|TEU)(?![A-Za-z0-9])/;
/** "/" and a short denominator after a unit: 微克/立方米, 元/人·月 (one or two parts). */
const DENOMINATOR_RE = /^\/[\u4e00-\u9fff]{1,3}(?:[·・][\u4e00-\u9fff])?/;
/** "·月" after a "/人" tail. */
const TAIL_MORE_RE = /^[·・][人户月年次天日]/;

/** The base of an open unit at `text[at…]` (without a denominator), or "". */
function openBase(text: string, at: number, magnitude: boolean): string {
  const latin = LATIN_RE.exec(text.slice(at, at + 6));
  if (latin !== null) return latin[0];
  const c1 = text[at] ?? "";
  if (!CJK_RE.test(c1)) return "";
  if (magnitude && text.startsWith("小时", at)) return "小时";
  const c2 = text[at + 1] ?? "";
  if (PREFIX_CHARS.includes(c1) && CJK_RE.test(c2) && !NOT_MEASURE.has(c2)) return c1 + c2;
  if (NOT_MEASURE.has(c1)) return "";
  return c1;
}

/**
 * The open unit written at `text[at…]` right after a number that has no table unit
 * (`magnitude`: the number carries 万/亿), or "" when none: the unit must close the figure.
 */
export function openUnitAt(text: string, at: number, magnitude: boolean): string {
  const base = openBase(text, at, magnitude);
  if (base === "") return "";
  const den = DENOMINATOR_RE.exec(text.slice(at + base.length, at + base.length + 6));
  const unit = den !== null ? base + den[0] : base;
  // a one-character measure word needs the figure to end there; longer units are distinctive enough
  // when a clause mark or comparator follows too
  return CLOSES_RE.test(text.slice(at + unit.length, at + unit.length + 3)) ? unit : "";
}

/** "·月" continuing a table unit's "/人" tail at `text[at…]`, or "". */
export function tailMoreAt(text: string, at: number): string {
  const m = TAIL_MORE_RE.exec(text.slice(at, at + 2));
  return m !== null ? m[0] : "";
}

/** Does `unit` (as the finder writes it) have the shape of an open unit? (for the unit-class test) */
export function isOpenUnitShape(unit: string): boolean {
  const u = unit.replace(/^(?:万亿|亿|万)/, "");
  return openUnitAt(u, 0, unit !== u) === u;
}
