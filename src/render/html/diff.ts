/**
 * The diff page: headline figures first, then changed, added and removed figures, then
 * section changes; old and new side by side in every row.
 */
import type { DiffResult } from "../../compare/types.js";
import type { Target } from "../../types.js";
import { documentLabel, figure } from "../compare.js";
import { type Child, COL, type Element, h, ROW } from "./dom.js";
import { page } from "./page.js";

type Change = "changed" | "added" | "removed" | "unchanged";
interface Pair {
  change: Change;
  metric: string;
  old: Target | null;
  new: Target | null;
}

function side(t: Target | null, titles: Record<string, string>, cls: "old" | "new", change: Change): Element {
  if (t === null) return h("td", { class: "none" }, "—");
  const section = t.sectionId === null ? null : `§${t.sectionId} ${titles[t.sectionId] ?? ""}`.trim();
  const value = figure(t);
  const shown = change === "changed" ? (cls === "old" ? h("del", null, value) : h("ins", null, value)) : h("strong", null, value);
  return h(
    "td",
    { class: change === "unchanged" ? null : cls, [`data-${cls}-target`]: t.id },
    shown,
    h("br"),
    h("span", { class: "clause" }, t.text),
    section ? [h("br"), h("small", { class: "count" }, section)] : null,
  );
}

function pairTable(pairs: readonly Pair[], result: DiffResult, empty: string): Child {
  if (pairs.length === 0) return h("p", { class: "empty" }, empty);
  return h(
    "div",
    { class: "scroll" },
    h(
      "table",
      { class: "diff" },
      h("colgroup", null, h("col", { class: "k" }), h("col", { class: "m" }), h("col"), h("col")),
      h("thead", null, h("tr", null, h("th", COL, ""), h("th", COL, "指标 metric"), h("th", COL, "old"), h("th", COL, "new"))),
      h(
        "tbody",
        null,
        pairs.map((p) =>
          h(
            "tr",
            { "data-change": p.change },
            h("td", { class: "count" }, p.change),
            h("th", ROW, p.metric),
            side(p.old, result.titles?.old ?? {}, "old", p.change),
            side(p.new, result.titles?.new ?? {}, "new", p.change),
          ),
        ),
      ),
    ),
  );
}

function block(title: string, count: number, body: Child, open = true): Element {
  return h("details", { class: "block", open }, h("summary", null, `${title} `, h("span", { class: "count" }, String(count))), h("div", null, body));
}

function pairsOf(result: DiffResult): Pair[] {
  const t = result.targets;
  const unchanged = (t as { unchanged?: { metric?: string; old: Target; new: Target }[] }).unchanged ?? [];
  return [
    ...t.changed.map((c): Pair => ({ change: "changed", metric: c.metric, old: c.old, new: c.new })),
    ...t.removed.map((x): Pair => ({ change: "removed", metric: x.metric, old: x, new: null })),
    ...t.added.map((x): Pair => ({ change: "added", metric: x.metric, old: null, new: x })),
    ...unchanged.map((u): Pair => ({ change: "unchanged", metric: u.metric ?? u.new.metric, old: u.old, new: u.new })),
  ];
}

function sectionRows(result: DiffResult): Child {
  const s = result.sections;
  const oldT = result.titles?.old ?? {};
  const newT = result.titles?.new ?? {};
  const rows: [string, string, string][] = [
    ...s.matched.filter((m) => m.titleChanged).map((m): [string, string, string] => ["retitled", `§${m.old} ${oldT[m.old] ?? ""}`, `§${m.new} ${newT[m.new] ?? ""}`]),
    ...s.removed.map((id): [string, string, string] => ["removed", `§${id} ${oldT[id] ?? ""}`, ""]),
    ...s.added.map((id): [string, string, string] => ["added", "", `§${id} ${newT[id] ?? ""}`]),
  ];
  const renumbered = s.matched.filter((m) => !m.titleChanged && m.old !== m.new).length;
  const summary = `${s.matched.length} matched (${renumbered} renumbered), ${rows.length} changed`;
  if (rows.length === 0) return h("p", { class: "empty" }, `no section changes; ${summary}`);
  return [
    h("p", { class: "count" }, summary),
    h(
      "table",
      null,
      h("thead", null, h("tr", null, h("th", COL, ""), h("th", COL, "old"), h("th", COL, "new"))),
      h(
        "tbody",
        null,
        rows.map(([change, o, n]) =>
          h("tr", { "data-change": change }, h("td", { class: "count" }, change), h("td", { class: o ? "old" : "none" }, o || "—"), h("td", { class: n ? "new" : "none" }, n || "—")),
        ),
      ),
    ),
  ];
}

export function renderDiffHtml(result: DiffResult): string {
  const pairs = pairsOf(result);
  const moved = pairs.filter((p) => p.change !== "unchanged");
  const isHeadline = (p: Pair) => p.old?.headline === true || p.new?.headline === true;
  const headline = moved.filter(isHeadline);
  const rest = moved.filter((p) => !isHeadline(p));
  const changed = rest.filter((p) => p.change === "changed");
  const other = rest.filter((p) => p.change !== "changed");
  const unchanged = pairs.filter((p) => p.change === "unchanged");
  const marked = pairs.some((p) => p.old?.headline !== undefined || p.new?.headline !== undefined);
  const t = result.targets;
  return page({
    title: `diff: ${documentLabel(result.old)} → ${documentLabel(result.new)}`,
    facts: [
      `old ${result.old.path}`,
      `new ${result.new.path}`,
      `${t.changed.length} changed, ${t.added.length} added, ${t.removed.length} removed figures`,
    ],
    body: h(
      "main",
      { class: "wrap" },
      // headline figures first, when the documents mark them (主要预期目标)
      marked ? block("Headline figures", headline.length, pairTable(headline, result, "no headline figure changed")) : null,
      block("Changed figures", changed.length, pairTable(changed, result, "no figure changed")),
      block("Added and removed figures", other.length, pairTable(other, result, "no figure added or removed")),
      block(
        "Sections",
        result.sections.added.length + result.sections.removed.length + result.sections.matched.filter((m) => m.titleChanged).length,
        sectionRows(result),
      ),
      unchanged.length > 0 ? block("Unchanged figures", unchanged.length, pairTable(unchanged, result, ""), false) : null,
    ),
  });
}
