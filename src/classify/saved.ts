/**
 * Saved plan-parse JSON read back: topics and indicators are recomputed with the taxonomy and
 * catalogue of this run, so saved output answers as the text does (`--topics gov-report
 * --topic 经济运行` on saved JSONL). The text itself is not saved: section topics are scored on
 * the section titles and the clauses of the figures, placed at their spans; indicators on the
 * metric and clause; `headline` stays as saved. See docs/decisions/indicators.md.
 */
import type { PlanDocument, Section, TopicTaxonomy } from "../types.js";
import { fingerprint } from "./fingerprint.js";
import { classifySections } from "./index.js";
import { DEFAULT_CATALOGUE } from "./indicator-catalogue.js";
import { DEFAULT_TAXONOMY } from "./taxonomy.js";
import type { IndicatorCatalogue } from "./indicator-types.js";
import { classifyTargets } from "./targets.js";

/** A stand-in for the lost text: spaces, with each figure's clause written at its span. */
function skeleton(doc: PlanDocument): string {
  let length = 0;
  const walk = (list: Section[]): void => {
    for (const s of list) {
      length = Math.max(length, s.span.end);
      walk(s.children);
    }
  };
  walk(doc.sections);
  for (const t of doc.targets) length = Math.max(length, t.span.start + t.text.length);
  const chars = new Array<string>(length).fill(" ");
  for (const t of doc.targets) for (let i = 0; i < t.text.length; i++) chars[t.span.start + i] = t.text[i] as string;
  const text = chars.join("");
  return text;
}

/** The fingerprints a document parsed with these options carries. */
export function classifiedWith(
  topics: TopicTaxonomy | undefined,
  indicators: IndicatorCatalogue | undefined,
): { topics: string; indicators: string } {
  return { topics: fingerprint(topics ?? DEFAULT_TAXONOMY), indicators: fingerprint(indicators ?? DEFAULT_CATALOGUE) };
}

/** What reading a saved document back changed: nothing (same taxonomy and catalogue), or recomputed. */
export interface SavedCheck {
  topics: "kept" | "recomputed";
  indicators: "kept" | "recomputed";
}

/**
 * Saved with the taxonomy and catalogue of this run: kept as saved (the same answer as the
 * text). Else (other ones, or saved before fingerprints): recomputed from what was saved, which
 * can differ from parsing the text; the caller says so.
 */
export function reclassifySaved(
  doc: PlanDocument,
  options: { topics?: TopicTaxonomy; indicators?: IndicatorCatalogue } = {},
): SavedCheck {
  const now = classifiedWith(options.topics, options.indicators);
  const saved = doc.classifiedWith;
  const check: SavedCheck = { topics: "kept", indicators: "kept" };
  if (saved?.topics !== now.topics && (options.topics || saved)) {
    classifySections(doc.sections, skeleton(doc), options.topics);
    check.topics = "recomputed";
  }
  if (saved?.indicators !== now.indicators) {
    classifyTargets(doc.targets, null, options.indicators);
    check.indicators = "recomputed";
  }
  doc.classifiedWith = now;
  return check;
}
