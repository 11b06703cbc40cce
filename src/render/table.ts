/**
 * `--format table`: boxes drawn by cli-table3. Cells are fitted beforehand by display width
 * (CJK = 2 columns): columns shrink to the terminal width, long cells are wrapped (a few
 * lines) or truncated with "…", so every line of the table has the same display width.
 */
import Table from "cli-table3";
import { painter } from "./color.js";
import type { RenderOptions } from "./options.js";
import { formatFigure } from "./figure.js";
import { documentLabel, labelsByPath } from "./labels.js";
import { cellText, type DeadlineRow, type SummaryRow, type TargetRow } from "./rows.js";
import { displayWidth, sanitizeCell, truncate, truncateStart, wrap } from "./width.js";

export interface ColumnSpec<R> {
  header: string;
  value: (row: R) => string;
  /** Shrinks before fixed columns when the table is too wide; larger shrinks first. */
  flex?: number;
  /** Never narrower than this (header width by default). */
  min?: number;
  /** Never wider than this. */
  max?: number;
  align?: "left" | "right";
  /** Wrap into up to this many lines instead of truncating. */
  wrapLines?: number;
  /** Where a too-long single-line cell is cut: paths keep their end (file name). */
  cut?: "end" | "start";
  /**
   * Never cut (labels): wrapped onto as many lines as it needs, so two different labels never
   * look the same.
   */
  whole?: boolean;
  /** Colour of a (fitted) cell, applied after fitting. */
  paint?: (text: string, row: R, color: ReturnType<typeof painter>) => string;
}

const BORDER = 1;
const PADDING = 2;

/**
 * Content widths of the columns: natural widths, then shrink to fit `total` columns.
 * First the flexible columns, down to their minimums (weighted by flex); then, if still too
 * wide, any column down to its floor (headers get cut before figures do).
 */
export function fitColumns(
  natural: number[],
  mins: number[],
  flex: number[],
  total: number,
  floors: number[] = mins,
): number[] {
  const widths = [...natural];
  const frame = widths.length * (PADDING + BORDER) + BORDER;
  let excess = widths.reduce((a, b) => a + b, 0) + frame - total;
  const shrink = (limits: number[], weight: (i: number) => number) => {
    while (excess > 0) {
      let pick = -1;
      let best = 0;
      for (let i = 0; i < widths.length; i++) {
        const room = (widths[i] as number) - (limits[i] as number);
        const score = room * weight(i);
        if (room > 0 && score > best) {
          best = score;
          pick = i;
        }
      }
      if (pick < 0) return;
      const room = (widths[pick] as number) - (limits[pick] as number);
      const step = Math.max(1, Math.min(room, Math.ceil(excess / 4)));
      widths[pick] = (widths[pick] as number) - step;
      excess -= step;
    }
  };
  shrink(mins, (i) => flex[i] as number);
  shrink(
    floors.map((f, i) => Math.min(f, mins[i] as number)),
    () => 1,
  );
  return widths;
}

export function renderTable<R>(
  columns: readonly ColumnSpec<R>[],
  rows: readonly R[],
  opts: RenderOptions,
): string {
  const color = painter(opts.color);
  const raw = rows.map((row) => columns.map((c) => sanitizeCell(c.value(row))));
  const natural = columns.map((c, i) => {
    const cells = raw.map((r) => displayWidth(r[i] as string));
    const w = Math.max(displayWidth(c.header), ...cells, 1);
    return c.max === undefined ? w : Math.min(w, Math.max(c.max, displayWidth(c.header)));
  });
  const mins = columns.map((c, i) =>
    Math.min(natural[i] as number, c.min ?? Math.max(displayWidth(c.header), 2)),
  );
  // Last-resort floors: flexible columns 4, fixed ones keep their widest value (figures stay whole).
  const floors = columns.map((c, i) =>
    Math.min(natural[i] as number, c.flex ? 4 : Math.max(3, ...raw.map((r) => displayWidth(r[i] as string)))),
  );
  const widths = fitColumns(
    natural,
    mins,
    columns.map((c) => c.flex ?? 0),
    opts.width,
    floors,
  );

  const table = new Table({
    // headers (document labels in compare) wrap onto a second line before they are cut
    head: columns.map((c, i) =>
      wrap(c.header, widths[i] as number, 2)
        .map((line) => color.bold(line))
        .join("\n"),
    ),
    colWidths: widths.map((w) => w + PADDING),
    colAligns: columns.map((c) => c.align ?? "left"),
    style: { head: [], border: [], "padding-left": 1, "padding-right": 1 },
    wordWrap: false,
  });
  let multiline = false;
  rows.forEach((row, r) => {
    table.push(
      columns.map((c, i) => {
        const w = widths[i] as number;
        const text = (raw[r] as string[])[i] as string;
        const fitted = c.whole
          ? wrap(text, w).join("\n")
          : c.wrapLines && c.wrapLines > 1
            ? wrap(text, w, c.wrapLines).join("\n")
            : c.cut === "start"
              ? truncateStart(text, w)
              : truncate(text, w);
        if (fitted.includes("\n")) multiline = true;
        return c.paint
          ? fitted
              .split("\n")
              .map((line) => c.paint?.(line, row, color) ?? line)
              .join("\n")
          : fitted;
      }),
    );
  });
  const lines = table.toString().split("\n");
  // Rows of one line each read better without a rule between every row: keep the header's.
  const compact = multiline ? lines : lines.filter((l, i) => !l.startsWith("├") || i === 2);
  return `${compact.join("\n")}\n`;
}

const num = (v: number | null) => cellText(v);

export const SUMMARY_TABLE: ColumnSpec<SummaryRow>[] = [
  { header: "file", value: (r) => r.file, flex: 3, min: 12, cut: "start" },
  { header: "region", value: (r) => cellText(r.region), flex: 1, min: 6 },
  { header: "year", value: (r) => num(r.year) },
  { header: "kind", value: (r) => r.kind },
  { header: "sections", value: (r) => String(r.sections), align: "right" },
  { header: "targets", value: (r) => String(r.targets), align: "right" },
  { header: "deadlines", value: (r) => String(r.deadlines), align: "right" },
  {
    header: "warnings",
    value: (r) => String(r.warnings),
    align: "right",
    paint: (t, r, c) => (r.warnings > 0 ? c.yellow(t) : t),
  },
];

type Labels = (row: { file: string; region: string | null; year: number | null }) => string;

/** Row labels by document (region + year, unique among the rows' documents). */
function rowLabels(rows: readonly { file: string; region: string | null; year: number | null }[]): Labels {
  const labels = labelsByPath(rows.map((r) => ({ path: r.file, region: r.region, year: r.year })));
  return (r) => labels.get(r.file) ?? documentLabel({ path: r.file, region: r.region, year: r.year });
}

function targetColumns(debug: boolean, label: Labels): ColumnSpec<TargetRow>[] {
  const columns: ColumnSpec<TargetRow>[] = [
    { header: "document", value: label, flex: 2, min: 8, max: 24, whole: true },
    { header: "§", value: (r) => cellText(r.sectionId), max: 10 },
    { header: "section", value: (r) => cellText(r.sectionTitle), flex: 2, min: 6, max: 30 },
    { header: "metric", value: (r) => r.metric, flex: 2, min: 8, max: 30 },
    {
      header: "figure",
      value: (r) => formatFigure(r),
      flex: 1,
      min: 8,
      paint: (t, _r, c) => c.bold(t),
    },
    {
      header: "status",
      value: (r) => r.status,
      paint: (t, r, c) => (r.status === "achieved" ? c.green(t) : c.cyan(t)),
    },
    { header: "deadline", value: (r) => cellText(r.deadline) },
    {
      header: "conf",
      value: (r) => (r.confidence === null ? "—" : r.confidence.toFixed(2)),
      align: "right",
      paint: (t, r, c) => (r.confidence !== null && r.confidence < 0.5 ? c.yellow(t) : t),
    },
    { header: "text", value: (r) => r.text, flex: 4, min: 10, wrapLines: 3 },
  ];
  if (debug) columns.push({ header: "pattern", value: (r) => `${r.pattern} L${r.line}`, flex: 1, min: 8 });
  return columns;
}

function deadlineColumns(debug: boolean, label: Labels): ColumnSpec<DeadlineRow>[] {
  const columns: ColumnSpec<DeadlineRow>[] = [
    {
      header: "date",
      value: (r) => r.date ?? "—",
      min: 10,
      paint: (t, r, c) => (r.date === null ? c.dim(t) : c.bold(t)),
    },
    { header: "kind", value: (r) => r.kind },
    {
      header: "status",
      value: (r) => r.status ?? "—",
      paint: (t, r, c) => (r.status === "achieved" ? c.green(t) : r.status === null ? c.dim(t) : c.cyan(t)),
    },
    { header: "text", value: (r) => r.text, flex: 1, min: 6, max: 24 },
    { header: "document", value: label, flex: 2, min: 8, max: 24, whole: true },
    { header: "§", value: (r) => cellText(r.sectionId), max: 10 },
    { header: "binds", value: (r) => r.binds, flex: 4, min: 10, wrapLines: 2 },
  ];
  if (debug) columns.push({ header: "pattern", value: (r) => `${r.pattern} L${r.line}`, flex: 1, min: 8 });
  return columns;
}

export function renderSummaryTable(rows: readonly SummaryRow[], opts: RenderOptions): string {
  return renderTable(SUMMARY_TABLE, rows, opts);
}

export function renderTargetsTable(rows: readonly TargetRow[], opts: RenderOptions): string {
  return renderTable(targetColumns(opts.debug, rowLabels(rows)), rows, opts);
}

export function renderDeadlinesTable(rows: readonly DeadlineRow[], opts: RenderOptions): string {
  return renderTable(deadlineColumns(opts.debug, rowLabels(rows)), rows, opts);
}
