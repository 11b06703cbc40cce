/** Renderers of `panel`: the long table (default) and the wide one (`--wide`). */
import type { PanelRow, WidePanel } from "../compare/panel.js";
import { PANEL_COLUMNS } from "../compare/panel.js";
import { renderCsv } from "./csv.js";
import { renderJson } from "./json.js";
import { renderJsonLine } from "./jsonl.js";
import { mdTable } from "./md.js";
import type { RenderOptions } from "./options.js";
import { renderTable } from "./table.js";

export const PANEL_FORMATS = ["csv", "json", "jsonl", "md", "table"] as const;
export type PanelFormat = (typeof PANEL_FORMATS)[number];

/** A wide cell: comparator and value as a reader writes them ("≥6", "5.5~6", "~5.5"). */
export function wideCell(v: WidePanel["rows"][number]["values"][string] | undefined): string {
  if (!v) return "";
  const sign: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "~", "=": "" };
  if (v.comparator === "range" && v.valueMax !== null) return `${v.value}~${v.valueMax}`;
  return `${sign[v.comparator] ?? ""}${v.value}`;
}

export function renderPanel(rows: readonly PanelRow[], format: PanelFormat, opts: RenderOptions): string {
  if (format === "json") return renderJson({ schemaVersion: 1, rows });
  if (format === "jsonl") return rows.map((r) => renderJsonLine(r)).join("");
  if (format === "csv") return renderCsv(rows, PANEL_COLUMNS, opts.bom ?? false);
  const shown: (keyof PanelRow & string)[] = ["region", "year", "indicatorId", "indicator", "status", "qualifiers", "comparator", "value", "valueMax", "unit", "metric"];
  if (format === "md") return mdTable(rows, PANEL_COLUMNS);
  return renderTable(
    shown.map((c) => ({ header: c, value: (r: PanelRow) => (r[c] === null ? "" : String(r[c])), ...(c === "metric" ? { flex: 1 } : {}) })),
    rows,
    opts,
  );
}

export function renderWidePanel(panel: WidePanel, format: PanelFormat, opts: RenderOptions): string {
  if (format === "json") return renderJson({ schemaVersion: 1, ...panel });
  if (format === "jsonl") return panel.rows.map((r) => renderJsonLine(r)).join("");
  const head = ["region", "province", "year", "kind", "path", "warnings", ...panel.indicators.map((i) => `${i.id} ${i.name}`)];
  const flat = panel.rows.map((r) => [r.region ?? "", r.province ?? "", r.year ?? "", r.kind, r.path, r.warnings, ...panel.indicators.map((i) => wideCell(r.values[i.id]))]);
  const objects = flat.map((cells) => Object.fromEntries(head.map((h, k) => [h, cells[k]])) as Record<string, unknown>);
  if (format === "csv") return renderCsv(objects, head, opts.bom ?? false);
  if (format === "md") return mdTable(objects, head);
  return renderTable(
    head.map((h) => ({ header: h, value: (r: Record<string, unknown>) => String(r[h] ?? "") })),
    objects,
    opts,
  );
}
