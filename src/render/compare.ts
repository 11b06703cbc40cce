/**
 * Views of `compare` results: pure functions, results in, string out.
 *
 * compare: one block per topic (a heading line, then a table with a metric column
 * and one column per document); csv is wide (topic, metric, one column per
 * document); md has one section per topic. diff's views live in diff.ts.
 */
import type { CompareResult } from "../compare/types.js";
import type { Target } from "../types.js";
import { painter } from "./color.js";
import { csvHeader, csvRow } from "./csv.js";
import { figureWithStatus } from "./figure.js";
import { COMPARE_FORMATS, DIFF_FORMATS } from "./formats.js";
import { documentLabel, documentLabels } from "./labels.js";
import { mdTableHeader, mdTableRow } from "./md.js";
import { renderOptions } from "./options.js";
import { type ColumnSpec, renderTable } from "./table.js";
import { sanitizeCell, truncate } from "./width.js";

export { COMPARE_FORMATS, DIFF_FORMATS };
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface CompareRenderOptions {
  color: boolean;
  /** Display columns available (default 120). */
  width?: number;
  /** CSV only: start with a UTF-8 byte-order mark. */
  bom?: boolean;
}

export { documentLabel };

/** A target as a short figure; reported achievements are marked "(实)" (src/render/figure.ts). */
export function figure(t: Target): string {
  return figureWithStatus(t);
}

function cell(targets: Target[]): string {
  return targets.map(figure).join("; ");
}

function sectionList(ids: string[], max = 6): string {
  if (ids.length === 0) return "—";
  const shown = ids.slice(0, max).map((id) => `§${id}`);
  return ids.length > max ? `${shown.join(" ")} …(+${ids.length - max})` : shown.join(" ");
}

function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function mdText(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/([\\`*_[\]<>#|~])/g, "\\$1");
}

type CompareRow = { metric: string; cells: string[] };

function compareTable(result: CompareResult, opts: CompareRenderOptions): string {
  const ro = renderOptions({ color: opts.color, width: opts.width ?? 120 });
  const color = painter(opts.color);
  const labels = documentLabels(result.documents);
  if (result.topics.length === 0)
    return `${color.dim("(no topics: the documents have no sections or targets)")}\n`;
  const columns: ColumnSpec<CompareRow>[] = [
    { header: "指标 metric", value: (r) => r.metric, flex: 2, min: 8, max: 28, whole: true },
    ...labels.map(
      (label, d): ColumnSpec<CompareRow> => ({
        header: label,
        value: (r) => r.cells[d] ?? "",
        flex: 1,
        min: 6,
        wrapLines: 3,
        paint: (t, _r, c) => (t === "—" ? c.dim(t) : t),
      }),
    ),
  ];
  const blocks: string[] = [];
  for (const block of result.topics) {
    const head = color.bold.cyan(`■ ${block.topic}`);
    const where = labels
      .map((label, d) => `${label}: ${sectionList(block.sections[d] ?? [])}`)
      .map((s) => truncate(sanitizeCell(s), Math.max(20, ro.width - 2)));
    const lines = [head, ...where.map((w) => color.dim(`  ${w}`))];
    if (block.rows.length > 0) {
      const rows = block.rows.map((r) => ({ metric: r.metric, cells: r.cells.map((c) => cell(c) || "—") }));
      lines.push(renderTable(columns, rows, ro).trimEnd());
    }
    blocks.push(lines.join("\n"));
  }
  const legend = color.dim("(实) = a figure the document reports as achieved; — = no such figure");
  return `${blocks.join("\n\n")}\n${legend}\n`;
}

function compareMarkdown(result: CompareResult): string {
  const labels = documentLabels(result.documents);
  const out: string[] = ["# Comparison", ""];
  result.documents.forEach((doc, d) => {
    out.push(`${d + 1}. **${mdText(labels[d] ?? "")}** — ${mdText(doc.title ?? "—")} (\`${doc.path}\`)`);
  });
  for (const block of result.topics) {
    out.push("", `## ${mdText(block.topic)}`, "");
    labels.forEach((label, d) => {
      out.push(
        `- ${mdText(label)}: ${mdText(sectionList(block.sections[d] ?? [], Number.POSITIVE_INFINITY))}`,
      );
    });
    if (block.rows.length > 0) {
      out.push("", mdTableHeader(["指标 metric", ...labels]).trimEnd());
      for (const r of block.rows)
        out.push(mdTableRow([r.metric, ...r.cells.map((c) => cell(c) || "—")]).trimEnd());
    }
  }
  return `${out.join("\n")}\n`;
}

function compareCsv(result: CompareResult, opts: CompareRenderOptions): string {
  const labels = documentLabels(result.documents);
  let out = csvHeader(["topic", "metric", ...labels], opts.bom ?? false);
  for (const block of result.topics) {
    for (const r of block.rows) out += csvRow([block.topic, r.metric, ...r.cells.map(cell)], opts.bom ?? false);
  }
  return out;
}

export function renderCompare(
  result: CompareResult,
  format: CompareFormat | string,
  opts: CompareRenderOptions,
): string {
  switch (format) {
    case "json":
      return jsonText(result);
    case "md":
      return compareMarkdown(result);
    case "csv":
      return compareCsv(result, opts);
    default:
      return compareTable(result, opts);
  }
}
