/**
 * SEGMENT stage: the numbered outline of a document as a tree of sections with spans.
 * Markers are data (markers.ts); the tree is built in one pass over the clean lines (build.ts).
 */
import type { CleanDoc } from "../clean/index.js";
import type { Meta, Section, Warning } from "../types.js";
import { type BackMatter, buildSections } from "./build.js";

export type { BackMatter } from "./build.js";

export { detectLineMarker, INLINE_MARKERS, LINE_MARKERS } from "./markers.js";

/** The section tree of `clean`, with numbering warnings; "no-sections" when body text has no marker. */
export function segment(
  clean: CleanDoc,
  _meta: Meta,
): { sections: Section[]; warnings: Warning[]; backMatter: BackMatter | null } {
  const { sections, warnings, backMatter } = buildSections(clean);
  if (sections.length === 0 && clean.lines.some((l) => l.text.trim() !== "")) {
    warnings.push({
      code: "no-sections",
      message: "no outline marker (一、 (一) 1. 第一章 …) was recognised in the body text",
      line: clean.lines[0]?.line,
    });
  }
  return { sections, warnings, backMatter };
}

/** Every section in document order (pre-order: a parent before its children). */
export function flattenSections(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const walk = (list: readonly Section[]) => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}

/**
 * The one of `list` (siblings in document order, spans not overlapping) whose span contains `offset`
 * (start ≤ offset < end), by binary search; null when none does.
 */
function childAt(list: readonly Section[], offset: number): Section | null {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid] as Section;
    if (offset < s.span.start) hi = mid - 1;
    else if (offset >= s.span.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/** The deepest section whose span contains `offset` (start ≤ offset < end), or null. */
export function sectionAt(sections: readonly Section[], offset: number): Section | null {
  let found: Section | null = null;
  for (let hit = childAt(sections, offset); hit; hit = childAt(hit.children, offset)) found = hit;
  return found;
}

/** The sections whose span contains `offset`, outermost first (sectionAt's walk, keeping the path). */
export function sectionPathAt(sections: readonly Section[], offset: number): Section[] {
  const path: Section[] = [];
  for (let hit = childAt(sections, offset); hit; hit = childAt(hit.children, offset)) path.push(hit);
  return path;
}
