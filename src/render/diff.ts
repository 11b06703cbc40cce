/**
 * Views of a `diff` result: pure functions, result in, string out. table (terminal listing),
 * md (report), csv (one row per change), json (the result itself; with `only`, the other
 * part's lists are empty).
 */
import type { DiffResult } from "../compare/types.js";
import { diffCsv } from "./diff-csv.js";
import { diffMarkdown } from "./diff-md.js";
import { diffText } from "./diff-text.js";
import { type DiffRenderOptions, diffGroups } from "./diff-view.js";

export { DIFF_CSV_COLUMNS } from "./diff-csv.js";
export type { DiffPart, DiffRenderOptions } from "./diff-view.js";

import { DIFF_FORMATS } from "./formats.js";
export { DIFF_FORMATS };
export type DiffFormat = (typeof DIFF_FORMATS)[number];

function onlyPart(result: DiffResult, only: DiffRenderOptions["only"]): DiffResult {
  if (only === "targets") return { ...result, sections: { matched: [], added: [], removed: [] } };
  if (only === "sections") {
    return {
      ...result,
      targets: { changed: [], added: [], removed: [], unchanged: [], skipped: { old: 0, new: 0 } },
    };
  }
  return result;
}

export function renderDiff(result: DiffResult, format: DiffFormat | string, opts: DiffRenderOptions): string {
  if (format === "json") return `${JSON.stringify(onlyPart(result, opts.only), null, 2)}\n`;
  const groups = diffGroups(result);
  if (format === "md") return diffMarkdown(result, groups, opts);
  if (format === "csv") return diffCsv(result, groups, opts);
  return diffText(result, groups, opts);
}
