/**
 * Region and province: the place the document is for. Evidence in order: the
 * issuer's place, a place named in the title, a work report's congress line
 * (在X第N届人民代表大会) or speaker line (X省长), then the dominant place of the
 * text. Ambiguous names (桥西区 ×3) resolve only when the text disambiguates.
 */
import { gazetteer, type Place } from "./gazetteer.js";
import { findMasked, findMentions, type Mention, placeChainBefore } from "./places.js";

export interface RegionResult {
  region: string | null;
  province: string | null;
  /** True when the document's own place is masked (XX市, x市). */
  redacted: boolean;
  national: boolean;
  source: string | null;
  /** The resolved place, when unique. */
  place: Place | null;
}

export interface Context {
  provinces: Set<string>;
  cities: Set<string>;
}

/** Provinces and cities named in full in the text (to disambiguate district names). */
export function contextOf(mentions: readonly Mention[]): Context {
  const provinces = new Set<string>();
  const cities = new Set<string>();
  for (const m of mentions) {
    if (m.places.length !== 1) continue;
    const p = m.places[0] as Place;
    if (p.level === "province") provinces.add(p.name);
    else if (p.level === "city") {
      cities.add(p.name);
      provinces.add(p.province);
    }
  }
  return { provinces, cities };
}

/** One place for a mention, using the chain's outer places and the text's context; null when ambiguous. */
export function resolve(m: Mention, outer: readonly Place[], ctx: Context): Place | null {
  if (m.places.length === 1) return m.places[0] as Place;
  const byOuter = m.places.filter((p) =>
    outer.some((o) => (o.level === "province" ? p.province === o.name : p.city === o.name)),
  );
  if (byOuter.length === 1) return byOuter[0] as Place;
  const byCity = m.places.filter((p) => p.city !== null && ctx.cities.has(p.city));
  if (byCity.length === 1) return byCity[0] as Place;
  const byProvince = m.places.filter((p) => ctx.provinces.has(p.province));
  if (byProvince.length === 1) return byProvince[0] as Place;
  // 吉林 (short): the province and the city share the name; prefer the larger unit only when told so.
  return null;
}

/** The places of a chain written as one phrase (浙江省衢州市衢江区), innermost resolved last. */
export function resolveChain(
  chain: readonly Mention[],
  ctx: Context,
): { inner: Mention; place: Place | null } | null {
  const outer: Place[] = [];
  let last: { inner: Mention; place: Place | null } | null = null;
  for (const m of chain) {
    const place = resolve(m, outer, ctx);
    if (place) outer.push(place);
    last = { inner: m, place };
  }
  return last;
}

function sharedProvince(places: readonly Place[]): string | null {
  const first = places[0];
  if (!first) return null;
  return places.every((p) => p.province === first.province) ? first.province : null;
}

function fullName(m: Mention, place: Place | null): string {
  if (place) return place.name;
  const names = new Set(m.places.map((p) => p.name));
  return names.size === 1 ? (m.places[0] as Place).name : m.name;
}

export function fromChain(chain: readonly Mention[], ctx: Context, source: string): RegionResult | null {
  const r = resolveChain(chain, ctx);
  if (!r) return null;
  const province = r.place ? r.place.province : sharedProvince(r.inner.places);
  return {
    region: fullName(r.inner, r.place),
    province,
    redacted: false,
    national: false,
    source,
    place: r.place,
  };
}

/** 在滨州市第十二届人民代表大会 / ——河南省第九届人民代表大会第四次会议 (the place right before 第). */
const CONGRESS = /(?:在|——|—|^|\n)([\u4e00-\u9fa5]{2,20}?)第[一二三四五六七八九十]{1,3}届(全国)?人民代表大会/;
const SPEAKER = /(省长|市长|州长|主席|县长|区长)/;

/** 在滨州市第十二届人民代表大会 / 在第十二届全国人民代表大会 / 甘肃省省长. */
export function fromReportHeader(headerText: string, ctx: Context): RegionResult | "national" | null {
  const c = CONGRESS.exec(headerText);
  if (c) {
    if (c[2]) return "national";
    const phrase = c[1] as string;
    const chain = placeChainBefore(phrase, phrase.length);
    if (chain.places.length > 0) return fromChain(chain.places, ctx, "congress");
  }
  const s = SPEAKER.exec(headerText);
  if (s) {
    const chain = placeChainBefore(headerText, s.index);
    if (chain.places.length > 0) return fromChain(chain.places, ctx, "speaker");
  }
  return null;
}

const LEVEL_OF: Record<string, Place["level"][]> = {
  省: ["province"],
  自治区: ["province"],
  市: ["city", "county", "province"],
  州: ["city"],
  自治州: ["city"],
  区: ["county"],
  县: ["county"],
};

/**
 * The dominant named place of the text at the wanted level: twice the mentions
 * of the runner-up (the caller decides how many mentions are enough).
 */
export function fromFrequency(
  mentions: readonly Mention[],
  ctx: Context,
  level: string | null,
  text = "",
): { region: RegionResult; count: number; inBookTitle: boolean } | null {
  const wanted = level ? LEVEL_OF[level] : undefined;
  const counts = new Map<string, { m: Mention; n: number }>();
  for (const m of mentions) {
    const levels = new Set(m.places.map((p) => p.level));
    if (wanted ? !wanted.some((l) => levels.has(l)) : levels.has("province") && levels.size === 1) continue;
    const key = fullName(m, m.places.length === 1 ? (m.places[0] as Place) : null);
    const e = counts.get(key);
    if (e) e.n++;
    else counts.set(key, { m, n: 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  const top = ranked[0];
  if (!top) return null;
  const second = ranked[1];
  if (second && top.n < 2 * second.n) return null;
  const r = fromChain([top.m], ctx, "frequency");
  return r ? { region: r, count: top.n, inBookTitle: text[top.m.start - 1] === "《" } : null;
}

/** A province named (in full or short) most often in the text, for documents whose region is unknown. */
export function dominantProvince(text: string, mentions: readonly Mention[]): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const provinces = new Set(m.places.map((p) => p.province));
    if (provinces.size === 1) {
      const p = [...provinces][0] as string;
      counts.set(p, (counts.get(p) ?? 0) + 1);
    }
  }
  if (counts.size === 0) {
    // Short province names (黑龙江, 浙江) only when nothing else is named.
    const g = gazetteer();
    for (const p of g.provinces) {
      const short = p.name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, "");
      if (short.length < 2 || short === p.name) continue;
      let n = 0;
      for (let i = text.indexOf(short); i >= 0 && n < 50; i = text.indexOf(short, i + short.length)) n++;
      if (n > 0) counts.set(p.name, n);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top) return null;
  const second = ranked[1];
  if (second && top[1] < 2 * second[1]) return null;
  return top[0];
}

export { findMasked, findMentions };

/** The short form of a province name: 河南省 → 河南, 新疆维吾尔自治区 → 新疆, 北京市 → 北京. */
export function provinceShort(name: string): string {
  return name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, "");
}

/**
 * The province a province-level text names as its own: full and short names counted (河南 ×18),
 * overlapping readings dropped (浙江西部 is not 江西). The top name needs three mentions (the party
 * committee, 中共甘肃省委, counts three) and more than the runner-up: a weak guess, the caller warns.
 */
export function ownProvince(text: string): { region: RegionResult; count: number } | null {
  const g = gazetteer();
  const hits: { start: number; end: number; place: Place }[] = [];
  for (const p of g.provinces) {
    for (const name of new Set([p.name, provinceShort(p.name)])) {
      if (name.length < 2) continue;
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
        hits.push({ start: i, end: i + name.length, place: p });
      }
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const counts = new Map<string, { place: Place; n: number }>();
  let lastEnd = -1;
  let lastStart = -1;
  for (const h of hits) {
    if (h.start === lastStart) continue; // 河南省 then 河南 at the same place: counted once
    if (h.start < lastEnd) continue; // 浙江西部: 江西 overlaps 浙江
    lastStart = h.start;
    lastEnd = h.end;
    const e = counts.get(h.place.name) ?? { place: h.place, n: 0 };
    // 中共甘肃省委: the party committee that leads the issuing government counts three times.
    const committee = /^省?委/.test(text.slice(h.end, h.end + 2)) && text.slice(h.start - 2, h.start) === "中共";
    e.n += committee ? 3 : 1;
    counts.set(h.place.name, e);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  const top = ranked[0];
  if (!top || top.n < 3) return null;
  const second = ranked[1];
  if (second && top.n <= second.n) return null;
  const p = top.place;
  return {
    region: { region: p.name, province: p.name, redacted: false, national: false, source: "province-text", place: p },
    count: top.n,
  };
}

/** Whether text[start, end) is a whole word (or the start of the place's full name: 宁波 in 宁波市). */
function wholeWord(text: string, start: number, end: number, cut: (s: string) => string[]): boolean {
  const from = Math.max(0, start - 4);
  let at = from;
  let startOk = false;
  for (const w of cut(text.slice(from, Math.min(text.length, end + 4)))) {
    const wEnd = at + w.length;
    if (at === start) startOk = true;
    if (at < start && wEnd > start) return false;
    if (startOk && wEnd >= end) return wEnd === end || /^[市州盟]$/.test(text[end] ?? "") ;
    at = wEnd;
  }
  return false;
}

/**
 * A city-level report that names its city only in short (宁波 ×20, 贵阳 ×15, 我代表市人民政府):
 * short city names counted where word segmentation reads them as words (长治久安 is not 长治,
 * 确保定期 not 保定), with the full names. Needs nodejieba (`getCut`, called only when a short name
 * stands three times or more): without it, null (the caller falls back to full names only). Three mentions and twice the runner-up; a weak guess, the caller warns.
 */
export function ownCity(text: string, getCut: () => ((s: string) => string[]) | null): RegionResult | null {
  const g = gazetteer();
  // where each short city name stands, as a substring; nodejieba is loaded only when one of them
  // stands often enough to win (3 mentions), and then reads every hit
  const hits: { place: Place; short: string; at: number[] }[] = [];
  let most = 0;
  g.byShort.forEach((places, short) => {
    if (places.length !== 1 || short.length < 2) return;
    const p = places[0] as Place;
    // cities, and the municipalities (北京市, 重庆市) that issue city-style reports
    if (!(p.level === "city" || (p.level === "province" && p.name.endsWith("市"))) || /州$/.test(short)) return;
    const at: number[] = [];
    for (let i = text.indexOf(short); i >= 0 && at.length < 200; i = text.indexOf(short, i + short.length)) at.push(i);
    if (at.length === 0) return;
    hits.push({ place: p, short, at });
    most = Math.max(most, at.length);
  });
  if (most < 3) return null;
  const cut = getCut();
  if (!cut) return null;
  const counts = new Map<string, { place: Place; n: number }>();
  for (const { place, short, at } of hits) {
    let n = 0;
    for (const i of at) if (wholeWord(text, i, i + short.length, cut)) n++;
    if (n > 0) counts.set(place.name, { place, n });
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  const top = ranked[0];
  if (!top || top.n < 3) return null;
  const second = ranked[1];
  if (second && top.n < 2 * second.n) return null;
  const p = top.place;
  return { region: p.name, province: p.province, redacted: false, national: false, source: "city-text", place: p };
}
