/**
 * `diff --format csv`: one row per change, in reading order (headline changes, other changes,
 * added and removed figures, section changes). Unchanged figures are not rows.
 */
import type { DiffResult, TargetChange } from "../compare/types.js";
import type { Target } from "../types.js";
import { figure } from "./compare.js";
import { csvHeader, csvRow } from "./csv.js";
import type { DiffGroups, DiffRenderOptions } from "./diff-view.js";

export const DIFF_CSV_COLUMNS = [
  "part",
  "change",
  "headline",
  "metric",
  "old",
  "new",
  "status",
  "old_section",
  "new_section",
  "old_title",
  "new_title",
  "old_text",
  "new_text",
] as const;

export function diffCsv(result: DiffResult, g: DiffGroups, opts: DiffRenderOptions): string {
  const oldTitle = (id: string | null) => (id ? (result.titles?.old[id] ?? "") : "");
  const newTitle = (id: string | null) => (id ? (result.titles?.new[id] ?? "") : "");
  let out = csvHeader(DIFF_CSV_COLUMNS, opts.bom ?? false);
  const changed = (c: TargetChange) =>
    csvRow([
      "target",
      "changed",
      c.headline ? "yes" : "",
      c.metric,
      figure(c.old),
      figure(c.new),
      c.new.status,
      c.old.sectionId,
      c.new.sectionId,
      oldTitle(c.old.sectionId),
      newTitle(c.new.sectionId),
      c.old.text,
      c.new.text,
    ]);
  const single = (t: Target, change: "added" | "removed") =>
    csvRow([
      "target",
      change,
      t.headline ? "yes" : "",
      t.metric,
      change === "removed" ? figure(t) : "",
      change === "added" ? figure(t) : "",
      t.status,
      change === "removed" ? t.sectionId : "",
      change === "added" ? t.sectionId : "",
      change === "removed" ? oldTitle(t.sectionId) : "",
      change === "added" ? newTitle(t.sectionId) : "",
      change === "removed" ? t.text : "",
      change === "added" ? t.text : "",
    ]);
  if (opts.only !== "sections") {
    for (const c of [...g.headlineChanged, ...g.otherChanged]) out += changed(c);
    for (const t of g.added) out += single(t, "added");
    for (const t of g.removed) out += single(t, "removed");
  }
  if (opts.only !== "targets") {
    const s = g.sections;
    const section = (change: string, o: string, n: string) =>
      csvRow(["section", change, "", "", "", "", "", o, n, oldTitle(o || null), newTitle(n || null), "", ""]);
    for (const m of s.retitled) out += section(m.moved ? "retitled+moved" : "retitled", m.old, m.new);
    for (const m of s.moved) out += section("moved", m.old, m.new);
    for (const id of s.added) out += section("added", "", id);
    for (const id of s.removed) out += section("removed", id, "");
  }
  return out;
}
