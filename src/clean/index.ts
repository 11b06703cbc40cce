import { lineStarts } from "../util/location.js";
import type { CleanDoc, CleanLine } from "./types.js";

export type { CleanDoc, CleanLine, FurnitureRange } from "./types.js";

/** STUB (to be replaced by the clean stage): one logical line per non-blank source line. */
export function cleanText(text: string): CleanDoc {
  const starts = lineStarts(text);
  const lines: CleanLine[] = [];
  starts.forEach((start, i) => {
    let end = i + 1 < starts.length ? (starts[i + 1] as number) : text.length;
    while (end > start && (text[end - 1] === "\n" || text[end - 1] === "\r")) end--;
    const raw = text.slice(start, end);
    if (raw.trim() === "") return;
    const offsets = new Int32Array(raw.length + 1);
    for (let k = 0; k <= raw.length; k++) offsets[k] = start + k;
    lines.push({ text: raw, offsets, line: i + 1 });
  });
  return { text, lines, furniture: [], published: null, lineStarts: starts, warnings: [] };
}
