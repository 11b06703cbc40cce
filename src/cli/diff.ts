/**
 * diff's inputs beyond the two documents: the decoded texts (section matching reads the
 * sections' wording, which a document object only points to) and the diff options.
 * A text is used only when the file still hashes to the document's `source.sha256`; saved
 * JSON inputs have no text, and diff falls back to titles and clauses.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { DiffOptions } from "../compare/diff.js";
import { decodeInput } from "../decode/index.js";
import type { PlanDocument } from "../types.js";
import type { CliOptions } from "./options.js";

function textOf(doc: PlanDocument, encoding: CliOptions["encoding"], cwd: string): string | undefined {
  const path = doc.source.path;
  if (!path || path === "-") return undefined;
  try {
    const bytes = readFileSync(resolve(cwd, path));
    if (createHash("sha256").update(bytes).digest("hex") !== doc.source.sha256) return undefined;
    // the same option as the parse: auto-detection is deterministic
    return decodeInput(bytes, encoding).text;
  } catch {
    return undefined;
  }
}

/**
 * `loaded`: the texts the documents were just parsed from (null for saved JSON, whose text is
 * then read from its source path when that file is unchanged).
 */
export function diffOptions(
  oldDoc: PlanDocument,
  newDoc: PlanDocument,
  opts: CliOptions,
  cwd: string,
  loaded: [string | null, string | null] = [null, null],
): DiffOptions {
  const out: DiffOptions = {};
  const oldText = loaded[0] ?? textOf(oldDoc, opts.encoding, cwd);
  const newText = oldText === undefined ? undefined : (loaded[1] ?? textOf(newDoc, opts.encoding, cwd));
  if (oldText !== undefined && newText !== undefined) {
    out.oldText = oldText;
    out.newText = newText;
  }
  if (opts.status) out.status = opts.status;
  return out;
}
