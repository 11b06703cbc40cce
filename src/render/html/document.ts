/**
 * The parse / targets page: each document's text with its figures highlighted (target,
 * achieved, doubtful styled apart) and its deadlines marked; the outline as table of contents;
 * a side list of figures filterable by status, topic and indicator; a panel with the fields of
 * the figure clicked. Without the text (a saved JSON document), the figures are shown in their
 * clauses, section by section.
 */
import type { Deadline, PlanDocument, Section, Target, Warning } from "../../types.js";
import { formatFigure } from "../rows.js";
import { type Child, type Element, h, safeId } from "./dom.js";
import { type Mark, markText } from "./marks.js";
import { page } from "./page.js";

export interface HtmlDocument {
  doc: PlanDocument;
  /** The decoded text the spans point into; null when only the saved JSON is at hand. */
  text: string | null;
}

/**
 * Below this confidence a figure is shown as doubtful, as is any figure a "target-uncertain"
 * warning names. The extractor warns below the same value (extract's UNCERTAIN_BELOW).
 */
export const DOUBTFUL_BELOW = 0.6;

type Fields = [string, string][];
type Kind = "target" | "achieved" | "doubtful";

interface Figure {
  target: Target;
  kind: Kind;
  elementId: string;
  topics: string[];
  doubt: string | null;
}

function* walk(sections: readonly Section[], parent: Section | null = null): Generator<[Section, Section | null]> {
  for (const s of sections) {
    yield [s, parent];
    yield* walk(s.children, s);
  }
}

/** Topics of each section: its own, else the nearest ancestor's. */
function sectionTopics(doc: PlanDocument): Map<string, string[]> {
  const topics = new Map<string, string[]>();
  for (const [s, parent] of walk(doc.sections)) {
    const own = s.topics && s.topics.length > 0 ? s.topics : parent ? (topics.get(parent.id) ?? []) : [];
    topics.set(s.id, own);
  }
  return topics;
}

const ID_PREFIX = /^(\S+) /;

/** The target-uncertain warning about each target: by the id it names, else by its line. */
function doubts(warnings: readonly Warning[]): { byId: Map<string, string>; byLine: Map<number, string> } {
  const byId = new Map<string, string>();
  const byLine = new Map<number, string>();
  for (const w of warnings) {
    if (w.code !== "target-uncertain") continue;
    const id = ID_PREFIX.exec(w.message)?.[1];
    if (id && /^t\d+$/.test(id)) byId.set(id, w.message);
    else if (w.line !== undefined) byLine.set(w.line, w.message);
  }
  return { byId, byLine };
}

function figureList(doc: PlanDocument, prefix: string): Figure[] {
  const topics = sectionTopics(doc);
  const { byId, byLine } = doubts(doc.warnings);
  return doc.targets.map((t) => {
    const doubt = byId.get(t.id) ?? byLine.get(t.span.line) ?? null;
    const kind: Kind = doubt !== null || t.confidence < DOUBTFUL_BELOW ? "doubtful" : t.status;
    return {
      target: t,
      kind,
      elementId: `${prefix}t-${safeId(t.id)}`,
      topics: t.sectionId === null ? [] : (topics.get(t.sectionId) ?? []),
      doubt,
    };
  });
}

const COMPARATOR_WORDS: Record<string, string> = {
  ">=": "≥ at least",
  ">": "> more than",
  "<=": "≤ at most",
  "<": "< less than",
  "=": "= exactly",
  "~": "≈ about",
  range: "range",
};

function fieldsOf(f: Figure, sections: Map<string, Section>): Fields {
  const t = f.target;
  const section = t.sectionId === null ? null : sections.get(t.sectionId);
  const fields: Fields = [
    ["metric", t.metric],
    ["comparator", COMPARATOR_WORDS[t.comparator] ?? t.comparator],
    ["value", t.valueMax !== undefined ? `${t.value} – ${t.valueMax}` : String(t.value)],
    ["unit", t.unit || "—"],
    ["change", t.change ?? "—"],
    ["status", t.status + (f.kind === "doubtful" ? " (doubtful)" : "")],
    ["indicator", t.indicator ? `${t.indicator.name} (${t.indicator.id})` : "—"],
    ["pattern", t.pattern],
    ["confidence", String(t.confidence)],
  ];
  if (t.per) fields.push(["per", t.per]);
  if (t.deadline) fields.push(["deadline", t.deadline]);
  if (t.qualifiers && t.qualifiers.length > 0) fields.push(["qualifiers", t.qualifiers.join(", ")]);
  if (t.headline) fields.push(["headline", "yes"]);
  if (f.doubt) fields.push(["doubt", f.doubt]);
  fields.push(["section", section ? `${section.marker}${section.title}` : "—"]);
  fields.push(["line", String(t.span.line)], ["clause", t.text], ["id", t.id]);
  return fields;
}

function figureMark(f: Figure): (children: Child[]) => Element {
  const t = f.target;
  return (children) =>
    h(
      "mark",
      {
        class: `fig ${f.kind}${t.headline ? " headline" : ""}`,
        id: f.elementId,
        "data-target": t.id,
        tabindex: 0,
        title: `${t.metric}: ${formatFigure(t)}`,
      },
      children,
    );
}

function deadlineFields(d: Deadline, sections: Map<string, Section>): Fields {
  const section = d.sectionId === null ? null : sections.get(d.sectionId);
  return [
    ["deadline", d.text],
    ["date", d.date ?? "unresolved"],
    ["kind", d.kind],
    ["status", d.status ?? "—"],
    ["pattern", d.pattern],
    ["section", section ? `${section.marker}${section.title}` : "—"],
    ["line", String(d.span.line)],
    ["id", d.id],
  ];
}

function deadlineMark(d: Deadline, prefix: string): (children: Child[]) => Element {
  return (children) =>
    h(
      "span",
      {
        class: "deadline",
        id: `${prefix}dl-${safeId(d.id)}`,
        "data-deadline": d.id,
        tabindex: 0,
        title: d.date ?? "date unresolved",
      },
      children,
    );
}

/** True when every span lies inside the text (it is the text these spans were read from). */
function textFits(text: string | null, doc: PlanDocument): text is string {
  if (text === null) return false;
  const spans = [...doc.targets.map((t) => t.span), ...doc.deadlines.map((d) => d.span)];
  return spans.every((s) => s.end <= text.length);
}

function fullText(text: string, doc: PlanDocument, figs: Figure[], prefix: string): Element {
  const marks: Mark[] = [];
  for (const [s] of walk(doc.sections)) {
    // the heading: its marker and title, never past the end of its line
    const lineEnd = text.indexOf("\n", s.span.start);
    const end = Math.min(lineEnd === -1 ? text.length : lineEnd, s.span.start + s.marker.length + s.title.length);
    marks.push({
      start: s.span.start,
      end,
      rank: 0,
      element: (children) => h("span", { class: `h h${s.depth}`, id: `${prefix}s-${safeId(s.id)}` }, children),
    });
  }
  for (const f of figs) marks.push({ start: f.target.span.start, end: f.target.span.end, rank: 1, element: figureMark(f) });
  for (const d of doc.deadlines) {
    marks.push({ start: d.span.start, end: d.span.end, rank: 2, element: deadlineMark(d, prefix) });
  }
  return h("div", { class: "doc" }, gaps(markText(text.replace(/\r(?=\n)/g, " "), marks)));
}

const BLANK_LINES = /\n(?:[ \t\u3000]*\n)+/;

/**
 * Blank lines between paragraphs (most web copies have one after every paragraph) become a
 * small gap instead of a full empty line; the text itself is unchanged.
 */
function gaps(children: Child[]): Child[] {
  const out: Child[] = [];
  for (const c of children) {
    if (typeof c !== "string" || !BLANK_LINES.test(c)) {
      out.push(c);
      continue;
    }
    c.split(new RegExp(BLANK_LINES.source, "g")).forEach((piece, i) => {
      if (i > 0) out.push("\n", h("span", { class: "gap" }));
      if (piece !== "") out.push(piece);
    });
  }
  return out;
}

/** No text: each section's figures in their clauses. */
function clauses(doc: PlanDocument, figs: Figure[], prefix: string): Element {
  const bySection = new Map<string | null, Figure[]>();
  for (const f of figs) {
    const list = bySection.get(f.target.sectionId) ?? [];
    list.push(f);
    bySection.set(f.target.sectionId, list);
  }
  const blocks: Child[] = [
    h("p", { class: "empty" }, "The document text is not in the input (saved JSON): figures are shown in their clauses."),
  ];
  const loose = bySection.get(null) ?? [];
  if (loose.length > 0) blocks.push(h("p", null, loose.map((f) => [figureMark(f)([f.target.text]), " "])));
  for (const [s] of walk(doc.sections)) {
    blocks.push(h("p", { class: `h h${s.depth}`, id: `${prefix}s-${safeId(s.id)}` }, `${s.marker}${s.title}`));
    const list = bySection.get(s.id) ?? [];
    if (list.length > 0) blocks.push(h("p", null, list.map((f) => [figureMark(f)([f.target.text]), " "])));
  }
  return h("div", null, blocks);
}

function toc(sections: readonly Section[], prefix: string): Element | null {
  if (sections.length === 0) return null;
  return h(
    "ul",
    null,
    sections.map((s) =>
      h("li", null, h("a", { href: `#${prefix}s-${safeId(s.id)}` }, `${s.marker}${s.title}`), toc(s.children, prefix)),
    ),
  );
}

function select(name: string, label: string, values: string[], all: string): Child {
  if (values.length === 0) return null;
  return [
    h("label", { for: `${name}-${label}` }, name),
    h(
      "select",
      { name: `${name}-${label}`, id: `${name}-${label}`, "data-filter": name },
      h("option", { value: "" }, all),
      values.map((v) => h("option", { value: v }, v)),
    ),
  ];
}

function sideList(figs: Figure[], prefix: string): Child {
  const topics = [...new Set(figs.flatMap((f) => f.topics))].sort();
  const indicators = [
    ...new Set(figs.map((f) => f.target.indicator?.name).filter((n): n is string => typeof n === "string")),
  ].sort();
  return [
    h("h2", null, "Figures ", h("span", { class: "count shown" }, `${figs.length} / ${figs.length}`)),
    h(
      "div",
      { class: "filters" },
      h("label", { for: `status-${prefix}` }, "status"),
      h(
        "select",
        { name: `status-${prefix}`, id: `status-${prefix}`, "data-filter": "status" },
        h("option", { value: "" }, "all"),
        h("option", { value: "target" }, "target"),
        h("option", { value: "achieved" }, "achieved"),
        h("option", { value: "doubtful" }, "doubtful"),
      ),
      select("topic", prefix, topics, "all topics"),
      select("indicator", prefix, indicators, "all indicators"),
    ),
    h(
      "ul",
      { class: "figlist" },
      figs.map((f) =>
        h(
          "li",
          {
            "data-status": f.target.status,
            "data-doubtful": f.kind === "doubtful" ? "1" : "0",
            "data-topics": f.topics.join("|"),
            "data-indicator": f.target.indicator?.name ?? "",
          },
          h(
            "a",
            { href: `#${f.elementId}`, "data-ref": f.elementId },
            h("span", { class: `dot ${f.kind}` }),
            f.target.headline ? h("span", { class: "star", title: "headline figure" }, "★ ") : null,
            `${f.target.metric} `,
            h("span", { class: "v" }, formatFigure(f.target)),
          ),
        ),
      ),
    ),
  ];
}

function docTitle(doc: PlanDocument): string {
  return doc.meta.title ?? doc.source.path ?? "plan";
}

function facts(doc: PlanDocument): string[] {
  const m = doc.meta;
  const out = [m.region, m.year === null ? null : String(m.year), m.kind, m.issuer, doc.source.path];
  out.push(`${doc.targets.length} figures`, `${doc.deadlines.length} deadlines`, `${doc.sections.length} top sections`);
  return out.filter((x): x is string => typeof x === "string" && x !== "");
}

function documentBlock(item: HtmlDocument, n: number, figures: Record<string, Fields>): Element {
  const { doc } = item;
  const prefix = `d${n}-`;
  const figs = figureList(doc, prefix);
  const index = new Map([...walk(doc.sections)].map(([s]) => [s.id, s]));
  for (const f of figs) figures[f.elementId] = fieldsOf(f, index);
  for (const d of doc.deadlines) figures[`${prefix}dl-${safeId(d.id)}`] = deadlineFields(d, index);
  const body = textFits(item.text, doc) ? fullText(item.text, doc, figs, prefix) : clauses(doc, figs, prefix);
  return h(
    "div",
    { class: "layout" },
    h("nav", { "aria-label": `outline ${n}` }, h("h2", null, "Outline"), toc(doc.sections, prefix) ?? h("p", { class: "empty" }, "no sections")),
    h("div", { class: "text" }, body),
    h(
      "aside",
      { "aria-label": `figures ${n}` },
      h(
        "div",
        { class: "panel", hidden: true },
        h("h3", null, "Figure"),
        h("div", { class: "panel-body" }),
      ),
      sideList(figs, prefix),
    ),
  );
}

function legend(): Element {
  return h(
    "p",
    { class: "legend" },
    h("mark", { class: "key fig target" }, "target"),
    h("mark", { class: "key fig achieved" }, "achieved"),
    h("mark", { class: "key fig doubtful" }, "doubtful"),
    h("span", { class: "key deadline" }, "deadline"),
    h("span", { class: "count" }, "click a figure or a deadline for its fields"),
  );
}

/** One page for one or more documents (several: one collapsible block each, the first open). */
export function renderDocumentsHtml(items: readonly HtmlDocument[]): string {
  const figures: Record<string, Fields> = {};
  const first = items[0];
  if (items.length === 1 && first) {
    return page({
      title: docTitle(first.doc),
      facts: facts(first.doc),
      header: legend(),
      body: h("main", { class: "doc-block" }, documentBlock(first, 1, figures)),
      figures,
    });
  }
  const total = items.reduce((n, i) => n + i.doc.targets.length, 0);
  const blocks = items.map((item, i) =>
    h(
      "details",
      { class: "doc-block", open: i === 0 },
      h("summary", null, `${docTitle(item.doc)} `, h("span", { class: "count" }, facts(item.doc).join(" · "))),
      documentBlock(item, i + 1, figures),
    ),
  );
  return page({
    title: `${items.length} documents`,
    facts: [`${total} figures`],
    header: legend(),
    body: h("main", null, blocks.length > 0 ? blocks : h("p", { class: "wrap empty" }, "no documents")),
    figures,
  });
}
