/** `--format csv`: RFC 4180 (fields with , " CR LF quoted, quotes doubled, CRLF line ends), UTF-8. */
import { cellText } from "./rows.js";

export const BOM = "\ufeff";
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: unknown): string {
  const text = cellText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** The header line (with the BOM in front when asked). */
export function csvHeader(columns: readonly string[], bom = false): string {
  return (bom ? BOM : "") + csvRow(columns);
}

/** One record's line, fields in the order of `columns`. */
export function csvRecord<T extends object>(row: T, columns: readonly (keyof T & string)[]): string {
  return csvRow(columns.map((c) => row[c]));
}

/** A whole CSV document. */
export function renderCsv<T extends object>(
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
  bom = false,
): string {
  return csvHeader(columns, bom) + rows.map((r) => csvRecord(r, columns)).join("");
}
