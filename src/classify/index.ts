/**
 * Topic classification of sections (classify stage).
 *
 * Each section is scored against the taxonomy from its title (weighted most) and
 * its own text (its span minus its children's spans). Keywords are matched
 * longest-first without overlap, so "未成年人救助保护" counts for 儿童福利 only.
 * A section keeps every topic that clears an absolute floor and is close enough
 * to its best topic (precision over recall). Then:
 *   - a parent with no topic of its own takes the topics most of its children share;
 *   - a child with no topic of its own inherits its parent's topics;
 *   - anything still without a topic gets "其他".
 */
import type { Section, TopicTaxonomy } from "../types.js";
import { DEFAULT_TAXONOMY, OTHER_TOPIC } from "./taxonomy.js";

export { DEFAULT_TAXONOMY, OTHER_TOPIC } from "./taxonomy.js";
export { headlineRegions } from "./headline.js";
export {
  buildIndicatorMatcher,
  DEFAULT_CATALOGUE,
  type IndicatorCatalogue,
  type IndicatorEntry,
  indicatorUnitClass,
  matchIndicator,
  mergeCatalogue,
  parseCatalogue,
} from "./indicators.js";
export { classifyTargets, indicatorOf, qualifiersOf } from "./targets.js";
export { classifiedWith, reclassifySaved, type SavedCheck } from "./saved.js";

/** Weight of one keyword hit in the title, against 1 for a hit in the body. */
const TITLE_WEIGHT = 3;
/** A topic needs at least this score: one title hit, or three body hits. */
const MIN_SCORE = 3;
/** ... and at least this share of the section's best score. */
const MIN_SHARE = 0.5;
/** Body hits of one topic count at most this much (long sections ramble). */
const BODY_CAP = 12;
/** A parent without topics of its own takes those held by this share of its children. */
const CHILD_SHARE = 0.5;

/** Keyword matcher built once per taxonomy: keywords grouped by first character, longest first. */
export interface TopicMatcher {
  topics: string[];
  byFirst: Map<string, { keyword: string; topic: number }[]>;
}

const matcherCache = new WeakMap<TopicTaxonomy, TopicMatcher>();

export function buildMatcher(taxonomy: TopicTaxonomy): TopicMatcher {
  const cached = matcherCache.get(taxonomy);
  if (cached) return cached;
  const topics = taxonomy.map((t) => t.topic);
  const byFirst = new Map<string, { keyword: string; topic: number }[]>();
  taxonomy.forEach((def, topic) => {
    for (const raw of def.keywords) {
      const keyword = normalizeForMatch(raw);
      const first = keyword[0];
      if (first === undefined) continue;
      let list = byFirst.get(first);
      if (!list) {
        list = [];
        byFirst.set(first, list);
      }
      list.push({ keyword, topic });
    }
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.keyword.length - a.keyword.length);
  const matcher = { topics, byFirst };
  matcherCache.set(taxonomy, matcher);
  return matcher;
}

/** Width-normalise for matching: full-width brackets, digits and letters to ASCII. */
export function normalizeForMatch(text: string): string {
  return text.normalize("NFKC");
}

/** (performance) `byFirst` by char code: slot[code] - 1 indexes `lists` (0: no keyword starts there). */
interface CodeIndex {
  slot: Uint16Array;
  lists: { keyword: string; topic: number }[][];
}

const codeIndexCache = new WeakMap<TopicMatcher, CodeIndex>();

function codeIndex(matcher: TopicMatcher): CodeIndex {
  let index = codeIndexCache.get(matcher);
  if (index) return index;
  const slot = new Uint16Array(0x10000);
  const lists: { keyword: string; topic: number }[][] = [];
  for (const [first, list] of matcher.byFirst) {
    // keys are single UTF-16 code units (keyword[0])
    if (first.length !== 1) continue;
    lists.push(list);
    slot[first.charCodeAt(0)] = lists.length;
  }
  index = { slot, lists };
  codeIndexCache.set(matcher, index);
  return index;
}

/** Keyword hits per topic index, longest keyword first, no overlaps. */
export function countHits(text: string, matcher: TopicMatcher): number[] {
  const hits = new Array<number>(matcher.topics.length).fill(0);
  tally(text, codeIndex(matcher), hits, 0);
  return hits;
}

/** Adds the keyword hits of `text` to hits[base + topic index]. */
function tally(text: string, index: CodeIndex, hits: number[], base: number): void {
  const s = normalizeForMatch(text);
  const slot = index.slot;
  const lists = index.lists;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const at = slot[s.charCodeAt(i)] as number;
    let advanced = false;
    if (at !== 0) {
      const list = lists[at - 1] as { keyword: string; topic: number }[];
      for (let k = 0; k < list.length; k++) {
        const entry = list[k] as { keyword: string; topic: number };
        if (s.startsWith(entry.keyword, i)) {
          hits[base + entry.topic] = (hits[base + entry.topic] as number) + 1;
          i += entry.keyword.length;
          advanced = true;
          break;
        }
      }
    }
    if (!advanced) i += 1;
  }
}

/** Scores per topic index for a title and a body. */
export function scoreTopics(title: string, body: string, matcher: TopicMatcher): number[] {
  const n = matcher.topics.length;
  const index = codeIndex(matcher);
  // (performance) title hits at [0, n), body hits at [n, 2n): one tally call site, so TurboFan
  // compiles one inlined copy of its loop here instead of two
  const hits = new Array<number>(2 * n).fill(0);
  for (let pass = 0; pass < 2; pass++) tally(pass === 0 ? title : body, index, hits, pass * n);
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    out.push(TITLE_WEIGHT * (hits[k] as number) + Math.min(hits[n + k] as number, BODY_CAP));
  }
  return out;
}

/** The topics that clear the floor and the share of the best, best first (ties: taxonomy order). */
export function pickTopics(scores: number[], topics: string[]): string[] {
  // (performance) plain loops instead of map/filter/sort with closures: this runs once per section
  const best = Math.max(0, ...scores);
  if (best < MIN_SCORE) return [];
  const floor = Math.max(MIN_SCORE, best * MIN_SHARE);
  const picked: number[] = [];
  for (let k = 0; k < scores.length; k++) {
    if ((scores[k] as number) >= floor && topics[k] !== OTHER_TOPIC) insertByScore(picked, k, scores);
  }
  const out: string[] = [];
  for (let i = 0; i < picked.length; i++) out.push(topics[picked[i] as number] as string);
  return out;
}

/**
 * Insert topic index `k` into `picked` (highest score first) after every index of an equal or
 * higher score; indexes come in ascending order, so equal scores keep taxonomy order.
 */
function insertByScore(picked: number[], k: number, scores: number[]): void {
  const score = scores[k] as number;
  let i = picked.length;
  picked.push(k);
  while (i > 0 && (scores[picked[i - 1] as number] as number) < score) {
    picked[i] = picked[i - 1] as number;
    i--;
  }
  picked[i] = k;
}

/** The section's own text: its span without its children's spans (and without its title line). */
function ownText(section: Section, text: string): string {
  if (!text) return "";
  let out = "";
  let pos = section.span.start;
  const children = byStart(section.children);
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Section;
    if (child.span.start > pos) out += text.slice(pos, child.span.start);
    pos = Math.max(pos, child.span.end);
  }
  if (section.span.end > pos) out += text.slice(pos, section.span.end);
  const at = out.indexOf(section.title);
  return at >= 0 && section.title ? out.slice(0, at) + out.slice(at + section.title.length) : out;
}

/** `list` sorted by span start (stable); the list itself when it already is, as it normally is. */
function byStart(list: readonly Section[]): readonly Section[] {
  for (let i = 1; i < list.length; i++) {
    if ((list[i] as Section).span.start < (list[i - 1] as Section).span.start) {
      return [...list].sort((a, b) => a.span.start - b.span.start);
    }
  }
  return list;
}

/**
 * Sets `topics` on every section of the tree (in place). `taxonomy` replaces the
 * built-in one when given; use `mergeTaxonomy` to extend it instead.
 */
export function classifySections(sections: Section[], text: string, taxonomy?: TopicTaxonomy): void {
  const matcher = buildMatcher(taxonomy ?? DEFAULT_TAXONOMY);
  const own = new Map<Section, string[]>();
  // (performance) indexed loops, no for…of. The walks stay closures: module-level recursive
  // functions or one loop over a flattened tree measured slower cold (TurboFan then compiles
  // the walk with scoring inlined).

  const score = (s: Section): void => {
    own.set(s, pickTopics(scoreTopics(s.title, ownText(s, text), matcher), matcher.topics));
    for (let i = 0; i < s.children.length; i++) score(s.children[i] as Section);
  };
  for (let i = 0; i < sections.length; i++) score(sections[i] as Section);

  // Bottom-up: parents without a topic of their own take what most children share.
  const fromChildren = (s: Section): string[] => {
    const childTopics = s.children.map(fromChildren);
    const mine = own.get(s) ?? [];
    if (mine.length > 0 || childTopics.length === 0) return mine;
    const counts = new Map<string, number>();
    for (let i = 0; i < childTopics.length; i++) {
      const list = childTopics[i] as string[];
      for (let j = 0; j < list.length; j++) {
        const t = list[j] as string;
        counts.set(t, (counts.get(t) ?? 0) + 1);
      }
    }
    const shared = matcher.topics.filter((t) => (counts.get(t) ?? 0) >= CHILD_SHARE * childTopics.length);
    own.set(s, shared);
    return shared;
  };
  for (let i = 0; i < sections.length; i++) fromChildren(sections[i] as Section);

  // Top-down: children without a topic inherit their parent's; else 其他.
  const assign = (s: Section, inherited: string[]): void => {
    const mine = own.get(s) ?? [];
    const topics = mine.length > 0 ? mine : inherited;
    s.topics = topics.length > 0 ? topics.slice() : [OTHER_TOPIC];
    for (let i = 0; i < s.children.length; i++) assign(s.children[i] as Section, topics);
  };
  for (let i = 0; i < sections.length; i++) assign(sections[i] as Section, []);
}

/**
 * The taxonomy to use for `--topics FILE`: entries of `extra` with a known topic
 * add keywords to it, new topics are inserted before 其他.
 */
export function mergeTaxonomy(base: TopicTaxonomy, extra: TopicTaxonomy): TopicTaxonomy {
  const out = base.map((d) => ({ topic: d.topic, keywords: [...d.keywords] }));
  for (const def of extra) {
    const known = out.find((d) => d.topic === def.topic);
    if (known) {
      for (const k of def.keywords) if (!known.keywords.includes(k)) known.keywords.push(k);
    } else {
      const other = out.findIndex((d) => d.topic === OTHER_TOPIC);
      const entry = { topic: def.topic, keywords: [...def.keywords] };
      if (other >= 0) out.splice(other, 0, entry);
      else out.push(entry);
    }
  }
  return out;
}

/**
 * The topics a target is listed under (compare's blocks, `targets --topic`): its section's
 * topics, narrowed to those its own clause (`text`) names when the section has several
 * ("国内生产总值增长6.7%" in a review section classified 经济运行, 就业收入, 交通水利 … is listed
 * under 经济运行 only); never a topic its section lacks. A clause that names none of them keeps
 * both topics of a two-topic section, but in a broader section (three or more) it goes to 其他:
 * listing "压减三公经费9%" under each of a long review section's topics puts it where no reader of
 * those blocks expects it. No section (or no topics) → 其他.
 */
export function targetTopics(text: string, sectionTopics: readonly string[] | undefined, matcher: TopicMatcher): string[] {
  const own = sectionTopics && sectionTopics.length > 0 ? [...sectionTopics] : [OTHER_TOPIC];
  if (own.length < 2) return own;
  const hits = countHits(text, matcher);
  const named = own.filter((t) => {
    const i = matcher.topics.indexOf(t);
    return i >= 0 && (hits[i] as number) > 0;
  });
  if (named.length > 0) return named;
  return own.length >= 3 ? [OTHER_TOPIC] : own;
}

/** Validates the `--topics FILE` format: [{ topic: string, keywords: string[] }]. Throws a TypeError. */
export function parseTaxonomy(json: unknown): TopicTaxonomy {
  if (!Array.isArray(json)) throw new TypeError("topics file: expected an array of {topic, keywords}");
  return json.map((entry, i) => {
    const e = entry as { topic?: unknown; keywords?: unknown };
    if (typeof e?.topic !== "string" || e.topic.length === 0) {
      throw new TypeError(`topics file: entry ${i} has no "topic" string`);
    }
    if (!Array.isArray(e.keywords) || !e.keywords.every((k) => typeof k === "string" && k.length > 0)) {
      throw new TypeError(`topics file: entry ${i} ("${e.topic}") needs "keywords": non-empty strings`);
    }
    return { topic: e.topic, keywords: [...(e.keywords as string[])] };
  });
}
