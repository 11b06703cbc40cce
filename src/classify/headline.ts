/**
 * The headline paragraph of a work report: "今年经济社会发展的主要预期目标是：…" (主要目标 / 预期目标 /
 * 主要预期指标 …, then 是 / 为 / a colon). The region runs from the anchor to the end of its
 * paragraph; an anchor that ends its line ("…主要预期目标是：") takes the short list lines after it.
 * Not an anchor: a review of a plan's targets ("提前实现了“十五”计划确定的主要预期目标。").
 */
const ANCHOR = /(?:主要预期目标|主要预期指标|主要目标|预期目标|主要指标)(?:和约束性?指标)?(?:建议)?(?:安排)?(?:是|为|：|:)/gu;
/** Words before an anchor that make it a review, or a plan other than this year's. */
const NOT_HEADLINE = /(?:确定的|重建|实现了?|完成了?|超额完成|规划的|纲要的|五年的?|期间的?|时期的?|远景)$/u;
/**
 * An anchor needs one of these within 40 characters before it: this year's targets, not a plan's;
 * or it opens its sentence, maybe after a verb of proposal ("建议主要预期目标为：").
 */
const THIS_YEAR = /今年|全年|本年|明年|年度|经济社会发展|经济和社会发展|国民经济|综合考虑|综合各方面|(?:19|20)\d\d年|[０-９]{4}年|发展的?$|[。！？*\n][\s*]*(?:建议|提出|确定|安排)?$/u;
/** Context of a multi-year plan's targets, not this year's. */
const PLAN_CONTEXT = /纲要|规划|重建|五年|十[一二三四五]五|今后|未来|远景|到(?:19|20)\d\d年/u;
/** At most this many list lines after an anchor ending its line. */
const MAX_LIST_LINES = 16;

export function headlineRegions(text: string): [number, number][] {
  const out: [number, number][] = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 8), m.index).replace(/[的\s]+$/u, "");
    if (NOT_HEADLINE.test(before) || NOT_HEADLINE.test(`${before}的`)) continue;
    const context = text.slice(Math.max(0, m.index - 40), m.index);
    if (!THIS_YEAR.test(context)) continue;
    // a multi-year plan's targets (纲要, 今后五年, 到2025年) unless this year's are named too
    const sentence = context.slice(Math.max(context.lastIndexOf("。"), context.lastIndexOf("\n")) + 1);
    if (PLAN_CONTEXT.test(sentence) && !/今年|全年|本年|明年/u.test(sentence)) continue;
    const start = m.index;
    let end = sentenceEnd(text, start);
    if (!/\d|[０-９]/u.test(text.slice(m.index + m[0].length, end))) {
      // "…主要预期目标是：" then one line per target
      for (let k = 0; k < MAX_LIST_LINES && end < text.length; k++) {
        const next = lineEnd(text, end + 1);
        const line = text.slice(end + 1, next);
        if (line.trim() && !/\d|[０-９]/u.test(line)) break;
        end = next;
      }
    }
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** The region of one anchor stays within this many characters (a long paragraph moves on to tasks). */
const MAX_REGION = 400;

/**
 * The anchor's sentence, then the next sentences of its paragraph while they hold figures
 * ("…控制目标。在此基础上，生产总值增长6%…"), at most MAX_REGION characters from the anchor.
 */
function sentenceEnd(text: string, from: number): number {
  const line = lineEnd(text, from);
  const limit = Math.min(line, from + MAX_REGION);
  let end = from;
  for (;;) {
    const stop = text.indexOf("。", end);
    const next = stop >= 0 && stop < line ? stop + 1 : line;
    if (end > from && (next > limit || !/\d|[０-９]/u.test(text.slice(end, next)))) return end;
    end = next;
    if (end >= line) return line;
  }
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf("\n", from);
  return i < 0 ? text.length : i;
}

export function inRegions(pos: number, regions: readonly [number, number][]): boolean {
  for (const [s, e] of regions) if (pos >= s && pos < e) return true;
  return false;
}
