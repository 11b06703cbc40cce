/**
 * Segment pass: tree building. Builds the section tree from line markers in one pass over the
 * lines, after run-on splitting (run-on.ts) and back-matter zoning (zones.ts); inline
 * enumerations (inline.ts) and numbering checks (numbering.ts) are called from it.
 *
 * Levels come from the document: a style first met inside style X becomes a child level of X;
 * meeting a style already on the stack closes everything below it and continues at that level.
 * Numbering may restart under each parent or continue across parents; neither is warned about.
 */
import type { CleanDoc, CleanLine } from "../clean/index.js";
import type { Section, SectionStyle, Warning } from "../types.js";
import { lineOf } from "../util/location.js";
import { finishInline, scanInline } from "./inline.js";
import { detectLineMarker, type LineMarkerHit } from "./markers.js";
import { endOf, type Level, lineEnd, LINE_STOPS, type Node, readTitle, startOf, toSection } from "./node.js";
import { NumberingChecks } from "./numbering.js";
import { expandRunOn } from "./run-on.js";
import { type BackMatter, findBackMatter, OUTLINE_CLOSER } from "./zones.js";

export type { BackMatter } from "./zones.js";
export { MAX_TITLE } from "./node.js";
export { MAX_NUMBERING_WARNINGS } from "./numbering.js";
export { RUN_ON_MIN } from "./run-on.js";

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
  const numbering = new NumberingChecks(warnings);

  // glossary entries are neither sections nor targets; an attachment after it is content again
  const back = findBackMatter(lines, clean.text.length);
  const backMatter: BackMatter | null = back !== null ? back.zone : null;
  for (let li = 0; li < lines.length; li++) {
    const cl = lines[li] as CleanLine;
    if (back !== null && li >= back.first && li < back.end) {
      if (li === back.first) popTo(0);
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
      numbering.continued(clean.text, start, markerEnd, n, lv.last, line);
      popTo(levelIndex);
      parentDepth = levelIndex;
    } else {
      const last = lastByKey.get(cand.key) ?? 0;
      const n = cand.number;
      numbering.reopened(clean.text, start, markerEnd, n, last, line);
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
  numbering.finish();

  const sections: Section[] = [];
  for (let i = 0; i < roots.length; i++) sections.push(toSection(roots[i] as Node, `${i + 1}`, 1, clean));
  return { sections, warnings, backMatter };
}

