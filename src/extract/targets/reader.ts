/**
 * The figure reader: ONE regular expression, with named groups, that finds every number of a
 * normalised line together with what is written around it (百分之, magnitude, %, a range's second
 * number, 余/多, the unit, a "/人/月" tail). What it finds is only a candidate: the rejection rules
 * (rejections.ts) and the reading (read-figure.ts) decide.
 */
import { UNITS } from "../lexicon/units.js";
import { firstCharTable } from "../../util/scan-window.js";
import { alternation } from "./text.js";

const D = "[0-9０-９]";
const AR = `${D}{1,15}(?:[,，]${D}{3}){0,4}(?:[.．]${D}{1,8})?`;
const ZH = "[零〇一二两三四五六七八九十百千]{1,10}(?:点[零〇一二三四五六七八九]{1,6})?";
/** Vague counts: 十几, 二十几, 几十, 数十, 数百 … (read as a lower bound, comparator ">"). */
const VAGUE = "(?:[数几][十百千]|[二三四五六七八九]?十几)";
const NUM = `(?:${AR}|${VAGUE}|${ZH})`;
/** Fractions and per-mille before the numerator: 百分之, 千分之, 三分之(一), 百分(百). */
const PCT_WORD = "百分之|千分之|百分(?=百)|[一二两三四五六七八九十]{1,3}分之";
/** "(含)": the bound is included ("50万元(含)以上", "1万(含)-5万元"). */
const INCL = "(?:[(（]含[)）])?";
const MAG = "万亿|亿|万|千|百";
const SP = "[ \\u3000]{0,2}";
const UNIT_ALT = alternation([...UNITS, "％"]);

/**
 * Named groups: pctWord 百分之 / 千分之 / X分之, n1 the number, mag1 its magnitude, pct %, dash a
 * range dash, pct2 百分之 of the second number, n2 the second number, mag2 its magnitude, approx
 * 余/多, magAfter a magnitude after 余/多 ("500多亿"), unit, tail "/人/月", approxAfter 余 after the unit.
 */
export const FIGURE_RE = new RegExp(
  `(?<pctWord>${PCT_WORD})?(?<n1>${NUM})${SP}(?<mag1>${MAG})?${SP}(?<pct>[%％])?${INCL}(?:${SP}(?<dash>[-—–~～至到]{1,2})${SP}(?<pct2>百分之)?(?<n2>${NUM})${SP}(?<mag2>${MAG})?)?${SP}(?<approx>余|多)?(?<magAfter>万亿|亿|万)?${SP}(?<unit>${UNIT_ALT})?${INCL}(?<tail>(?:${SP}/${SP}[人户月年次天床]){1,2})?(?<approxAfter>余)?`,
  "g",
);

/** The named groups of one FIGURE_RE match (undefined when the part is not written). */
export interface FigureGroups {
  pctWord?: string;
  n1: string;
  mag1?: string;
  pct?: string;
  dash?: string;
  pct2?: string;
  n2?: string;
  mag2?: string;
  approx?: string;
  magAfter?: string;
  unit?: string;
  tail?: string;
  approxAfter?: string;
}

/** The named groups of a match of FIGURE_RE. */
export function groupsOf(m: RegExpExecArray): FigureGroups {
  return m.groups as unknown as FigureGroups;
}

export const VAGUE_RE = /[几数]/;

/** FIGURE_RE tried at one position; FIGURE_FIRST marks the characters a figure can start with. */
const FIGURE_Y = new RegExp(FIGURE_RE.source, "y");
const FIGURE_FIRST = firstCharTable(FIGURE_RE.source);

/**
 * What `FIGURE_RE.exec` finds from `from`: the first position whose character can start a
 * figure and where the sticky form matches. A table lookup per character instead of the
 * engine's scan (about twice as fast over a corpus).
 */
export function nextFigure(text: string, from: number): RegExpExecArray | null {
  if (FIGURE_FIRST === null) {
    FIGURE_RE.lastIndex = from;
    return FIGURE_RE.exec(text);
  }
  const n = text.length;
  for (let p = from; p < n; p++) {
    if (FIGURE_FIRST[text.charCodeAt(p)] !== 1) continue;
    FIGURE_Y.lastIndex = p;
    const m = FIGURE_Y.exec(text);
    if (m !== null) return m;
  }
  return null;
}

/**
 * A Chinese numeral with only a magnitude and a vagueness mark ("十几万", "二百三十余万",
 * "数十亿"): a figure even without a unit (the marks say it is a quantity); the unit is the
 * magnitude ("万"), with a doubt.
 */
export function zhMagnitudeOnly(g: FigureGroups): boolean {
  if (g.unit !== undefined || g.dash !== undefined) return false;
  const mag = g.magAfter ?? g.mag1;
  if (mag !== "万" && mag !== "亿" && mag !== "万亿") return false;
  return g.approx !== undefined || VAGUE_RE.test(g.n1);
}
