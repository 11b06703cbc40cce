/**
 * Saved plan-parse JSON read back: topics and indicators are recomputed with the taxonomy and
 * catalogue of this run, so saved output answers as the text does (`--topics gov-report
 * --topic 经济运行` on saved JSONL). The text itself is not saved: section topics are scored on
 * the section titles and the clauses of the figures, placed at their spans; indicators on the
 * metric and clause; `headline` stays as saved. See docs/decisions/indicators.md.
 */
import type { PlanDocument, Section, TopicTaxonomy } from "../types.js";
import { classifySections } from "./index.js";
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

export function reclassifySaved(
  doc: PlanDocument,
  options: { topics?: TopicTaxonomy; indicators?: IndicatorCatalogue } = {},
): void {
  if (options.topics) classifySections(doc.sections, skeleton(doc), options.topics);
  classifyTargets(doc.targets, null, options.indicators);
}
