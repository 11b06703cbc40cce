/**
 * Meta values the user knows: flags (--region, --province, --plan-year), a manifest
 * (--manifest FILE: csv, tsv or jsonl mapping a path to region, province, year, kind and any
 * other columns) and a path pattern (--meta-from-path '{province}/{year}.md'). Per document the
 * sources merge as pattern < manifest row < flags (the more explicit wins). See
 * docs/decisions/meta.md (M-given).
 */
import { readFileSync } from "node:fs";
import { extname, isAbsolute, resolve } from "node:path";
import type { DocumentKind, GivenMeta } from "../types.js";

const KINDS = new Set(["plan", "summary", "summary-plan", "report", "scheme", "other"]);
const PATH_COLUMNS = ["path", "file", "filename", "source_path"];
const KNOWN = new Set(["region", "province", "year", "kind", "title", "issuer"]);

/** Everything the loader needs to give a document its values (plain data: sent to workers). */
export interface GivenSpec {
  flags?: GivenMeta;
  /** normalised manifest path → values */
  rows?: Record<string, GivenMeta>;
  pattern?: string;
  cwd: string;
}

export class GivenError extends Error {}

/** "政府工作报告\\江西省\\./2024.md" → "政府工作报告/江西省/2024.md". */
export function normalisePath(p: string): string {
  return p
    .replace(/\\/g, "/")
    .replace(/\/\.\//g, "/")
    .replace(/^\.\//, "")
    .replace(/\/{2,}/g, "/");
}

/** One CSV record per line, RFC 4180 quotes ("a, b" and "" inside quotes); newlines inside quotes kept. */
export function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      if (row.some((c) => c !== "")) rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c !== "")) rows.push(row);
  return rows;
}

/** A record's values as GivenMeta; unknown columns go to `extra` (empty cells are left out). */
export function givenFromRecord(rec: Record<string, string>, where: string): GivenMeta {
  const g: GivenMeta = {};
  const extra: Record<string, string> = {};
  for (const [key, raw] of Object.entries(rec)) {
    const value = raw.trim();
    if (value === "" || PATH_COLUMNS.includes(key)) continue;
    if (key === "year") {
      if (!/^\d{4}$/.test(value)) throw new GivenError(`${where}: year must be four digits, not "${value}"`);
      g.year = Number(value);
    } else if (key === "kind") {
      if (!KINDS.has(value)) throw new GivenError(`${where}: kind must be one of ${[...KINDS].join(", ")}`);
      g.kind = value as DocumentKind;
    } else if (key === "region" || key === "province" || key === "title" || key === "issuer") g[key] = value;
    else extra[key] = value;
  }
  if (Object.keys(extra).length > 0) g.extra = extra;
  return g;
}

/** Read a manifest: path column (path / file / filename) → values. Paths are kept as written, normalised. */
export function readManifest(file: string, cwd: string): Record<string, GivenMeta> {
  const full = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(full, "utf8").replace(/^\ufeff/, "");
  } catch (e) {
    throw new GivenError(`--manifest ${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const ext = extname(file).toLowerCase();
  const records: Record<string, string>[] = [];
  if (ext === ".jsonl" || ext === ".ndjson" || (ext !== ".csv" && ext !== ".tsv" && text.trimStart().startsWith("{"))) {
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === "") return;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        throw new GivenError(`--manifest ${file}: line ${i + 1} is not JSON`);
      }
      if (!obj || typeof obj !== "object" || Array.isArray(obj))
        throw new GivenError(`--manifest ${file}: line ${i + 1} is not a JSON object`);
      const rec: Record<string, string> = {};
      for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined) rec[k] = String(v);
      records.push(rec);
    });
  } else {
    const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
    const sep = ext === ".tsv" || (ext !== ".csv" && firstLine.includes("\t")) ? "\t" : ",";
    const [header, ...rows] = parseCsv(text, sep);
    if (!header) throw new GivenError(`--manifest ${file}: empty`);
    const keys = header.map((h) => h.trim());
    for (const r of rows) {
      const rec: Record<string, string> = {};
      keys.forEach((k, i) => {
        if (k !== "") rec[k] = r[i] ?? "";
      });
      records.push(rec);
    }
  }
  const out: Record<string, GivenMeta> = {};
  records.forEach((rec, i) => {
    const key = PATH_COLUMNS.map((c) => rec[c]).find((v) => v !== undefined && v.trim() !== "");
    if (!key) throw new GivenError(`--manifest ${file}: row ${i + 1} has no path (columns: ${PATH_COLUMNS.join(" / ")})`);
    out[normalisePath(key.trim())] = givenFromRecord(rec, `--manifest ${file} row ${i + 1}`);
  });
  return out;
}

/** The manifest row of a document: its path as given, absolute, or the longest matching tail. */
export function manifestRow(rows: Record<string, GivenMeta>, display: string, cwd: string): GivenMeta | undefined {
  const p = normalisePath(display);
  const abs = normalisePath(isAbsolute(display) ? display : resolve(cwd, display));
  if (rows[p]) return rows[p];
  if (rows[abs]) return rows[abs];
  // 政府工作报告/江西省/2024.md given as data/政府工作报告/江西省/2024.md: the longest tail that is a row
  const parts = abs.split("/");
  for (let i = 1; i < parts.length; i++) {
    const tail = parts.slice(i).join("/");
    if (rows[tail]) return rows[tail];
  }
  return undefined;
}

const PLACEHOLDER = /\{(region|province|year|kind|title|issuer|[a-z_][a-z0-9_]*)\}|\*/g;

/** '{province}/{year}.md' → a regular expression matched against the end of the path. */
export function compilePattern(pattern: string): RegExp {
  const p = normalisePath(pattern);
  let src = "";
  let last = 0;
  const seen = new Set<string>();
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(p); m; m = PLACEHOLDER.exec(p)) {
    src += p.slice(last, m.index).replace(/[.+?^${}()|[\]\\]/g, "\\$&");
    const name = m[1];
    if (!name) src += "[^/]*";
    else {
      if (seen.has(name)) throw new GivenError(`--meta-from-path: {${name}} appears twice`);
      seen.add(name);
      src += name === "year" ? `(?<${name}>\\d{4})` : `(?<${name}>[^/]+?)`;
    }
    last = m.index + m[0].length;
  }
  src += p.slice(last).replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  if (seen.size === 0) throw new GivenError("--meta-from-path: the pattern names no field (e.g. '{province}/{year}.md')");
  return new RegExp(`(?:^|/)${src}$`);
}

/** The values a path pattern reads from a path; undefined when the path does not match. */
export function fromPath(pattern: string, display: string, cwd: string): GivenMeta | undefined {
  const re = compilePattern(pattern);
  const abs = normalisePath(isAbsolute(display) ? display : resolve(cwd, display));
  const m = re.exec(normalisePath(display)) ?? re.exec(abs);
  if (!m?.groups) return undefined;
  const rec: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.groups)) if (v !== undefined) rec[k] = v;
  // a non-field placeholder ({source}) is carried like a manifest's other column
  for (const k of Object.keys(rec)) if (!KNOWN.has(k) && PATH_COLUMNS.includes(k)) delete rec[k];
  try {
    return givenFromRecord(rec, `--meta-from-path on ${display}`);
  } catch {
    return undefined; // {kind} that is not a kind: the pattern does not apply to this path
  }
}

/** pattern < manifest < flags, field by field; `extra` merged the same way. */
export function givenFor(spec: GivenSpec | undefined, display: string | null): GivenMeta | undefined {
  if (!spec) return undefined;
  const layers: GivenMeta[] = [];
  if (display !== null && spec.pattern) {
    const g = fromPath(spec.pattern, display, spec.cwd);
    if (g) layers.push(g);
  }
  if (display !== null && spec.rows) {
    const g = manifestRow(spec.rows, display, spec.cwd);
    if (g) layers.push(g);
  }
  if (spec.flags) layers.push(spec.flags);
  if (layers.length === 0) return undefined;
  const out: GivenMeta = {};
  for (const g of layers) {
    const { extra, ...fields } = g;
    Object.assign(out, fields);
    if (extra) out.extra = { ...(out.extra ?? {}), ...extra };
  }
  return out;
}

/** The spec from the command line; undefined when no meta flag is set. Throws GivenError. */
export function givenSpec(
  opts: { region?: string; province?: string; planYear?: number; manifest?: string; metaFromPath?: string },
  cwd: string,
): GivenSpec | undefined {
  const flags: GivenMeta = {};
  if (opts.region) flags.region = opts.region.trim();
  if (opts.province) flags.province = opts.province.trim();
  if (opts.planYear !== undefined) flags.year = opts.planYear;
  const spec: GivenSpec = { cwd };
  if (Object.keys(flags).length > 0) spec.flags = flags;
  if (opts.manifest) spec.rows = readManifest(opts.manifest, cwd);
  if (opts.metaFromPath) {
    compilePattern(opts.metaFromPath); // a bad pattern is a usage error, before any input is read
    spec.pattern = opts.metaFromPath;
  }
  return spec.flags || spec.rows || spec.pattern ? spec : undefined;
}
