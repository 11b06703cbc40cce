/** Segment pass 1: run-on splitting (a whole report, or a PDF page, on one line). */
import type { CleanLine } from "../clean/index.js";
import { detectLineMarker } from "./markers.js";

/** A line this long is a run-on page (whole report on one line), not a paragraph. */
export const RUN_ON_MIN = 2000;
/** In a document of at most this many lines, a line of RUN_ON_SHORT chars is already run-on. */
const RUN_ON_FEW_LINES = 5;
const RUN_ON_SHORT = 400;
/** Fewer than this many characters per heading on average: do not split. */
const RUN_ON_MIN_GAP = 40;
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
export function expandRunOn(lines: readonly CleanLine[]): CleanLine[] {
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

