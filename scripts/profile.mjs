#!/usr/bin/env node
// In-process speed loop and CPU profile of parsePlan (decode → clean → meta → segment → extract →
// classify, no nodejieba) over a folder of plans held in memory.
//
//   node scripts/profile.mjs [--rounds N] [--top N] [--out f.cpuprofile] [--no-profile] [--dist DIR] [path...]
//       loads every .txt under the paths (default: ../shared/seeds + ../shared/corpus/docs, else
//       fixtures/plans), runs one warm-up round, then N timed rounds (default 5) and prints each
//       round's time and MB/s and the best round; unless --no-profile, the timed rounds run under
//       the V8 sampling profiler and the top self-time and inclusive-time functions are printed
//       (the profile is written to --out, default /tmp/plan-parse.cpuprofile, for DevTools or
//       scripts/bench/profile-top.mjs, which also lists hot source lines). --dist DIR loads
//       DIR/src/index.js instead of this repository's dist/ (e.g. a build of another commit).
//   node scripts/profile.mjs --show f.cpuprofile [--top N]
//       prints the top functions of an existing profile (e.g. from `node --cpu-prof`).
//
// Needs a build (`npm run build`): it imports dist/src/index.js. The machine may be shared: check
// `uptime`, and compare before/after within one run rather than across runs.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv) {
  const opts = {
    rounds: 5,
    top: 25,
    out: "/tmp/plan-parse.cpuprofile",
    profile: true,
    show: null,
    dist: path.join(repo, "dist"),
    paths: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--rounds") opts.rounds = Math.max(1, Number(argv[++i]));
    else if (a === "--top") opts.top = Math.max(1, Number(argv[++i]));
    else if (a === "--out") opts.out = argv[++i];
    else if (a === "--no-profile") opts.profile = false;
    else if (a === "--show") opts.show = argv[++i];
    else if (a === "--dist") opts.dist = path.resolve(argv[++i]);
    else if (a === "--help" || a === "-h") {
      console.log(readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(1, 19).join("\n"));
      process.exit(0);
    } else opts.paths.push(a);
  }
  return opts;
}

/** "file:line" of a profile call frame, relative to the repository; "" for native frames. */
export function sourceLocation(cf) {
  let url = cf.url || "";
  if (url.startsWith("file://")) url = fileURLToPath(url);
  if (url.startsWith(repo)) url = path.relative(repo, url);
  else if (url.includes("node_modules")) url = url.slice(url.indexOf("node_modules"));
  return url ? `${url}:${cf.lineNumber + 1}` : "";
}

/** Self and inclusive time per function (name + file:line) of a V8 .cpuprofile object. */
export function summarise(profile, n = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const selfUs = new Map();
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
  });
  const label = (cf) => {
    const name = cf.functionName || "(anonymous)";
    const where = sourceLocation(cf);
    return `${name.length > 90 ? `${name.slice(0, 88)}…` : name}${where ? ` ${where}` : ""}`;
  };
  const self = new Map();
  const total = new Map();
  let all = 0;
  for (const [id, us] of selfUs) {
    all += us;
    const k = label(byId.get(id).callFrame);
    self.set(k, (self.get(k) ?? 0) + us);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const kk = label(byId.get(cur).callFrame);
      if (seen.has(kk)) continue;
      seen.add(kk);
      total.set(kk, (total.get(kk) ?? 0) + us);
    }
  }
  const top = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${((100 * us) / all).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`)
      .join("\n");
  return `${(all / 1000).toFixed(0)} ms sampled\n\nself time:\n${top(self)}\n\ninclusive time:\n${top(total)}`;
}

function* walk(p) {
  const st = statSync(p);
  if (st.isFile()) {
    if (p.endsWith(".txt")) yield p;
    return;
  }
  for (const e of readdirSync(p).sort()) yield* walk(path.join(p, e));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.show) {
    console.log(`profile ${opts.show}: ${summarise(JSON.parse(readFileSync(opts.show, "utf8")), opts.top)}`);
    return;
  }
  const dist = path.join(opts.dist, "src/index.js");
  if (!existsSync(dist)) {
    console.error("plan-parse is not built: run `npm run build` first");
    process.exit(2);
  }
  const { parsePlan } = await import(dist);
  let roots = opts.paths;
  if (roots.length === 0) {
    const shared = path.resolve(repo, "../shared");
    roots = existsSync(shared)
      ? [path.join(shared, "seeds"), path.join(shared, "corpus/docs")]
      : [path.join(repo, "fixtures/plans")];
  }
  const files = roots.flatMap((r) => [...walk(r)]);
  const docs = files.map((f) => ({ path: f, buf: readFileSync(f) }));
  const bytes = docs.reduce((a, d) => a + d.buf.length, 0);
  const round = () => {
    const t = performance.now();
    for (const d of docs) {
      try {
        parsePlan(d.buf, { path: d.path });
      } catch {
        // refused inputs (binary, empty) cost their time too; nothing else to do here
      }
    }
    return performance.now() - t;
  };
  const mb = bytes / 1e6;
  console.log(`${docs.length} documents, ${mb.toFixed(2)} MB; warm-up ${round().toFixed(0)} ms`);

  let session = null;
  if (opts.profile) {
    session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 200 });
    await session.post("Profiler.start");
  }
  let best = Infinity;
  for (let r = 0; r < opts.rounds; r++) {
    const ms = round();
    best = Math.min(best, ms);
    console.log(`round ${r + 1}: ${ms.toFixed(0)} ms, ${(mb / (ms / 1000)).toFixed(2)} MB/s`);
  }
  console.log(`best: ${best.toFixed(0)} ms, ${(mb / (best / 1000)).toFixed(2)} MB/s${session ? " (under the profiler)" : ""}`);
  if (session) {
    const { profile } = await session.post("Profiler.stop");
    session.disconnect();
    writeFileSync(opts.out, JSON.stringify(profile));
    console.log(`\nprofile ${opts.out}: ${summarise(profile, opts.top)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
