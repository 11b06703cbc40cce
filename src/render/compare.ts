/**
 * Views of `compare` and `diff` results: pure functions, results in, string out.
 *
 * compare: one block per topic (a heading line, then a table with a metric column
 * and one column per document); csv is wide (topic, metric, one column per
 * document); md has one section per topic. diff: a code-review style listing
 * (removed red "-", added green "+", changed "~" old → new), or Markdown.
 */
import type { CompareResult, DiffResult, DocumentRef } from "../compare/types.js";
import type { Target } from "../types.js";
import { painter } from "./color.js";
import { csvHeader, csvRow } from "./csv.js";
import { mdTableHeader, mdTableRow } from "./md.js";
import { renderOptions } from "./options.js";
import { formatFigure } from "./rows.js";
import { type ColumnSpec, renderTable } from "./table.js";
import { sanitizeCell, truncate } from "./width.js";

export const COMPARE_FORMATS = ["table", "md", "csv", "json"] as const;
export const DIFF_FORMATS = ["table", "md", "json"] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface CompareRenderOptions {
  color: boolean;
  /** Display columns available (default 120). */
  width?: number;
  /** CSV only: start with a UTF-8 byte-order mark. */
  bom?: boolean;
}

/** Generic file names that say nothing about the document; their folder names it instead. */
const GENERIC_NAME = /^(?:input|index|content|text|document|doc|plan|main|full_text)(?:\.[a-z0-9]+)?$/i;

/** The file name, or "folder/name" when the name alone is generic (fixtures/x/input.txt). */
function shortName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== "");
  const name = parts.pop() ?? path;
  const parent = parts.pop();
  return GENERIC_NAME.test(name) && parent ? `${parent}/${name}` : name || path;
}

/** Column label of a document: region + year, else the file name. */
export function documentLabel(doc: DocumentRef): string {
  if (doc.region) return doc.year === null ? doc.region : `${doc.region} ${doc.year}`;
  const name = shortName(doc.path);
  return doc.year === null ? name : `${name} (${doc.year})`;
}

/**
 * Labels made unique: two documents of the same region and year get their issuers when those
 * tell them apart (民政局 / 人民政府), else their file names.
 */
function documentLabels(docs: DocumentRef[]): string[] {
  const labels = docs.map(documentLabel);
  return labels.map((l, i) => {
    if (labels.indexOf(l) === labels.lastIndexOf(l)) return l;
    const twins = docs.filter((_, k) => labels[k] === l);
    const issuers = twins.map((d) => d.issuer ?? "");
    const issuer = docs[i]?.issuer;
    if (issuer && issuers.indexOf(issuer) === issuers.lastIndexOf(issuer)) return `${l} ${issuer}`;
    const name = docs[i] ? shortName(docs[i].path) : String(i + 1);
    return `${l} [${name}]`;
  });
}

/** A target as a short figure; reported achievements are marked "(实)". */
export function figure(t: Target): string {
  return formatFigure(t) + (t.status === "achieved" ? " (实)" : "");
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
    { header: "指标 metric", value: (r) => r.metric, flex: 2, min: 8, max: 28, wrapLines: 2 },
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
    for (const r of block.rows) out += csvRow([block.topic, r.metric, ...r.cells.map(cell)]);
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

// ---------------------------------------------------------------- diff

function targetLine(t: Target): string {
  return `${t.metric}: ${figure(t)}${t.sectionId ? `  §${t.sectionId}` : ""}`;
}

interface DiffView {
  retitled: DiffResult["sections"]["matched"];
  renumbered: number;
}

function diffView(result: DiffResult): DiffView {
  return {
    retitled: result.sections.matched.filter((m) => m.titleChanged),
    renumbered: result.sections.matched.filter((m) => !m.titleChanged && m.old !== m.new).length,
  };
}

function isEmptyDiff(result: DiffResult): boolean {
  const { sections: s, targets: t } = result;
  return (
    s.added.length + s.removed.length + t.changed.length + t.added.length + t.removed.length === 0 &&
    s.matched.every((m) => !m.titleChanged)
  );
}

function diffTerminal(result: DiffResult, opts: CompareRenderOptions): string {
  const c = painter(opts.color);
  const width = opts.width ?? 120;
  const fit = (s: string) => truncate(sanitizeCell(s), width);
  const oldTitle = (id: string) => result.titles?.old[id] ?? "";
  const newTitle = (id: string) => result.titles?.new[id] ?? "";
  const out: string[] = [
    c.bold(`diff ${documentLabel(result.old)} → ${documentLabel(result.new)}`),
    c.dim(`--- ${result.old.path}`),
    c.dim(`+++ ${result.new.path}`),
  ];
  if (isEmptyDiff(result)) {
    out.push("", c.dim(`no changes (${result.sections.matched.length} sections matched)`));
    return `${out.join("\n")}\n`;
  }
  const { retitled, renumbered } = diffView(result);
  out.push("", c.bold("Sections"));
  for (const id of result.sections.removed) out.push(c.red(fit(`- §${id} ${oldTitle(id)}`)));
  for (const id of result.sections.added) out.push(c.green(fit(`+ §${id} ${newTitle(id)}`)));
  for (const m of retitled) {
    const ids = m.old === m.new ? `§${m.old}` : `§${m.old} → §${m.new}`;
    out.push(`${c.yellow("~")} ${ids} ${c.red(oldTitle(m.old))} → ${c.green(newTitle(m.new))}`);
  }
  out.push(
    c.dim(
      `  ${result.sections.matched.length} matched, ${renumbered} renumbered, ${retitled.length} retitled, ` +
        `${result.sections.added.length} added, ${result.sections.removed.length} removed`,
    ),
  );
  out.push("", c.bold("Targets"));
  for (const t of result.targets.removed) out.push(c.red(fit(`- ${targetLine(t)}`)));
  for (const t of result.targets.added) out.push(c.green(fit(`+ ${targetLine(t)}`)));
  for (const ch of result.targets.changed) {
    const where = ch.new.sectionId ? c.dim(`  §${ch.new.sectionId}`) : "";
    out.push(`${c.yellow("~")} ${ch.metric}: ${c.red(figure(ch.old))} → ${c.green(figure(ch.new))}${where}`);
  }
  const t = result.targets;
  out.push(c.dim(`  ${t.changed.length} changed, ${t.added.length} added, ${t.removed.length} removed`));
  return `${out.join("\n")}\n`;
}

function diffMarkdown(result: DiffResult): string {
  const oldTitle = (id: string) => mdText(result.titles?.old[id] ?? "");
  const newTitle = (id: string) => mdText(result.titles?.new[id] ?? "");
  const out: string[] = [
    `# Diff: ${mdText(documentLabel(result.old))} → ${mdText(documentLabel(result.new))}`,
    "",
    `- old: \`${result.old.path}\` — ${mdText(result.old.title ?? "—")}`,
    `- new: \`${result.new.path}\` — ${mdText(result.new.title ?? "—")}`,
  ];
  if (isEmptyDiff(result)) {
    out.push("", `No changes (${result.sections.matched.length} sections matched).`);
    return `${out.join("\n")}\n`;
  }
  const { retitled, renumbered } = diffView(result);
  out.push("", "## Sections", "");
  for (const id of result.sections.removed) out.push(`- **removed** §${id} ~~${oldTitle(id)}~~`);
  for (const id of result.sections.added) out.push(`- **added** §${id} ${newTitle(id)}`);
  for (const m of retitled) {
    out.push(`- **retitled** §${m.old} → §${m.new}: ~~${oldTitle(m.old)}~~ → ${newTitle(m.new)}`);
  }
  out.push(
    "",
    `${result.sections.matched.length} matched (${renumbered} renumbered), ${retitled.length} retitled, ` +
      `${result.sections.added.length} added, ${result.sections.removed.length} removed.`,
  );
  out.push("", "## Targets", "");
  const t = result.targets;
  if (t.changed.length + t.added.length + t.removed.length === 0) out.push("No target changed.");
  else {
    out.push(mdTableHeader(["", "metric", "old", "new", "§"]).trimEnd());
    for (const x of t.removed)
      out.push(mdTableRow(["removed", x.metric, figure(x), "", x.sectionId]).trimEnd());
    for (const x of t.added) out.push(mdTableRow(["added", x.metric, "", figure(x), x.sectionId]).trimEnd());
    for (const x of t.changed) {
      out.push(mdTableRow(["changed", x.metric, figure(x.old), figure(x.new), x.new.sectionId]).trimEnd());
    }
  }
  return `${out.join("\n")}\n`;
}

export function renderDiff(
  result: DiffResult,
  format: DiffFormat | string,
  opts: CompareRenderOptions,
): string {
  switch (format) {
    case "json":
      return jsonText(result);
    case "md":
      return diffMarkdown(result);
    default:
      return diffTerminal(result, opts);
  }
}
