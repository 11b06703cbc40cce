// The baseline: a bare Node process that loads nodejieba, reads every file of a folder and cuts it.
// Usage: node scripts/bench/jieba-cut.mjs <dir>   (prints one JSON line)
//        node scripts/bench/jieba-cut.mjs --one   (loads nodejieba and cuts one sentence: RSS floor)
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const t0 = performance.now();
const nodejieba = require("nodejieba");
const arg = process.argv[2];

if (arg === "--one") {
  const words = nodejieba.cut("全年新增养老床位不少于200张,年底前完成。");
  process.stdout.write(`${JSON.stringify({ words: words.length, ms: performance.now() - t0 })}\n`);
} else {
  nodejieba.load();
  const t1 = performance.now();
  let bytes = 0;
  let words = 0;
  const files = readdirSync(arg).sort();
  for (const name of files) {
    const buf = readFileSync(path.join(arg, name));
    bytes += buf.length;
    words += nodejieba.cut(buf.toString("utf8")).length;
  }
  const t2 = performance.now();
  process.stdout.write(
    `${JSON.stringify({ files: files.length, bytes, words, loadMs: t1 - t0, cutMs: t2 - t1 })}\n`,
  );
}
