#!/usr/bin/env node
// One-screen coverage summary over a folder of plans (default: ../shared/corpus/docs and
// ../shared/seeds when present, else fixtures/plans): documents, exit status, sections per
// style, targets and deadlines found, warnings by code, and the documents without sections.
// Usage: npm run corpus-summary [-- <dir-or-file>...]
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, resolve, relative } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(fileURLToPath(import.meta.url), "../..");
const dist = join(repo, "dist/src/index.js");
if (!existsSync(dist)) {
  console.error("plan-parse is not built: run `npm run build` first");
  process.exit(2);
}
const { parsePlan } = await import(dist);

const shared = resolve(repo, "../shared");
let roots = process.argv.slice(2);
if (roots.length === 0) {
  roots = existsSync(shared)
    ? [join(shared, "seeds"), join(shared, "corpus/docs")]
    : [join(repo, "fixtures/plans")];
}

function* walk(p) {
  const st = statSync(p);
  if (st.isFile()) {
    if (p.endsWith(".txt")) yield p;
    return;
  }
  for (const e of readdirSync(p).sort()) yield* walk(join(p, e));
}

const styles = new Map();
const warnings = new Map();
const noSections = [];
const failed = [];
let docs = 0;
let sections = 0;
let targets = 0;
let deadlines = 0;
let bytes = 0;
const started = performance.now();
for (const root of roots) {
  for (const file of walk(root)) {
    const buf = readFileSync(file);
    bytes += buf.length;
    docs++;
    try {
      const doc = parsePlan(buf, { path: file });
      const visit = (list) => {
        for (const s of list) {
          sections++;
          styles.set(s.style, (styles.get(s.style) ?? 0) + 1);
          visit(s.children);
        }
      };
      visit(doc.sections);
      targets += doc.targets.length;
      deadlines += doc.deadlines.length;
      for (const w of doc.warnings) warnings.set(w.code, (warnings.get(w.code) ?? 0) + 1);
      if (doc.sections.length === 0) noSections.push(relative(process.cwd(), file));
    } catch (err) {
      failed.push(`${relative(process.cwd(), file)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
const seconds = (performance.now() - started) / 1000;
const fmt = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ") || "none";
console.log(`documents  ${docs} (${(bytes / 1e6).toFixed(2)} MB in ${seconds.toFixed(2)} s), failed ${failed.length}`);
console.log(`sections   ${sections}: ${fmt(styles)}`);
console.log(`targets    ${targets}`);
console.log(`deadlines  ${deadlines}`);
console.log(`warnings   ${fmt(warnings)}`);
console.log(`no sections (${noSections.length}): ${noSections.join(", ") || "none"}`);
for (const f of failed) console.log(`FAILED ${f}`);
process.exitCode = failed.length > 0 ? 1 : 0;
