/** Structural invariants every document object must satisfy (textlint's ast-tester idea). */
import type { PlanDocument, Section, Span } from "../../src/types.js";

export function planInvariantErrors(doc: PlanDocument, text: string): string[] {
  const errors: string[] = [];
  const inText = (what: string, s: Span): void => {
    if (!(s.start >= 0 && s.start <= s.end && s.end <= text.length)) {
      errors.push(`${what}: span [${s.start},${s.end}) outside text of length ${text.length}`);
    }
  };
  const ids = new Set<string>();
  const walk = (sections: Section[], parent: Section | null, prefix: string, depth: number): void => {
    let prevStart = -1;
    sections.forEach((s, i) => {
      const expectId = prefix ? `${prefix}.${i + 1}` : `${i + 1}`;
      if (s.id !== expectId) errors.push(`section ${s.id}: expected id ${expectId}`);
      if (s.depth !== depth) errors.push(`section ${s.id}: depth ${s.depth}, expected ${depth}`);
      ids.add(s.id);
      inText(`section ${s.id}`, s.span);
      if (s.span.start < prevStart) errors.push(`section ${s.id}: starts before its previous sibling`);
      prevStart = s.span.start;
      if (parent && (s.span.start < parent.span.start || s.span.end > parent.span.end)) {
        errors.push(`section ${s.id}: span outside its parent ${parent.id}`);
      }
      walk(s.children, s, s.id, depth + 1);
    });
  };
  walk(doc.sections, null, "", 1);
  for (const t of doc.targets) {
    inText(`target ${t.id}`, t.span);
    if (t.sectionId !== null && !ids.has(t.sectionId))
      errors.push(`target ${t.id}: unknown section ${t.sectionId}`);
  }
  for (const d of doc.deadlines) {
    inText(`deadline ${d.id}`, d.span);
    if (d.sectionId !== null && !ids.has(d.sectionId))
      errors.push(`deadline ${d.id}: unknown section ${d.sectionId}`);
  }
  if (JSON.stringify(JSON.parse(JSON.stringify(doc))) !== JSON.stringify(doc)) errors.push("not plain JSON");
  return errors;
}
