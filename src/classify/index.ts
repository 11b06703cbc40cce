import type { Section, TopicTaxonomy } from "../types.js";

/** STUB (to be replaced by the classify stage): sets `topics` on every section. */
export function classifySections(_sections: Section[], _text: string, _taxonomy?: TopicTaxonomy): void {}
