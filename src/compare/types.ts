import type { IndicatorRef, Target } from "../types.js";

export interface DocumentRef {
  path: string;
  title: string | null;
  region: string | null;
  year: number | null;
  /** (added) the issuing body, to tell apart two documents of one region and year. */
  issuer?: string | null;
}

export interface CompareResult {
  schemaVersion: 1;
  documents: DocumentRef[];
  topics: {
    topic: string;
    sections: string[][];
    /** (added) `indicator`: the row's catalogued indicator, null for a row aligned by wording. */
    rows: { metric: string; indicator: IndicatorRef | null; cells: Target[][] }[];
  }[];
}

/** One paired target of a diff: the same figure in OLD and NEW. */
export interface TargetChange {
  metric: string;
  old: Target;
  new: Target;
  /** (added) true when either side is a headline figure (主要预期目标); absent otherwise. */
  headline?: boolean;
  /** (added) true when the figure sits in a section that does not continue its old one. */
  moved?: boolean;
}

export interface DiffResult {
  schemaVersion: 1;
  old: DocumentRef;
  new: DocumentRef;
  sections: {
    /** `moved` (added): the section changed parent or left the order of the other matches. */
    matched: { old: string; new: string; similarity: number; titleChanged: boolean; moved?: boolean }[];
    added: string[];
    removed: string[];
  };
  targets: {
    /** Headline figures first, then in NEW's order. */
    changed: TargetChange[];
    /** Headline figures first, then in document order. */
    added: Target[];
    removed: Target[];
    /** (added) paired figures whose value, comparator and unit did not change. */
    unchanged: TargetChange[];
    /** (added) figures left out of the pairing because their metric is only a number ("77043元"). */
    skipped: { old: number; new: number };
  };
  /** (added) Section titles by id, for the views: every section of OLD and of NEW. */
  titles: { old: Record<string, string>; new: Record<string, string> };
}
