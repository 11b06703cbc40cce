/**
 * How a figure reads, in every view (targets, md, compare, diff): one helper, so the same
 * target never reads two ways.
 *
 * - A change reads the way the text states it: an arrow for the direction, then the bound,
 *   then the magnitude: 下降3%以上 → "↓ ≥ 3 %" (a fall of at least 3 %), 增长10% → "↑ 10 %",
 *   提高1.6个百分点左右 → "↑ ≈ 1.6 个百分点". Never a signed bound ("≥ −3 %" reads as "falls by at
 *   most 3 %").
 * - A level has no sign at all: 约4.4万亿元 → "≈ 4.4 万亿元", 达到58% → "≥ 58 %", also when the
 *   clause around it states a change (增长7.1%、达到1.77万亿元 → "≥ 1.77 万亿元", `statedAsLevel`).
 * - A range: "1–2 家"; a denominator first: "每万人 ≥ 17 张".
 */
import type { Comparator, Target } from "../types.js";

const COMPARATOR_SIGNS: Record<Comparator, string> = {
  ">=": "≥",
  ">": ">",
  "<=": "≤",
  "<": "<",
  "=": "",
  "~": "≈",
  range: "",
};

/** Direction marks of a change (增长/提高/增加 ↑, 下降/减少/降低 ↓). */
export const CHANGE_ARROWS = { increase: "↑", decrease: "↓" } as const;

export type FigureFields = Pick<Target, "comparator" | "value" | "unit"> & {
  valueMax?: number | null | undefined;
  change?: "increase" | "decrease" | string | null | undefined;
  per?: string | null | undefined;
  /** The clause the figure comes from (to tell a level stated after a change, see `statedAsLevel`). */
  text?: string | undefined;
};

/**
 * Verbs that state where a quantity ends up, not by how much it moves: 达到, 突破, 提高到/至,
 * 增至, 增长到, 增加到, 升至, 降至, 降到, 下降到/至, 降低到/至, 减少到/至, 跃升至, 超过 ... A figure right
 * after one is a level even in a clause that also states a change (增加173元、达到1288元;
 * 年均增长7.1%、达到1.77万亿元; 比重提高到48.1%). Not 控制在 (上涨控制在3%以内 bounds the rise).
 */
const LEVEL_VERB =
  /(?:达到|达|突破|超过|提高到|提高至|提升到|提升至|增至|增长到|增长至|增加到|增加至|升至|升到|跃升至|跃升到|降至|降到|下降到|下降至|降低到|降低至|减少到|减少至|减至)(?:约|近|超|超过|了)?$/;
/**
 * A rate or a change verb before the level verb makes the figure a change again: 增幅达到16.9%,
 * 增速提高到8%, 增长超过10%, 增长达到20%.
 */
const CHANGE_BEFORE =
  /(?:增幅|增速|涨幅|降幅|增长率|增长速度|下降率|降低率|增长幅度|下降幅度|增长|增加|提高|提升|下降|降低|减少|上涨|上升|扩大|缩小|增|降)(?:保持|稳定|均|分别|幅度)?$/;

/**
 * True when the clause states this figure as a level, although the target carries a change
 * (the extractor carries the clause's 增长 over to the level that follows it): the number's
 * first occurrence in the text is preceded by a level verb, itself not preceded by a rate word or
 * a change verb. Display only:
 * the target itself is left as it is.
 */
export function statedAsLevel(t: Pick<FigureFields, "value" | "text"> & { unit?: string }): boolean {
  if (!t.text || !Number.isFinite(t.value)) return false;
  const number = formatNumber(t.value);
  let from = 0;
  for (;;) {
    const at = t.text.indexOf(number, from);
    if (at < 0) return false;
    const before = t.text.slice(Math.max(0, at - 16), at);
    const after = t.text[at + number.length] ?? "";
    // a whole number, not part of a longer one (1288 in 11288, 1.7 in 1.77), with the figure's
    // unit after it (the 1 of 突破1万户 is not the 1 番 of 翻一番)
    const whole = !/[0-9.]$/.test(before) && !/[0-9.]/.test(after);
    const rest = t.text.slice(at + number.length).trimStart();
    if (whole && (!t.unit || rest.startsWith(t.unit))) {
      const verb = LEVEL_VERB.exec(before);
      return verb !== null && !CHANGE_BEFORE.test(before.slice(0, verb.index));
    }
    from = at + 1;
  }
}

/** A number as a person writes it: no exponent, no binary noise (0.1 + 0.2 → 0.3). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (!/e/i.test(text)) return text;
  return value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

/** A target's figure as a person reads it: "≥ 60 %", "1–2 家", "↑ 10 %", "↓ ≥ 3 %", "≈ 3 万元". */
export function formatFigure(t: FigureFields): string {
  const value =
    t.comparator === "range" && t.valueMax !== undefined && t.valueMax !== null
      ? `${formatNumber(t.value)}–${formatNumber(t.valueMax)}`
      : formatNumber(t.value);
  const change = t.change && !statedAsLevel(t) ? t.change : null;
  const arrow =
    change === "increase" ? CHANGE_ARROWS.increase : change === "decrease" ? CHANGE_ARROWS.decrease : "";
  const cmp = COMPARATOR_SIGNS[t.comparator] ?? "";
  const parts = [t.per ?? "", arrow, cmp, value + (t.unit ? ` ${t.unit}` : "")];
  return parts.filter((p) => p !== "").join(" ");
}

/** The figure with "(实)" when the document reports it as achieved (compare and diff views). */
export function figureWithStatus(t: FigureFields & Pick<Target, "status">): string {
  return formatFigure(t) + (t.status === "achieved" ? " (实)" : "");
}
