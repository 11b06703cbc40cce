// Top hot spots of a V8 CPU profile (node --cpu-prof): self and inclusive time per function
// (summarise() of scripts/profile.mjs) and the hottest source lines, file:line relative to the repository.
// Usage: node scripts/bench/profile-top.mjs <file.cpuprofile> [N=25]
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sourceLocation, summarise } from "../profile.mjs";

const [file, n = "25"] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/bench/profile-top.mjs <file.cpuprofile> [N]");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8"));
console.log(`profile: ${file}, ${summarise(profile, Number(n))}`);

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
    const loc = sourceLocation({ url, lineNumber: Number(line) - 1 }) || "(native)";
    return `${((100 * t) / ticks).toFixed(1).padStart(5)}%  ${loc}  ${codeAt(url, Number(line))}`;
  });
console.log(`\nhot lines (share of ${ticks} line ticks):\n${hot.join("\n")}`);
