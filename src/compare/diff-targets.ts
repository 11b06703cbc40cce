/**
 * Target pairing for diff: which figure of NEW continues which figure of OLD.
 *
 * - Never across kinds: a target pairs with a target, an achievement with an achievement, a
 *   stretch value (力争, qualifier "stretch") with a stretch value.
 * - By catalogued indicator first (`Target.indicator.id`, both sides known and equal; two
 *   different known indicators never pair), then by metric: in the matched section (metric or
 *   clause similarity), anywhere for the same metric key (a figure whose section moved), and
 *   between two headline figures of similar metric.
 * - One-to-one optimal assignment per connected group of candidates (assign.ts).
 * - Junk metrics (only a number: "77043元") are left out and counted.
 */
import type { Target } from "../types.js";
import { assign } from "./assign.js";
import { compatible as unitsCompatible, metricKey, metricSimilarity, unitClass } from "./metric.js";
import { bigrams, dice, squash } from "./similarity.js";

/** Two targets of matched sections pair from this metric similarity on. */
const TARGET_METRIC_MIN = 0.6;
/** ... or from this similarity of their clauses (same unit class still required). */
const TARGET_TEXT_MIN = 0.75;
/** A figure in another section pairs on the same metric key and this clause similarity ... */
const MOVED_TEXT_MIN = 0.4;
/** Above this many members, a candidate group is paired greedily. */
const ASSIGN_MAX = 400;

/**
 * A metric that is only a number with a unit or filler: 77043元, 3.5万, 2024年, 100%.
 * Counterexamples: 5G基站 (a named thing), 城镇新增就业 (no digit at all).
 */
const JUNK_METRIC = /^[\d.,，、~～\-+%％万亿千百十余多个元年月日人次件项家座处户张台辆吨米只条所万元亿元约近超]*$/u;

export function isJunkMetric(metric: string): boolean {
  const m = squash(metric);
  return m === "" || (/\d/.test(m) && JUNK_METRIC.test(m));
}

/**
 * Heads that say where or how, not what: 地区生产总值 = 本市生产总值, 单位 = 万元 (能耗), and the
 * verbs of "new X" (建成5G基站 / 新增5G基站, 认定高新技术企业 / 新增高新技术企业).
 */
const SCOPE_HEAD =
  /^(?:单位|万元|地区|本市|本地|本区|本省|全市|全省|全区|全县|全州|全社会|我市|我省|我区|新增|新建|建成|发展|创办|培育|认定|新认定|年底)$/;

/**
 * Two wordings of one measure with different heads name different indicators: 城镇居民… /
 * 农村居民…, 三次产业增加值 / 文创产业增加值 (a shared tail of 3 characters or more, both heads
 * of 2 or more with no character in common, neither a scope word). Counterexamples:
 * 规模以上工业增加值 / 规上工业增加值 (heads share 规), 地区生产总值 / 本市生产总值 (scope),
 * 全体居民人均可支配收入 / 居民人均可支配收入 (one head empty), 建成高速公路 / 新增高速公路.
 * Measured on the report series: of the pairs it blocks (metric similarity ≥ 0.6), nearly all are
 * different indicators (城镇/农村居民收入 ×20, 实际/合同利用外资, 金融业/服务业增加值).
 */
export function distinctHeads(a: string, b: string): boolean {
  const x = Array.from(metricKey(a));
  const y = Array.from(metricKey(b));
  let k = 0;
  while (k < x.length && k < y.length && x[x.length - 1 - k] === y[y.length - 1 - k]) k++;
  if (k < 3) return false;
  const hx = x.slice(0, x.length - k).join("");
  const hy = y.slice(0, y.length - k).join("");
  if (hx.length < 2 || hy.length < 2 || SCOPE_HEAD.test(hx) || SCOPE_HEAD.test(hy)) return false;
  return !Array.from(hx).some((c) => hy.includes(c));
}

/**
 * Unit classes for pairing two years' figures: compare's, and 万亿元 as money, since a figure in
 * 万亿元 continues one in 亿元 (12976 亿元 → 1.4 万亿元).
 */
function pairingUnitClass(unit: string): string {
  return /^万亿元?$/u.test(unit.normalize("NFKC").trim()) ? "money" : unitClass(unit);
}

function compatible(a: Target, b: Target): boolean {
  return unitsCompatible(a, b, pairingUnitClass);
}

/** What pairs with what: status and base/stretch. */
export function targetKind(t: Target): string {
  return `${t.status}|${t.qualifiers?.includes("stretch") ? "stretch" : "base"}`;
}

export function sameFigure(a: Target, b: Target): boolean {
  return (
    a.value === b.value &&
    (a.valueMax ?? null) === (b.valueMax ?? null) &&
    a.comparator === b.comparator &&
    a.unit.normalize("NFKC") === b.unit.normalize("NFKC") &&
    (a.change ?? null) === (b.change ?? null)
  );
}

export interface PairingInput {
  old: Target[];
  new: Target[];
  /** OLD section id → matched NEW section id. */
  sectionMap: Map<string | null, string | null>;
  /** Ids of the headline figures of each side. */
  headline: { old: Set<string>; new: Set<string> };
}

export interface Pairing {
  pairs: [Target, Target][];
  added: Target[];
  removed: Target[];
  skipped: { old: number; new: number };
}

interface Candidate {
  o: number;
  n: number;
  score: number;
}

function pushTo<K>(map: Map<K, number[]>, key: K, j: number): void {
  const list = map.get(key) ?? [];
  list.push(j);
  map.set(key, list);
}

function candidates(input: PairingInput, oldT: Target[], newT: Target[]): Candidate[] {
  const oldText = oldT.map((t) => bigrams(squash(t.text)));
  const newText = newT.map((t) => bigrams(squash(t.text)));
  const bySection = new Map<string | null, number[]>();
  const byKey = new Map<string, number[]>();
  const byIndicator = new Map<string, number[]>();
  const headlineNew: number[] = [];
  newT.forEach((n, j) => {
    pushTo(bySection, n.sectionId, j);
    pushTo(byKey, metricKey(n.metric), j);
    if (n.indicator) pushTo(byIndicator, n.indicator.id, j);
    if (input.headline.new.has(n.id)) headlineNew.push(j);
  });
  const out: Candidate[] = [];
  oldT.forEach((o, i) => {
    const home = input.sectionMap.has(o.sectionId) ? input.sectionMap.get(o.sectionId) : undefined;
    const oHead = input.headline.old.has(o.id);
    const near = new Set([
      ...(home !== undefined ? (bySection.get(home) ?? []) : []),
      ...(byKey.get(metricKey(o.metric)) ?? []),
      ...(o.indicator ? (byIndicator.get(o.indicator.id) ?? []) : []),
      ...(oHead ? headlineNew : []),
    ]);
    for (const j of near) {
      const n = newT[j] as Target;
      if (targetKind(o) !== targetKind(n) || !compatible(o, n)) continue;
      const textSim = dice(oldText[i] as Set<string>, newText[j] as Set<string>);
      const same = sameFigure(o, n) ? 0.1 : 0;
      const inHome = home !== undefined && n.sectionId === home;
      if (o.indicator && n.indicator) {
        // Both catalogued: the indicator decides.
        if (o.indicator.id === n.indicator.id) {
          out.push({ o: i, n: j, score: 3 + 0.3 * textSim + (inHome ? 0.2 : 0) + same });
        }
        continue;
      }
      if (distinctHeads(o.metric, n.metric)) continue;
      const metricSim = metricSimilarity(o.metric, n.metric, { containment: true });
      const bothHead = oHead && input.headline.new.has(n.id);
      if (inHome && (metricSim >= TARGET_METRIC_MIN || textSim >= TARGET_TEXT_MIN)) {
        // Same (matched) section: the metric decides, the clause breaks ties; a nearly
        // identical clause pairs even when the extracted metric wording drifted.
        const sim = Math.max(metricSim, textSim >= TARGET_TEXT_MIN ? 0.9 * textSim : 0);
        out.push({ o: i, n: j, score: 1 + sim + 0.2 * textSim + same });
      } else if (bothHead && metricSim >= TARGET_METRIC_MIN) {
        // Two headline paragraphs: the same indicator, whatever the outline did.
        out.push({ o: i, n: j, score: 1 + metricSim + 0.2 * textSim + same });
      } else if (metricSim === 1 && (textSim >= MOVED_TEXT_MIN || same > 0)) {
        // Moved to another section: only the same metric, in a similar clause or with the same figure.
        out.push({ o: i, n: j, score: metricSim + 0.2 * textSim + 3 * same });
      }
    }
  });
  return out;
}

/** Connected groups of candidates (union-find over old and new indices). */
function groups(cands: Candidate[], nOld: number): Candidate[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while ((parent.get(r) ?? r) !== r) r = parent.get(r) as number;
    parent.set(x, r);
    return r;
  };
  for (const c of cands) {
    const a = find(c.o);
    const b = find(nOld + c.n);
    if (a !== b) parent.set(a, b);
  }
  const byRoot = new Map<number, Candidate[]>();
  for (const c of cands) {
    const r = find(c.o);
    const list = byRoot.get(r) ?? [];
    list.push(c);
    byRoot.set(r, list);
  }
  return [...byRoot.values()];
}

function pairGroup(group: Candidate[]): [number, number][] {
  const rows = [...new Set(group.map((c) => c.o))].sort((a, b) => a - b);
  const cols = [...new Set(group.map((c) => c.n))].sort((a, b) => a - b);
  if (rows.length === 1 || cols.length === 1 || rows.length > ASSIGN_MAX || cols.length > ASSIGN_MAX) {
    const sorted = [...group].sort((x, y) => y.score - x.score || x.o - y.o || x.n - y.n);
    const usedO = new Set<number>();
    const usedN = new Set<number>();
    const out: [number, number][] = [];
    for (const c of sorted) {
      if (usedO.has(c.o) || usedN.has(c.n)) continue;
      usedO.add(c.o);
      usedN.add(c.n);
      out.push([c.o, c.n]);
    }
    return out;
  }
  const ri = new Map(rows.map((r, k) => [r, k]));
  const ci = new Map(cols.map((c, k) => [c, k]));
  const m = rows.map(() => new Array<number>(cols.length).fill(0));
  for (const c of group) (m[ri.get(c.o) as number] as number[])[ci.get(c.n) as number] = c.score;
  const choice = assign(rows.length, cols.length, (i, j) => (m[i] as number[])[j] as number, 1e-9);
  const out: [number, number][] = [];
  choice.forEach((j, i) => {
    if (j >= 0) out.push([rows[i] as number, cols[j] as number]);
  });
  return out;
}

export function pairTargets(input: PairingInput): Pairing {
  const oldT = input.old.filter((t) => !isJunkMetric(t.metric));
  const newT = input.new.filter((t) => !isJunkMetric(t.metric));
  const cands = candidates(input, oldT, newT);
  const pairs = groups(cands, oldT.length).flatMap(pairGroup);
  pairs.sort((x, y) => x[1] - y[1]);
  const usedOld = new Set(pairs.map((p) => p[0]));
  const usedNew = new Set(pairs.map((p) => p[1]));
  return {
    pairs: pairs.map(([i, j]) => [oldT[i] as Target, newT[j] as Target]),
    added: newT.filter((_, j) => !usedNew.has(j)),
    removed: oldT.filter((_, i) => !usedOld.has(i)),
    skipped: { old: input.old.length - oldT.length, new: input.new.length - newT.length },
  };
}
