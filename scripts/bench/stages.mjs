// Figure (c): decode → clean → meta → segment → extract as a library loop over a folder, against
// the BUILT stages in dist/, without the CLI and (when extraction allows it) without nodejieba.
// Files are read into memory first; only the stage calls are timed. Prints one JSON line.
// With --passes N the loop runs N times in the same process: the first pass is the cold figure
// (V8 still compiling the hot functions), later passes show the warmed-up speed. The first pass
// also records `curve`: [bytes done, ms] each time another MiB of input is done (warm-up anatomy).
// Usage: node scripts/bench/stages.mjs <repo> <dir> [--passes N]
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [repo, dir, ...rest] = process.argv.slice(2);
const passesAt = rest.indexOf("--passes");
const passes = passesAt === -1 ? 1 : Math.max(1, Number.parseInt(rest[passesAt + 1] ?? "1", 10) || 1);
const load = (rel) => import(pathToFileURL(path.join(repo, "dist/src", rel)).href);

const { decodeInput } = await load("decode/index.js");
const { cleanText } = await load("clean/index.js");
const { extractMeta } = await load("meta/index.js");
const { segment } = await load("segment/index.js");
const extractModule = await load("extract/index.js");

// extract() tags words with nodejieba only when asked (ExtractContext.useJieba); make sure it is not.
const NO_JIEBA_OPTIONS = { useJieba: false };
const extractOptionNames = Object.keys(NO_JIEBA_OPTIONS);

const buffers = readdirSync(dir)
  .sort()
  .map((name) => readFileSync(path.join(dir, name)));
const bytes = buffers.reduce((n, b) => n + b.length, 0);

function pass() {
  const ms = { decode: 0, clean: 0, meta: 0, segment: 0, extract: 0 };
  let refused = 0;
  let sections = 0;
  let targets = 0;
  let deadlines = 0;
  const curve = [];
  let done = 0;
  let nextMark = 1048576;
  const t0 = performance.now();
  for (const buf of buffers) {
    // the files before this one are done
    if (done >= nextMark) {
      curve.push([done, performance.now() - t0]);
      while (nextMark <= done) nextMark += 1048576;
    }
    done += buf.length;
    let t = performance.now();
    let decoded;
    try {
      decoded = decodeInput(buf, "auto");
    } catch {
      refused++;
      continue;
    }
    let u = performance.now();
    ms.decode += u - t;
    t = u;
    const clean = cleanText(decoded.text);
    u = performance.now();
    ms.clean += u - t;
    t = u;
    const { meta } = extractMeta(clean);
    u = performance.now();
    ms.meta += u - t;
    t = u;
    const seg = segment(clean, meta);
    u = performance.now();
    ms.segment += u - t;
    t = u;
    const ex = extractModule.extract({
      clean,
      meta,
      sections: seg.sections,
      year: meta.year,
      ...NO_JIEBA_OPTIONS,
    });
    ms.extract += performance.now() - t;
    sections += seg.sections.length;
    targets += ex.targets.length;
    deadlines += ex.deadlines.length;
  }
  return { totalMs: performance.now() - t0, ms, refused, sections, targets, deadlines, curve };
}

// the first pass is the reported (cold) one; later passes only add their totals
const first = pass();
const passMs = [first.totalMs];
for (let i = 1; i < passes; i++) passMs.push(pass().totalMs);
const { totalMs, ms, refused, sections, targets, deadlines, curve } = first;

const require = createRequire(import.meta.url);
const jiebaLoaded = Object.keys(require.cache).some((k) => k.includes(`${path.sep}nodejieba${path.sep}`));
process.stdout.write(
  `${JSON.stringify({ files: buffers.length, bytes, refused, totalMs, passMs, curve, ms, sections, targets, deadlines, jiebaLoaded, extractOptionNames })}\n`,
);
