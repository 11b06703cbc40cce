/**
 * `--format csv`: RFC 4180 (fields with , " CR LF quoted, quotes doubled, CRLF line ends), UTF-8.
 *
 * Excel mode (`--bom`): a UTF-8 BOM first, and text cells that Excel would not keep as text are
 * written so that it does (see `excelText`). Numbers (value, year, confidence) stay numbers.
 */
import { cellText } from "./rows.js";

export const BOM = "\ufeff";
const NEEDS_QUOTES = /[",\r\n]/;

/** Text Excel reads as a formula: = + - @ first (and tab / CR, which it skips before them). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Text Excel turns into a number: section ids 2.10 → 2.1, 3.2.1 → a date, 007 → 7. */
const NUMBER_LIKE = /^[0-9]+(?:\.[0-9]+)*$/;
/** Longest string Excel accepts inside a formula (="…"). */
const EXCEL_STRING_MAX = 255;

/**
 * A text cell as Excel shows it unchanged: `="…"` (a formula whose value is the text itself, so
 * "=" shows "=" and "2.10" stays "2.10"); text too long for a formula string (over 255
 * characters) that starts like a formula gets a leading apostrophe instead, which Excel then
 * shows. Anything else is unchanged.
 */
export function excelText(text: string): string {
  const risky = FORMULA_START.test(text);
  if (!risky && !NUMBER_LIKE.test(text)) return text;
  if (text.length <= EXCEL_STRING_MAX && !/[\r\n]/.test(text)) return `="${text.replace(/"/g, '""')}"`;
  return `'${text}`;
}

export function csvField(value: unknown, excel = false): string {
  let text = cellText(value);
  if (excel && typeof value === "string") text = excelText(text);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line; `excel` protects text cells (see `excelText`). */
export function csvRow(values: readonly unknown[], excel = false): string {
  return `${values.map((v) => csvField(v, excel)).join(",")}\r\n`;
}

/** The header line (with the BOM in front when asked). */
export function csvHeader(columns: readonly string[], bom = false): string {
  return (bom ? BOM : "") + csvRow(columns);
}

/** One record's line, fields in the order of `columns`; `excel` as in `csvRow`. */
export function csvRecord<T extends object>(
  row: T,
  columns: readonly (keyof T & string)[],
  excel = false,
): string {
  return csvRow(
    columns.map((c) => row[c]),
    excel,
  );
}

/** A whole CSV document (`bom`: Excel mode). */
export function renderCsv<T extends object>(
  rows: readonly T[],
  columns: readonly (keyof T & string)[],
  bom = false,
): string {
  return csvHeader(columns, bom) + rows.map((r) => csvRecord(r, columns, bom)).join("");
}
