/**
 * One input → its outcome: the parsed document(s), or one reason why not. Runs in the main
 * thread (--jobs 1, stdin) or inside a worker. Never throws: every failure becomes an
 * outcome. The pipeline (and nodejieba behind it) is imported on first use only.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { extname } from "node:path";
import { jsonArray } from "../render/json.js";
import { renderJsonLine } from "../render/jsonl.js";
import { type GivenSpec, givenFor } from "./given.js";
import type { IndicatorCatalogue } from "../classify/indicator-types.js";
import { InputError, type ParseOptions, type PlanDocument, type TopicTaxonomy } from "../types.js";

export type Job =
  | { kind: "file"; path: string; display: string }
  | { kind: "buffer"; buffer: Uint8Array; display: string };

export interface LoadOptions {
  encoding: NonNullable<ParseOptions["encoding"]>;
  year?: number;
  topics?: TopicTaxonomy;
  /** meta the user gives (flags, manifest rows, path pattern) */
  given?: GivenSpec;
  /** Indicator catalogue (`--indicators FILE` merged into the built-in one). */
  indicators?: IndicatorCatalogue;
  maxBytes: number;
  /**
   * When set, documents come back already serialised (`chunks`: UTF-8 bytes, one per
   * document) as the emitter writes them: a worker then transfers bytes instead of posting
   * objects (cloning a document costs about as much as parsing its JSON), and the main
   * thread only writes them.
   */
  serial?: Serial;
  /** (html) also return the decoded text of each text input, which the spans point into. */
  withText?: boolean;
}

/**
 * `jsonl`: the UTF-8 bytes of `renderJsonLine(doc)`; `json-item`: the UTF-8 bytes of
 * `jsonArray.itemFromBody(body, 1)` (the separator of every item but the first, which the
 * emitter drops: its first byte, ",").
 */
export type Serial = "jsonl" | "json-item";

export type Outcome =
  | { ok: true; docs: PlanDocument[]; texts?: (string | null)[]; notes?: string[] }
  | { ok: true; chunks: Uint8Array[]; notes?: string[] }
  | { ok: false; message: string; reason: string; stack?: string };

/** UTF-8 bytes in a buffer of their own (transferable: never a slice of Buffer's shared pool). */
export function utf8(text: string): Uint8Array {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, "utf8"));
  bytes.write(text, 0, "utf8");
  return bytes;
}

function serialise(docs: PlanDocument[], serial: Serial | undefined): Outcome {
  if (!serial) return { ok: true, docs };
  const chunks: Uint8Array[] = [];
  // Shift each document out before rendering the next, so it can be collected early.
  for (let doc = docs.shift(); doc !== undefined; doc = docs.shift()) {
    chunks.push(
      utf8(serial === "jsonl" ? renderJsonLine(doc) : jsonArray.itemFromBody(jsonArray.itemBody(doc), 1)),
    );
  }
  return { ok: true, chunks };
}

type ParseFn = (input: Buffer, options: ParseOptions) => PlanDocument;
let parsePlan: ParseFn | undefined;

async function parser(): Promise<ParseFn> {
  if (!parsePlan) parsePlan = (await import("../pipeline.js")).parsePlan;
  return parsePlan;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/**
 * Reads a regular file without ever blocking on a FIFO (O_NONBLOCK, then fstat). Synchronous:
 * the caller parses right after, on the same thread, and the promise round trips of
 * fs/promises cost more than the read itself on small files.
 */
function readRegularFile(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError("not a regular file", "unreadable");
    if (st.size > maxBytes) {
      throw new InputError(
        `too large (${formatSize(st.size)} > --max-bytes ${formatSize(maxBytes)}; raise --max-bytes to parse it)`,
        "too-large",
      );
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

const DOC_KEYS = ["source", "meta", "sections", "targets", "deadlines", "warnings"] as const;

function asDocument(value: unknown, where: string): PlanDocument {
  const v = value as Record<string, unknown> | null;
  if (typeof v !== "object" || v === null || Array.isArray(v) || v.schemaVersion !== 1) {
    throw new InputError(`not a plan-parse document (${where}: no "schemaVersion": 1)`, "invalid-json");
  }
  for (const key of DOC_KEYS) {
    const ok =
      key === "source" || key === "meta"
        ? typeof v[key] === "object" && v[key] !== null
        : Array.isArray(v[key]);
    if (!ok)
      throw new InputError(
        `not a plan-parse document (${where}: "${key}" missing or malformed)`,
        "invalid-json",
      );
  }
  return v as unknown as PlanDocument;
}

/** Saved plan-parse output: a JSON document, a JSON array of documents, or JSON Lines. */
export function documentsFromJson(text: string): PlanDocument[] {
  const body = text.replace(/^\ufeff/, "");
  let whole: unknown;
  try {
    whole = JSON.parse(body);
  } catch {
    const lines = body.split(/\r?\n/).filter((l) => l.trim() !== "");
    if (lines.length === 0) throw new InputError("empty (no JSON documents)", "empty");
    return lines.map((line, i) => {
      try {
        return asDocument(JSON.parse(line), `line ${i + 1}`);
      } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError(`invalid JSON on line ${i + 1} (${(err as Error).message})`, "invalid-json");
      }
    });
  }
  if (Array.isArray(whole)) return whole.map((d, i) => asDocument(d, `item ${i + 1}`));
  return [asDocument(whole, "top level")];
}

const JSON_EXTS = new Set([".json", ".jsonl", ".ndjson"]);

/** Stdin holding saved JSON starts with { or [ — a plan text never does. */
function looksLikeJson(buffer: Uint8Array): boolean {
  for (const byte of buffer.subarray(0, 64)) {
    if (
      byte === 0x20 ||
      byte === 0x0a ||
      byte === 0x0d ||
      byte === 0x09 ||
      byte === 0xef ||
      byte === 0xbb ||
      byte === 0xbf
    )
      continue;
    return byte === 0x7b || byte === 0x5b;
  }
  return false;
}

export async function loadJob(job: Job, opts: LoadOptions): Promise<Outcome> {
  try {
    const buffer =
      job.kind === "file"
        ? readRegularFile(job.path, opts.maxBytes)
        : Buffer.from(job.buffer.buffer, job.buffer.byteOffset, job.buffer.byteLength);
    if (job.kind === "buffer" && buffer.length > opts.maxBytes) {
      throw new InputError(`too large (more than --max-bytes ${formatSize(opts.maxBytes)})`, "too-large");
    }
    const isJson =
      job.kind === "file" ? JSON_EXTS.has(extname(job.path).toLowerCase()) : looksLikeJson(buffer);
    if (isJson) {
      try {
        const docs = documentsFromJson(buffer.toString("utf8"));
        // saved output answers as the text does: topics and indicators of this run's taxonomy
        const { reclassifySaved } = await import("../classify/saved.js");
        const given: { topics?: TopicTaxonomy; indicators?: IndicatorCatalogue } = {};
        if (opts.topics) given.topics = opts.topics;
        if (opts.indicators) given.indicators = opts.indicators;
        let topics = 0;
        let indicators = 0;
        for (const doc of docs) {
          const check = reclassifySaved(doc, given);
          if (check.topics === "recomputed") topics++;
          if (check.indicators === "recomputed") indicators++;
        }
        const out = serialise(docs, opts.serial);
        const notes: string[] = [];
        if (topics > 0)
          notes.push(
            `${topics} saved document(s) were classified with another topic taxonomy: topics recomputed from section titles and figures (the text is not saved), which can differ from parsing the text; save with the same --topics to get the same answer`,
          );
        if (indicators > 0)
          notes.push(
            `${indicators} saved document(s) were classified with another indicator catalogue (or an older version): indicators recomputed from metric and clause`,
          );
        if (notes.length > 0 && out.ok) out.notes = notes;
        return out;
      } catch (err) {
        if (job.kind === "file") throw err;
        // stdin that only looked like JSON: parse it as text below
      }
    }
    const parse = await parser();
    const options: ParseOptions = {
      path: job.kind === "file" ? job.display : null,
      encoding: opts.encoding,
    };
    if (opts.year !== undefined) options.year = opts.year;
    if (opts.topics !== undefined) options.topics = opts.topics;
    if (opts.indicators !== undefined) options.indicators = opts.indicators;
    const given = givenFor(opts.given, job.kind === "file" ? job.display : null);
    if (given) options.meta = given;
    const doc = parse(buffer, options);
    if (opts.withText) {
      const { decodeInput } = await import("../decode/index.js");
      return { ok: true, docs: [doc], texts: [decodeInput(buffer, opts.encoding).text] };
    }
    return serialise([doc], opts.serial);
  } catch (err) {
    return failure(err);
  }
}

export function failure(err: unknown): Outcome & { ok: false } {
  if (err instanceof InputError)
    return { ok: false, message: err.message, reason: err.reason, stack: err.stack };
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT")
    return { ok: false, message: "unreadable (no such file or directory)", reason: "unreadable" };
  if (code === "EACCES" || code === "EPERM")
    return { ok: false, message: "unreadable (permission denied)", reason: "unreadable" };
  if (code === "EISDIR") return { ok: false, message: "unreadable (is a directory)", reason: "unreadable" };
  if (typeof code === "string" && code.startsWith("E"))
    return { ok: false, message: `unreadable (${code})`, reason: "unreadable" };
  const e = err instanceof Error ? err : new Error(String(err));
  return { ok: false, message: `internal error: ${e.message}`, reason: "internal", stack: e.stack };
}
