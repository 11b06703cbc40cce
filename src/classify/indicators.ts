/**
 * Indicator matching (classify stage): which catalogued series a figure measures.
 *
 * The metric as written (then, when it names nothing, the clause before the figure, then the
 * words just before the figure in the document) is normalised (NFKC, no spaces or punctuation,
 * the catalogue's rewrites) and scanned for phrasings whose entry accepts the figure's unit
 * class. The longest phrasing wins, the earliest on a tie ("研发经费支出占生产总值比重" is
 * rd.intensity, not gdp; "城镇居民人均可支配收入和农民人均纯收入" is the urban series). No
 * phrasing → null: never a guess. Only candidate spans are scanned (a metric, a clause).
 */
import { type UnitClass, unitClassOf } from "../extract/lexicon/units.js";
import type { IndicatorRef } from "../types.js";
import { DEFAULT_CATALOGUE } from "./indicator-catalogue.js";
import type { IndicatorCatalogue, IndicatorEntry, IndicatorUnit } from "./indicator-types.js";

export { DEFAULT_CATALOGUE } from "./indicator-catalogue.js";
export type { IndicatorCatalogue, IndicatorEntry, IndicatorUnit } from "./indicator-types.js";

/**
 * An entry's unit classes are coarser than the unit table's (src/extract/lexicon/units.ts, the one
 * list of units): a rate in points is a rate, households and pairs are counts, a mass is a weight.
 * A unit the table does not know is null, except the few an indicator needs by name.
 */
const FROM_TABLE: Readonly<Record<UnitClass, IndicatorUnit | null>> = {
  percent: "percent",
  points: "percent",
  permille: "permille",
  "permille-points": "permille",
  money: "money",
  person: "person",
  "person-times": "person",
  household: "count",
  pair: "count",
  count: "count",
  times: "count",
  bed: "bed",
  multiple: "times",
  area: "area",
  volume: "volume",
  mass: "weight",
  energy: "energy",
  number: "count",
  tenths: null,
  score: null,
  hour: null,
  length: null,
  power: null,
  container: null,
};

/** Units an indicator needs that the table keeps as open units (or reads otherwise). */
const BY_NAME: Readonly<Record<string, IndicatorUnit>> = {
  "": "index",
  番: "times",
  倍: "times",
  吨标准煤: "energy",
  万吨标准煤: "energy",
  亿立方米: "volume",
  万立方米: "volume",
  "微克/立方米": "concentration",
  天: "day",
  岁: "year",
  年: "year",
};

/** The unit class a catalogue entry names ("percent", "money", …), or null for an unknown unit. */
export function indicatorUnitClass(unit: string): IndicatorUnit | null {
  const u = unit.normalize("NFKC").trim();
  const named = BY_NAME[u];
  if (named !== undefined) return named;
  const c = unitClassOf(u);
  return c === undefined ? null : FROM_TABLE[c];
}

interface Phrase {
  text: string;
  entry: IndicatorEntry;
}

export interface IndicatorMatcher {
  catalogue: IndicatorCatalogue;
  rewrites: [string, string][];
  /** Phrasings by first character, longest first. */
  byFirst: Map<string, Phrase[]>;
  byId: Map<string, IndicatorEntry>;
  /** Phrasings written "=工业": the whole (normalised) wording only, never a part of it. */
  exact: Map<string, Phrase[]>;
}

const matcherCache = new WeakMap<IndicatorCatalogue, IndicatorMatcher>();

/** Punctuation and spaces dropped before matching ("." stays: PM2.5). */
const DROP = /[\s，,；;：:。！？“”"'‘’（）()《》〈〉【】\-—·…]/gu;

function normalizeWith(text: string, rewrites: [string, string][]): string {
  let s = text.normalize("NFKC").replace(DROP, "");
  for (const [from, to] of rewrites) if (s.includes(from)) s = s.split(from).join(to);
  return s;
}

export function buildIndicatorMatcher(catalogue: IndicatorCatalogue = DEFAULT_CATALOGUE): IndicatorMatcher {
  const cached = matcherCache.get(catalogue);
  if (cached) return cached;
  const rewrites = catalogue.rewrites.map(([a, b]) => [a.normalize("NFKC"), b.normalize("NFKC")] as [string, string]);
  const byFirst = new Map<string, Phrase[]>();
  const byId = new Map<string, IndicatorEntry>();
  const exact = new Map<string, Phrase[]>();
  for (const entry of catalogue.indicators) {
    byId.set(entry.id, entry);
    for (const raw of entry.phrasings) {
      if (raw.startsWith("=")) {
        const whole = normalizeWith(raw.slice(1), rewrites);
        const list = exact.get(whole) ?? [];
        list.push({ text: whole, entry });
        exact.set(whole, list);
        continue;
      }
      const text = normalizeWith(raw, rewrites);
      const first = text[0];
      if (first === undefined) continue;
      let list = byFirst.get(first);
      if (!list) byFirst.set(first, (list = []));
      list.push({ text, entry });
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length);
  const matcher = { catalogue, rewrites, byFirst, byId, exact };
  matcherCache.set(catalogue, matcher);
  return matcher;
}

function accepts(entry: IndicatorEntry, unitClass: IndicatorUnit | null): boolean {
  if (entry.units.includes("any")) return true;
  return unitClass !== null && entry.units.includes(unitClass);
}

interface Hit {
  entry: IndicatorEntry;
  at: number;
  length: number;
}

/**
 * A measure word in the words AFTER a phrasing makes the phrasing a modifier, not the head:
 * "社会组织党组织覆盖率" is a coverage rate, not a count of 社会组织; "分散供养特困人员提供照料服务比例"
 * is not the dispersed-support standard. (The phrasing itself may end with one: 森林覆盖率.)
 */
const MEASURE_AFTER = /率|比重|比例|占比|之比|贡献|覆盖|密度|强度/u;
/** A phrasing after 占 / 与…之比 names the denominator ("研发经费支出占生产总值比重"), not the series. */
const DENOMINATOR = /占|与/u;
/** 单位/万元/亿元 right before a phrasing make it a denominator too: 万元GDP建设用地 is per GDP, not GDP. */
const PER_UNIT_BEFORE = /(?:单位|万元|亿元)$/u;

/** Every phrasing occurrence in normalised `s` whose entry accepts the unit (longest per position). */
function hits(s: string, unitClass: IndicatorUnit | null, matcher: IndicatorMatcher): Hit[] {
  const out: Hit[] = [];
  const denominatorFrom = s.search(DENOMINATOR);
  for (let i = 0; i < s.length; i++) {
    const list = matcher.byFirst.get(s[i] as string);
    if (!list) continue;
    for (const p of list) {
      if (s.startsWith(p.text, i) && accepts(p.entry, unitClass)) {
        // up to the next conjunction: "常住人口城镇化率和户籍人口城镇化率" names two heads
        const tail = s.slice(i + p.text.length).split(/和|、|及/u)[0] as string;
        const head =
          !MEASURE_AFTER.test(tail) &&
          !(denominatorFrom >= 0 && i > denominatorFrom) &&
          !PER_UNIT_BEFORE.test(s.slice(Math.max(0, i - 2), i));
        if (head) out.push({ entry: p.entry, at: i, length: p.text.length });
        break;
      }
    }
  }
  return out;
}

/** The longest hit, the earliest on a tie. */
function longest(list: Hit[]): Hit | null {
  let best: Hit | null = null;
  for (const h of list) if (!best || h.length > best.length) best = h;
  return best;
}

/** The entry a wording names for a figure of `unit`, or null. */
export function matchIndicator(wording: string, unit: string, matcher: IndicatorMatcher): IndicatorEntry | null {
  const s = normalizeWith(wording, matcher.rewrites);
  const unitClass = indicatorUnitClass(unit);
  const whole = matcher.exact.get(s)?.find((p) => accepts(p.entry, unitClass));
  if (whole) return whole.entry;
  return longest(hits(s, unitClass, matcher))?.entry ?? null;
}

/**
 * The series a wording names, in order, without overlaps (left to right, the longest at each
 * place): "城镇调查失业率和城镇登记失业率" → surveyed, registered. One entry with `splits` stands for
 * its splits.
 */
export function seriesNamed(wording: string, unit: string, matcher: IndicatorMatcher): IndicatorEntry[] {
  const s = normalizeWith(wording, matcher.rewrites);
  const out: IndicatorEntry[] = [];
  let until = 0;
  for (const h of hits(s, indicatorUnitClass(unit), matcher)) {
    if (h.at < until) continue;
    if (!out.includes(h.entry)) out.push(h.entry);
    until = h.at + h.length;
  }
  const only = out[0];
  if (out.length === 1 && only?.splits) {
    const split = only.splits.map((id) => matcher.byId.get(id)).filter((e): e is IndicatorEntry => e !== undefined);
    if (split.length === only.splits.length) return split;
  }
  return out;
}

/**
 * The entry named nearest before the figure in `lead` (the words before it in its sentence):
 * "生产总值增长7%，全社会固定资产投资按13%组织" → the last phrasing, the longest on a tie.
 */
export function matchNearestBefore(lead: string, unit: string, matcher: IndicatorMatcher): IndicatorEntry | null {
  const s = normalizeWith(lead, matcher.rewrites);
  let best: Hit | null = null;
  for (const h of hits(s, indicatorUnitClass(unit), matcher)) {
    const end = h.at + h.length;
    const bestEnd = best ? best.at + best.length : -1;
    if (!best || end > bestEnd || (end === bestEnd && h.length > best.length)) best = h;
  }
  return best?.entry ?? null;
}

export function indicatorRef(entry: IndicatorEntry | null): IndicatorRef | null {
  return entry ? { id: entry.id, name: entry.name } : null;
}

/** `base` extended by `extra`: an entry with a known id replaces it, new ids are appended. */
export function mergeCatalogue(base: IndicatorCatalogue, extra: IndicatorCatalogue): IndicatorCatalogue {
  const indicators = base.indicators.map((e) => extra.indicators.find((x) => x.id === e.id) ?? e);
  for (const e of extra.indicators) if (!base.indicators.some((b) => b.id === e.id)) indicators.push(e);
  return { rewrites: [...base.rewrites, ...extra.rewrites], indicators };
}

const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/** Validates the `--indicators FILE` format ({rewrites?, indicators: [...]}, or just the array). Throws a TypeError. */
export function parseCatalogue(json: unknown): IndicatorCatalogue {
  const body = Array.isArray(json) ? { indicators: json } : (json as { rewrites?: unknown; indicators?: unknown });
  if (typeof body !== "object" || body === null || !Array.isArray(body.indicators)) {
    throw new TypeError('indicators file: expected {"indicators": [...]} or an array of entries');
  }
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string" && x.length > 0);
  const indicators = (body.indicators as unknown[]).map((raw, i) => {
    const e = raw as Partial<Record<keyof IndicatorEntry, unknown>>;
    if (typeof e?.id !== "string" || !ID.test(e.id)) throw new TypeError(`indicators file: entry ${i} needs an ASCII "id" like "gdp.growth"`);
    if (typeof e.name !== "string" || !e.name) throw new TypeError(`indicators file: entry ${i} ("${e.id}") needs a "name"`);
    if (!strings(e.phrasings)) throw new TypeError(`indicators file: entry ${i} ("${e.id}") needs "phrasings": non-empty strings`);
    const topic = typeof e.topic === "string" ? [e.topic] : strings(e.topic) ? e.topic : [];
    const units = strings(e.units) ? (e.units as IndicatorUnit[]) : ["any" as const];
    return {
      id: e.id,
      name: e.name,
      measure: typeof e.measure === "string" ? e.measure : "",
      units,
      topic,
      phrasings: e.phrasings,
      examples: strings(e.examples) ? e.examples : [],
      counterexamples: strings(e.counterexamples) ? e.counterexamples : [],
      ...(strings(e.splits) ? { splits: e.splits } : {}),
    };
  });
  const rw = (body as { rewrites?: unknown }).rewrites;
  const rewrites = Array.isArray(rw) ? rw.filter((p): p is [string, string] => strings(p) && p.length === 2) : [];
  return { rewrites, indicators };
}
