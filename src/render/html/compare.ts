/**
 * The compare page: one collapsible block per topic with the table of indicators × documents
 * (only the documents with a figure under that topic get a column) and, for every row with
 * figures in two or more documents, a small chart.
 */
import type { CompareResult, DocumentRef } from "../../compare/types.js";
import type { Target } from "../../types.js";
import { documentLabel, figure } from "../compare.js";
import { type ChartPoint, rowChart } from "./chart.js";
import { type Child, COL, type Element, h, ROW } from "./dom.js";
import { page } from "./page.js";

type Row = CompareResult["topics"][number]["rows"][number];

/** Labels made unique: two documents of the same region and year get their file names too. */
export function uniqueLabels(docs: readonly DocumentRef[]): string[] {
  const labels = docs.map(documentLabel);
  return labels.map((l, i) =>
    labels.indexOf(l) === labels.lastIndexOf(l) ? l : `${l} [${(docs[i]?.path ?? "").split(/[\\/]/).pop()}]`,
  );
}

/** The catalogued indicator of a row, when compare names one (a ref or an id). */
function rowIndicator(row: Row): string | null {
  const ind = (row as { indicator?: unknown }).indicator;
  if (typeof ind === "string" && ind !== "") return ind;
  if (ind && typeof ind === "object" && typeof (ind as { name?: unknown }).name === "string") {
    return (ind as { name: string }).name;
  }
  return null;
}

export function figureCell(targets: readonly Target[]): Child {
  if (targets.length === 0) return h("td", { class: "none" }, "—");
  return h(
    "td",
    null,
    targets.map((t, i) => [
      i > 0 ? h("br") : null,
      h("span", { class: t.status === "achieved" ? "achieved" : null, title: t.text }, figure(t)),
    ]),
  );
}

const MAX_SECTIONS = 8;

function rowsTable(rows: readonly Row[], columns: number[], labels: string[], docs: readonly DocumentRef[], sections: string[][] | null): Element {
  const sectionCell = (d: number) => {
    const ids = (sections?.[d] ?? []).map((id) => `§${id}`);
    const shown = ids.length > MAX_SECTIONS ? `${ids.slice(0, MAX_SECTIONS).join(" ")} … (+${ids.length - MAX_SECTIONS})` : ids.join(" ");
    return h("td", { class: "clause", title: ids.length > MAX_SECTIONS ? ids.join(" ") : null }, shown || "—");
  };
  return h(
    "div",
    { class: "scroll" },
    h(
      "table",
      null,
      h("thead", null, h("tr", null, h("th", COL, "指标 indicator"), columns.map((d) => h("th", { scope: "col", title: docs[d]?.path ?? "" }, labels[d] ?? "")))),
      h(
        "tbody",
        null,
        sections ? h("tr", null, h("th", ROW, "sections"), columns.map(sectionCell)) : null,
        rows.map((r) => {
          const ind = rowIndicator(r);
          return h(
            "tr",
            null,
            h("th", ROW, r.metric, ind && ind !== r.metric ? [h("br"), h("small", { class: "count" }, ind)] : null),
            columns.map((d) => figureCell(r.cells[d] ?? [])),
          );
        }),
      ),
    ),
  );
}

function docsWith(row: Row): number {
  return row.cells.filter((c) => c.length > 0).length;
}

/**
 * A topic: rows found in two or more documents first, with their charts; rows of a single
 * document in a nested block (closed), so that a large comparison stays quick to open.
 */
function topicBlock(block: CompareResult["topics"][number], labels: string[], docs: readonly DocumentRef[], open: boolean): Element {
  const multi = block.rows.filter((r) => docsWith(r) >= 2);
  const single = block.rows.filter((r) => docsWith(r) < 2);
  const columnsOf = (rows: readonly Row[]) =>
    labels.map((_, d) => d).filter((d) => rows.some((r) => (r.cells[d] ?? []).length > 0));
  const columns = columnsOf(block.rows);
  const charts = multi
    .map((r) =>
      rowChart(
        rowIndicator(r) ?? r.metric,
        r.cells.flatMap((cell, d): ChartPoint[] => {
          const t = cell[0];
          const doc = docs[d];
          return t && doc ? [{ label: labels[d] ?? "", region: doc.region, year: doc.year, target: t }] : [];
        }),
      ),
    )
    .filter((c): c is Element => c !== null);
  const without = labels.length - columns.length;
  return h(
    "details",
    { class: "block", open },
    h(
      "summary",
      null,
      `${block.topic} `,
      h("span", { class: "count" }, `${block.rows.length} indicators · ${multi.length} in 2+ documents · ${charts.length} charts`),
    ),
    h(
      "div",
      null,
      block.rows.length === 0
        ? h("p", { class: "empty" }, "no figures under this topic")
        : multi.length === 0
          ? h("p", { class: "empty" }, "no indicator of this topic is found in two or more documents")
          : rowsTable(multi, columnsOf(multi), labels, docs, block.sections),
      without > 0
        ? h("p", { class: "count" }, `${without} ${without === 1 ? "document has" : "documents have"} no figure under this topic`)
        : null,
      charts.length > 0 ? h("div", { class: "charts" }, charts) : null,
      single.length > 0
        ? h(
            "details",
            { class: "block" },
            h("summary", null, `${single.length} indicators found in one document only`),
            h("div", null, rowsTable(single, columnsOf(single), labels, docs, null)),
          )
        : null,
    ),
  );
}

export function renderCompareHtml(result: CompareResult): string {
  const labels = uniqueLabels(result.documents);
  const docs = result.documents;
  const documents = h(
    "details",
    { class: "block" },
    h("summary", null, `Documents (${docs.length})`),
    h(
      "div",
      null,
      h(
        "ol",
        null,
        docs.map((d, i) => h("li", null, h("strong", null, labels[i] ?? ""), ` — ${d.title ?? "—"} `, h("code", null, d.path))),
      ),
    ),
  );
  // open the first topic with an indicator in two or more documents (else the first)
  const shared = result.topics.findIndex((t) => t.rows.some((r) => docsWith(r) >= 2));
  const blocks = result.topics.map((b, i) => topicBlock(b, labels, docs, i === Math.max(0, shared)));
  return page({
    title: `Comparison of ${docs.length} documents`,
    facts: [`${result.topics.length} topics`, `${result.topics.reduce((n, t) => n + t.rows.length, 0)} rows`],
    header: h(
      "div",
      { class: "toolbar" },
      h("button", { type: "button", "data-toggle-all": "open" }, "expand all"),
      h("button", { type: "button", "data-toggle-all": "close" }, "collapse all"),
      h("span", { class: "count" }, "(实) = reported as achieved; bars: blue target, green achieved; lines: ring target, dot achieved"),
    ),
    body: h("main", { class: "wrap" }, documents, blocks.length > 0 ? blocks : h("p", { class: "empty" }, "no topics: the documents have no sections or figures")),
  });
}
