/**
 * The meta stage: title, issuer, region, province, year, kind, published.
 * Decisions and their reasons: docs/decisions/meta.md.
 */
import type { CleanDoc } from "../clean/index.js";
import type { GivenMeta, Meta, MetaSources, Warning } from "../types.js";
import { getCutter } from "../util/words.js";
import { applyGiven } from "./given.js";
import {
  type IssuerCandidate,
  issuerFromFields,
  issuerFromLines,
  issuerFromSpeech,
  issuerFromTitle,
} from "./issuer.js";
import { findKind, kindFromTitle } from "./kind.js";
import { findMentions } from "./places.js";
import { findPublished } from "./published.js";
import {
  contextOf,
  dominantProvince,
  findMasked,
  fromChain,
  fromFrequency,
  fromReportHeader,
  ownCity,
  ownProvince,
  type RegionResult,
} from "./region.js";
import { findTitle, isTitleLike } from "./title.js";
import { buildView, type DocView, type MetaLine } from "./view.js";
import { findYear } from "./year.js";

export interface MetaOptions {
  /** The input's file name; used only as a last resort for the year (see decisions). */
  path?: string | null;
  /** Values the caller knows: they win over the text's (sources "given"). */
  given?: GivenMeta;
}

/** (added by the clean stage) the front matter's `title:` when it removed the block. */
type WithFrontMatter = CleanDoc & { frontMatterTitle?: string };

/** Region evidence strong enough to name an issuer written without its place (市民政局, 省人民政府). */
const STRONG_SOURCES = new Set(["title", "congress", "speaker"]);
/** Region evidence the document gives about itself (not the places it merely mentions). */
const STRONG_OR_ISSUER = new Set(["title", "congress", "speaker", "issuer"]);
const NATIONAL_TITLE = /^(?:中华人民共和国|国务院|全国)/;
const PATH_YEAR = /(?:^|[^\d])((?:19|20)\d{2})(?=[^\d]|$)/;

function pickIssuer(view: DocView, title: string | null, kind: Meta["kind"]): IssuerCandidate | null {
  const found: IssuerCandidate[] = [];
  const add = (c: IssuerCandidate | null) => {
    if (c) found.push(c);
  };
  if (title) add(issuerFromTitle(title));
  add(issuerFromFields(view.head));
  add(issuerFromLines([...view.head.slice(0, 15), ...view.body.slice(0, 12)], "line"));
  add(issuerFromLines(view.tail.slice(-4), "signature"));
  add(issuerFromFields(view.tail));
  if (kind === "report") add(issuerFromSpeech(view.body.slice(0, 30)));
  const first = found[0];
  if (!first) return null;
  if (first.national || first.chain.places.length > 0) return first;
  // "市民政局" in the title, "石家庄市民政局" elsewhere: take the named one of the same organisation.
  const named = found.find(
    (c) =>
      c.chain.places.length > 0 &&
      c.org === first.org &&
      (first.chain.levelOnly ?? "") === c.chain.text.slice(-1),
  );
  return named ?? first;
}

const SELF_REFERENCE = /(?:全|我|本)(市|区|县|州|省)/g;

/** The level a document uses for itself: 全区 ×10, 全市 ×2 → 区. */
export function selfReferenceLevel(text: string): string | null {
  const counts = new Map<string, number>();
  SELF_REFERENCE.lastIndex = 0;
  for (let m = SELF_REFERENCE.exec(text); m; m = SELF_REFERENCE.exec(text)) {
    const level = m[1] as string;
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top || top[1] < 2) return null;
  const second = ranked[1];
  return second && second[1] * 2 > top[1] ? null : top[0];
}

function titleMentionsRegion(title: string, ctx: ReturnType<typeof contextOf>): RegionResult | null {
  const mentions = findMentions(title);
  // The most specific place named in the title, its outer places first.
  if (mentions.length === 0) return null;
  return fromChain(mentions, ctx, "title");
}

export function extractMeta(clean: CleanDoc, options: MetaOptions = {}): { meta: Meta; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const view = buildView(clean);
  const fmTitle = (clean as WithFrontMatter).frontMatterTitle ?? view.frontMatter.title;
  const t = findTitle(view.body, view.head, fmTitle ?? null);
  const title = t.title;

  // Other title-like lines near the top help the kind when the title names none (front matter "…的情况").
  const otherTitles = view.body
    .slice(0, 12)
    .map((l) => l.text)
    .filter((s) => s !== title && isTitleLike(s));
  const kind = findKind(title, otherTitles, view.body);

  const published = findPublished(clean.published, view.head, view.frontMatter.date);

  const issuerCandidate = pickIssuer(view, title, kind);
  const mentions = findMentions(view.bodyText);
  const ctx = contextOf(mentions);
  const headerText = [...view.head.slice(0, 30), ...view.body.slice(0, 12)].map((l) => l.text).join("");

  let region: RegionResult | null = null;
  let national = issuerCandidate?.national === true || (title !== null && NATIONAL_TITLE.test(title));
  if (issuerCandidate && issuerCandidate.chain.places.length > 0) {
    region = fromChain(issuerCandidate.chain.places, ctx, "issuer");
  }
  if (!region && !national && title) region = titleMentionsRegion(title, ctx);
  if (!national && kind === "report" && (!region || region.source === "title")) {
    // The congress that hears a report and the speaker (州长 X) are the issuing government's:
    // they win over a place the title names in another form (大理 → 大理市 vs 大理白族自治州).
    const r = fromReportHeader(headerText, ctx);
    if (r === "national") national = region === null;
    else if (r && (!region || r.region !== region.region)) region = r;
  }

  // A masked own place (XX市) or an unnamed one (市民政局) with masks of that level in the text.
  const masked = findMasked(view.bodyText);
  const ownLevel = issuerCandidate?.chain.levelOnly ?? null;
  let redacted = issuerCandidate?.chain.masked === true;
  if (!region && !national && ownLevel && masked.some((m) => m.level === ownLevel.slice(-1))) redacted = true;
  if (!region && !national && !redacted) {
    const selfLevel = ownLevel ?? selfReferenceLevel(view.bodyText);
    const f = fromFrequency(mentions, ctx, selfLevel, view.bodyText);
    if (f && (f.count >= 2 || (f.count === 1 && f.inBookTitle && selfLevel !== null))) region = f.region;
    // A province-level report (我代表省人民政府, 全省) names its province, often only in short (河南).
    if (!region && (selfLevel === "省" || selfLevel === "自治区")) region = ownProvince(view.bodyText)?.region ?? null;
    // A city's report that names its city only in short (宁波, 贵阳): words, not substrings.
    if (!region && selfLevel === "市" && kind === "report") region = ownCity(view.bodyText, getCutter);
  }
  if (redacted) {
    const shown = masked[0]?.text ?? issuerCandidate?.chain.text ?? "";
    warnings.push({
      code: "region-redacted",
      message: `the document's place is masked (${shown}); region left null`,
    });
  }

  let province: string | null = null;
  let regionName: string | null = null;
  if (national) {
    regionName = "全国";
  } else if (region) {
    regionName = region.region;
    province = region.province;
  } else {
    province = dominantProvince(view.bodyText, mentions);
  }

  let issuer = issuerCandidate?.name ?? null;
  const level = issuerCandidate?.chain.levelOnly;
  if (issuerCandidate && level && region && regionName && STRONG_SOURCES.has(region.source ?? "")) {
    // 信息来源:县民政局 on the page of 《海盐县…方案》, 我代表省人民政府 in 甘肃's report:
    // the unnamed 县 / 省 is the one the title or the congress line names.
    if (regionName.endsWith(level) || (level === "州" && regionName.endsWith("自治州"))) {
      issuer = regionName + issuerCandidate.org;
    }
  } else if (issuerCandidate && region?.source === "issuer" && regionName) {
    // 湘西州政府 → 湘西土家族苗族自治州人民政府: the place part in its official form.
    const chain = issuerCandidate.chain;
    const inner = chain.places[chain.places.length - 1];
    if (chain.places.length === 1 && inner && inner.name !== regionName)
      issuer = regionName + issuerCandidate.org;
  }
  if (!issuer && kind === "report" && regionName) {
    issuer = regionName === "全国" ? "国务院" : `${regionName}人民政府`;
  }

  const y = findYear({ title, kind, body: view.body, bodyText: view.bodyText, head: view.head, published });
  let year = y.year;
  if (year === null && options.path) {
    const m = PATH_YEAR.exec(options.path.replace(/^.*[\\/]/, ""));
    if (m) {
      year = Number(m[1]);
      warnings.push({ code: "year-ambiguous", message: `year ${year} taken from the file name only` });
    }
  } else if (y.ambiguous && y.others && y.others.length > 0) {
    warnings.push({
      code: "year-ambiguous",
      message: `year ${year} or ${y.others.join(" or ")}: ${y.note ?? "the evidence disagrees"}; ${year} taken`,
    });
  } else if (y.ambiguous) {
    warnings.push({
      code: "year-ambiguous",
      message: `year ${year} is a guess from the years the text mentions`,
    });
  }

  const yearGuessed = y.source === "text" || (y.year === null && year !== null);
  if (year !== null && y.source === "text" && !y.ambiguous) {
    warnings.push({
      code: "year-guessed",
      message: `year ${year} is the year the text mentions most (no title, delivery line or heading names it)`,
    });
  }
  const regionWeak = !national && (region === null || !STRONG_OR_ISSUER.has(region.source ?? ""));
  if (regionWeak && (regionName !== null || province !== null)) {
    warnings.push({
      code: "region-guessed",
      message: `${regionName ?? province} is the place the text names most; no title, issuer, congress line or signature names it`,
    });
  }
  const sources: MetaSources = {};
  if (title !== null) sources.title = "text";
  if (issuer !== null) sources.issuer = issuerCandidate ? "text" : "guessed";
  if (regionName !== null) sources.region = regionWeak ? "guessed" : "text";
  if (province !== null) sources.province = regionWeak ? "guessed" : "text";
  if (year !== null) sources.year = yearGuessed ? "guessed" : "text";
  sources.kind = kindIsRead(title, otherTitles) ? "text" : "guessed";
  if (published !== null) sources.published = "text";

  const read: Meta = { title, issuer, region: regionName, province, year, kind, published, sources };
  return applyGiven(read, warnings, options.given);
}

/** Whether the kind was read from a title (not from the body's headings, nor the default "other"). */
function kindIsRead(title: string | null, otherTitles: readonly string[]): boolean {
  return (title !== null && kindFromTitle(title) !== null) || otherTitles.some((t) => kindFromTitle(t) !== null);
}

export type { MetaLine };
