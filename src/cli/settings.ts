/**
 * Decisions made before any input is read: which format (given, taken from the --out file's
 * extension, or the terminal default) and whether output goes through a pager.
 */
import { extname } from "node:path";
import type { CliIO } from "./io.js";
import {
  COMPARE_FORMATS,
  type CommandName,
  type CliOptions,
  DIFF_FORMATS,
  type Format,
  PARSE_FORMATS,
  ROW_FORMATS,
  TARGET_FORMATS,
} from "./options.js";

/** Formats a file extension stands for (lower case, without the dot). */
export const EXTENSION_FORMATS: Readonly<Record<string, Format>> = {
  json: "json",
  jsonl: "jsonl",
  ndjson: "jsonl",
  csv: "csv",
  md: "md",
  markdown: "md",
  html: "html",
  htm: "html",
};

export function formatsOf(command: CommandName): readonly string[] {
  if (command === "parse") return PARSE_FORMATS;
  if (command === "compare") return COMPARE_FORMATS;
  if (command === "diff") return DIFF_FORMATS;
  if (command === "targets") return TARGET_FORMATS;
  return ROW_FORMATS;
}

export type FormatChoice = { format: Format } | { error: string };

/**
 * The output format: --format when given; else, with --out, the one its extension names (an
 * extension that names none, or a format the command cannot write, is a usage error: writing
 * JSON into x.csv is never what was meant); else a table on a terminal and json otherwise.
 */
export function chooseFormat(command: CommandName, opts: CliOptions, toTerminal: boolean): FormatChoice {
  if (opts.format) return { format: opts.format };
  if (opts.out) {
    const ext = extname(opts.out).slice(1).toLowerCase();
    const format = EXTENSION_FORMATS[ext];
    const allowed = formatsOf(command);
    if (format && allowed.includes(format)) return { format };
    const known = Object.keys(EXTENSION_FORMATS)
      .filter((e) => allowed.includes(EXTENSION_FORMATS[e] as string))
      .map((e) => `.${e}`)
      .join(" ");
    const why = format
      ? `${command} cannot write ${format}`
      : ext
        ? `.${ext} names no format`
        : "the file name has no extension";
    return {
      error: `--out ${opts.out}: ${why}; give --format (${allowed.join(", ")}) or name the file ${known}`,
    };
  }
  return { format: toTerminal ? "table" : "json" };
}

/**
 * The pager command, as git chooses it: only when stdout is a terminal and --no-pager was not
 * given; PLAN_PARSE_PAGER, then PAGER, then `less`. An empty value or `cat` means none.
 */
export function pagerCommand(io: CliIO, opts: CliOptions): string | null {
  if (opts.pager === false || opts.out || io.stdout.isTTY !== true) return null;
  const chosen = io.env.PLAN_PARSE_PAGER ?? io.env.PAGER ?? "less";
  const trimmed = chosen.trim();
  if (trimmed === "" || trimmed === "cat") return null;
  return trimmed;
}
