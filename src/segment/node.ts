/** The pass-shared shapes of the segment stage: tree nodes, inline hits, titles, offsets. */
import type { CleanDoc, CleanLine } from "../clean/index.js";
import type { Section, SectionStyle } from "../types.js";
import { lineOf } from "../util/location.js";
import { INLINE_MARKERS, type InlineMarkerStyle } from "./markers.js";

/** Longest title kept (characters); longer lead sentences are cut. */
export const MAX_TITLE = 200;

export interface Node {
  style: SectionStyle;
  number: number;
  start: number;
  markerEnd: number;
  line: number;
  title: string;
  /** exclusive end of the last content seen so far */
  end: number;
  children: Node[];
  inline: InlineHit[];
}

export interface InlineHit {
  kind: number; // index into INLINE_MARKERS
  number: number;
  /** decoded-text offsets of the marker and of the end of the item's line */
  start: number;
  markerEnd: number;
  lineEnd: number;
  /** the item's line, and indexes in its text of the marker and of the first character after it */
  cl: CleanLine;
  at: number;
  after: number;
}

export interface Level {
  key: string;
  last: number;
  node: Node;
}


const TITLE_STOPS = "。！？!?：:；;";
const TRIM_CHARS = " \t\u3000\u00a0*、.．，,";
/** trailing characters cut from a title */
const TRAIL_CHARS = " \u3000*";

/**
 * (performance) Flags per code unit for reading titles by char code: TRIM, TRAIL, and one bit per
 * set of stop characters (the line-marker title stops, then each inline style's).
 */
const TITLE_FLAGS = new Uint8Array(0x10000);
const TRIM = 1;
const TRAIL = 2;
export const LINE_STOPS = 4;
/** the stop bit of INLINE_MARKERS[k] */
export const INLINE_STOPS: number[] = [];

export function flagChars(chars: string, flag: number): void {
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    TITLE_FLAGS[c] = (TITLE_FLAGS[c] as number) | flag;
  }
}
flagChars(TRIM_CHARS, TRIM);
flagChars(TRAIL_CHARS, TRAIL);
flagChars(TITLE_STOPS, LINE_STOPS);
{
  const bits = new Map<string, number>();
  for (let k = 0; k < INLINE_MARKERS.length; k++) {
    const stops = (INLINE_MARKERS[k] as InlineMarkerStyle).titleStops;
    let bit = bits.get(stops);
    if (bit === undefined) {
      bit = LINE_STOPS << (bits.size + 1);
      if (bit > 0x80) throw new Error("too many inline title stop sets for TITLE_FLAGS");
      bits.set(stops, bit);
      flagChars(stops, bit);
    }
    INLINE_STOPS.push(bit);
  }
}

export function isTrim(ch: string | undefined): boolean {
  return ch !== undefined && TRIM_CHARS.includes(ch);
}

/**
 * The title that starts at `from` in line text: up to the first character flagged `stop`, the
 * closing "**" of a bold heading, or `limit`; leading separators and trailing markdown/space are
 * trimmed.
 */
export function readTitle(text: string, from: number, limit: number, stop: number, bold: boolean): string {
  // (performance) One loop skips the leading separators and reads the title, and each step's
  // arithmetic runs on the common path: an operation first reached in a rare branch (a title
  // starting with a separator) deoptimises the compiled function.
  let s = from;
  let i = from;
  while (i < limit) {
    const next = i + 1;
    const f = TITLE_FLAGS[text.charCodeAt(i)] as number;
    if (i === s && (f & TRIM) !== 0) {
      s = next;
      i = next;
      continue;
    }
    if (i >= s + MAX_TITLE) break;
    if ((f & stop) !== 0) break;
    if (bold && text.charCodeAt(i) === 42 && text.charCodeAt(next) === 42) break;
    i = next;
  }
  let e = i;
  while (e > s) {
    const prev = e - 1;
    if (((TITLE_FLAGS[text.charCodeAt(prev)] as number) & TRAIL) === 0) break;
    e = prev;
  }
  return text.slice(s, e);
}

export function startOf(cl: CleanLine, i: number): number {
  return cl.offsets[i] as number;
}
export function endOf(cl: CleanLine, j: number): number {
  return (cl.offsets[j - 1] as number) + 1;
}
export function lineEnd(cl: CleanLine): number {
  return cl.text.length === 0 ? (cl.offsets[0] as number) : endOf(cl, cl.text.length);
}

export function toSection(n: Node, id: string, depth: number, clean: CleanDoc): Section {
  // (performance) a loop calling toSection itself, not map with a closure: TurboFan then compiles
  // toSection without inlining copies of itself
  const children: Section[] = [];
  for (let i = 0; i < n.children.length; i++) {
    children.push(toSection(n.children[i] as Node, `${id}.${i + 1}`, depth + 1, clean));
  }
  return {
    id,
    style: n.style,
    number: n.number,
    marker: clean.text.slice(n.start, n.markerEnd),
    title: n.title,
    depth,
    span: { start: n.start, end: n.end, line: n.line > 0 ? n.line : lineOf(clean.lineStarts, n.start) },
    children,
  };
}
