/**
 * What the user says they know about a document (a flag, a manifest row, a path pattern): it wins
 * over what the text suggests, and `meta.sources` says so ("given"). The doubts raised about a
 * guess that a given value replaces (year-ambiguous, region-guessed ...) are dropped with it.
 */
import type { DocumentKind, GivenMeta, Meta, MetaSources, Warning } from "../types.js";
import { gazetteer } from "./gazetteer.js";

const KINDS: readonly DocumentKind[] = ["plan", "summary", "summary-plan", "report", "scheme", "other"];

/** Warning codes about a field's guess, dropped when the field is given. */
const DOUBTS: Partial<Record<keyof MetaSources, readonly string[]>> = {
  year: ["year-ambiguous", "year-guessed"],
  region: ["region-guessed", "region-redacted"],
  province: ["region-guessed"],
};

/** The province of a given region when the gazetteer knows only one place of that name. */
export function provinceOf(region: string): string | null {
  if (region === "全国") return null;
  const g = gazetteer();
  const places = g.byName.get(region) ?? g.byShort.get(region) ?? [];
  const provinces = new Set(places.map((p) => p.province));
  return provinces.size === 1 ? ([...provinces][0] as string) : null;
}

/** The official name of a given region written short (江西 → 江西省, 湘西州 → 湘西土家族苗族自治州). */
function officialName(region: string): string {
  const g = gazetteer();
  if (g.byName.has(region)) return region;
  const short = g.byShort.get(region) ?? [];
  const names = new Set(short.map((p) => p.name));
  return names.size === 1 ? ([...names][0] as string) : region;
}

export function isKind(s: string): s is DocumentKind {
  return (KINDS as readonly string[]).includes(s);
}

/** `meta` with the given fields put in, their sources "given"; warnings about replaced guesses dropped. */
export function applyGiven(
  meta: Meta,
  warnings: readonly Warning[],
  given: GivenMeta | undefined,
): { meta: Meta; warnings: Warning[] } {
  if (!given) return { meta, warnings: [...warnings] };
  const out: Meta = { ...meta, sources: { ...(meta.sources ?? {}) } };
  const sources = out.sources as MetaSources;
  const dropped = new Set<string>();
  const set = <K extends "title" | "issuer" | "region" | "province" | "year" | "kind">(k: K, v: Meta[K]) => {
    out[k] = v;
    sources[k] = "given";
    for (const c of DOUBTS[k] ?? []) dropped.add(c);
  };
  if (given.title) set("title", given.title);
  if (given.issuer) set("issuer", given.issuer);
  if (given.region) {
    const region = officialName(given.region);
    set("region", region);
    if (!given.province) {
      // 全国 has no province; a region the gazetteer places in one province gives it; otherwise
      // the text's province stays, as the guess it was.
      const p = region === "全国" ? null : provinceOf(region);
      if (region === "全国" || p !== null) set("province", p);
    }
  }
  if (given.province) set("province", officialName(given.province));
  if (given.year !== undefined && given.year !== null) set("year", given.year);
  if (given.kind) set("kind", given.kind);
  if (given.extra && Object.keys(given.extra).length > 0) out.extra = { ...given.extra };
  return { meta: out, warnings: warnings.filter((w) => !dropped.has(w.code)) };
}
