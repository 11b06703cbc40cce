/**
 * How a figure reads, in every view (targets, md, compare, diff): one helper, so the same
 * target never reads two ways.
 *
 * - A change reads the way the text states it: an arrow for the direction, then the bound,
 *   then the magnitude: 下降3%以上 → "↓ ≥ 3 %" (a fall of at least 3 %), 增长10% → "↑ 10 %",
 *   提高1.6个百分点左右 → "↑ ≈ 1.6 个百分点". Never a signed bound ("≥ −3 %" reads as "falls by at
 *   most 3 %").
 * - A level has no sign at all: 约4.4万亿元 → "≈ 4.4 万亿元", 达到58% → "≥ 58 %".
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
};

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
  const arrow =
    t.change === "increase" ? CHANGE_ARROWS.increase : t.change === "decrease" ? CHANGE_ARROWS.decrease : "";
  const cmp = COMPARATOR_SIGNS[t.comparator] ?? "";
  const parts = [t.per ?? "", arrow, cmp, value + (t.unit ? ` ${t.unit}` : "")];
  return parts.filter((p) => p !== "").join(" ");
}

/** The figure with "(实)" when the document reports it as achieved (compare and diff views). */
export function figureWithStatus(t: FigureFields & Pick<Target, "status">): string {
  return formatFigure(t) + (t.status === "achieved" ? " (实)" : "");
}
