// The bench corpus: every fixture text (and ../shared/corpus/docs + ../shared/seeds when
// present), copied round-robin into a folder until it holds the requested number of bytes.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

function walkTxt(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walkTxt(full, out);
    else if (entry.isFile() && entry.name.endsWith(".txt")) out.push(full);
  }
  return out;
}

/**
 * Source documents, de-duplicated by content, sorted for a stable order. `accept(buffer)` may
 * leave files out (the bench drops what the decoder refuses, e.g. fixtures/cli/bad/pixel.png.txt).
 * @returns {{ files: { path: string, bytes: number }[], excluded: string[], origins: string[] }}
 */
export function collectSources(repo, accept = () => true) {
  const shared = path.resolve(repo, "../shared");
  const roots = [path.join(repo, "fixtures")];
  if (existsSync(shared)) roots.push(path.join(shared, "corpus/docs"), path.join(shared, "seeds"));
  const seen = new Set();
  const files = [];
  const excluded = [];
  for (const root of roots) {
    for (const p of walkTxt(root).sort()) {
      const content = readFileSync(p);
      const key = createHash("sha1").update(content).digest("hex");
      if (content.length === 0 || seen.has(key)) continue; // fixtures/fuzz holds copies of seeds
      seen.add(key);
      if (accept(content)) files.push({ path: p, bytes: content.length });
      else excluded.push(p);
    }
  }
  return { files, excluded, origins: roots.filter((r) => existsSync(r)) };
}

/**
 * Fills `dir` with copies of `sources` (round-robin) until `targetBytes` is reached.
 * Files are named r<round>_<index>_<basename> so a directory listing keeps a stable order.
 */
export function buildCorpus(dir, sources, targetBytes) {
  mkdirSync(dir, { recursive: true });
  const files = [];
  let bytes = 0;
  for (let round = 0; bytes < targetBytes && sources.length > 0; round++) {
    for (let i = 0; i < sources.length && bytes < targetBytes; i++) {
      const src = sources[i];
      const base =
        path.basename(src.path) === "input.txt"
          ? `${path.basename(path.dirname(src.path))}.txt`
          : path.basename(src.path);
      const name = `r${String(round).padStart(4, "0")}_${String(i).padStart(3, "0")}_${base}`;
      const dest = path.join(dir, name);
      copyFileSync(src.path, dest);
      files.push(dest);
      bytes += src.bytes;
    }
  }
  return { dir, files, bytes };
}

/** One file of about `targetBytes`: the sources' UTF-8 texts concatenated, repeated. */
export function writeBigFile(dir, sources, targetBytes) {
  mkdirSync(dir, { recursive: true });
  const texts = sources
    .map((s) => readFileSync(s.path))
    .filter((b) => !b.includes(0) && Buffer.from(b.toString("utf8")).equals(b));
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes && texts.length > 0; i++) {
    const t = texts[i % texts.length];
    parts.push(t, Buffer.from("\n"));
    bytes += t.length + 1;
  }
  const p = path.join(dir, "big.txt");
  writeFileSync(p, Buffer.concat(parts));
  return { path: p, bytes };
}

/** A small plan (about 1 KB) for start-up figures: a few sections, a target, a deadline. */
export const SMALL_PLAN = `某县民政局2024年工作计划
一、加强党的建设
(一)落实全面从严治党。年底前完成支部标准化建设。
二、兜牢民生底线
(一)社会救助。全年发放低保金不少于1200万元,9月底前完成动态核查。
(二)养老服务。新增养老床位200张,护理型床位占比达到60%以上。
三、提升基层治理
1.完善社区服务。每个城市社区配备社会工作者不少于2名。
2.规范婚姻登记。办结率达到100%。
`;

export function writeSmallPlan(dir) {
  mkdirSync(dir, { recursive: true });
  const p = path.join(dir, "small-plan.txt");
  writeFileSync(p, SMALL_PLAN);
  return p;
}

/** Adversarial single-line inputs (issue 6/7): each unit repeated to about `bytes` UTF-8 bytes. */
export const ADVERSARIAL_UNITS = {
  parens: "(",
  digits: "1234567890",
  hanzi: "一、",
  "hanzi-paren": "(一)",
  "not-less-than": "不少于",
  arabic: "1.",
  chapter: "第一章",
  "year-end": "年底前",
};

export function writeAdversarial(dir, bytes) {
  mkdirSync(dir, { recursive: true });
  return Object.entries(ADVERSARIAL_UNITS).map(([name, unit]) => {
    const unitBytes = Buffer.byteLength(unit);
    const p = path.join(dir, `${name}.txt`);
    writeFileSync(p, `${unit.repeat(Math.ceil(bytes / unitBytes))}\n`);
    return { name, unit, path: p };
  });
}
