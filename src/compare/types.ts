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

export interface DiffResult {
  schemaVersion: 1;
  old: DocumentRef;
  new: DocumentRef;
  sections: {
    matched: { old: string; new: string; similarity: number; titleChanged: boolean }[];
    added: string[];
    removed: string[];
  };
  targets: {
    changed: { metric: string; old: Target; new: Target }[];
    added: Target[];
    removed: Target[];
  };
  /** (added) Section titles by id, for the views: every section of OLD and of NEW. */
  titles: { old: Record<string, string>; new: Record<string, string> };
}
