/**
 * Flat rows built from document objects: one per document (summary), per target, per
 * deadline. Every row-oriented format (table, csv, md, json rows) renders these, so the
 * columns are defined once here.
 */
import type { Comparator, PlanDocument, Section, Target } from "../types.js";

export { formatFigure, formatNumber } from "./figure.js";

export interface SummaryRow {
  file: string;
  region: string | null;
  year: number | null;
  kind: string;
  sections: number;
  targets: number;
  deadlines: number;
  warnings: number;
}

export interface TargetRow {
  file: string;
  region: string | null;
  year: number | null;
  sectionId: string | null;
  sectionTitle: string | null;
  metric: string;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string;
  change: string | null;
  per: string | null;
  status: "target" | "achieved";
  deadline: string | null;
  text: string;
  /** (added) 0..1: how sure the extractor is (null in JSON saved without it). */
  confidence: number | null;
  /** (added) for --debug and tracing back to the source. */
  id: string;
  line: number;
  pattern: string;
}

export interface DeadlineRow {
  file: string;
  region: string | null;
  year: number | null;
  date: string | null;
  kind: string;
  /** target / achieved (null in JSON saved by versions without deadline status) */
  status: "target" | "achieved" | null;
  text: string;
  sectionId: string | null;
  sectionTitle: string | null;
  /** What the deadline binds: the metrics of targets with this date in the same section, else the section title. */
  binds: string;
  /** (added) ids of the bound targets. */
  bindsTargets: string[];
  id: string;
  line: number;
  pattern: string;
}

export const SUMMARY_COLUMNS = [
  "file",
  "region",
  "year",
  "kind",
  "sections",
  "targets",
  "deadlines",
  "warnings",
] as const satisfies readonly (keyof SummaryRow)[];

export const TARGET_COLUMNS = [
  "file",
  "region",
  "year",
  "sectionId",
  "sectionTitle",
  "metric",
  "comparator",
  "value",
  "valueMax",
  "unit",
  "change",
  "per",
  "status",
  "deadline",
  "text",
  // (added) last, so that scripts reading the earlier columns by position keep working
  "confidence",
] as const satisfies readonly (keyof TargetRow)[];

export const DEADLINE_COLUMNS = [
  "file",
  "region",
  "year",
  "date",
  "kind",
  "text",
  "sectionId",
  "sectionTitle",
  "binds",
  // (added) last, so that scripts reading the earlier columns by position keep working
  "status",
] as const satisfies readonly (keyof DeadlineRow)[];

/** Label of a document in rows and messages: its path, or "-" for stdin. */
export function fileLabel(doc: PlanDocument): string {
  return doc.source.path ?? "-";
}

export function* walkSections(sections: readonly Section[]): Generator<Section> {
  for (const section of sections) {
    yield section;
    yield* walkSections(section.children);
  }
}

export function sectionIndex(doc: PlanDocument): Map<string, Section> {
  const index = new Map<string, Section>();
  for (const section of walkSections(doc.sections)) index.set(section.id, section);
  return index;
}

export function countSections(sections: readonly Section[]): number {
  let n = 0;
  for (const _ of walkSections(sections)) n++;
  return n;
}

export function summaryRow(doc: PlanDocument): SummaryRow {
  return {
    file: fileLabel(doc),
    region: doc.meta.region,
    year: doc.meta.year,
    kind: doc.meta.kind,
    sections: countSections(doc.sections),
    targets: doc.targets.length,
    deadlines: doc.deadlines.length,
    warnings: doc.warnings.length,
  };
}

export function targetRows(doc: PlanDocument, index = sectionIndex(doc)): TargetRow[] {
  return doc.targets.map((t) => targetRow(doc, t, index));
}

function targetRow(doc: PlanDocument, t: Target, index: Map<string, Section>): TargetRow {
  return {
    file: fileLabel(doc),
    region: doc.meta.region,
    year: doc.meta.year,
    sectionId: t.sectionId,
    sectionTitle: t.sectionId === null ? null : (index.get(t.sectionId)?.title ?? null),
    metric: t.metric,
    comparator: t.comparator,
    value: t.value,
    valueMax: t.valueMax ?? null,
    unit: t.unit,
    change: t.change ?? null,
    per: t.per ?? null,
    status: t.status,
    deadline: t.deadline ?? null,
    text: t.text,
    confidence: typeof t.confidence === "number" ? t.confidence : null,
    id: t.id,
    line: t.span.line,
    pattern: t.pattern,
  };
}

export function deadlineRows(doc: PlanDocument, index = sectionIndex(doc)): DeadlineRow[] {
  return doc.deadlines.map((d) => {
    const bound =
      d.date === null ? [] : doc.targets.filter((t) => t.sectionId === d.sectionId && t.deadline === d.date);
    const sectionTitle = d.sectionId === null ? null : (index.get(d.sectionId)?.title ?? null);
    return {
      file: fileLabel(doc),
      region: doc.meta.region,
      year: doc.meta.year,
      date: d.date,
      kind: d.kind,
      status: d.status ?? null,
      text: d.text,
      sectionId: d.sectionId,
      sectionTitle,
      binds: bound.length > 0 ? bound.map((t) => t.metric).join("；") : (sectionTitle ?? ""),
      bindsTargets: bound.map((t) => t.id),
      id: d.id,
      line: d.span.line,
      pattern: d.pattern,
    };
  });
}

/** Deadline rows in timeline order: by date, undated last; stable otherwise (input, then document order). */
export function compareDeadlineRows(a: DeadlineRow, b: DeadlineRow): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? -1 : 1;
}

export type TargetSort = "file" | "value" | "deadline";

/** Comparator for `targets --sort`; "file" keeps input and document order. */
export function compareTargetRows(sort: TargetSort): (a: TargetRow, b: TargetRow) => number {
  if (sort === "value") return (a, b) => a.value - b.value;
  if (sort === "deadline")
    return (a, b) => {
      if (a.deadline === b.deadline) return 0;
      if (a.deadline === null) return 1;
      if (b.deadline === null) return -1;
      return a.deadline < b.deadline ? -1 : 1;
    };
  return () => 0;
}

/** Cell text of a row value: null/undefined are empty, numbers as written. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(" ");
  return String(value);
}
