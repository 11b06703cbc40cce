import type { Warning } from "../types.js";

/**
 * One logical line of body text, ready for matching. `text` is normalised
 * (full-width digits/letters/%.() and odd spaces to ASCII, spaces between CJK
 * and figures dropped, markdown residue removed, hard-broken lines rejoined), and
 * `offsets` maps it back: `offsets[i]` is the offset in the decoded text of
 * `text[i]`; `offsets[text.length]` is the exclusive end offset of the line.
 */
export interface CleanLine {
  text: string;
  offsets: Int32Array;
  /** 1-based line in the decoded text where this logical line starts. */
  line: number;
}

export interface FurnitureRange {
  start: number;
  end: number;
  /** what was recognised: "metadata-table", "toolbar", "footer", "front-matter", "page-marker", ... */
  kind: string;
}

export interface CleanDoc {
  /** The decoded text; every span of the output points into it. */
  text: string;
  /** Body lines in order: web-page furniture removed, blank lines dropped. */
  lines: CleanLine[];
  /** What was kept out of the body, in order. */
  furniture: FurnitureRange[];
  /** YYYY-MM-DD harvested from 发布时间 / 生成日期 / 发布日期, if any. */
  published: string | null;
  /** Start offset of every line of `text` (see util/location). */
  lineStarts: number[];
  warnings: Warning[];
  /** (added) `title:` of a markdown YAML front matter block at the top, as written; else null. */
  frontMatterTitle: string | null;
}
