/**
 * The reading order of a diff, shared by its views: headline changes, other changes, added
 * and removed figures, then section changes, each group with its count. Views only lay the
 * groups out (diff-text.ts, diff-md.ts, diff-csv.ts).
 */
import type { DiffResult, TargetChange } from "../compare/types.js";
import type { Target } from "../types.js";

export type DiffPart = "targets" | "sections";

export interface DiffRenderOptions {
  color: boolean;
  /** Display columns available (default 120). */
  width?: number;
  /** CSV only: start with a UTF-8 byte-order mark. */
  bom?: boolean;
  /** Show only one part of the result. */
  only?: DiffPart | undefined;
}

type Matched = DiffResult["sections"]["matched"][number];

export interface DiffGroups {
  headlineChanged: TargetChange[];
  otherChanged: TargetChange[];
  added: Target[];
  removed: Target[];
  headlineUnchanged: TargetChange[];
  unchanged: number;
  skipped: number;
  sections: {
    retitled: Matched[];
    /** Moved, title unchanged (a moved and retitled section is listed as retitled, marked moved). */
    moved: Matched[];
    added: string[];
    removed: string[];
    matched: number;
    renumbered: number;
  };
}

export function diffGroups(result: DiffResult): DiffGroups {
  const t = result.targets;
  const unchanged = t.unchanged ?? [];
  const m = result.sections.matched;
  return {
    headlineChanged: t.changed.filter((c) => c.headline === true),
    otherChanged: t.changed.filter((c) => c.headline !== true),
    added: t.added,
    removed: t.removed,
    headlineUnchanged: unchanged.filter((c) => c.headline === true),
    unchanged: unchanged.length,
    skipped: (t.skipped?.old ?? 0) + (t.skipped?.new ?? 0),
    sections: {
      retitled: m.filter((x) => x.titleChanged),
      moved: m.filter((x) => !x.titleChanged && x.moved === true),
      added: result.sections.added,
      removed: result.sections.removed,
      matched: m.length,
      renumbered: m.filter((x) => !x.titleChanged && x.old !== x.new).length,
    },
  };
}

export function targetChangeCount(g: DiffGroups): number {
  return g.headlineChanged.length + g.otherChanged.length + g.added.length + g.removed.length;
}

export function sectionChangeCount(g: DiffGroups): number {
  const s = g.sections;
  return s.retitled.length + s.moved.length + s.added.length + s.removed.length;
}

/** One line of counts for the top of a view. */
export function countsLine(g: DiffGroups, only?: DiffPart): string {
  const parts: string[] = [];
  if (only !== "sections") {
    const changed = g.headlineChanged.length + g.otherChanged.length;
    parts.push(
      `targets: ${changed} changed (${g.headlineChanged.length} headline), ${g.added.length} added, ` +
        `${g.removed.length} removed, ${g.unchanged} unchanged` +
        (g.skipped > 0 ? `, ${g.skipped} skipped (metric only a number)` : ""),
    );
  }
  if (only !== "targets") {
    const s = g.sections;
    parts.push(
      `sections: ${s.matched} matched (${s.renumbered} renumbered, ${s.retitled.length} retitled, ` +
        `${s.moved.length + s.retitled.filter((x) => x.moved).length} moved), ${s.added.length} added, ` +
        `${s.removed.length} removed`,
    );
  }
  return parts.join("; ");
}
