/**
 * Outline markers as data. Each style carries the regular expression that recognises it,
 * examples it must accept and counterexamples it must refuse; `test/segment.test.ts` runs them all.
 *
 * Line markers are matched at the first character after a short prefix of spaces and markdown
 * residue (#, *, >); the clean stage normally removes that prefix already. Inline markers
 * (一是 / 第一， / "。1、" / "；(1)" / ①) are found inside body text and only count as a
 * group that starts at 1 and continues with 2 (see tree.ts).
 *
 * All expressions are compiled once here; none has nested unbounded quantifiers.
 */
import type { SectionStyle } from "../types.js";
import { firstCharTable } from "../util/scan-window.js";
import { toAsciiDigits } from "../util/zh-numeral.js";
import { parseZhOrdinal } from "../util/zh-ordinal.js";

/** A marker found at the start of a line. */
export interface LineMarkerHit {
  style: SectionStyle;
  /** level key: the style, or for "part" the word (part:章, part:节, ...), so each word is its own level */
  key: string;
  number: number;
  /** index in the line text of the marker's first / past-last character */
  start: number;
  end: number;
  /**
   * A weak hit is ambiguous ("1.36万元", "一、二级医院", "22.2020年省下…"): it counts only when
   * its number is exactly the one the outline expects at that point.
   */
  weak: boolean;
  /** the line had a markdown bold prefix ("**一、…**"): the title stops at the closing "**" */
  bold: boolean;
}

export interface LineMarkerStyle {
  name: string;
  style: SectionStyle;
  /** sticky; applied at the first character after the prefix */
  regex: RegExp;
  /** reads the number, the level key and weakness from a match; null refuses the match */
  read(m: RegExpExecArray, line: string, end: number): { number: number; key: string; weak: boolean } | null;
  /** lines that must give a strong marker of this style */
  examples: string[];
  /** lines that must give no strong marker of this style */
  counterexamples: string[];
}

const ZH = "一二三四五六七八九十百零〇两";
/** Outline numbers above this are years or codes ("(二〇二〇)"), not items. */
const MAX_ORDINAL = 199;
const SP = "[ \\u3000\\u00a0]{0,2}";

function isDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

const ZH_DIGIT_CHARS = "一二三四五六七八九十两〇零";
/** measure words: "三 个方面" is a count, not a heading */
const MEASURE_WORDS = "个项条种次年月日名位批件家所座处";

/** The first character after `end` that is not a space. */
function nextVisible(line: string, end: number): string | undefined {
  let i = end;
  while (i < line.length && i < end + 3 && (line[i] === " " || line[i] === "\u3000")) i++;
  return line[i];
}

const PART_FOLLOW_OK = /^(?:$|[\s\u3000:：、.．，,])/;
const SENTENCE_END = /[。！？!?]/;

export const LINE_MARKERS: readonly LineMarkerStyle[] = [
  {
    name: "part",
    style: "part",
    regex: new RegExp(`第${SP}([${ZH}]{1,6}|[0-9０-９]{1,3})${SP}(部分|篇|章|节)`, "y"),
    read(m, line, end) {
      const raw = m[1] as string;
      const n = isDigit(raw[0]) ? Number(toAsciiDigits(raw)) : parseZhOrdinal(raw);
      if (n === null || n < 1) return null;
      // "第一章 发展环境", "第二节：…" or a short heading line; "第三章规定的…。" is a reference
      const rest = line.slice(end, end + 80);
      if (!PART_FOLLOW_OK.test(rest) && (SENTENCE_END.test(rest) || line.length - end > 60)) return null;
      return { number: n, key: `part:${m[2]}`, weak: false };
    },
    examples: [
      "第一篇\u3000开启全面建设社会主义现代化国家新征程",
      "第一章  规划背景",
      "第十二节 促进消费",
      "第一部分 工作回顾",
      "## 第二篇\u3000坚持创新驱动发展",
    ],
    counterexamples: ["第三章规定的各项制度要严格执行。", "第一议题制度", "第十二届全国人民代表大会"],
  },
  {
    name: "hanzi-paren",
    style: "hanzi-paren",
    regex: new RegExp(`[(（]${SP}([${ZH}]{1,6})${SP}[)）]`, "y"),
    read(m) {
      const n = parseZhOrdinal(m[1] as string);
      return n === null || n > MAX_ORDINAL ? null : { number: n, key: "hanzi-paren", weak: false };
    },
    examples: [
      "(一)坚持不懈用新思想凝心铸魂。",
      "（二十三）加强未成年人救助保护。",
      "( 四 )加强儿童保护",
      "**（一）全力实施创新驱动战略**",
    ],
    counterexamples: ["(2022-2025年)", "（十四五）规划", "(二〇二〇)", "（略）"],
  },
  {
    name: "arabic-paren",
    style: "arabic-paren",
    regex: new RegExp(`[(（]${SP}([0-9０-９]{1,3})${SP}[)）]`, "y"),
    read(m) {
      const n = Number(toAsciiDigits(m[1] as string));
      return n >= 1 ? { number: n, key: "arabic-paren", weak: false } : null;
    },
    examples: ["（1）减免8300名幼儿保教费。", "(12)完善制度", "（ 3 ）加强监管"],
    counterexamples: ["(2022-2025年)", "(0)", "（2022）"],
  },
  {
    name: "circled",
    style: "circled",
    regex: /[\u2460-\u2473]/y,
    read(m) {
      return { number: (m[0] as string).charCodeAt(0) - 0x2460 + 1, key: "circled", weak: false };
    },
    examples: ["①五州战略：生态立州、产业兴州", "⑳最后一项"],
    counterexamples: ["⑴ 括号数字", "●要点"],
  },
  {
    name: "hanzi",
    style: "hanzi",
    regex: new RegExp(`([${ZH}]{1,6})${SP}[、.．]`, "y"),
    read(m, line, end) {
      const raw = m[1] as string;
      if (raw.includes("两")) return null; // 两、 is never an outline marker
      const n = parseZhOrdinal(raw);
      if (n === null || n > MAX_ORDINAL) return null;
      // "一、二级医院", "三、四月份": a list of numerals unless the outline expects exactly this number;
      // a digit after it is a heading ("一、2023年工作回顾")
      const next = nextVisible(line, end);
      const weak = next !== undefined && ZH_DIGIT_CHARS.includes(next);
      return { number: n, key: "hanzi", weak };
    },
    examples: [
      "一、坚持和加强党对民政工作的全面领导",
      "十二、加强自身建设",
      "二十一. 其他",
      "**一、2023年工作回顾**",
      "三 、加强监管",
    ],
    counterexamples: [
      "一、二级医院全覆盖",
      "三、四月份完成",
      "十四五时期",
      "两、三个",
      "一是加强领导",
      "一，二，三",
    ],
  },
  {
    // "一 2020年工作回顾" (jiamusi): a numeral and a space, only on a short heading line without 。
    name: "hanzi-space",
    style: "hanzi",
    regex: new RegExp(`([${ZH}]{1,3})[ \\u3000]{1,2}(?=[^ \\u3000])`, "y"),
    read(m, line, end) {
      const raw = m[1] as string;
      if (raw.includes("两")) return null;
      const n = parseZhOrdinal(raw);
      if (
        n === null ||
        line.length - end > 40 ||
        line.length - end < 4 ||
        SENTENCE_END.test(line.slice(end))
      ) {
        return null;
      }
      const next = line[end] as string;
      if (ZH_DIGIT_CHARS.includes(next) || MEASURE_WORDS.includes(next)) return null; // "一 二 三", "三 个方面"
      return { number: n, key: "hanzi", weak: false };
    },
    examples: ["一 2020年和“十三五”时期工作回顾", "三 2021年工作安排"],
    counterexamples: ["一 二 三", "十 分重要的工作要做好。", "三  个方面"],
  },
  {
    name: "arabic",
    style: "arabic",
    regex: /([0-9０-９]{1,3})[ \u3000]{0,2}[.．、]/y,
    read(m, line, end) {
      const n = Number(toAsciiDigits(m[1] as string));
      if (n < 1) return null;
      // "1.36万元", "22.2020年省下…", "2、3月份": count only where the outline expects this number
      const weak = isDigit(line[end]) || (line[end] === " " && isDigit(line[end + 1]));
      return { number: n, key: "arabic", weak };
    },
    examples: [
      "1.完善社会救助保障政策。",
      "2、做好创建平安边界工作",
      "3．工业“5+1”产业",
      "7. 工业“三个千亿元”产业",
      "１．全角",
    ],
    counterexamples: [
      "1 个儿童之家",
      "2020 年工作回顾",
      "2020年是关键一年",
      "1.36万元以上",
      "12345热线",
      "2020.5.1起施行",
      "0.5个百分点",
    ],
  },
];

/** Characters skipped before a line marker (at most MAX_PREFIX): spaces and markdown residue. */
const PREFIX_CHARS = " \t\u3000\u00a0\u200b\ufeff#*>";
const MAX_PREFIX = 16;

/**
 * (performance) Bit s is set at every code unit a match of LINE_MARKERS[s] can start with (read
 * from its expression by firstCharTable; every unit when the expression cannot be read): most
 * lines start with none, and are refused without running a single expression.
 */
const FIRST_BITS = new Uint8Array(0x10000);
const PREFIX_CODE = new Uint8Array(0x10000);
for (let s = 0; s < LINE_MARKERS.length; s++) {
  const first = firstCharTable((LINE_MARKERS[s] as LineMarkerStyle).regex.source);
  if (first === null) {
    for (let c = 0; c < 0x10000; c++) FIRST_BITS[c] = (FIRST_BITS[c] as number) | (1 << s);
    continue;
  }
  // the few set entries, found natively (a loop over all 65,536 would cost start-up time)
  for (let c = first.indexOf(1); c !== -1; c = first.indexOf(1, c + 1))
    FIRST_BITS[c] = (FIRST_BITS[c] as number) | (1 << s);
}
for (let i = 0; i < PREFIX_CHARS.length; i++) PREFIX_CODE[PREFIX_CHARS.charCodeAt(i)] = 1;

/** Whether `line` holds "**" before index `at`. */
function boldBefore(line: string, at: number): boolean {
  for (let i = 0; i + 1 < at; i++) if (line.charCodeAt(i) === 42 && line.charCodeAt(i + 1) === 42) return true;
  return false;
}

/**
 * Where the marker proper ends: at its separator, before trailing spaces the pattern matched.
 * (performance) `end - 1` runs on every call: arithmetic first reached in the rare trailing-space
 * case would deoptimise the compiled detectLineMarker.
 */
function markerEndOf(line: string, at: number, end: number): number {
  let e = end;
  while (e > at) {
    const prev = e - 1;
    const c = line.charCodeAt(prev);
    if (c !== 0x20 && c !== 0x3000) break;
    e = prev;
  }
  return e;
}

/** The outline marker at the start of `line`, or null. */
export function detectLineMarker(line: string): LineMarkerHit | null {
  // (performance) plain loops over char codes: this runs once per line. `at += step` also runs
  // when there is no prefix (step 0), so the compiled function has seen it and does not deoptimise
  // at the first line that has one.
  let at = 0;
  let step = 1;
  while (step === 1 && at < MAX_PREFIX && at < line.length) {
    step = PREFIX_CODE[line.charCodeAt(at)] as number;
    at += step;
  }
  if (at >= line.length) return null;
  const bits = FIRST_BITS[line.charCodeAt(at)] as number;
  if (bits === 0) return null;
  for (let s = 0; s < LINE_MARKERS.length; s++) {
    if ((bits & (1 << s)) === 0) continue;
    const ms = LINE_MARKERS[s] as LineMarkerStyle;
    ms.regex.lastIndex = at;
    const m = ms.regex.exec(line);
    if (m === null) continue;
    const end = at + m[0].length;
    const read = ms.read(m, line, end);
    if (read === null) continue;
    return {
      style: ms.style,
      key: read.key,
      number: read.number,
      start: at,
      end: markerEndOf(line, at, end),
      weak: read.weak,
      bold: boldBefore(line, at),
    };
  }
  return null;
}

/** A marker found inside body text. */
export interface InlineMarkerStyle {
  name: string;
  style: SectionStyle;
  /** global; group 1 is the numeral; the lookbehind is the clause boundary the marker must follow */
  regex: RegExp;
  /**
   * (performance) `regex` without its boundary lookbehind, global: finds the positions where a
   * marker may start much faster than `regex`, which tests the lookbehind at every position.
   */
  probe: RegExp;
  /** (performance) `regex` as a sticky expression, tried at the positions `probe` finds. */
  sticky: RegExp;
  /**
   * (performance) Character sets every match holds one of each: a line lacking one is not
   * scanned for this style. Checked against `probe` when the module loads (build.ts).
   */
  anchors: string[];
  read(numeral: string): number | null;
  /** characters that end the item's title */
  titleStops: string;
  /** texts holding a valid enumeration (1 then 2) of this style */
  examples: string[];
  /** texts holding none */
  counterexamples: string[];
}

/** Clause boundaries an inline enumeration marker must follow (or stand at the start of the text). */
const B_ORD = "(?<=^|[。；;：:，,！？!?\\s*）)])";
const B_NUM = "(?<=[。；;：:！？!?*])";

/** The global `regex`, its boundary-free `probe` and the `sticky` form of one inline marker. */
function inline(boundary: string, body: string): { regex: RegExp; probe: RegExp; sticky: RegExp } {
  return {
    regex: new RegExp(`${boundary}${body}`, "g"),
    probe: new RegExp(body, "g"),
    sticky: new RegExp(`${boundary}${body}`, "y"),
  };
}

function zhOrdinal(s: string): number | null {
  return parseZhOrdinal(s);
}
function arabicOrdinal(s: string): number | null {
  const n = Number(toAsciiDigits(s));
  return n >= 1 ? n : null;
}

export const INLINE_MARKERS: readonly InlineMarkerStyle[] = [
  {
    name: "ordinal-shi",
    style: "ordinal",
    ...inline(B_ORD, "([一二三四五六七八九十]{1,3})是"),
    anchors: ["是"],
    read: zhOrdinal,
    titleStops: "，,；;。",
    examples: [
      "民生保障更有温度。一是保障标准明显提高。二是救助更加精准。",
      "重点抓好三件事：一是抓创新，成效显著；二是抓规范，三是抓队伍。",
    ],
    counterexamples: ["统一是前提，唯一是方向。", "一是一，二是二", "一是加强领导。要抓好落实。"],
  },
  {
    name: "ordinal-di",
    style: "ordinal",
    ...inline(B_ORD, "第([一二三四五六七八九十]{1,3})[，,、：:]"),
    anchors: ["第"],
    read: zhOrdinal,
    titleStops: "，,；;。",
    examples: ["要做到：第一，坚决打赢脱贫攻坚战。第二，努力降低疫情影响。"],
    counterexamples: ["落实“第一议题”制度，第二届大会召开。", "获得第一，第三名空缺。"],
  },
  {
    name: "arabic",
    style: "arabic",
    ...inline(B_NUM, "([0-9０-９]{1,2})[ \\u3000]{0,1}[、.．](?![0-9０-９])"),
    anchors: ["0123456789０１２３４５６７８９", "、.．"],
    read: arabicOrdinal,
    titleStops: "。；;！？!?",
    examples: ["提升区划地名管理服务水平。1、进一步加强地名管理。2、做好创建平安边界工作。"],
    counterexamples: ["低保年标准达到1.36万元以上。2.5倍", "时间：2、3月份。", "完成3、4项。"],
  },
  {
    name: "arabic-paren",
    style: "arabic-paren",
    ...inline(B_NUM, "[(（]([0-9０-９]{1,2})[)）]"),
    anchors: ["(（", ")）"],
    read: arabicOrdinal,
    titleStops: "。；;！？!?",
    examples: ["疫情防控“十条措施”：（1）落实属地责任；（2）落实部门责任。"],
    counterexamples: ["详见附表(1)和附表(2)。", "见（2）。"],
  },
  {
    name: "circled",
    style: "circled",
    ...inline(B_ORD, "([\\u2460-\\u2473])"),
    anchors: ["①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"],
    read: (s) => s.charCodeAt(0) - 0x2460 + 1,
    titleStops: "。；;！？!?",
    examples: ["包括：①生态立州；②产业兴州。"],
    counterexamples: ["仅有①一项。"],
  },
];

// Document zoning (attachments, signature, glossaries) lives in zones.ts; re-exported here.
export {
  BACK_MATTER_COUNTEREXAMPLES,
  BACK_MATTER_EXAMPLES,
  BACK_MATTER_HEADING,
  OUTLINE_CLOSER,
  OUTLINE_CLOSER_COUNTEREXAMPLES,
  OUTLINE_CLOSER_EXAMPLES,
} from "./zones.js";
