/**
 * `diff` on a terminal (table format): a code-review style listing in reading order —
 * headline changes, other changes, added (+ green) and removed (- red) figures, then
 * section changes — each group headed with its count.
 */
import type { DiffResult, TargetChange } from "../compare/types.js";
import type { Target } from "../types.js";
import { painter } from "./color.js";
import { documentLabel, figure } from "./compare.js";
import { countsLine, type DiffGroups, type DiffRenderOptions, sectionChangeCount, targetChangeCount } from "./diff-view.js";
import { sanitizeCell, truncate } from "./width.js";

type Paint = ReturnType<typeof painter>;

function where(id: string | null): string {
  return id ? `  §${id}` : "";
}

function changeLine(c: TargetChange, p: Paint): string {
  const from = c.old.metric === c.new.metric ? "" : p.dim(` (was ${c.old.metric})`);
  const moved = c.old.sectionId !== c.new.sectionId ? `§${c.old.sectionId ?? "—"} → §${c.new.sectionId ?? "—"}` : `§${c.new.sectionId ?? "—"}`;
  return `${p.yellow("~")} ${c.metric}${from}: ${p.red(figure(c.old))} → ${p.green(figure(c.new))}  ${p.dim(moved)}`;
}

function targetLine(t: Target): string {
  return `${t.headline ? "★ " : ""}${t.metric}: ${figure(t)}${where(t.sectionId)}`;
}

export function diffText(result: DiffResult, g: DiffGroups, opts: DiffRenderOptions): string {
  const p = painter(opts.color);
  const width = opts.width ?? 120;
  const fit = (s: string) => truncate(sanitizeCell(s), width);
  const oldTitle = (id: string) => result.titles?.old[id] ?? "";
  const newTitle = (id: string) => result.titles?.new[id] ?? "";
  const out: string[] = [
    p.bold(`diff ${documentLabel(result.old)} → ${documentLabel(result.new)}`),
    p.dim(`--- ${result.old.path}`),
    p.dim(`+++ ${result.new.path}`),
    p.dim(countsLine(g, opts.only)),
  ];
  const head = (title: string, n: number) => out.push("", p.bold(`${title} (${n})`));
  if (opts.only !== "sections") {
    if (targetChangeCount(g) === 0) out.push("", p.dim("no target changed"));
    if (g.headlineChanged.length > 0) {
      head("Headline targets changed", g.headlineChanged.length);
      for (const c of g.headlineChanged) out.push(changeLine(c, p));
    }
    if (g.headlineUnchanged.length > 0) {
      head("Headline targets unchanged", g.headlineUnchanged.length);
      for (const c of g.headlineUnchanged) out.push(p.dim(fit(`= ${c.metric}: ${figure(c.new)}`)));
    }
    if (g.otherChanged.length > 0) {
      head("Other targets changed", g.otherChanged.length);
      for (const c of g.otherChanged) out.push(changeLine(c, p));
    }
    if (g.added.length > 0) {
      head("Targets added", g.added.length);
      for (const t of g.added) out.push(p.green(fit(`+ ${targetLine(t)}`)));
    }
    if (g.removed.length > 0) {
      head("Targets removed", g.removed.length);
      for (const t of g.removed) out.push(p.red(fit(`- ${targetLine(t)}`)));
    }
  }
  if (opts.only !== "targets") {
    const s = g.sections;
    if (sectionChangeCount(g) === 0) out.push("", p.dim(`no section changed (${s.matched} matched)`));
    if (s.retitled.length > 0) {
      head("Sections retitled", s.retitled.length);
      for (const m of s.retitled) {
        const ids = m.old === m.new ? `§${m.old}` : `§${m.old} → §${m.new}`;
        const mv = m.moved ? p.dim(" (moved)") : "";
        out.push(`${p.yellow("~")} ${ids}${mv} ${p.red(oldTitle(m.old))} → ${p.green(newTitle(m.new))}`);
      }
    }
    if (s.moved.length > 0) {
      head("Sections moved", s.moved.length);
      for (const m of s.moved) out.push(fit(`${p.yellow("↕")} §${m.old} → §${m.new} ${newTitle(m.new)}`));
    }
    if (s.added.length > 0) {
      head("Sections added", s.added.length);
      for (const id of s.added) out.push(p.green(fit(`+ §${id} ${newTitle(id)}`)));
    }
    if (s.removed.length > 0) {
      head("Sections removed", s.removed.length);
      for (const id of s.removed) out.push(p.red(fit(`- §${id} ${oldTitle(id)}`)));
    }
  }
  out.push("", p.dim("★ = headline figure (主要预期目标); (实) = reported as achieved"));
  return `${out.join("\n")}\n`;
}
