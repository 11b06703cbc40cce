/**
 * CLEAN: decoded text → CleanDoc. Normalises each physical line for matching (keeping an
 * offset map), keeps web-page furniture out of the body (recording its ranges), harvests
 * the stated publication date, rejoins hard-broken sentences and warns about truncated or
 * empty documents. Pure and linear in the input size.
 */
import type { Warning } from "../types.js";
import { lineOf, lineStarts } from "../util/location.js";
import { INLINE_HINT, INLINE_PATTERNS, type InlinePattern, LICENSE_START, matchLine } from "./furniture.js";
import { endsSentence, isHeadingLike, shouldJoin } from "./join.js";
import { type NormLine, normalizeLine } from "./normalize.js";
import { type DateCandidate, datesInLine, pickPublished } from "./published.js";
import type { CleanDoc, CleanLine, FurnitureRange } from "./types.js";

export { INLINE_PATTERNS, LINE_PATTERNS, matchLine } from "./furniture.js";
export { isHeadingLike, shouldJoin } from "./join.js";
export { normalizeLine } from "./normalize.js";
export type { CleanDoc, CleanLine, FurnitureRange } from "./types.js";

/** Evidence that the text is markdown, so `**x**` is bold rather than a redaction mark. */
const MARKDOWN_HINT = /^(?:-{3}[ \t]*\r?$|#{1,6} |\*\*[^*\s])/m;
const FENCE = /^-{3,80}$/;
const FRONT_TITLE = /^\s*title\s*:\s*(.*?)\s*$/;
const DETAILS_OPEN = /^<details\b/i;
const DETAILS_END = /^(<\/?details\b|-{3,80}$)/i;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
/** a chapter/section heading (not a "10.…" list item) cannot be the last line of a whole document */
const STRUCTURAL_HEADING =
  /^(第[一二三四五六七八九十百零〇\d]{1,5}(部分|篇|章|节)|[一二三四五六七八九十百]{1,4}、|\([一二三四五六七八九十百]{1,4}\))/;
const UNTERMINATED_HINT = /[，。；,;]/;

// line states
const BODY = 0;
const BLANK = 1;
const INVISIBLE = 2; // only zero-width characters: neither text nor a paragraph break
const FURNITURE = 3;

/** Furniture that may sit inside a sentence (a page break) without ending it. */
const TRANSPARENT_KINDS = new Set(["page-marker", "newspaper-note"]);
const DATE_KINDS = new Set(["metadata-table", "publish-info", "html"]);
const MAX_FRONT_MATTER_LINES = 60;
const MAX_TOC_LINES = 800;
const LICENSE_TAIL_LINES = 80;
const PAYWALL_ABSORB_LENGTH = 10;

interface Removed {
  start: number;
  end: number;
  kind: string;
}

/** Removes inline furniture (newspaper jump notes, PDF page markers) from a normalised line. */
function removeInline(nl: NormLine, removed: Removed[]): NormLine {
  if (!INLINE_HINT.test(nl.text)) return nl; // one test, not one search per pattern
  let cuts: [number, number, string][] | null = null;
  for (let k = 0; k < INLINE_PATTERNS.length; k++) {
    const p = INLINE_PATTERNS[k] as InlinePattern;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(nl.text); m !== null; m = p.re.exec(nl.text)) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      cuts ??= [];
      cuts.push([m.index, m.index + m[0].length, p.kind]);
    }
  }
  if (cuts === null) return nl;
  cuts.sort((a, b) => a[0] - b[0]);
  let text = "";
  const offsets: number[] = [];
  let at = 0;
  for (const [a, b, kind] of cuts) {
    if (a < at) continue; // overlapping match
    text += nl.text.slice(at, a);
    for (let k = at; k < a; k++) offsets.push(nl.offsets[k] as number);
    removed.push({ start: nl.offsets[a] as number, end: (nl.offsets[b - 1] as number) + 1, kind });
    at = b;
  }
  text += nl.text.slice(at);
  for (let k = at; k <= nl.text.length; k++) offsets.push(nl.offsets[k] as number);
  // trim what the cut left at the edges
  let s = 0;
  let e = text.length;
  while (s < e && text.charCodeAt(s) === 0x20) s++;
  while (e > s && text.charCodeAt(e - 1) === 0x20) e--;
  const out = Int32Array.from(offsets.slice(s, e));
  const full = new Int32Array(e - s + 1);
  full.set(out);
  full[e - s] = e > s ? (out[e - s - 1] as number) + 1 : (offsets[offsets.length - 1] as number);
  return { text: text.slice(s, e), offsets: full, bullet: false };
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

/** A logical line under construction: parts are joined physical lines. */
interface Group {
  line: number; // 0-based physical line of the first part
  parts: NormLine[];
  /** decoded offset used for a space inserted before part k (k ≥ 1), or -1 */
  glue: number[];
  text: string;
}

function finishGroup(g: Group): CleanLine {
  if (g.parts.length === 1) {
    const p = g.parts[0] as NormLine;
    return { text: p.text, offsets: p.offsets, line: g.line + 1 };
  }
  let len = 0;
  for (let k = 0; k < g.parts.length; k++)
    len += (g.parts[k] as NormLine).text.length + (g.glue[k] !== -1 ? 1 : 0);
  const offsets = new Int32Array(len + 1);
  let w = 0;
  let text = "";
  for (let k = 0; k < g.parts.length; k++) {
    const p = g.parts[k] as NormLine;
    const glue = g.glue[k] as number;
    if (glue !== -1) {
      offsets[w++] = glue;
      text += " ";
    }
    offsets.set(p.offsets.subarray(0, p.text.length), w);
    w += p.text.length;
    text += p.text;
  }
  const last = g.parts[g.parts.length - 1] as NormLine;
  offsets[w] = last.offsets[last.text.length] as number;
  return { text, offsets, line: g.line + 1 };
}

export function cleanText(text: string): CleanDoc {
  const starts = lineStarts(text);
  const n = starts.length;
  const ends = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let e = i + 1 < n ? (starts[i + 1] as number) : text.length;
    if (e > (starts[i] as number) && text.charCodeAt(e - 1) === 10) e--;
    if (e > (starts[i] as number) && text.charCodeAt(e - 1) === 13) e--;
    ends[i] = e;
  }
  const markdown = MARKDOWN_HINT.test(text);
  const norm: NormLine[] = new Array(n);
  const state = new Uint8Array(n);
  const kinds: (string | null)[] = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const nl = normalizeLine(text, starts[i] as number, ends[i] as number, markdown);
    norm[i] = nl;
    if (nl.text.length === 0) {
      const raw = text.slice(starts[i] as number, ends[i] as number);
      state[i] = ZERO_WIDTH.test(raw) ? INVISIBLE : BLANK;
    }
  }
  const setFurniture = (i: number, kind: string): void => {
    if (state[i] === BODY) {
      state[i] = FURNITURE;
      kinds[i] = kind;
    }
  };

  // front matter: "---" … "---" at the very top
  let frontMatterTitle: string | null = null;
  let first = 0;
  while (first < n && state[first] !== BODY) first++;
  if (first < n && FENCE.test((norm[first] as NormLine).text)) {
    const limit = Math.min(n, first + MAX_FRONT_MATTER_LINES);
    for (let k = first + 1; k < limit; k++) {
      if (state[k] === BODY && FENCE.test((norm[k] as NormLine).text)) {
        for (let j = first; j <= k; j++) {
          const t = FRONT_TITLE.exec(text.slice(starts[j] as number, ends[j] as number));
          if (t && frontMatterTitle === null && (t[1] as string).length > 0)
            frontMatterTitle = unquote(t[1] as string);
          setFurniture(j, "front-matter");
        }
        break;
      }
    }
  }

  // line furniture and block rules
  const removed: Removed[] = [];
  const dates: DateCandidate[] = [];
  for (let i = 0; i < n; i++) {
    if (state[i] !== BODY) continue;
    const t = (norm[i] as NormLine).text;
    if (i >= n - LICENSE_TAIL_LINES && LICENSE_START.test(t)) {
      for (let j = i; j < n; j++) setFurniture(j, "license");
      break;
    }
    if (DETAILS_OPEN.test(t)) {
      const limit = Math.min(n, i + MAX_TOC_LINES);
      let close = -1;
      for (let k = i + 1; k < limit; k++) {
        if (state[k] === BODY && DETAILS_END.test((norm[k] as NormLine).text)) {
          close = k;
          break;
        }
      }
      if (close !== -1) {
        for (let j = i; j < close; j++) setFurniture(j, "toc");
        i = close - 1;
        continue;
      }
    }
    const p = matchLine(t);
    if (p !== null) {
      setFurniture(i, p.kind);
      if (DATE_KINDS.has(p.kind)) dates.push(...datesInLine(t));
      if (p.kind === "paywall") {
        for (let j = i + 1; j < n && state[j] === BODY; j++) {
          if ((norm[j] as NormLine).text.length > PAYWALL_ABSORB_LENGTH) break;
          setFurniture(j, "paywall");
        }
      }
      continue;
    }
    norm[i] = removeInline(norm[i] as NormLine, removed);
    if ((norm[i] as NormLine).text.length === 0) {
      state[i] = FURNITURE;
      kinds[i] = removed[removed.length - 1]?.kind ?? "furniture";
    }
  }

  // furniture ranges, consecutive lines of one kind merged
  const furniture: FurnitureRange[] = [];
  let lastKindLine = -1;
  for (let i = 0; i < n; i++) {
    if (state[i] !== FURNITURE) continue;
    const kind = kinds[i] as string;
    const prev = furniture[furniture.length - 1];
    let between = true;
    for (let k = lastKindLine + 1; k < i && between; k++)
      if (state[k] !== BLANK && state[k] !== INVISIBLE) between = false;
    if (
      prev !== undefined &&
      prev.kind === kind &&
      lastKindLine >= 0 &&
      between &&
      prev.end <= (starts[i] as number)
    ) {
      prev.end = ends[i] as number;
    } else {
      furniture.push({ start: starts[i] as number, end: ends[i] as number, kind });
    }
    lastKindLine = i;
  }
  if (removed.length > 0) {
    for (const r of removed) furniture.push({ start: r.start, end: r.end, kind: r.kind });
    furniture.sort((a, b) => a.start - b.start);
  }

  // layout: do blank lines separate paragraphs?
  let bodyCount = 0;
  let followedByBlank = 0;
  for (let i = 0; i < n; i++) {
    if (state[i] !== BODY) continue;
    bodyCount++;
    if (i + 1 < n && state[i + 1] === BLANK) followedByBlank++;
  }
  const blankSeparated = bodyCount >= 4 && followedByBlank * 2 >= bodyCount;

  // rejoin hard-broken sentences
  const lines: CleanLine[] = [];
  let group: Group | null = null;
  let barrier = true;
  for (let i = 0; i < n; i++) {
    const st = state[i];
    if (st === BLANK) {
      barrier = true;
      continue;
    }
    if (st === INVISIBLE) continue;
    if (st === FURNITURE) {
      if (!TRANSPARENT_KINDS.has(kinds[i] as string)) barrier = true;
      continue;
    }
    const nl = norm[i] as NormLine;
    const joinable = group !== null && !barrier && !nl.bullet && !group.parts[group.parts.length - 1]?.bullet;
    if (group !== null && joinable && shouldJoin(group.text, nl.text, blankSeparated)) {
      // no space is inserted, even between ASCII letters/digits: in Chinese text a break
      // there splits a token ("M\n2", "PM\n2.5") rather than two English words
      group.parts.push(nl);
      group.glue.push(-1);
      group.text += nl.text;
    } else {
      if (group !== null) lines.push(finishGroup(group));
      group = { line: i, parts: [nl], glue: [-1], text: nl.text };
    }
    barrier = false;
  }
  if (group !== null) lines.push(finishGroup(group));

  // warnings
  const warnings: Warning[] = [];
  const last = lines[lines.length - 1];
  if (last === undefined) {
    warnings.push({ code: "empty-document", message: "no body text remains after cleaning" });
  } else if (
    !endsSentence(last.text) &&
    (isUnfinished(last.text) || (STRUCTURAL_HEADING.test(last.text) && isHeadingLike(last.text)))
  ) {
    const line = lineOf(starts, (last.offsets[last.text.length] as number) - 1);
    const tail = last.text.slice(-12);
    warnings.push({
      code: "truncated",
      message: `the document ends mid-sentence ("…${tail}")`,
      line,
    });
  }

  return {
    text,
    lines,
    furniture,
    published: pickPublished(dates),
    lineStarts: starts,
    warnings,
    frontMatterTitle,
  };
}

/** A last line that is sentence-like (long, punctuated or with an open quote) but unterminated. */
function isUnfinished(line: string): boolean {
  if (line.length > 30 || UNTERMINATED_HINT.test(line)) return true;
  let open = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x201c) open++;
    else if (c === 0x201d) open--;
  }
  return open > 0;
}
