import { classifySections } from "../classify/index.js";
import type { PlanDocument, Section } from "../types.js";
import type { DocumentRef } from "./types.js";

export function documentRef(doc: PlanDocument): DocumentRef {
  return {
    path: doc.source.path ?? "-",
    title: doc.meta.title,
    region: doc.meta.region,
    year: doc.meta.year,
    issuer: doc.meta.issuer,
  };
}

/** Sections in document (pre-)order. */
export function flattenSections(sections: Section[]): Section[] {
  const out: Section[] = [];
  const walk = (list: Section[]): void => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}

function hasTopics(sections: Section[]): boolean {
  return flattenSections(sections).every((s) => Array.isArray(s.topics) && s.topics.length > 0);
}

/**
 * The document's sections with topics. A saved JSON output from before topics
 * existed has none: classify a copy from the titles alone (the text is gone).
 */
export function sectionsWithTopics(doc: PlanDocument): Section[] {
  if (hasTopics(doc.sections)) return doc.sections;
  const copy = structuredClone(doc.sections);
  classifySections(copy, "");
  return copy;
}
