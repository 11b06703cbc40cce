// Top hot spots of a V8 CPU profile (node --cpu-prof): self time and total (inclusive) time per
// function, with file:line relative to the repository.
// Usage: node scripts/bench/profile-top.mjs <file.cpuprofile> [N=25]
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [file, n = "25"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/bench/profile-top.mjs <file.cpuprofile> [N]");
  process.exit(2);
}
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const profile = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));

// sample counts per node; the time between samples is attributed to the sampled node
const selfUs = new Map();
const deltas = profile.timeDeltas ?? [];
profile.samples.forEach((id, i) => {
  selfUs.set(id, (selfUs.get(id) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0));
});

const parent = new Map();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);

const where = (cf) => {
  let url = cf.url || "";
  if (url.startsWith("file://")) url = fileURLToPath(url);
  if (url.startsWith(repo)) url = path.relative(repo, url);
  else if (url.includes("node_modules")) url = url.slice(url.indexOf("node_modules"));
  return url ? `${url}:${cf.lineNumber + 1}` : "(native)";
};
// regular expressions show as "RegExp: <source>": keep their first 100 characters
const name = (cf) => (cf.functionName.length > 110 ? `${cf.functionName.slice(0, 100)}…` : cf.functionName);
const key = (cf) => `${name(cf) || "(anonymous)"} ${where(cf)}`;

const self = new Map();
const total = new Map();
let all = 0;
for (const [id, us] of selfUs) {
  all += us;
  const node = byId.get(id);
  self.set(key(node.callFrame), (self.get(key(node.callFrame)) ?? 0) + us);
  // inclusive time: count each function once per stack
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = key(byId.get(cur).callFrame);
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) ?? 0) + us);
  }
}

const top = (map) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(n))
    .map(
      ([k, us]) =>
        `${((100 * us) / all).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}`,
    )
    .join("\n");
console.log(`profile: ${file}, ${(all / 1000).toFixed(0)} ms sampled\n\nself time:\n${top(self)}`);
console.log(`\ntotal time (inclusive):\n${top(total)}`);

// hot source lines (V8's positionTicks), with the line's code: dist/ lines map to src/ by their text
const lineTicks = new Map();
let ticks = 0;
for (const node of profile.nodes) {
  for (const pt of node.positionTicks ?? []) {
    const url = node.callFrame.url;
    if (!url) continue;
    const k = `${url}\t${pt.line}`;
    lineTicks.set(k, (lineTicks.get(k) ?? 0) + pt.ticks);
    ticks += pt.ticks;
  }
}
const sources = new Map();
const codeAt = (url, line) => {
  if (!url.startsWith("file://")) return "";
  const file = fileURLToPath(url);
  if (!sources.has(file)) {
    try {
      sources.set(file, readFileSync(file, "utf8").split("\n"));
    } catch {
      sources.set(file, []);
    }
  }
  return (sources.get(file)[line - 1] ?? "").trim().slice(0, 100);
};
const hot = [...lineTicks.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(n))
  .map(([k, t]) => {
    const [url, line] = k.split("\t");
    const loc = where({ url, lineNumber: Number(line) - 1 });
    return `${((100 * t) / ticks).toFixed(1).padStart(5)}%  ${loc}  ${codeAt(url, Number(line))}`;
  });
console.log(`\nhot lines (share of ${ticks} line ticks):\n${hot.join("\n")}`);
