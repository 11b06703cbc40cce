#!/usr/bin/env node
// Dump what plan-parse extracts from a whole corpus, one line per fact, so that two builds can be
// compared with `diff`: run it before a change and after, then READ the diff.
//
//   node scripts/corpus-dump.mjs OUT_DIR [roots...]     (default roots: ../shared/seeds,
//                                                        ../shared/corpus/docs, ../shared/reports/docs,
//                                                        fixtures)
//   node scripts/corpus-dump.mjs --diff OLD_DIR NEW_DIR  (per-kind counts of changed lines, then the diff)
//
// OUT_DIR gets meta.tsv (one line per document), targets.tsv (one line per figure) and
// deadlines.tsv / warnings.tsv. Lines carry the file name and the span start, so a changed
// figure shows as one removed and one added line next to each other.
import { readdirSync, readFileSync, statSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve, relative, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const repo = resolve(fileURLToPath(import.meta.url), "../..");
const args = process.argv.slice(2);

if (args[0] === "--diff") {
  const [, a, b] = args;
  for (const f of ["meta.tsv", "targets.tsv", "deadlines.tsv", "warnings.tsv"]) {
    const r = spawnSync("diff", [join(a, f), join(b, f)], { encoding: "utf8", maxBuffer: 1 << 30 });
    const lines = r.stdout.split("\n");
    const minus = lines.filter((l) => l.startsWith("< ")).length;
    const plus = lines.filter((l) => l.startsWith("> ")).length;
    console.log(`## ${f}: -${minus} +${plus}`);
    if (minus + plus > 0) console.log(r.stdout);
  }
  process.exit(0);
}

const out = args[0];
if (!out) {
  console.error("usage: corpus-dump.mjs OUT_DIR [roots...] | --diff OLD NEW");
  process.exit(2);
}
const dist = join(repo, "dist/src/index.js");
if (!existsSync(dist)) {
  console.error("plan-parse is not built: run `npm run build` first");
  process.exit(2);
}
const lib = await import(dist);
const shared = resolve(repo, "../shared");
let roots = args.slice(1);
if (roots.length === 0) {
  roots = [join(shared, "seeds"), join(shared, "corpus/docs"), join(shared, "reports/docs"), join(repo, "fixtures")].filter(
    (p) => existsSync(p),
  );
}

function* walk(p) {
  const st = statSync(p);
  if (st.isFile()) {
    if (/\.(txt|md)$/.test(p) && !/SOURCES\.md$|README\.md$/.test(p)) yield p;
    return;
  }
  for (const e of readdirSync(p).sort()) yield* walk(join(p, e));
}

const clip = (s) => String(s ?? "").replace(/[\t\n\r]/g, " ");
const meta = [];
const targets = [];
const deadlines = [];
const warnings = [];
for (const root of roots) {
  for (const file of walk(root)) {
    const name = relative(resolve(repo, ".."), file);
    let doc;
    try {
      doc = lib.parsePlan(readFileSync(file), { path: name });
    } catch (e) {
      meta.push([name, "ERROR", clip(e.message)].join("\t"));
      continue;
    }
    const m = doc.meta;
    meta.push(
      [name, m.region, m.province, m.year, m.kind, m.title, m.issuer, JSON.stringify(m.sources ?? null)].map(clip).join("\t"),
    );
    for (const t of doc.targets) {
      targets.push(
        [
          name,
          t.span.start,
          t.sectionId,
          t.status,
          t.metric,
          t.comparator,
          t.value,
          t.valueMax ?? "",
          t.unit,
          t.change ?? "",
          t.per ?? "",
          t.deadline ?? "",
          t.pattern,
          t.confidence,
          t.indicator ? t.indicator.id : "",
          (t.qualifiers ?? []).join(","),
          t.headline ? "H" : "",
          t.text,
        ]
          .map(clip)
          .join("\t"),
      );
    }
    for (const d of doc.deadlines) {
      deadlines.push([name, d.span.start, d.kind, d.date, d.status ?? "", d.pattern, d.text].map(clip).join("\t"));
    }
    for (const w of doc.warnings) warnings.push([name, w.code, w.line ?? "", w.message].map(clip).join("\t"));
  }
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "meta.tsv"), meta.join("\n") + "\n");
writeFileSync(join(out, "targets.tsv"), targets.join("\n") + "\n");
writeFileSync(join(out, "deadlines.tsv"), deadlines.join("\n") + "\n");
writeFileSync(join(out, "warnings.tsv"), warnings.join("\n") + "\n");
console.error(
  `${basename(out)}: ${meta.length} documents, ${targets.length} targets, ${deadlines.length} deadlines, ${warnings.length} warnings`,
);
