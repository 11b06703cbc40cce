/** Segment pass: inline enumerations (一是…二是…, ①…②…) inside a section's lines become its children. */
import type { CleanLine } from "../clean/index.js";
import { analyseSource } from "../util/scan-window.js";
import { INLINE_MARKERS, type InlineMarkerStyle } from "./markers.js";
import { endOf, type InlineHit, INLINE_STOPS, isTrim, lineEnd, type Node, readTitle, startOf } from "./node.js";

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
export function anchorBitsFrom(text: string, from: number): number {
  let seen = 0;
  for (let i = from; i < text.length; i++) seen |= ANCHOR_BITS[text.charCodeAt(i)] as number;
  return seen;
}

/** Collect inline enumeration markers in `cl.text[from..]` for `host`. */
export function scanInline(host: Node, cl: CleanLine, from: number): void {
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
export function finishInline(host: Node): void {
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
export function keepRun(run: readonly InlineHit[], accepted: InlineHit[]): void {
  if (run.length < 2) return;
  for (let i = 0; i < run.length; i++) accepted.push(run[i] as InlineHit);
}
