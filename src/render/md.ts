/** `--format md`: a Markdown report per document, and Markdown tables for row commands. */
import type { PlanDocument, Section } from "../types.js";
import {
  cellText,
  DEADLINE_COLUMNS,
  type DeadlineRow,
  deadlineRows,
  fileLabel,
  formatFigure,
  sectionIndex,
  TARGET_COLUMNS,
  type TargetRow,
  targetRows,
} from "./rows.js";

/** A table cell: one line, pipes escaped. */
export function mdCell(value: unknown): string {
  return cellText(value)
    .replace(/[\r\n]+/g, " ")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|");
}

export function mdTableHeader(columns: readonly string[]): string {
  return `| ${columns.map(mdCell).join(" | ")} |\n|${columns.map(() => " --- |").join("")}\n`;
}

export function mdTableRow(values: readonly unknown[]): string {
  return `| ${values.map(mdCell).join(" | ")} |\n`;
}

export function mdTable<T extends object>(
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
): string {
  return mdTableHeader(columns) + rows.map((r) => mdTableRow(columns.map((c) => r[c]))).join("");
}

/** Text in running Markdown: characters that would start markup are escaped. */
function mdText(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/([\\`*_[\]<>#|])/g, "\\$1");
}

function outlineList(sections: readonly Section[], depth: number, out: string[]): void {
  for (const s of sections) {
    out.push(
      `${"  ".repeat(depth)}- **${mdText(s.marker)}** ${mdText(s.title)} <sub>§${s.id}, L${s.span.line}</sub>`,
    );
    outlineList(s.children, depth + 1, out);
  }
}

export function renderMarkdown(doc: PlanDocument): string {
  const m = doc.meta;
  const out: string[] = [];
  out.push(`# ${mdText(m.title ?? fileLabel(doc))}`, "");
  const facts: [string, unknown][] = [
    ["file", fileLabel(doc)],
    ["issuer", m.issuer],
    ["region", m.region],
    ["province", m.province],
    ["year", m.year],
    ["kind", m.kind],
    ["published", m.published],
    ["encoding", doc.source.encoding],
    ["sha256", doc.source.sha256.slice(0, 16)],
  ];
  for (const [k, v] of facts)
    out.push(`- **${k}**: ${v === null || v === undefined ? "—" : mdText(String(v))}`);
  out.push("", "## Outline", "");
  if (doc.sections.length === 0) out.push("_No numbered sections recognised._");
  else outlineList(doc.sections, 0, out);

  const index = sectionIndex(doc);
  out.push("", `## Targets (${doc.targets.length})`, "");
  if (doc.targets.length === 0) out.push("_None._");
  else {
    const rows = targetRows(doc, index);
    out.push(
      mdTableHeader(["§", "metric", "figure", "status", "deadline", "text", "line"]).trimEnd(),
      ...rows.map((r) =>
        mdTableRow([
          r.sectionId,
          r.metric,
          formatFigure(r),
          r.status,
          r.deadline,
          r.text,
          r.line,
        ]).trimEnd(),
      ),
    );
  }
  out.push("", `## Deadlines (${doc.deadlines.length})`, "");
  if (doc.deadlines.length === 0) out.push("_None._");
  else {
    out.push(
      mdTableHeader(["date", "kind", "status", "text", "§", "binds", "line"]).trimEnd(),
      ...deadlineRows(doc, index).map((r) =>
        mdTableRow([r.date, r.kind, r.status, r.text, r.sectionId, r.binds, r.line]).trimEnd(),
      ),
    );
  }
  out.push("", `## Warnings (${doc.warnings.length})`, "");
  if (doc.warnings.length === 0) out.push("_None._");
  else
    for (const w of doc.warnings)
      out.push(`- \`${w.code}\`${w.line ? ` (line ${w.line})` : ""}: ${mdText(w.message)}`);
  return `${out.join("\n")}\n`;
}

/** Separator between reports of a batch. */
export const MD_SEPARATOR = "\n---\n\n";

export function renderTargetsMarkdown(rows: readonly TargetRow[]): string {
  return mdTable(rows, TARGET_COLUMNS);
}

export function renderDeadlinesMarkdown(rows: readonly DeadlineRow[]): string {
  return mdTable(rows, DEADLINE_COLUMNS);
}
