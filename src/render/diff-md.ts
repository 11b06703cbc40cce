/** `diff --format md`: a Markdown report in reading order, one table per group with its count. */
import type { DiffResult, TargetChange } from "../compare/types.js";
import type { Target } from "../types.js";
import { documentLabel, figure } from "./compare.js";
import { countsLine, type DiffGroups, type DiffRenderOptions, sectionChangeCount, targetChangeCount } from "./diff-view.js";
import { mdTableHeader, mdTableRow } from "./md.js";

function mdText(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/([\\`*_[\]<>#|~])/g, "\\$1");
}

const row = (cells: unknown[]) => mdTableRow(cells).trimEnd();
const header = (cells: string[]) => mdTableHeader(cells).trimEnd();

function changeRows(list: TargetChange[]): string[] {
  return [
    header(["metric", "old", "new", "§ old → new"]),
    ...list.map((c) =>
      row([
        c.old.metric === c.new.metric ? c.metric : `${c.metric} (was ${c.old.metric})`,
        figure(c.old),
        figure(c.new),
        c.old.sectionId === c.new.sectionId ? c.new.sectionId : `${c.old.sectionId ?? "—"} → ${c.new.sectionId ?? "—"}`,
      ]),
    ),
  ];
}

function targetRows(list: Target[], titles: Record<string, string>): string[] {
  return [
    header(["metric", "figure", "§", "section", "text"]),
    ...list.map((t) =>
      row([
        `${t.headline ? "★ " : ""}${t.metric}`,
        figure(t),
        t.sectionId,
        t.sectionId ? (titles[t.sectionId] ?? "") : "",
        t.text,
      ]),
    ),
  ];
}

export function diffMarkdown(result: DiffResult, g: DiffGroups, opts: DiffRenderOptions): string {
  const oldTitle = (id: string) => mdText(result.titles?.old[id] ?? "");
  const newTitle = (id: string) => mdText(result.titles?.new[id] ?? "");
  const out: string[] = [
    `# Diff: ${mdText(documentLabel(result.old))} → ${mdText(documentLabel(result.new))}`,
    "",
    `- old: \`${result.old.path}\` — ${mdText(result.old.title ?? "—")}`,
    `- new: \`${result.new.path}\` — ${mdText(result.new.title ?? "—")}`,
    `- ${countsLine(g, opts.only)}`,
  ];
  const group = (title: string, n: number, lines: string[]) => {
    if (n > 0) out.push("", `## ${title} (${n})`, "", ...lines);
  };
  if (opts.only !== "sections") {
    if (targetChangeCount(g) === 0) out.push("", "No target changed.");
    group("Headline targets changed", g.headlineChanged.length, changeRows(g.headlineChanged));
    group(
      "Headline targets unchanged",
      g.headlineUnchanged.length,
      g.headlineUnchanged.map((c) => `- ${mdText(c.metric)}: ${mdText(figure(c.new))}`),
    );
    group("Other targets changed", g.otherChanged.length, changeRows(g.otherChanged));
    group("Targets added", g.added.length, targetRows(g.added, result.titles?.new ?? {}));
    group("Targets removed", g.removed.length, targetRows(g.removed, result.titles?.old ?? {}));
  }
  if (opts.only !== "targets") {
    const s = g.sections;
    if (sectionChangeCount(g) === 0) out.push("", `No section changed (${s.matched} matched).`);
    group(
      "Sections retitled",
      s.retitled.length,
      s.retitled.map(
        (m) => `- §${m.old} → §${m.new}${m.moved ? " (moved)" : ""}: ~~${oldTitle(m.old)}~~ → ${newTitle(m.new)}`,
      ),
    );
    group(
      "Sections moved",
      s.moved.length,
      s.moved.map((m) => `- §${m.old} → §${m.new}: ${newTitle(m.new)}`),
    );
    group("Sections added", s.added.length, s.added.map((id) => `- §${id} ${newTitle(id)}`));
    group("Sections removed", s.removed.length, s.removed.map((id) => `- §${id} ~~${oldTitle(id)}~~`));
  }
  out.push("", "★ = headline figure (主要预期目标); (实) = reported as achieved.");
  return `${out.join("\n")}\n`;
}
