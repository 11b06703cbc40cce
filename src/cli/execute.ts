/**
 * Runs one parsed invocation: settings (format, colour, width), input discovery, parsing
 * (main thread or worker pool), output in input order, per-input errors, closing summary,
 * exit code. Loaded only when a command actually runs, so --help/--version stay fast.
 */
import { readFile, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { type RenderOptions, renderOptions } from "../render/options.js";
import { contextWarnings, type PlanDocument, type TopicTaxonomy } from "../types.js";
import { deadlinesEmitter, type Emitter, parseEmitter, targetsEmitter } from "./emitters.js";
import { htmlEmitter } from "./html.js";
import { GivenError, givenSpec } from "./given.js";
import { discoverInputs, type InputEntry } from "./inputs.js";
import type { CliIO } from "./io.js";
import { formatSize, type Job, type LoadOptions, loadJob, type Outcome } from "./load.js";
import type { CliOptions, Format } from "./options.js";
import { describeFsError, FileSink, PagerSink, type Sink, StdoutSink } from "./output.js";
import { runOrdered, WorkerPool } from "./pool.js";
import type { Invocation } from "./program.js";
import { Progress } from "./progress.js";
import { chooseFormat, pagerCommand } from "./settings.js";
import { capYoungGeneration } from "./v8-tuning.js";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

import type { IndicatorCatalogue } from "../classify/indicator-types.js";
import type { CompareOptions } from "../compare/compare.js";
import type { PanelOptions } from "../compare/panel.js";
import type { PanelFormat } from "../render/panel.js";
class UsageError extends Error {}

/** Taxonomies shipped in data/ (topics-<name>.json), usable as `--topics <name>`. */
export const TOPIC_PRESETS: readonly string[] = ["gov-report"];

/**
 * A preset's file: data/ at the package root, which is two levels above this module in src/
 * and three in dist/src/.
 */
async function presetFile(name: string): Promise<string | null> {
  for (const up of ["../../../data/", "../../data/"]) {
    const file = fileURLToPath(new URL(`${up}topics-${name}.json`, import.meta.url));
    try {
      await stat(file);
      return file;
    } catch {
      // not at this depth
    }
  }
  return null;
}

/**
 * Reads `--topics FILE` (or a preset name, when no such file exists): its topics extend the
 * built-in taxonomy (new keywords, new topics).
 */
async function readTopics(path: string, cwd: string): Promise<TopicTaxonomy> {
  let data: unknown;
  try {
    // a path, not a URL: "#" and "%" are ordinary characters in file names
    let file = resolvePath(cwd, path);
    if (TOPIC_PRESETS.includes(path)) {
      const exists = await stat(file).then(
        () => true,
        () => false,
      );
      if (!exists) file = (await presetFile(path)) ?? file;
    }
    data = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    // describeFsError speaks of output paths (ENOENT: the directory is missing); here the file is
    const why =
      e.code === "ENOENT"
        ? `no such file (built-in taxonomies: ${TOPIC_PRESETS.join(", ")})`
        : e.code
          ? describeFsError(e)
          : `invalid JSON (${e.message})`;
    throw new UsageError(`--topics ${path}: ${why}`);
  }
  const { DEFAULT_TAXONOMY } = await import("../classify/taxonomy.js");
  const { mergeTaxonomy, parseTaxonomy } = await import("../classify/index.js");
  try {
    return mergeTaxonomy(DEFAULT_TAXONOMY, parseTaxonomy(data));
  } catch (e) {
    throw new UsageError(
      `--topics ${path}: ${(e as Error).message}; expected [{"topic": "养老服务", "keywords": ["养老", "敬老院"]}, ...]`,
    );
  }
}

/** Reads `--indicators FILE`: its entries extend the built-in catalogue (a known id is replaced). */
async function readIndicators(path: string, cwd: string): Promise<IndicatorCatalogue> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(resolvePath(cwd, path), "utf8"));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UsageError(`--indicators ${path}: ${e.code ? describeFsError(e) : `invalid JSON (${e.message})`}`);
  }
  const { DEFAULT_CATALOGUE, mergeCatalogue, parseCatalogue } = await import("../classify/indicators.js");
  try {
    return mergeCatalogue(DEFAULT_CATALOGUE, parseCatalogue(data));
  } catch (e) {
    throw new UsageError(`--indicators ${path}: ${(e as Error).message}`);
  }
}

async function readStdin(stdin: CliIO["stdin"], maxBytes: number): Promise<Uint8Array | Outcome> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) {
      return {
        ok: false,
        message: `too large (more than --max-bytes ${formatSize(maxBytes)})`,
        reason: "too-large",
      };
    }
    chunks.push(buf);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

type Chunk = (bytes: Uint8Array) => Promise<void>;

/** Below these, worker start-up (module loading, JIT warm-up per thread) costs more than it saves. */
export const MIN_WORKER_INPUTS = 4;
export const MIN_WORKER_BYTES = 256 * 1024;

/**
 * Without an explicit --jobs, workers are used only for large batches. On the 2-core machines
 * this was measured on, one parse already keeps more than one core busy (V8's compiler and GC
 * threads), and every worker compiles the same hot functions again: with the V8 settings of
 * v8-tuning.ts, --jobs 2 breaks even with --jobs 1 at about 12–16 MB of input and wins 1.07× at
 * 20 MB and 1.35× at 60 MB. See docs/decisions/cli.md.
 */
export const MIN_AUTO_WORKER_BYTES = 32 * 1024 * 1024;

/** True when the batch is big enough for worker threads: enough files and at least `minBytes`. */
async function worthWorkers(files: readonly InputEntry[], minBytes: number): Promise<boolean> {
  if (files.length < MIN_WORKER_INPUTS) return false;
  let total = 0;
  for (const entry of files) {
    if (entry.kind !== "file") continue;
    total += await stat(entry.path).then(
      (st) => st.size,
      () => 0,
    );
    if (total >= minBytes) return true;
  }
  return false;
}

let sigintTarget: AbortController | null = null;
let sigintInstalled = false;

/**
 * Routes Ctrl-C to the running batch (`abort`), or, with null, to nothing. The handler stays
 * installed once set: a SIGINT that arrives after the batch, while its last (already complete)
 * output is being written, is ignored instead of killing the process halfway through a write.
 */
function interruptible(abort: AbortController | null): void {
  sigintTarget = abort;
  if (!sigintInstalled) {
    process.on("SIGINT", () => sigintTarget?.abort());
    sigintInstalled = true;
  }
}

function label(display: string): string {
  return display === "-" ? "<stdin>" : display;
}

export async function execute(inv: Invocation, io: CliIO): Promise<number> {
  const { options: opts, command } = inv;
  const err = (line: string) => io.stderr.write(`plan-parse: ${line}\n`);
  const toTerminal = !opts.out && io.stdout.isTTY === true;
  const choice = chooseFormat(command, opts, toTerminal);
  if ("error" in choice) {
    err(choice.error);
    return EXIT_USAGE;
  }
  const format: Format = choice.format;
  const noColorEnv = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "";
  const ropts: RenderOptions = renderOptions({
    color: opts.color ?? (toTerminal && !noColorEnv),
    width: toTerminal ? io.stdout.columns || Number(io.env.COLUMNS) || 80 : Number(io.env.COLUMNS) || 120,
    debug: opts.debug,
    bom: opts.bom,
  });

  let loadOptions: LoadOptions;
  try {
    loadOptions = { encoding: opts.encoding, maxBytes: opts.maxBytes };
    if (opts.year !== undefined) loadOptions.year = opts.year;
    if (opts.topics) loadOptions.topics = await readTopics(opts.topics, io.cwd);
    const given = givenSpec(opts, io.cwd);
    if (given) loadOptions.given = given;
    if (opts.indicators) loadOptions.indicators = await readIndicators(opts.indicators, io.cwd);
  } catch (e) {
    if (e instanceof GivenError) {
      err(e.message);
      return EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      err(e.message);
      return EXIT_USAGE;
    }
    throw e;
  }

  const entries = await discoverInputs(inv.inputs, { cwd: io.cwd, ext: opts.ext });

  let sink: Sink;
  if (opts.out) {
    try {
      sink = await FileSink.create(opts.out, io.cwd);
    } catch (e) {
      err(`cannot write ${opts.out}: ${describeFsError(e)}`);
      return EXIT_FAILED;
    }
  } else {
    const pager = pagerCommand(io, opts);
    sink = (pager ? await PagerSink.start(pager, io.env) : null) ?? new StdoutSink(io.stdout);
  }
  const write = (text: string | Uint8Array) => sink.write(text);

  const docs: PlanDocument[] = []; // compare/diff only
  const texts: (string | null)[] = []; // diff: the decoded text of each document, when parsed here
  let emitter: Emitter;
  if (format === "html" && (command === "parse" || command === "targets")) {
    emitter = await htmlEmitter(write, command === "targets" ? opts : null, loadOptions.topics);
    loadOptions.withText = true;
  } else if (command === "parse") {
    const first = entries[0];
    const single =
      inv.inputs.length === 1 &&
      entries.length === 1 &&
      first !== undefined &&
      first.display === inv.inputs[0];
    emitter = parseEmitter(write, format, ropts, single);
  } else if (command === "targets") emitter = targetsEmitter(write, format, ropts, opts, loadOptions.topics);
  else if (command === "deadlines") emitter = deadlinesEmitter(write, format, ropts, opts);
  else {
    // diff matches sections by their wording: keep each parsed file's text rather than read it again
    if (command === "diff") loadOptions.withText = true;
    emitter = {
      async doc(doc, text) {
        docs.push(doc);
        texts.push(text ?? null);
      },
      async end() {},
    };
  }

  // Jobs: stdin is read here (once), files are read by whoever parses them.
  const stdinEntry = entries.find((e) => e.kind === "stdin");
  const stdinData = stdinEntry ? await readStdin(io.stdin, opts.maxBytes) : null;
  const files = entries.filter((e) => e.kind === "file");
  const workers = Math.min(opts.jobs || availableParallelism(), files.length);
  const useWorkers =
    workers > 1 && (await worthWorkers(files, opts.jobs ? MIN_WORKER_BYTES : MIN_AUTO_WORKER_BYTES));
  // Workers serialise what the emitter would write and transfer the bytes; the main thread
  // keeps document objects (and writes a large one in pieces).
  // --strict reads each document's meta before it is written: workers hand back documents then
  if (useWorkers && emitter.serial && !opts.strict) loadOptions.serial = emitter.serial;
  const pool = useWorkers ? new WorkerPool(workers, { ...loadOptions }) : null;
  delete loadOptions.serial;
  const exec = async (entry: InputEntry): Promise<Outcome> => {
    if (entry.kind === "error") return { ok: false, message: entry.message, reason: "unreadable" };
    let job: Job;
    if (entry.kind === "stdin") {
      if (stdinData === null || !(stdinData instanceof Uint8Array)) return stdinData as Outcome;
      job = { kind: "buffer", buffer: stdinData, display: "-" };
    } else job = { kind: "file", path: entry.path, display: entry.display };
    if (pool && job.kind === "file") return pool.run(job);
    // Reading and parsing here are synchronous: give the event loop a turn first, so a
    // SIGINT (and a closed pipe) is noticed between inputs.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const outcome = await loadJob(job, loadOptions);
    // parsing in this thread: keep its young generation from doubling past the cap (workers
    // are left alone: the setting is process-wide)
    if (pool === null) capYoungGeneration();
    return outcome;
  };

  const progress = new Progress(
    io.stderr,
    entries.length,
    io.stderr.isTTY === true && entries.length > 5 && !opts.quiet,
  );
  const failed: string[] = [];
  let parsed = 0;
  const abort = new AbortController();
  interruptible(abort);
  const stdoutSink = sink instanceof StdoutSink ? sink : null;

  try {
    await runOrdered(
      entries,
      pool ? pool.capacity : 1,
      exec,
      async (outcome, index) => {
        const entry = entries[index] as InputEntry;
        if (outcome.ok) {
          parsed++;
          for (const note of outcome.notes ?? []) {
            progress.clear();
            err(`${label(entry.display)}: ${note}`);
          }
          if ("chunks" in outcome) for (const bytes of outcome.chunks) await (emitter.chunk as Chunk)(bytes);
          else
            for (const [i, doc] of outcome.docs.entries()) {
              const doubt = opts.strict ? contextDoubt(doc) : null;
              if (doubt !== null) {
                progress.clear();
                err(`${label(doc.source.path ?? entry.display)}: left out by --strict (${doubt})`);
                continue;
              }
              await emitter.doc(doc, outcome.texts?.[i] ?? null);
              if (opts.debug && (format === "table" || format === "outline") && entry.kind === "file") {
                progress.clear();
                err(`${label(entry.display)}: why a number was or was not taken: plan-parse explain ${entry.display} --line N`);
              }
            }
        } else {
          failed.push(label(entry.display));
          progress.clear();
          err(`${label(entry.display)}: ${outcome.message}`);
          if (opts.debug && outcome.stack) io.stderr.write(`${outcome.stack}\n`);
        }
        progress.tick();
        if (sink.broken) abort.abort();
      },
      abort.signal,
    );
  } finally {
    interruptible(null);
    await pool?.close();
    progress.clear();
  }

  const interrupted = abort.signal.aborted && !sink.broken;
  if (sink.broken) return EXIT_OK; // the reader went away (| head): end quietly

  if (command === "panel") {
    if (docs.length === 0) {
      await sink.discard();
      return EXIT_FAILED;
    }
    const { panelRows, widePanel } = await import("../compare/panel.js");
    const { renderPanel, renderWidePanel } = await import("../render/panel.js");
    const popts: PanelOptions = {};
    if (opts.status) popts.status = opts.status;
    if (opts.indicator) popts.indicator = opts.indicator;
    if (opts.headline) popts.headline = true;
    const fmt = format as PanelFormat;
    await write(opts.wide ? renderWidePanel(widePanel(docs, popts), fmt, ropts) : renderPanel(panelRows(docs, popts), fmt, ropts));
  } else if (command === "compare" || command === "diff") {
    const copts: CompareOptions = {};
    if (loadOptions.topics) copts.taxonomy = loadOptions.topics;
    if (loadOptions.indicators) copts.catalogue = loadOptions.indicators;
    if (opts.status) copts.status = opts.status;
    if (opts.indicator) copts.indicator = opts.indicator;
    const code = await compareOrDiff(command, docs, texts, failed.length, format, ropts, write, err, copts, opts, io.cwd);
    if (code !== null) {
      await sink.discard();
      return code;
    }
  } else {
    await emitter.end();
  }

  if (interrupted && sink instanceof FileSink) {
    await sink.discard();
    err(`interrupted after ${parsed + failed.length} of ${entries.length} inputs; ${opts.out} not written`);
    return EXIT_INTERRUPTED;
  }
  try {
    await sink.commit();
  } catch (e) {
    err(`cannot write ${opts.out}: ${describeFsError(e)}`);
    return EXIT_FAILED;
  }
  if (stdoutSink?.failure) {
    err(`cannot write to standard output: ${describeFsError(stdoutSink.failure)}`);
    return EXIT_FAILED;
  }
  if (interrupted) {
    err(`interrupted after ${parsed + failed.length} of ${entries.length} inputs`);
    return EXIT_INTERRUPTED;
  }
  if (entries.length > 1 && !opts.quiet) {
    const names =
      failed.length > 10
        ? `${failed.slice(0, 10).join(", ")} and ${failed.length - 10} more`
        : failed.join(", ");
    err(`${parsed} parsed, ${failed.length} failed${failed.length > 0 ? `: ${names}` : ""}`);
  }
  return failed.length > 0 ? EXIT_FAILED : EXIT_OK;
}

/** Returns an exit code when nothing can be written, else null after writing the result. */
async function compareOrDiff(
  command: "compare" | "diff",
  docs: PlanDocument[],
  texts: (string | null)[],
  failures: number,
  format: string,
  ropts: RenderOptions,
  write: (text: string) => Promise<void>,
  err: (line: string) => void,
  copts: CompareOptions,
  opts: CliOptions,
  cwd: string,
): Promise<number | null> {
  const { comparePlans, diffPlans } = await import("../compare/index.js");
  const { renderCompare } = await import("../render/compare.js");
  const { renderDiff } = await import("../render/diff.js");
  const html = format === "html" ? await import("../render/html/index.js") : null;
  if (command === "diff") {
    if (failures > 0) return EXIT_FAILED;
    const [oldDoc, newDoc] = docs;
    if (docs.length !== 2 || !oldDoc || !newDoc) {
      err(`diff needs exactly two documents, got ${docs.length} (give two files, or two saved documents)`);
      return EXIT_FAILED;
    }
    const { diffOptions } = await import("./diff.js");
    const result = diffPlans(oldDoc, newDoc, diffOptions(oldDoc, newDoc, opts, cwd, [texts[0] ?? null, texts[1] ?? null]));
    await write(html ? html.renderDiffHtml(result) : renderDiff(result, format, { ...ropts, only: opts.only }));
    return null;
  }
  if (docs.length === 0) return EXIT_FAILED;
  const result = comparePlans(docs, copts);
  await write(html ? html.renderCompareHtml(result) : renderCompare(result, format, ropts));
  return null;
}

/** Why --strict leaves a document out (its context warnings, or the field it lacks), or null. */
export function contextDoubt(doc: PlanDocument): string | null {
  const why: string[] = [...contextWarnings(doc.warnings)];
  if (doc.meta.region === null && !why.some((c) => c.startsWith("region-"))) why.push("no region");
  if (doc.meta.year === null && !why.some((c) => c.startsWith("year-"))) why.push("no year");
  return why.length > 0 ? why.join(", ") : null;
}
