/**
 * Builds the section tree from line markers and inline enumerations in one pass over the lines.
 *
 * Levels come from the document: a style first met inside style X becomes a child level of X;
 * meeting a style already on the stack closes everything below it and continues at that level.
 * Numbering may restart under each parent or continue across parents; neither is warned about.
 */
import type { CleanDoc, CleanLine } from "../clean/index.js";
import type { Section, SectionStyle, Warning } from "../types.js";
import { lineOf } from "../util/location.js";
import { analyseSource } from "../util/scan-window.js";
import {
  detectLineMarker,
  INLINE_MARKERS,
  type InlineMarkerStyle,
  type LineMarkerHit,
  BACK_MATTER_HEADING,
  OUTLINE_CLOSER,
} from "./markers.js";

/** Longest title kept (characters); longer lead sentences are cut. */
export const MAX_TITLE = 200;

interface Node {
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

interface InlineHit {
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

interface Level {
  key: string;
  last: number;
  node: Node;
}

/**
 * The usual order of styles, used only to repair an anomaly: a style is never made a child of a
 * style conventionally below it (一、 after a stray "2." line starts a new top level).
 */
const RANK: Readonly<Record<SectionStyle, number>> = {
  part: 0,
  hanzi: 1,
  "hanzi-paren": 2,
  arabic: 3,
  "arabic-paren": 4,
  circled: 5,
  ordinal: 6,
};

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
const LINE_STOPS = 4;
/** the stop bit of INLINE_MARKERS[k] */
const INLINE_STOPS: number[] = [];

function flagChars(chars: string, flag: number): void {
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

function isTrim(ch: string | undefined): boolean {
  return ch !== undefined && TRIM_CHARS.includes(ch);
}

/**
 * The title that starts at `from` in line text: up to the first character flagged `stop`, the
 * closing "**" of a bold heading, or `limit`; leading separators and trailing markdown/space are
 * trimmed.
 */
function readTitle(text: string, from: number, limit: number, stop: number, bold: boolean): string {
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

function startOf(cl: CleanLine, i: number): number {
  return cl.offsets[i] as number;
}
function endOf(cl: CleanLine, j: number): number {
  return (cl.offsets[j - 1] as number) + 1;
}
function lineEnd(cl: CleanLine): number {
  return cl.text.length === 0 ? (cl.offsets[0] as number) : endOf(cl, cl.text.length);
}

/** A line this long is a run-on page (whole report on one line), not a paragraph. */
export const RUN_ON_MIN = 2000;
/** In a document of at most this many lines, a line of RUN_ON_SHORT chars is already run-on. */
const RUN_ON_FEW_LINES = 5;
const RUN_ON_SHORT = 400;
/** Fewer than this many characters per heading on average: do not split. */
const RUN_ON_MIN_GAP = 40;
/** At most this many numbering warnings per document; the rest are summarised in one. */
export const MAX_NUMBERING_WARNINGS = 50;
/** Where a heading may start inside run-on text: after a sentence end, a space or bold "**". */
const RUN_ON_CUE =
  /(?:[。！？；：!?;:】\]]|[ \u3000]|\*\*)[ \u3000*]{0,4}(?=[(（一二三四五六七八九十0-9０-９第])/g;
/** A bracketed numeral or 第X章 needs no cue: "…完成情况(一)民生工程…" once the clean stage drops spaces. */
const RUN_ON_BRACKET = /[(（第][ \u3000]{0,2}(?=[一二三四五六七八九十百零〇两])/g;
const RUN_ON_STYLES: ReadonlySet<string> = new Set([
  "part",
  "hanzi",
  "hanzi-paren",
  "arabic",
  "arabic-paren",
]);

/**
 * Split run-on lines (taiyuan: the whole report on one line with " **一、…** " headings; PDF text
 * with " 一、… (一)… 1、… ") into virtual lines at strong markers that follow a sentence end,
 * a space or "**". Offsets stay those of the original line.
 */
function expandRunOn(lines: readonly CleanLine[]): CleanLine[] {
  const few = lines.length <= RUN_ON_FEW_LINES;
  const out: CleanLine[] = [];
  for (const cl of lines) {
    if (cl.text.length < (few ? RUN_ON_SHORT : RUN_ON_MIN)) {
      out.push(cl);
      continue;
    }
    // a heading every few characters is not prose with run-in headings but a table or garbage
    const maxCuts = cl.text.length / RUN_ON_MIN_GAP;
    const cutSet = new Set<number>();
    let tries = 0;
    RUN_ON_CUE.lastIndex = 0;
    for (let m = RUN_ON_CUE.exec(cl.text); m !== null; m = RUN_ON_CUE.exec(cl.text)) {
      if (++tries > 2 * maxCuts) break;
      const p = m.index + m[0].length;
      const hit = detectLineMarker(cl.text.slice(p, p + 24));
      if (hit && !hit.weak && hit.start === 0 && RUN_ON_STYLES.has(hit.style)) cutSet.add(p);
      if (RUN_ON_CUE.lastIndex === m.index) RUN_ON_CUE.lastIndex++;
    }
    tries = 0;
    RUN_ON_BRACKET.lastIndex = 0;
    for (let m = RUN_ON_BRACKET.exec(cl.text); m !== null; m = RUN_ON_BRACKET.exec(cl.text)) {
      if (++tries > 2 * maxCuts) break;
      const hit = detectLineMarker(cl.text.slice(m.index, m.index + 24));
      if (hit && hit.start === 0 && (hit.style === "hanzi-paren" || hit.style === "part"))
        cutSet.add(m.index);
    }
    const cuts = cutSet.size > maxCuts ? [] : [...cutSet].sort((a, b) => a - b);
    if (cuts.length === 0) {
      out.push(cl);
      continue;
    }
    let from = 0;
    for (const c of [...cuts, cl.text.length]) {
      if (c > from)
        out.push({ text: cl.text.slice(from, c), offsets: cl.offsets.subarray(from, c + 1), line: cl.line });
      from = c;
    }
  }
  return out;
}

/** Number of the next candidate with the same key, for every candidate (one backward pass). */
function nextSameKey(cands: (LineMarkerHit | null)[]): Int32Array {
  const out = new Int32Array(cands.length).fill(-1);
  const seen = new Map<string, number>();
  for (let i = cands.length - 1; i >= 0; i--) {
    const c = cands[i];
    if (!c) continue;
    out[i] = seen.get(c.key) ?? -1;
    seen.set(c.key, c.number);
  }
  return out;
}

/** Half-open offsets of a glossary: from its heading to the next attachment (附件) or the end. */
export interface BackMatter {
  start: number;
  end: number;
}

export interface BuildResult {
  sections: Section[];
  warnings: Warning[];
  /** The back matter (a glossary after the body) as [start, end) offsets, or null. */
  backMatter: BackMatter | null;
}

/** Index in `stack` of the level with `key`, or -1. */
function levelOfKey(stack: readonly Level[], key: string): number {
  for (let i = 0; i < stack.length; i++) if ((stack[i] as Level).key === key) return i;
  return -1;
}

/** Index in `stack` of the first level whose style ranks below `rank`, or -1. */
function firstRankedBelow(stack: readonly Level[], rank: number): number {
  for (let i = 0; i < stack.length; i++) if (RANK[(stack[i] as Level).node.style] > rank) return i;
  return -1;
}

export function buildSections(clean: CleanDoc): BuildResult {
  const warnings: Warning[] = [];
  const lines = expandRunOn(clean.lines);
  const cands: (LineMarkerHit | null)[] = [];
  for (let li = 0; li < lines.length; li++) cands.push(detectLineMarker((lines[li] as CleanLine).text));
  // (performance) computed on first use: only a weak "1" outside any open level needs it
  let nextNum: Int32Array | null = null;

  const roots: Node[] = [];
  const stack: Level[] = [];
  let lastByKey = new Map<string, number>();

  const lineNo = (offset: number) => lineOf(clean.lineStarts, offset);

  const close = (node: Node) => {
    finishInline(node);
    const kids = node.children;
    for (let i = 0; i < kids.length; i++) if ((kids[i] as Node).end > node.end) node.end = (kids[i] as Node).end;
  };
  const popTo = (depth: number) => {
    while (stack.length > depth) {
      const lv = stack.pop() as Level;
      close(lv.node);
      const parent = stack[stack.length - 1];
      if (parent && lv.node.end > parent.node.end) parent.node.end = lv.node.end;
    }
  };
  let suppressed = 0;
  const warn = (code: Warning["code"], message: string, line: number) => {
    if (warnings.length < MAX_NUMBERING_WARNINGS) warnings.push({ code, message, line });
    else suppressed++;
  };

  let backMatter: BackMatter | null = null;
  let inBackMatter = false;
  for (let li = 0; li < lines.length; li++) {
    const cl = lines[li] as CleanLine;
    if (inBackMatter) {
      // glossary entries are neither sections nor targets; an attachment after it is content again
      if (!OUTLINE_CLOSER.test(cl.text)) continue;
      inBackMatter = false;
      (backMatter as BackMatter).end = cl.offsets[0] as number;
    } else if (backMatter === null && BACK_MATTER_HEADING.test(cl.text)) {
      popTo(0);
      inBackMatter = true;
      backMatter = { start: cl.offsets[0] as number, end: clean.text.length };
      continue;
    }
    if (OUTLINE_CLOSER.test(cl.text)) {
      popTo(0);
      lastByKey = new Map();
      continue;
    }
    const cand = cands[li];
    let accepted = false;
    let levelIndex = -1;
    if (cand) {
      levelIndex = levelOfKey(stack, cand.key);
      if (levelIndex < 0) {
        const top = stack[stack.length - 1];
        const own = lastByKey.get(cand.key);
        if (
          top &&
          top.node.style === "circled" &&
          !cand.weak &&
          cand.number > 1 &&
          cand.number === top.last + 1 &&
          own !== cand.number - 1
        ) {
          // "⑩ … (11) …": circled numbers run out, the list continues in another style at the same level
          top.key = cand.key;
          levelIndex = stack.length - 1;
        } else {
          // a conventionally higher style (一、 below 2.) closes the levels it cannot belong to
          const j = firstRankedBelow(stack, RANK[cand.style]);
          if (j >= 0 && !cand.weak) popTo(j);
        }
      }
      const prev = levelIndex >= 0 ? (stack[levelIndex] as Level).last : lastByKey.get(cand.key);
      if (!cand.weak) accepted = true;
      else if (prev !== undefined && cand.number === prev + 1) accepted = true;
      else if (cand.number === 1 && levelIndex < 0 && (nextNum ??= nextSameKey(cands))[li] === 2)
        accepted = true;
    }
    if (!cand || !accepted) {
      const top = stack[stack.length - 1];
      if (top) {
        top.node.end = Math.max(top.node.end, lineEnd(cl));
        scanInline(top.node, cl, 0);
      }
      continue;
    }

    const start = startOf(cl, cand.start);
    const line = lineNo(start);
    let parentDepth: number;
    const markerEnd = endOf(cl, cand.end);
    if (levelIndex >= 0) {
      const lv = stack[levelIndex] as Level;
      const n = cand.number;
      if (n !== lv.last + 1) {
        // (performance) the marker text is cut only for a warning
        const label = clean.text.slice(start, markerEnd);
        if (n === lv.last)
          warn("numbering-duplicate", `${label} repeats the number of the previous item`, line);
        else if (n > lv.last + 1)
          warn("numbering-gap", `${label} follows number ${lv.last}: ${n - lv.last - 1} missing`, line);
        else if (n < lv.last)
          warn("numbering-order", `${label} is smaller than the previous number ${lv.last}`, line);
      }
      popTo(levelIndex);
      parentDepth = levelIndex;
    } else {
      const last = lastByKey.get(cand.key) ?? 0;
      const n = cand.number;
      if (n !== 1 && n !== last + 1) {
        const label = clean.text.slice(start, markerEnd);
        if (n > last + 1)
          warn(
            "numbering-gap",
            `${label} starts a level after number ${last}: ${n - last - 1} missing`,
            line,
          );
        else if (n === last)
          warn("numbering-duplicate", `${label} repeats the number of the previous item`, line);
        else warn("numbering-order", `${label} is smaller than the previous number ${last}`, line);
      }
      parentDepth = stack.length;
    }

    const node: Node = {
      style: cand.style,
      number: cand.number,
      start,
      markerEnd,
      line,
      title: readTitle(cl.text, cand.end, cl.text.length, LINE_STOPS, cand.bold),
      end: lineEnd(cl),
      children: [],
      inline: [],
    };
    const parent = parentDepth > 0 ? (stack[parentDepth - 1] as Level).node : null;
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push({ key: cand.key, last: cand.number, node });
    lastByKey.set(cand.key, cand.number);
    scanInline(node, cl, cand.end);
  }
  popTo(0);
  if (suppressed > 0) {
    warnings.push({
      code: "numbering-order",
      message: `${suppressed} more numbering problems not listed (the outline is unreliable)`,
    });
  }

  const sections: Section[] = [];
  for (let i = 0; i < roots.length; i++) sections.push(toSection(roots[i] as Node, `${i + 1}`, 1, clean));
  return { sections, warnings, backMatter };
}

/**
 * (performance) One bit per (inline style, anchor set) at every character of the set; NEED[k] is
 * the bits style k needs in a line before its probe runs. An anchor set is used only when the
 * source shows every match of the probe holds one of its characters, so skipping a line that
 * lacks one loses no match.
 */
const ANCHOR_BITS = new Uint32Array(0x10000);
const NEED: number[] = INLINE_MARKERS.map(() => 0);
{
  let bit = 0;
  INLINE_MARKERS.forEach((style, k) => {
    for (const set of style.anchors) {
      if (bit >= 32 || set === "" || analyseSource(style.probe.source, set) === null) continue;
      for (let i = 0; i < set.length; i++) {
        const c = set.charCodeAt(i);
        ANCHOR_BITS[c] = ((ANCHOR_BITS[c] as number) | (1 << bit)) >>> 0;
      }
      NEED[k] = ((NEED[k] as number) | (1 << bit)) >>> 0;
      bit++;
    }
  });
}

/**
 * The ANCHOR_BITS of every character of `text[from..]`, or-ed. (performance) A function of its own:
 * this loop is what makes inline scanning hot, and compiled alone it does not take the probe loop
 * of scanInline along before that loop has run.
 */
function anchorBitsFrom(text: string, from: number): number {
  let seen = 0;
  for (let i = from; i < text.length; i++) seen |= ANCHOR_BITS[text.charCodeAt(i)] as number;
  return seen;
}

/** Collect inline enumeration markers in `cl.text[from..]` for `host`. */
function scanInline(host: Node, cl: CleanLine, from: number): void {
  const text = cl.text;
  const lend = lineEnd(cl);
  const seen = anchorBitsFrom(text, from);
  for (let k = 0; k < INLINE_MARKERS.length; k++) {
    const need = NEED[k] as number;
    if ((seen & need) >>> 0 !== need) continue;
    const style = INLINE_MARKERS[k] as InlineMarkerStyle;
    // the matches of the global `regex` from `from`: `probe` finds where the marker body
    // matches (cheap), the sticky form checks the boundary lookbehind there
    const probe = style.probe;
    const re = style.sticky;
    probe.lastIndex = from;
    let guard = 0;
    for (let p = probe.exec(text); p !== null; p = probe.exec(text)) {
      // (performance) `retry` is computed on every path: operations V8 has not seen run yet in a
      // rarely taken branch deoptimise the compiled function when first reached
      const at = p.index;
      const retry = at + 1;
      re.lastIndex = at;
      const m = re.exec(text);
      if (m === null) {
        probe.lastIndex = retry;
        continue;
      }
      probe.lastIndex = m.index + Math.max(1, m[0].length);
      const n = style.read(m[1] as string);
      if (n === null) continue;
      // the boundary is a lookbehind, so the match starts at the marker
      const me = m.index + m[0].length;
      host.inline.push({
        kind: k,
        number: n,
        start: startOf(cl, m.index),
        markerEnd: endOf(cl, me),
        lineEnd: lend,
        cl,
        at: m.index,
        after: me,
      });
      if (++guard > 100000) break;
    }
  }
}

/** Turn a host's inline hits into children: per style, runs 1, 2, 3… of at least two items. */
function finishInline(host: Node): void {
  if (host.inline.length === 0) return;
  const accepted: InlineHit[] = [];
  const inline = host.inline;
  for (let k = 0; k < INLINE_MARKERS.length; k++) {
    let run: InlineHit[] = [];
    for (let i = 0; i < inline.length; i++) {
      const h = inline[i] as InlineHit;
      if (h.kind !== k) continue;
      if (h.number === 1) {
        keepRun(run, accepted);
        run = [h];
      } else if (run.length > 0 && h.number === (run[run.length - 1] as InlineHit).number + 1) run.push(h);
    }
    keepRun(run, accepted);
  }
  host.inline = [];
  if (accepted.length === 0) return;
  accepted.sort((a, b) => a.start - b.start);
  const kids: Node[] = [];
  for (let i = 0; i < accepted.length; i++) {
    const h = accepted[i] as InlineHit;
    const next = accepted[i + 1];
    const style = INLINE_MARKERS[h.kind] as InlineMarkerStyle;
    // an item ends where the next item starts on the same line, else at the end of its line
    let end = h.lineEnd;
    let limit = h.cl.text.length;
    if (next && next.cl === h.cl) {
      limit = next.at;
      while (limit > h.after && isTrim(h.cl.text[limit - 1])) limit--;
      end = limit > h.after ? endOf(h.cl, limit) : h.markerEnd;
    }
    const title = readTitle(h.cl.text, h.after, limit, INLINE_STOPS[h.kind] as number, false);
    // "一是一，二是二": an item needs a real clause, not a single character
    if (title.length < 2) continue;
    kids.push({
      style: style.style,
      number: h.number,
      start: h.start,
      markerEnd: h.markerEnd,
      line: -1,
      title,
      end,
      children: [],
      inline: [],
    });
  }
  if (kids.length < 2) return;
  host.children = kids.concat(host.children);
}

/** Appends a run of inline hits (1, 2, …) to `accepted` when it has at least two items. */
function keepRun(run: readonly InlineHit[], accepted: InlineHit[]): void {
  if (run.length < 2) return;
  for (let i = 0; i < run.length; i++) accepted.push(run[i] as InlineHit);
}

function toSection(n: Node, id: string, depth: number, clean: CleanDoc): Section {
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
