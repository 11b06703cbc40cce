#!/usr/bin/env node
// npm run bench [-- --mb 20 --rounds 3 --flat --keep --build --strict]
//
// Measures the BUILT plan-parse (dist/) against nodejieba's bare cut of the same bytes, in one
// run, alternating the commands round by round, and reports medians. See docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  buildCorpus,
  collectSources,
  writeAdversarial,
  writeBigFile,
  writeSmallPlan,
} from "./bench/corpus.mjs";
import { failure, fmt, MB, machine, median, run } from "./bench/lib.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const here = path.join(repo, "scripts/bench");
const node = process.execPath;
const cli = path.join(repo, "dist/bin/plan-parse.js");

const { values: opt } = parseArgs({
  options: {
    mb: { type: "string", default: "20" },
    rounds: { type: "string", default: "3" },
    "startup-runs": { type: "string", default: "5" },
    "compare-docs": { type: "string", default: "200" },
    "adversarial-mb": { type: "string", default: "1" },
    flat: { type: "boolean", default: false },
    "flat-mb": { type: "string", default: "100" },
    "big-mb": { type: "string", default: "50" },
    build: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
    "no-verify": { type: "boolean", default: false },
    timeout: { type: "string", default: "600" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (opt.help) {
  console.log(`usage: npm run bench -- [options]
  --mb N              corpus size in MB (2^20 bytes), default 20
  --rounds N          rounds of the alternating measurements, default 3 (medians are reported)
  --startup-runs N    start-up runs per command per round, default 5
  --compare-docs N    documents given to \`compare\`, default 200
  --adversarial-mb N  size of each adversarial one-line input, default 1
  --flat              also parse a --flat-mb corpus (default 100) and compare its peak RSS with --mb's,
                      and parse one --big-mb file (default 50: the sources concatenated)
  --build             run \`npm run build\` first (it also runs when dist/ is missing)
  --no-verify         skip the warm-up runs that check the JSONL output (one line per input, in order)
  --keep              keep the temporary corpus folder
  --strict            exit 1 when a floor of issue 7 is missed
  --timeout S         bound on any single command, default 600`);
  process.exit(0);
}
const num = (name) => {
  const v = Number(opt[name]);
  if (!Number.isFinite(v) || v <= 0) {
    console.error(`bench: --${name} must be a positive number`);
    process.exit(2);
  }
  return v;
};
const targetMb = num("mb");
const rounds = Math.round(num("rounds"));
const startupRuns = Math.round(num("startup-runs"));
const compareDocs = Math.round(num("compare-docs"));
const timeoutMs = num("timeout") * 1000;

const log = (...a) => console.error(...a);

// ---------------------------------------------------------------- build
function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}
const distIndex = path.join(repo, "dist/src/index.js");
if (opt.build || !existsSync(distIndex)) {
  log("bench: npm run build ...");
  try {
    execFileSync("npm", ["run", "build", "--silent"], { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
  } catch {
    log("bench: build failed; measuring whatever dist/ holds");
  }
}
const notes = [];
if (!existsSync(distIndex)) {
  console.error("bench: dist/src/index.js is missing and could not be built");
  process.exit(1);
}
if (newestMtime(path.join(repo, "src")) > statSync(distIndex).mtimeMs) {
  notes.push("dist/ is older than src/: figures are for the last build (use --build)");
}
const haveCli = existsSync(cli);
const SKIP_CLI = "skipped: CLI not built";

// ---------------------------------------------------------------- corpus
const tmp = mkdtempSync(path.join(os.tmpdir(), "plan-parse-bench-"));
const cleanup = () => {
  if (!opt.keep) rmSync(tmp, { recursive: true, force: true });
};
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});

// Sources the built decoder refuses (binary fixtures of the CLI tests) are left out of the corpus.
const { decodeInput } = await import(pathToFileURL(path.join(repo, "dist/src/decode/index.js")).href);
const isText = (buf) => {
  try {
    decodeInput(buf, "auto");
    return true;
  } catch {
    return false;
  }
};
const sources = collectSources(repo, isText);
if (sources.files.length === 0) {
  console.error("bench: no .txt sources under fixtures/ (or ../shared)");
  process.exit(1);
}
const corpus = buildCorpus(path.join(tmp, "corpus"), sources.files, targetMb * MB);
const byBytes = [...sources.files].sort((a, b) => b.bytes - a.bytes);
const compareFiles = Array.from({ length: compareDocs }, (_, i) => corpus.files[i % corpus.files.length]);
const diffPair = [byBytes[0].path, (byBytes[1] ?? byBytes[0]).path];
const small = writeSmallPlan(path.join(tmp, "small"));
const adversarial = writeAdversarial(path.join(tmp, "adversarial"), num("adversarial-mb") * MB);
// the corpus split in two (files alternately, hard links): two independent processes, one per
// half, run at the same time are the most any 2-way split (--jobs 2 included) can get
const halves = ["halfA", "halfB"].map((name, h) => {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  corpus.files.forEach((f, i) => {
    if (i % 2 !== h) return;
    const dest = path.join(dir, path.basename(f));
    try {
      linkSync(f, dest);
    } catch {
      copyFileSync(f, dest);
    }
  });
  return dir;
});
const compareBytes = compareFiles.reduce((n, f) => n + statSync(f).size, 0);
const diffBytes = diffPair.reduce((n, f) => n + statSync(f).size, 0);

const info = machine(repo);
log(
  `bench: ${info.nproc} cores, ${info.cpu}, node ${info.node}, load ${info.loadavg.join(" ")}, commit ${info.commit}`,
);
log(
  `bench: corpus ${fmt(corpus.bytes / MB)} MB in ${corpus.files.length} files from ${sources.files.length} sources (${sources.excluded.length} refused by the decoder left out) (${sources.origins.map((o) => path.relative(repo, o) || ".").join(", ")}), ${rounds} rounds`,
);

// ---------------------------------------------------------------- commands
const cmd = {
  nodeBare: [node, ["-e", "0"]],
  jiebaOne: [node, [path.join(here, "jieba-cut.mjs"), "--one"]],
  baseline: [node, [path.join(here, "jieba-cut.mjs"), corpus.dir]],
  stages: [node, [path.join(here, "stages.mjs"), repo, corpus.dir, "--passes", "2"]],
  parse1: [node, [cli, "parse", corpus.dir, "--format", "jsonl", "--jobs", "1"]],
  parse2: [node, [cli, "parse", corpus.dir, "--format", "jsonl", "--jobs", "2"]],
  halfA: [node, [cli, "parse", halves[0], "--format", "jsonl", "--jobs", "1"]],
  halfB: [node, [cli, "parse", halves[1], "--format", "jsonl", "--jobs", "1"]],
  compare: [node, [cli, "compare", ...compareFiles, "--format", "json"]],
  diff: [node, [cli, "diff", ...diffPair, "--format", "json"]],
  version: [node, [cli, "--version"]],
  help: [node, [cli, "--help"]],
  parseSmall: [node, [cli, "parse", small, "--format", "json"]],
};
const needsCli = new Set(["parse1", "parse2", "halves", "compare", "diff", "version", "help", "parseSmall"]);

/** samples[name] = run results; failures[name] = first failure reason. */
const samples = {};
const failures = {};
async function measure(name, extra = {}) {
  if (needsCli.has(name) && !haveCli) return null;
  const [file, args] = cmd[name];
  const r = await run(file, args, { timeoutMs, ...extra });
  const why = failure(r);
  if (why && !failures[name]) failures[name] = why;
  if (!samples[name]) samples[name] = [];
  samples[name].push({ wallMs: r.wallMs, peakRssKb: r.peakRssKb, code: r.code, timedOut: r.timedOut });
  if (extra.stdout === "capture" && r.code === 0) {
    try {
      samples[name].at(-1).report = JSON.parse(r.stdout.trim().split("\n").pop());
    } catch {
      // a worker script printed something unexpected: keep the timing only
    }
  }
  return r;
}

/** Both halves at once, as one sample: the wall time of the slower, the larger peak RSS. */
async function measureHalves() {
  if (!haveCli) return;
  const rs = await Promise.all(["halfA", "halfB"].map((n) => run(...cmd[n], { timeoutMs })));
  const why = rs.map(failure).find(Boolean);
  if (why && !failures.halves) failures.halves = why;
  if (!samples.halves) samples.halves = [];
  samples.halves.push({
    wallMs: Math.max(...rs.map((r) => r.wallMs)),
    peakRssKb: Math.max(...rs.map((r) => r.peakRssKb ?? 0)) || null,
    code: rs.find((r) => r.code !== 0)?.code ?? 0,
    timedOut: rs.some((r) => r.timedOut),
  });
}

// ---------------------------------------------------------------- warm-up and output check
const verify = {};
if (haveCli && !opt["no-verify"]) {
  log("bench: warm-up + output check (not timed) ...");
  const expected = corpus.files.map((f) => path.basename(f)).sort();
  for (const name of ["parse1", "parse2"]) {
    const out = path.join(tmp, `${name}.jsonl`);
    const [file, args] = cmd[name];
    const r = await run(file, args, { stdout: { file: out }, timeoutMs });
    const lines = existsSync(out) ? readFileSync(out, "utf8").split("\n").filter(Boolean) : [];
    let bad = 0;
    const paths = [];
    for (const line of lines) {
      try {
        paths.push(path.basename(JSON.parse(line).source?.path ?? ""));
      } catch {
        bad++;
      }
    }
    const inOrder = paths.length === expected.length && paths.every((p, i) => p === expected[i]);
    verify[name] = {
      exit: r.code,
      lines: lines.length,
      files: expected.length,
      unparsableLines: bad,
      inInputOrder: inOrder,
      error: failure(r),
    };
    rmSync(out, { force: true });
  }
}
await run(...cmd.jiebaOne, { timeoutMs }); // warm the page cache for nodejieba's dictionaries

// ---------------------------------------------------------------- rounds
const ROUND = ["nodeBare", "jiebaOne", "baseline", "parse1", "parse2", "halves", "stages", "compare", "diff"];
const STARTUP = ["nodeBare", "version", "help", "parseSmall"];
for (let round = 1; round <= rounds; round++) {
  log(`bench: round ${round}/${rounds} ...`);
  // rotate the order so that no command always follows the same one
  const order = ROUND.map((_, i) => ROUND[(i + round - 1) % ROUND.length]);
  for (const name of order) {
    if (name === "halves") {
      await measureHalves();
      continue;
    }
    const capture = name === "baseline" || name === "stages" || name === "jiebaOne";
    await measure(name, capture ? { stdout: "capture" } : {});
  }
  for (let i = 0; i < startupRuns; i++) for (const name of STARTUP) await measure(name);
}

// ---------------------------------------------------------------- adversarial (once, pass/fail)
const adversarialResults = [];
if (haveCli) {
  log("bench: adversarial one-line inputs ...");
  for (const a of adversarial) {
    const r = await run(node, [cli, "parse", a.path, "--format", "jsonl"], { timeoutMs: 20_000 });
    adversarialResults.push({
      name: a.name,
      unit: a.unit,
      wallMs: r.wallMs,
      peakRssKb: r.peakRssKb,
      exit: r.code,
      timedOut: r.timedOut,
      error: failure(r),
    });
  }
}

// ---------------------------------------------------------------- flat memory (opt-in)
let flat = null;
if (opt.flat && haveCli) {
  const flatMb = num("flat-mb");
  log(`bench: --flat: building a ${flatMb} MB corpus ...`);
  const big = buildCorpus(path.join(tmp, "corpus-flat"), sources.files, flatMb * MB);
  const r = await run(node, [cli, "parse", big.dir, "--format", "jsonl", "--jobs", "1"], {
    timeoutMs: Math.max(timeoutMs, 3_600_000),
  });
  flat = {
    mb: big.bytes / MB,
    files: big.files.length,
    wallMs: r.wallMs,
    peakRssKb: r.peakRssKb,
    error: failure(r),
  };
  rmSync(big.dir, { recursive: true, force: true });

  // issue 6: one huge file (real text, its sources concatenated) parses in bounded memory
  const bigMb = num("big-mb");
  log(`bench: --flat: one ${bigMb} MB file ...`);
  const one = writeBigFile(path.join(tmp, "big"), sources.files, bigMb * MB);
  // the default --max-bytes (32 MiB) refuses it: raise the cap so that the memory is measured
  const cap = `${Math.ceil(one.bytes / MB) + 1}MiB`;
  const rb = await run(node, [cli, "parse", one.path, "--format", "jsonl", "--jobs", "1", "--max-bytes", cap], {
    timeoutMs: Math.max(timeoutMs, 3_600_000),
  });
  flat.bigFile = { mb: one.bytes / MB, wallMs: rb.wallMs, peakRssKb: rb.peakRssKb, error: failure(rb) };
  rmSync(one.path, { force: true });
}

// ---------------------------------------------------------------- figures
const med = (name, key = "wallMs") => median((samples[name] ?? []).map((s) => s[key]));
const maxOf = (name, key) => {
  const xs = (samples[name] ?? []).map((s) => s[key]).filter((x) => typeof x === "number");
  return xs.length ? Math.max(...xs) : null;
};
const mbps = (bytes, ms) => (ms ? bytes / MB / (ms / 1000) : null);
const ratio = (a, b) => (a !== null && b !== null && b !== 0 ? a / b : null);
/** median over rounds of a/b taken round by round (pairing keeps drift out of the ratio). */
const pairedRatio = (a, b) =>
  median((samples[a] ?? []).map((s, i) => (samples[b]?.[i] ? s.wallMs / samples[b][i].wallMs : null)));

const baseMs = med("baseline");
const baseMbps = mbps(corpus.bytes, baseMs);
const baseReports = (samples.baseline ?? []).map((s) => s.report).filter(Boolean);
const stageReports = (samples.stages ?? []).map((s) => s.report).filter(Boolean);
const stagesMs = median(stageReports.map((r) => r.totalMs));
const bareMs = med("nodeBare");
const jiebaRssKb = med("jiebaOne", "peakRssKb");
const docsPerS = (files, ms) => (ms ? files / (ms / 1000) : null);

const fig = {};
const add = (key, label, value, unit, extra = {}) => {
  fig[key] = { label, value, unit, ...extra };
};
add("baseline", "(b) nodejieba cut, bare node (whole process)", baseMbps, "MB/s", {
  ms: baseMs,
  docsPerS: docsPerS(corpus.files.length, baseMs),
  cutOnlyMbps: mbps(corpus.bytes, median(baseReports.map((r) => r.cutMs))),
  dictLoadMs: median(baseReports.map((r) => r.loadMs)),
});
for (const [key, name, label] of [
  ["parseJobs1", "parse1", "(a) parse --jobs 1 → jsonl"],
  ["parseJobs2", "parse2", "(a) parse --jobs 2 → jsonl"],
]) {
  const ms = med(name);
  add(key, label, haveCli ? mbps(corpus.bytes, ms) : null, "MB/s", {
    ms,
    docsPerS: docsPerS(corpus.files.length, ms),
    vsBaseline: ratio(mbps(corpus.bytes, ms), baseMbps),
    peakRssMbMedian: med(name, "peakRssKb") / 1024 || null,
    peakRssMbMax: maxOf(name, "peakRssKb") / 1024 || null,
    error: haveCli ? failures[name] : SKIP_CLI,
  });
}
add(
  "jobsSpeedup",
  "(a) jobs 2 / jobs 1 speed-up",
  haveCli ? 1 / pairedRatio("parse2", "parse1") : null,
  "×",
  {
    error: haveCli ? failures.parse2 : SKIP_CLI,
  },
);
add(
  "halvesSpeedup",
  "(a) 2 processes on half each / jobs 1 (ceiling)",
  haveCli ? 1 / pairedRatio("halves", "parse1") : null,
  "×",
  { error: haveCli ? failures.halves : SKIP_CLI },
);
add("stages", "(c) decode+clean+meta+segment+extract, library loop", mbps(corpus.bytes, stagesMs), "MB/s", {
  ms: stagesMs,
  docsPerS: docsPerS(corpus.files.length, stagesMs),
  vsBaseline: ratio(mbps(corpus.bytes, stagesMs), baseMbps),
  perStageMs: stageReports.length
    ? Object.fromEntries(
        Object.keys(stageReports[0].ms).map((k) => [k, median(stageReports.map((r) => r.ms[k]))]),
      )
    : null,
  jiebaLoaded: stageReports[0]?.jiebaLoaded ?? null,
  counts: stageReports[0]
    ? {
        sections: stageReports[0].sections,
        targets: stageReports[0].targets,
        deadlines: stageReports[0].deadlines,
        refused: stageReports[0].refused,
      }
    : null,
  error: failures.stages,
});
// warm-up anatomy of the cold pass: the first MiB's speed, the speed over its second half (the
// steady speed), and how much longer the pass took than it would have at the steady speed
const anatomy = stageReports
  .filter((r) => Array.isArray(r.curve) && r.curve.length >= 4)
  .map((r) => {
    const [firstBytes, firstMs] = r.curve[0];
    const [midBytes, midMs] = r.curve[Math.floor(r.curve.length / 2)];
    const steadyBytesPerMs = (r.bytes - midBytes) / (r.totalMs - midMs);
    return {
      firstMiBMbps: mbps(firstBytes, firstMs),
      steadyMbps: mbps(r.bytes - midBytes, r.totalMs - midMs),
      costMs: r.totalMs - r.bytes / steadyBytesPerMs,
    };
  });
fig.stages.warmUp = anatomy.length
  ? {
      firstMiBMbps: median(anatomy.map((a) => a.firstMiBMbps)),
      steadyMbps: median(anatomy.map((a) => a.steadyMbps)),
      costMs: median(anatomy.map((a) => a.costMs)),
    }
  : null;
const warmMs = median(stageReports.map((r) => r.passMs?.[1]).filter((x) => typeof x === "number"));
add("stagesWarm", "(c) the same loop, second pass in that process", mbps(corpus.bytes, warmMs), "MB/s", {
  ms: warmMs,
  docsPerS: docsPerS(corpus.files.length, warmMs),
  error: failures.stages,
});
const compareMs = med("compare");
add(
  "compare",
  `(d) compare of ${compareDocs} documents`,
  haveCli ? mbps(compareBytes, compareMs) : null,
  "MB/s",
  {
    ms: compareMs,
    docsPerS: docsPerS(compareDocs, compareMs),
    vsBaseline: ratio(mbps(compareBytes, compareMs), baseMbps),
    error: haveCli ? failures.compare : SKIP_CLI,
  },
);
const diffMs = med("diff");
add("diff", "(e) diff of two plans", haveCli ? diffMs : null, "ms", {
  files: diffPair.map((p) => path.relative(path.resolve(repo, ".."), p)),
  mbps: mbps(diffBytes, diffMs),
  vsBaseline: ratio(mbps(diffBytes, diffMs), baseMbps),
  error: haveCli ? failures.diff : SKIP_CLI,
});
add("nodeBare", "(f) bare node -e 0", bareMs, "ms");
for (const [key, name, label] of [
  ["startVersion", "version", "(f) plan-parse --version"],
  ["startHelp", "help", "(f) plan-parse --help"],
  ["startParseSmall", "parseSmall", "(f) plan-parse parse <1 KB plan>"],
]) {
  const ms = med(name);
  add(key, label, haveCli ? ms : null, "ms", {
    overBareMs: ms !== null && bareMs !== null ? ms - bareMs : null,
    error: haveCli ? failures[name] : SKIP_CLI,
  });
}
add("rssJieba", "RSS: bare node + nodejieba + one cut", jiebaRssKb / 1024 || null, "MB");
add(
  "rssParse",
  "RSS: parse --jobs 1, peak (max over rounds)",
  haveCli ? maxOf("parse1", "peakRssKb") / 1024 || null : null,
  "MB",
  {
    overJiebaMb: haveCli && jiebaRssKb ? maxOf("parse1", "peakRssKb") / 1024 - jiebaRssKb / 1024 : null,
    error: haveCli ? failures.parse1 : SKIP_CLI,
  },
);

// ---------------------------------------------------------------- floors (issue 7)
const floors = [];
const floor = (name, measured, pass, rule) => {
  floors.push({ name, measured, rule, result: measured === null ? "skipped" : pass ? "pass" : "FAIL" });
};
const fail = (key) => fig[key].error && fig[key].error !== SKIP_CLI;
floor(
  "parse ≥ 0.5× baseline",
  fig.parseJobs1.vsBaseline,
  !fail("parseJobs1") && fig.parseJobs1.vsBaseline >= 0.5,
  "parse --jobs 1 MB/s ÷ nodejieba cut MB/s",
);
floor(
  "decode+segment+extract ≥ 20 MB/s",
  fig.stages.value,
  !fail("stages") && fig.stages.value >= 20,
  "library loop (c)",
);
floor(
  "jobs 2 ≥ 1.6× jobs 1",
  fig.jobsSpeedup.value,
  !fail("parseJobs2") && fig.jobsSpeedup.value >= 1.6,
  "median of per-round wall ratios",
);
floor(
  "RSS ≤ jieba-loaded node + 150 MB",
  fig.rssParse.overJiebaMb,
  !fail("rssParse") && fig.rssParse.overJiebaMb <= 150,
  "peak RSS of parse --jobs 1 minus that of node + nodejieba + one cut",
);
for (const key of ["startVersion", "startHelp", "startParseSmall"]) {
  floor(
    `start-up ${fig[key].label.slice(4)} ≤ bare node + 150 ms`,
    fig[key].overBareMs,
    !fail(key) && fig[key].overBareMs <= 150,
    "median wall minus median wall of node -e 0",
  );
}
for (const a of adversarialResults) {
  floor(
    `adversarial ${opt["adversarial-mb"]} MB line of "${a.unit}" < 2 s`,
    a.wallMs,
    !a.error && a.wallMs < 2000,
    "whole process, start-up included",
  );
}
if (adversarialResults.length === 0) floor("adversarial 1 MB lines < 2 s", null, false, SKIP_CLI);
if (opt.flat) {
  const small20 = maxOf("parse1", "peakRssKb");
  const growth = flat && small20 ? flat.peakRssKb / small20 : null;
  floor(
    `flat: peak RSS at ${opt["flat-mb"]} MB within 10% of ${targetMb} MB`,
    growth,
    !flat?.error && growth <= 1.1,
    "peak RSS ratio, parse --jobs 1",
  );
  const bigOver =
    flat?.bigFile?.peakRssKb && jiebaRssKb ? (flat.bigFile.peakRssKb - jiebaRssKb) / 1024 : null;
  floor(
    `one ${opt["big-mb"]} MB file: RSS ≤ jieba-loaded node + 150 MB`,
    bigOver,
    !flat?.bigFile?.error && bigOver <= 150,
    "issue 6 asks for bounded memory; checked against issue 7's RSS cap",
  );
}

// ---------------------------------------------------------------- report
const results = {
  date: new Date().toISOString(),
  machine: info,
  options: { mb: targetMb, rounds, startupRuns, compareDocs, flat: opt.flat },
  corpus: {
    bytes: corpus.bytes,
    files: corpus.files.length,
    sources: sources.files.length,
    excluded: sources.excluded.map((p) => path.relative(repo, p)),
    origins: sources.origins.map((o) => path.relative(repo, o)),
  },
  cliBuilt: haveCli,
  notes,
  verify,
  figures: fig,
  floors,
  adversarial: adversarialResults,
  flat,
  samples,
};

const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);
const show = (f) => {
  if (f.error) return f.error === SKIP_CLI ? SKIP_CLI : `FAILED (${f.error})`;
  const v = f.value === null ? "n/a" : `${fmt(f.value, f.unit === "×" ? 2 : 1)} ${f.unit}`;
  const bits = [];
  if (f.docsPerS) bits.push(`${fmt(f.docsPerS, 0)} docs/s`);
  if (f.vsBaseline) bits.push(`${fmt(f.vsBaseline, 2)}× baseline`);
  if (f.overBareMs !== undefined && f.overBareMs !== null)
    bits.push(`+${fmt(f.overBareMs, 0)} ms over bare node`);
  if (f.peakRssMbMax) bits.push(`peak RSS ${fmt(f.peakRssMbMax, 0)} MB`);
  if (f.overJiebaMb !== undefined && f.overJiebaMb !== null)
    bits.push(`${fmt(f.overJiebaMb, 0)} MB over jieba node`);
  return `${padL(v, 12)}  ${bits.join(", ")}`;
};

const out = [];
out.push(
  `machine: ${info.nproc} cores, ${info.cpu}, ${info.memGiB} GiB, node ${info.node}, ${info.platform}`,
);
out.push(
  `         load at start ${info.loadavg.join(" ")}, commit ${info.commit}, peak RSS via ${info.rssMethod}`,
);
out.push(
  `corpus:  ${fmt(corpus.bytes / MB)} MB, ${corpus.files.length} files (${sources.files.length} distinct sources), ${rounds} rounds, medians`,
);
for (const n of notes) out.push(`note:    ${n}`);
if (!haveCli) out.push(`note:    ${SKIP_CLI} (dist/bin/plan-parse.js missing): (a) (d) (e) (f) skipped`);
for (const [name, v] of Object.entries(verify)) {
  const ok = v.exit === 0 && v.lines === v.files && v.unparsableLines === 0 && v.inInputOrder;
  out.push(
    `check:   ${name}: ${ok ? "ok" : "PROBLEM"}: exit ${v.exit}, ${v.lines} JSONL lines for ${v.files} files, ${v.unparsableLines} unparsable, ${v.inInputOrder ? "in input order" : "NOT in input order"}`,
  );
}
out.push("");
for (const f of Object.values(fig)) out.push(`${pad(f.label, 52)} ${show(f)}`);
if (fig.stages.perStageMs) {
  const per = Object.entries(fig.stages.perStageMs)
    .map(([k, v]) => `${k} ${fmt(mbps(corpus.bytes, v), 0)}`)
    .join(", ");
  out.push(`${pad("    per stage (MB/s)", 52)} ${per}`);
  if (fig.stages.warmUp)
    out.push(
      `${pad("    cold pass: first MiB / second half / warm-up", 52)} ${fmt(fig.stages.warmUp.firstMiBMbps)} MB/s / ${fmt(fig.stages.warmUp.steadyMbps)} MB/s / ${fmt(fig.stages.warmUp.costMs, 0)} ms`,
    );
  out.push(
    `${pad("    nodejieba loaded during (c)", 52)} ${fig.stages.jiebaLoaded ? "YES: (c) includes segmentation" : "no"}`,
  );
}
if (fig.baseline.cutOnlyMbps)
  out.push(
    `${pad("    baseline cut only / dictionary load", 52)} ${fmt(fig.baseline.cutOnlyMbps)} MB/s / ${fmt(fig.baseline.dictLoadMs, 0)} ms`,
  );
for (const a of adversarialResults)
  out.push(
    `${pad(`adversarial ${a.name} (${opt["adversarial-mb"]} MB line)`, 52)} ${a.error ? `FAILED (${a.error}) ` : ""}${fmt(a.wallMs, 0)} ms`,
  );
if (flat)
  out.push(
    `${pad(`flat: ${fmt(flat.mb, 0)} MB corpus, parse --jobs 1`, 52)} ${flat.error ? `FAILED (${flat.error}) ` : ""}peak RSS ${fmt(flat.peakRssKb / 1024, 0)} MB, ${fmt(mbps(flat.mb * MB, flat.wallMs))} MB/s`,
  );
if (flat?.bigFile)
  out.push(
    `${pad(`one ${fmt(flat.bigFile.mb, 0)} MB file, parse --jobs 1`, 52)} ${flat.bigFile.error ? `FAILED (${flat.bigFile.error}) ` : ""}peak RSS ${fmt(flat.bigFile.peakRssKb / 1024, 0)} MB, ${fmt(mbps(flat.bigFile.mb * MB, flat.bigFile.wallMs))} MB/s`,
  );
out.push("");
out.push("floors (issue 7):");
for (const f of floors)
  out.push(`  ${pad(f.result, 8)} ${pad(f.name, 52)} ${f.measured === null ? "" : fmt(f.measured, 2)}`);

const dir = path.join(repo, "bench-results");
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${results.date.replace(/[:.]/g, "-")}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(out.join("\n"));
console.log(`\nresults: ${path.relative(process.cwd(), file)}`);
cleanup();
if (opt.strict && floors.some((f) => f.result === "FAIL")) process.exit(1);
