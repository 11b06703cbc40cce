/**
 * Headline figures (主要预期目标) for diff. The classify stage marks them (`Target.headline`);
 * a document without any mark (saved by an earlier version, or before that step ran) falls
 * back to: figures in a section titled with 主要预期目标, or in a paragraph that announces
 * the year's main targets ("今年经济社会发展的主要预期目标是：…").
 */
import type { PlanDocument, Section, Target } from "../types.js";

/**
 * A paragraph that announces the headline targets. Examples: 主要预期目标是：, 主要预期目标为,
 * 今年全市经济社会发展的主要目标是, 今年工作的主要目标为, 今年全省经济社会发展的主要指标是.
 * Counterexamples: 目标任务 (a list of tasks), 主要目标任务, 实现"十四五"规划主要目标 (a review of
 * a plan's goals), 《纲要》提出经济社会发展的主要指标： (a five-year plan's indicators, no 是/为),
 * 会议确定的主要预期目标全面实现 (a review of last year's targets: its figures are results).
 */
export const HEADLINE_PARAGRAPH =
  /主要预期目标(?!(?:任务)?(?:全面|顺利|基本|圆满|较好|超额)?(?:实现|完成))|(?:发展|工作)的?主要(?:目标|指标)(?:是|为)/;

function headlineSections(sections: Section[], inside: boolean, out: Set<string>): void {
  for (const s of sections) {
    const here = inside || HEADLINE_PARAGRAPH.test(s.title);
    if (here) out.add(s.id);
    headlineSections(s.children, here, out);
  }
}

/** The paragraph (physical line) of `text` around `offset`. */
function paragraphAt(text: string, offset: number): string {
  const start = text.lastIndexOf("\n", Math.max(0, offset - 1)) + 1;
  const end = text.indexOf("\n", offset);
  return text.slice(start, end < 0 ? text.length : end);
}

/** Ids of the document's headline figures (targets only, never achievements). */
export function headlineIds(doc: PlanDocument, text?: string): Set<string> {
  const marked = doc.targets.filter((t) => t.headline === true);
  if (marked.length > 0) return new Set(marked.map((t) => t.id));
  const sections = new Set<string>();
  headlineSections(doc.sections, false, sections);
  const out = new Set<string>();
  for (const t of doc.targets) {
    if (t.status !== "target") continue;
    if (t.sectionId !== null && sections.has(t.sectionId)) out.add(t.id);
    else if (HEADLINE_PARAGRAPH.test(t.text)) out.add(t.id);
    else if (text !== undefined && HEADLINE_PARAGRAPH.test(paragraphAt(text, t.span.start))) out.add(t.id);
  }
  return out;
}

/** The target marked as a headline figure (a copy; the input document is left alone). */
export function asHeadline(t: Target): Target {
  return t.headline === true ? t : { ...t, headline: true };
}
