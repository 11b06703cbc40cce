/**
 * Output per command and format. An emitter receives documents in input order and writes
 * as early as the format allows: json arrays, jsonl, csv, md and outline stream document
 * by document; tables (column widths), sorted rows and compare/diff need everything first
 * and keep only rows or what the command needs. The terminal views (table, outline: chalk and
 * cli-table3) are imported only when one is asked for, so json/jsonl/csv start faster.
 */
import { csvHeader, csvRecord } from "../render/csv.js";
import { jsonArray, jsonPieces } from "../render/json.js";
import { renderJsonLine } from "../render/jsonl.js";
import { MD_SEPARATOR, mdTableHeader, mdTableRow, renderMarkdown } from "../render/md.js";
import type { RenderOptions } from "../render/options.js";
import {
  compareDeadlineRows,
  compareTargetRows,
  DEADLINE_COLUMNS,
  type DeadlineRow,
  deadlineRows,
  SUMMARY_COLUMNS,
  type SummaryRow,
  sectionIndex,
  summaryRow,
  TARGET_COLUMNS,
  type TargetRow,
  targetRows,
} from "../render/rows.js";
import type { PlanDocument, Target, TopicTaxonomy } from "../types.js";
import type { Serial } from "./load.js";
import type { CliOptions, Format } from "./options.js";

export interface Emitter {
  /** `text`: the decoded text, for emitters that show it (html), when the loader kept it. */
  doc(doc: PlanDocument, text?: string | null): Promise<void>;
  /**
   * When set, the emitter also takes documents already serialised this way (`text`), and the
   * loaders are asked to serialise (in the worker threads), so the main thread only writes.
   */
  readonly serial?: Serial;
  /** One document serialised as `serial` says (UTF-8 bytes). */
  chunk?(bytes: Uint8Array): Promise<void>;
  /** Writes what was held back; called once, also after an interrupt. */
  end(): Promise<void>;
}

const table = () => import("../render/table.js");
const outline = () => import("../render/outline.js");

type Write = (text: string | Uint8Array) => Promise<void>;

/** Documents from inputs above this size are written in pieces (`jsonPieces`), not one string. */
const STREAM_ABOVE_BYTES = 1024 * 1024;
const PIECE_BATCH_CHARS = 1 << 16;

function isLarge(doc: PlanDocument): boolean {
  return (doc.source?.bytes ?? 0) > STREAM_ABOVE_BYTES;
}

/**
 * Writes head + JSON.stringify(value, null, pretty ? 2 : undefined) (indented `depth` levels)
 * + tail, in batches of about 64 K characters: a large document never becomes one string
 * (nor one UTF-8 copy of it).
 */
async function writeJsonPieces(
  write: Write,
  head: string,
  value: unknown,
  pretty: boolean,
  depth: number,
  tail: string,
): Promise<void> {
  let batch = head;
  for (const piece of jsonPieces(value, pretty, depth)) {
    batch += piece;
    if (batch.length >= PIECE_BATCH_CHARS) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch + tail);
}

/** Streams rows in one of the row formats; `table` holds them for column widths. */
class RowWriter<R extends object> {
  private count = 0;
  private held: R[] = [];
  constructor(
    private readonly write: Write,
    private readonly format: Format,
    private readonly columns: readonly (keyof R & string)[],
    private readonly table: (rows: readonly R[]) => Promise<string>,
    private readonly bom: boolean,
  ) {}

  async row(row: R): Promise<void> {
    const first = this.count === 0;
    switch (this.format) {
      case "json":
        await this.write((first ? jsonArray.open() : "") + jsonArray.item(row, this.count));
        break;
      case "jsonl":
        await this.write(renderJsonLine(row));
        break;
      case "csv":
        await this.write((first ? csvHeader(this.columns, this.bom) : "") + csvRecord(row, this.columns, this.bom));
        break;
      case "md":
        await this.write(
          (first ? mdTableHeader(this.columns) : "") + mdTableRow(this.columns.map((c) => row[c])),
        );
        break;
      default:
        this.held.push(row);
    }
    this.count++;
  }

  async end(): Promise<void> {
    switch (this.format) {
      case "json":
        await this.write((this.count === 0 ? jsonArray.open() : "") + jsonArray.close(this.count));
        break;
      case "csv":
        if (this.count === 0) await this.write(csvHeader(this.columns, this.bom));
        break;
      case "md":
        if (this.count === 0) await this.write(mdTableHeader(this.columns));
        break;
      case "table":
        if (this.held.length > 0) await this.write(await this.table(this.held));
        break;
    }
  }
}

export function parseEmitter(write: Write, format: Format, ropts: RenderOptions, single: boolean): Emitter {
  let count = 0;
  const summaries: SummaryRow[] = [];
  const singles: PlanDocument[] = [];
  const serial: Serial | undefined =
    format === "jsonl" ? "jsonl" : format === "json" && !single ? "json-item" : undefined;
  return {
    ...(serial ? { serial } : {}),
    async chunk(bytes) {
      const first = count === 0;
      count++;
      if (serial === "jsonl" || !first) return write(bytes);
      // json-item bytes start with the separator ","; the first item has none.
      await write(jsonArray.open());
      await write(bytes.subarray(1));
    },
    async doc(doc) {
      const first = count === 0;
      count++;
      switch (format) {
        case "json": {
          if (single) singles.push(doc);
          else if (!isLarge(doc)) await write((first ? jsonArray.open() : "") + jsonArray.item(doc, count - 1));
          else {
            const head = (first ? jsonArray.open() : "") + jsonArray.itemFromBody("", count - 1);
            await writeJsonPieces(write, head, doc, true, 1, "");
          }
          return;
        }
        case "jsonl":
          if (isLarge(doc)) return writeJsonPieces(write, "", doc, false, 0, "\n");
          return write(renderJsonLine(doc));
        case "csv":
          return write(
            (first ? csvHeader(SUMMARY_COLUMNS, ropts.bom) : "") +
              csvRecord(summaryRow(doc), SUMMARY_COLUMNS, ropts.bom),
          );
        case "md":
          return write((first ? "" : MD_SEPARATOR) + renderMarkdown(doc));
        case "outline":
          return write((first ? "" : "\n") + (await outline()).renderOutline(doc, ropts));
        case "table":
          summaries.push(summaryRow(doc));
          return;
      }
    },
    async end() {
      if (format === "json") {
        // renderJson(doc) or renderJson(docs), in pieces.
        if (single && singles.length === 1) await writeJsonPieces(write, "", singles[0], true, 0, "\n");
        else if (single && singles.length > 1) await writeJsonPieces(write, "", singles, true, 0, "\n");
        else if (!single) await write((count === 0 ? jsonArray.open() : "") + jsonArray.close(count));
      } else if (format === "csv" && count === 0) {
        await write(csvHeader(SUMMARY_COLUMNS, ropts.bom));
      } else if (format === "table" && summaries.length > 0) {
        await write((await table()).renderSummaryTable(summaries, ropts));
      }
    },
  };
}

/** The topics a target row is listed under (classify's targetTopics, as in compare). */
export type RowTopics = (target: Target, sectionTopics: readonly string[] | undefined) => string[];

/** The --topic rule, built on first need (the classifier is loaded only when --topic is given). */
export async function rowTopics(taxonomy: TopicTaxonomy | undefined): Promise<RowTopics> {
  const { buildMatcher, DEFAULT_CATALOGUE, DEFAULT_TAXONOMY } = await import("../classify/index.js");
  const { indicatorTopics, topicOf } = await import("../compare/compare.js");
  const tax = taxonomy ?? DEFAULT_TAXONOMY;
  const matcher = buildMatcher(tax);
  const byId = indicatorTopics(DEFAULT_CATALOGUE, tax);
  return (target, sectionTopics) => [topicOf(target, sectionTopics, matcher, byId)];
}

/**
 * The --grep/--grep-regex test: a row matches a term when its metric or its text contains it
 * (ignoring case); several terms combine as OR, or AND with --all-match. Null without terms.
 */
export function grepTest(opts: Pick<CliOptions, "grep" | "grepRegex" | "allMatch">): ((row: TargetRow) => boolean) | null {
  const terms: ((s: string) => boolean)[] = [
    ...(opts.grep ?? []).map((g) => {
      const term = g.toLowerCase();
      return (s: string) => s.toLowerCase().includes(term);
    }),
    ...(opts.grepRegex ?? []).map((re) => (s: string) => re.test(s)),
  ];
  if (terms.length === 0) return null;
  const one = (row: TargetRow) => (term: (s: string) => boolean) => term(row.metric) || term(row.text);
  return opts.allMatch ? (row) => terms.every(one(row)) : (row) => terms.some(one(row));
}

export function keepTarget(doc: PlanDocument, opts: CliOptions, topicsOf: RowTopics | null): (row: TargetRow) => boolean {
  const index = opts.topic ? sectionIndex(doc) : null;
  const grep = grepTest(opts);
  const minConfidence = opts.minConfidence;
  const byId = opts.topic ? new Map(doc.targets.map((t) => [t.id, t])) : null;
  return (row) => {
    if (opts.status && row.status !== opts.status) return false;
    if (opts.unit && row.unit !== opts.unit) return false;
    // a row without a confidence (JSON saved by early versions) cannot show it reaches the bar
    if (minConfidence !== undefined && !(typeof row.confidence === "number" && row.confidence >= minConfidence))
      return false;
    if (grep && !grep(row)) return false;
    if (index && opts.topic && topicsOf) {
      // the topics compare lists the target under: its section's, narrowed by its own clause
      const topics = row.sectionId === null ? undefined : index.get(row.sectionId)?.topics;
      const target = byId?.get(row.id);
      if (!target || !topicsOf(target, topics).includes(opts.topic)) return false;
    }
    return true;
  };
}

export function targetsEmitter(
  write: Write,
  format: Format,
  ropts: RenderOptions,
  opts: CliOptions,
  taxonomy?: TopicTaxonomy,
): Emitter {
  const writer = new RowWriter<TargetRow>(
    write,
    format,
    TARGET_COLUMNS,
    async (rows) => (await table()).renderTargetsTable(rows, ropts),
    ropts.bom,
  );
  const sorted = opts.sort !== "file";
  const held: TargetRow[] = [];
  let topicsOf: RowTopics | null = null;
  return {
    async doc(doc) {
      if (opts.topic && topicsOf === null) topicsOf = await rowTopics(taxonomy);
      const rows = targetRows(doc).filter(keepTarget(doc, opts, topicsOf));
      if (sorted) held.push(...rows);
      else for (const row of rows) await writer.row(row);
    },
    async end() {
      if (sorted) {
        held.sort(compareTargetRows(opts.sort));
        for (const row of held) await writer.row(row);
      }
      await writer.end();
    },
  };
}

export function deadlinesEmitter(write: Write, format: Format, ropts: RenderOptions, opts: CliOptions): Emitter {
  const writer = new RowWriter<DeadlineRow>(
    write,
    format,
    DEADLINE_COLUMNS,
    async (rows) => (await table()).renderDeadlinesTable(rows, ropts),
    ropts.bom,
  );
  const held: DeadlineRow[] = [];
  return {
    async doc(doc) {
      const rows = deadlineRows(doc);
      // --status: rows without a status (JSON saved by earlier versions) never match
      held.push(...(opts.status ? rows.filter((r) => r.status === opts.status) : rows));
    },
    async end() {
      held.sort(compareDeadlineRows);
      for (const row of held) await writer.row(row);
      await writer.end();
    },
  };
}
