/**
 * panel: the figures of many documents as one tidy table (one row per document × indicator ×
 * status × figure), or wide (one row per document, one column per indicator of one status).
 */
import { contextWarnings, type PlanDocument, type Target } from "../types.js";

export interface PanelRow {
  region: string | null;
  province: string | null;
  year: number | null;
  kind: string;
  indicatorId: string | null;
  indicator: string | null;
  headline: boolean;
  status: "target" | "achieved";
  qualifiers: string;
  comparator: string;
  value: number;
  valueMax: number | null;
  unit: string;
  change: string | null;
  metric: string;
  text: string;
  path: string;
  span: string;
  /** the document's context warnings (region-guessed, year-ambiguous …), ";" separated; "" when none */
  warnings: string;
}

export const PANEL_COLUMNS: readonly (keyof PanelRow & string)[] = [
  "region",
  "province",
  "year",
  "kind",
  "indicatorId",
  "indicator",
  "headline",
  "status",
  "qualifiers",
  "comparator",
  "value",
  "valueMax",
  "unit",
  "change",
  "metric",
  "text",
  "path",
  "span",
  "warnings",
];

export interface PanelOptions {
  status?: "target" | "achieved";
  indicator?: string;
  /** Only figures of the headline paragraph. */
  headline?: boolean;
  /** Keep figures without a catalogued indicator (default: true for long, false for wide). */
  unknown?: boolean;
}

function keep(t: Target, o: PanelOptions): boolean {
  return (
    (!o.status || t.status === o.status) &&
    (!o.indicator || t.indicator?.id === o.indicator) &&
    (!o.headline || t.headline === true) &&
    (o.unknown !== false || Boolean(t.indicator))
  );
}

export function panelRows(docs: readonly PlanDocument[], options: PanelOptions = {}): PanelRow[] {
  const rows: PanelRow[] = [];
  for (const doc of docs) {
    const warnings = contextWarnings(doc.warnings).join(";");
    for (const t of doc.targets) {
      if (!keep(t, options)) continue;
      rows.push({
        region: doc.meta.region,
        province: doc.meta.province,
        year: doc.meta.year,
        kind: doc.meta.kind,
        indicatorId: t.indicator?.id ?? null,
        indicator: t.indicator?.name ?? null,
        headline: t.headline === true,
        status: t.status,
        qualifiers: (t.qualifiers ?? []).join(";"),
        comparator: t.comparator,
        value: t.value,
        valueMax: t.valueMax ?? null,
        unit: t.unit,
        change: t.change ?? null,
        metric: t.metric,
        text: t.text,
        path: doc.source.path ?? "-",
        span: `${t.span.start}-${t.span.end}`,
        warnings,
      });
    }
  }
  return rows;
}

export interface WidePanel {
  /** Indicator columns, in catalogue-independent order: headline first, then most documents. */
  indicators: { id: string; name: string; unit: string }[];
  rows: {
    region: string | null;
    province: string | null;
    year: number | null;
    kind: string;
    path: string;
    /** the document's context warnings, ";" separated */
    warnings: string;
    /** Per indicator id: the document's first figure of that status (value, comparator …). */
    values: Record<
      string,
      { comparator: string; value: number; valueMax: number | null; unit: string; qualifiers: string; headline: boolean }
    >;
  }[];
}

/**
 * One row per document, one column per indicator: the document's first figure of the indicator
 * and status in its headline paragraph when it has one (else in the whole document); a stretch
 * value ("力争6%" after "5.5%左右") stays in the long table.
 */
export function widePanel(docs: readonly PlanDocument[], options: PanelOptions = {}): WidePanel {
  const status = options.status ?? "target";
  const o = { ...options, status, unknown: false };
  const stats = new Map<string, { name: string; unit: string; docs: number; headline: boolean; first: number }>();
  const rows: WidePanel["rows"] = docs.map((doc, d) => {
    const values: WidePanel["rows"][number]["values"] = {};
    // the headline paragraph's figure (主要预期目标) when the document has one; else its first
    const head = doc.targets.filter((t) => t.headline === true);
    const ordered = head.length > 0 ? head : doc.targets;
    for (const t of ordered) {
      if (!keep(t, o) || !t.indicator) continue;
      const id = t.indicator.id;
      if (values[id]) continue;
      values[id] = {
        comparator: t.comparator,
        value: t.value,
        valueMax: t.valueMax ?? null,
        unit: t.unit,
        qualifiers: (t.qualifiers ?? []).join(";"),
        headline: t.headline === true,
      };
      const s = stats.get(id);
      if (s) {
        s.docs++;
        s.headline ||= t.headline === true;
      } else stats.set(id, { name: t.indicator.name, unit: t.unit, docs: 1, headline: t.headline === true, first: d });
    }
    return {
      region: doc.meta.region,
      province: doc.meta.province,
      year: doc.meta.year,
      kind: doc.meta.kind,
      path: doc.source.path ?? "-",
      warnings: contextWarnings(doc.warnings).join(";"),
      values,
    };
  });
  const indicators = [...stats.entries()]
    .sort(([a, x], [b, y]) => Number(y.headline) - Number(x.headline) || y.docs - x.docs || x.first - y.first || (a < b ? -1 : 1))
    .map(([id, s]) => ({ id, name: s.name, unit: s.unit }));
  return { indicators, rows };
}
