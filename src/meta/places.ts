/**
 * Place names in normalised text: mentions (for frequency), the place chain
 * written right before an organisation (定海区民政局, 浙江省衢州市衢江区民政局),
 * and masked names (XX市, x市, ***区).
 */
import { type Gazetteer, gazetteer, type Place } from "./gazetteer.js";

export interface Mention {
  name: string;
  start: number;
  end: number;
  places: Place[];
}

/** Characters an administrative name ends with: 省 市 区 县 州 旗 盟 (1 at their char codes). */
const NAME_END = new Uint8Array(0x10000);
for (const ch of "省市区县州旗盟") NAME_END[ch.charCodeAt(0)] = 1;
/** Official names that are also everyday words (城区 "urban area", 新城区 "new town" ...). */
const GENERIC = new Set([
  "城区",
  "郊区",
  "矿区",
  "东区",
  "西区",
  "南区",
  "北区",
  "中区",
  "新区",
  "市中区",
  "新城区",
  "老城区",
  "城中区",
  "城东区",
  "城西区",
  "城北区",
  "城南区",
  "新市区",
  "市辖区",
  "县",
]);
/** What may not follow a name: 区域 / 县域 (area), 市场 (market), 市民 is fine (市民政局). */
const BAD_AFTER: Record<string, RegExp> = {
  区: /^[域间块位]/,
  县: /^[域级]/,
  市: /^[场值况]/,
  省: /^[级份]/,
};
const CJK = /[\u3400-\u9fff]/;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/**
 * All names of a gazetteer read backwards (last character first) as a trie in flat arrays:
 * node 0 is the root and `edges` maps `node * 0x10000 + char code` to the child (one Map for
 * the whole trie rather than one per node: building it is part of every cold start).
 */
interface ReverseTrie {
  edges: Map<number, number>;
  /** per node: the `byName` entry of the name spelled by the path to it */
  full: (Place[] | null)[];
  /** per node: the `byShort` entry */
  short: (Place[] | null)[];
  /** per node: whether the short form is an autonomous prefecture's (恩施州) */
  shortAutonomous: boolean[];
  maxLength: number;
}

const reverseTries = new WeakMap<Gazetteer, ReverseTrie>();

/** The node of `trie` spelling `name` backwards, added (with its parents) when missing. */
function insertReversed(trie: ReverseTrie, name: string): number {
  let node = 0;
  for (let i = name.length - 1; i >= 0; i--) {
    const key = node * 0x10000 + name.charCodeAt(i);
    let child = trie.edges.get(key);
    if (child === undefined) {
      child = trie.full.length;
      trie.full.push(null);
      trie.short.push(null);
      trie.shortAutonomous.push(false);
      trie.edges.set(key, child);
    }
    node = child;
  }
  return node;
}

function anyAutonomousPrefecture(places: readonly Place[]): boolean {
  for (let i = 0; i < places.length; i++) if ((places[i] as Place).name.endsWith("自治州")) return true;
  return false;
}

/** The reverse trie of `g`, built once per gazetteer. */
function reverseTrie(g: Gazetteer): ReverseTrie {
  const cached = reverseTries.get(g);
  if (cached) return cached;
  const trie: ReverseTrie = {
    edges: new Map(),
    full: [null],
    short: [null],
    shortAutonomous: [false],
    maxLength: g.maxLength,
  };
  g.byName.forEach((places, name) => {
    trie.full[insertReversed(trie, name)] = places;
  });
  g.byShort.forEach((places, name) => {
    const node = insertReversed(trie, name);
    trie.short[node] = places;
    trie.shortAutonomous[node] = anyAutonomousPrefecture(places);
  });
  reverseTries.set(g, trie);
  return trie;
}

/**
 * The longest gazetteer name ending at `end` (exclusive): full names, 恩施州-style short forms,
 * and all short forms when `shortAll`. At one length a full name wins over a short form.
 */
function longestEndingAt(trie: ReverseTrie, text: string, end: number, shortAll: boolean): Mention | null {
  const max = Math.min(trie.maxLength, end);
  let node = 0;
  let bestLen = 0;
  let best: Place[] | null = null;
  for (let len = 1; len <= max; len++) {
    const next = trie.edges.get(node * 0x10000 + text.charCodeAt(end - len));
    if (next === undefined) break;
    node = next;
    if (len < 2) continue;
    const full = trie.full[node] as Place[] | null;
    if (full !== null) {
      bestLen = len;
      best = full;
    } else {
      const short = trie.short[node] as Place[] | null;
      if (short !== null && (shortAll || trie.shortAutonomous[node] === true)) {
        bestLen = len;
        best = short;
      }
    }
  }
  if (best === null) return null;
  const start = end - bestLen;
  return { name: text.slice(start, end), start, end, places: best };
}

/**
 * Every administrative-name mention in `text`, left to right. Generic names and
 * names glued into words (区域, 市场, a two-character county inside a phrase) are skipped.
 */
export function findMentions(text: string): Mention[] {
  const trie = reverseTrie(gazetteer());
  const out: Mention[] = [];
  let lastEnd = -1;
  for (let j = 0; j < text.length; j++) {
    if (NAME_END[text.charCodeAt(j)] !== 1) continue;
    const ch = text[j] as string;
    const m = longestEndingAt(trie, text, j + 1, false);
    if (!m || GENERIC.has(m.name)) continue;
    const bad = BAD_AFTER[ch];
    if (bad?.test(text.slice(j + 1, j + 2))) continue;
    if (m.start < lastEnd) {
      // Overlap (衢州 | 衢州市): keep the longer reading.
      const prev = out[out.length - 1];
      if (!prev || m.end - m.start <= prev.end - prev.start) continue;
      out.pop();
    } else if (m.name.length === 2 && isCjk(text[m.start - 1]) && m.start !== lastEnd) continue;
    if (m.start !== lastEnd && !startsWord(text, m, trie)) continue;
    out.push(m);
    lastEnd = m.end;
  }
  return out;
}

/** A place "new" or "southern" of something else is not the document's place: 新花溪区, 南部滨海新区. */
const QUALIFIED = /(?:[东西南北中]部|新)$/;
/** Two-character words that end on a place's first character (新增城区 is not 增城区). */
const GLUE_WORDS = new Set(["新增", "新建", "增设", "设立", "撤销", "合并", "重建", "扩建"]);

/**
 * Whether a gazetteer hit starts a word: not the tail of another word (南昌都市圈 is 南昌 + 都市圈,
 * not 昌都市; 新增城区 is not 增城区) and not qualified as another area's part (南部滨海新区).
 * A cheap check on every hit, without nodejieba: loading it costs about 2 s per process, and
 * this runs on every document (nodejieba judges only the short city names, in region.ts
 * `ownCity`). A listed glue word, or a place name ending on the hit's first character (南昌
 * over 昌都市), rules the hit out. See docs/decisions/meta.md.
 */
function startsWord(text: string, m: Mention, trie: ReverseTrie): boolean {
  const before = text.slice(Math.max(0, m.start - 2), m.start);
  if (QUALIFIED.test(before)) return false;
  if (m.name.endsWith("都市") && text[m.end] === "圈") return false;
  if (!isCjk(text[m.start - 1])) return true;
  if (GLUE_WORDS.has(text.slice(m.start - 1, m.start + 1))) return false;
  // 南昌都市圈: 南昌 (a short place name) ends on 昌, the first character of 昌都市
  const claimed = longestEndingAt(trie, text, m.start + 1, true);
  return !(claimed && claimed.start < m.start);
}

export interface PlaceChain {
  /** As written, e.g. "衢州市衢江区", "市" (level only), "XX市" (masked), "" (nothing). */
  text: string;
  /** Named places, outermost first. */
  places: Mention[];
  /** A bare level word with no name: 市 / 区 / 县 / 省 / 州. */
  levelOnly: string | null;
  masked: boolean;
}

const MASK_BEFORE = /(?:^|[^A-Za-z*])(?:[Xx]{1,3}|某|\*|\*{3}|＊{1,3}|○{1,3})$/;
const LEVEL_CHARS = new Set(["省", "市", "区", "县", "州"]);
/** Characters after which a bare level word still starts a name: 2020年县民政局, 市和区民政局, 代表市人民政府. */
const LEVEL_AFTER = new Set(["年", "度", "和", "及", "与", "、", "表"]);

/**
 * The place words written immediately before `end` (exclusive), e.g. before an
 * organisation suffix. Short city forms (石家庄) are accepted here because the
 * organisation that follows marks them as places.
 */
export function placeChainBefore(text: string, end: number): PlaceChain {
  const places: Mention[] = [];
  let at = end;
  const trie = reverseTrie(gazetteer());
  for (let k = 0; k < 3; k++) {
    const m = longestEndingAt(trie, text, at, true);
    if (!m) break;
    places.unshift(m);
    at = m.start;
  }
  if (places.length > 0) return { text: text.slice(at, end), places, levelOnly: null, masked: false };
  const autonomous = text.slice(Math.max(0, end - 3), end);
  if (autonomous === "自治区" || autonomous === "自治州") {
    const prev = text[end - 4];
    if (!isCjk(prev) || (prev !== undefined && LEVEL_AFTER.has(prev))) {
      return { text: autonomous, places, levelOnly: autonomous, masked: false };
    }
  }
  const level = text[end - 1];
  if (level !== undefined && LEVEL_CHARS.has(level)) {
    const before = text.slice(Math.max(0, end - 5), end - 1);
    const mask = MASK_BEFORE.exec(before);
    if (mask) {
      const maskText = mask[0].replace(/^[^Xx某*＊○]/, "");
      return { text: maskText + level, places, levelOnly: level, masked: true };
    }
    // A level word counts only at the start or after something that is not a word character.
    const prev = text[end - 2];
    if (!isCjk(prev) || (prev !== undefined && LEVEL_AFTER.has(prev))) {
      return { text: level, places, levelOnly: level, masked: false };
    }
  }
  return { text: "", places, levelOnly: null, masked: false };
}

const MASKED_PLACE =
  /(?:^|[^A-Za-z*])((?:[Xx]{1,3}|某|\*|\*{3}|＊{1,3}|○{1,3})(?:省|市|区|县|州))(?![域场间])/g;

const MASK_THEN_LEVEL = /[Xx某*＊○][省市区县州]/;

/** Masked place names (XX市, x市, ***区) in `text`, with their level character. */
export function findMasked(text: string): { text: string; level: string; index: number }[] {
  const out: { text: string; level: string; index: number }[] = [];
  // every match ends with a mask character right before 省/市/区/县/州: without such a pair the
  // expression (tried at every position of the whole body) cannot match
  if (!MASK_THEN_LEVEL.test(text)) return out;
  MASKED_PLACE.lastIndex = 0;
  for (let m = MASKED_PLACE.exec(text); m; m = MASKED_PLACE.exec(text)) {
    const t = m[1] as string;
    out.push({ text: t, level: t.slice(-1), index: m.index + m[0].length - t.length });
  }
  return out;
}
