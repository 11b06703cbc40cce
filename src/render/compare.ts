/**
 * PLACEHOLDER written by the CLI engineer so the `compare` and `diff` commands can be wired:
 * JSON only. The compare/diff engineer owns this file and replaces it with the real
 * renderers (table, md, ...), keeping these two signatures.
 */
import type { CompareResult, DiffResult } from "../compare/types.js";
import type { RenderOptions } from "./options.js";

export const COMPARE_FORMATS = ["json"] as const;

export function renderCompare(result: CompareResult, _format: string, _opts: RenderOptions): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function renderDiff(result: DiffResult, _format: string, _opts: RenderOptions): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
