/**
 * Text with marked ranges → nested elements. Every mark becomes exactly one element (so a page
 * has one highlight per target), whatever the ranges do: a mark inside another is nested in
 * it; a mark that crosses the end of the one it starts in is cut at that end and its rest
 * follows as a sibling (a crossing figure keeps one element, its tail is shown as plain text
 * when nothing else can hold it); an empty mark is an empty element (styled with a glyph).
 */
import type { Child, Element } from "./dom.js";

export interface Mark {
  start: number;
  end: number;
  /** Lower sorts first among marks with the same range (the outer element). */
  rank: number;
  element: (children: Child[]) => Element;
}

interface Node {
  mark: Mark;
  start: number;
  end: number;
  children: Node[];
}

/** Marks sorted by start, longest first, then rank; ranges clamped to the text. */
function ordered(marks: readonly Mark[], length: number): Mark[] {
  return marks
    .map((m) => {
      const start = Math.max(0, Math.min(m.start, length));
      return { ...m, start, end: Math.max(start, Math.min(m.end, length)) };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
}

function tree(marks: readonly Mark[], length: number): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const mark of ordered(marks, length)) {
    let start = mark.start;
    for (;;) {
      while (stack.length > 0 && start >= (stack[stack.length - 1] as Node).end) stack.pop();
      const top = stack[stack.length - 1];
      // crossing the parent's end: start after it (the parent shows the overlap)
      if (top && mark.end > top.end) {
        start = top.end;
        stack.pop();
        continue;
      }
      break;
    }
    const parent = stack[stack.length - 1];
    const node: Node = { mark, start, end: Math.max(start, mark.end), children: [] };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

function emit(text: string, nodes: readonly Node[], from: number, to: number): Child[] {
  const out: Child[] = [];
  let pos = from;
  for (const node of nodes) {
    const start = Math.min(Math.max(node.start, pos), to);
    const end = Math.min(Math.max(node.end, start), to);
    if (start > pos) out.push(text.slice(pos, start));
    out.push(node.mark.element(emit(text, node.children, start, end)));
    pos = end;
  }
  if (to > pos) out.push(text.slice(pos, to));
  return out;
}

/** The text as children: plain strings (escaped when written) and one element per mark. */
export function markText(text: string, marks: readonly Mark[]): Child[] {
  return emit(text, tree(marks, text.length), 0, text.length);
}
