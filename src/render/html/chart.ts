/**
 * Small charts for one compare row, as plain SVG built with the same escaping builder as the
 * rest of the page: horizontal bars (one per document, labels stay readable in Chinese), or
 * lines across years when one region appears in several years. One unit per chart: figures in
 * another unit are left out and the caption says so.
 */
import type { Target } from "../../types.js";
import { type Child, type Element, h } from "./dom.js";

export interface ChartPoint {
  label: string;
  region: string | null;
  year: number | null;
  target: Target;
}

const PALETTE = ["#1c64c8", "#d1495b", "#2a9d8f", "#e9a23b", "#7a3fb0", "#4f6d7a", "#c05299", "#6a994e"];

/** The value drawn: a stated decrease (下降20%) is drawn below zero. */
function signed(t: Target): number {
  return t.change === "decrease" ? -t.value : t.value;
}

/** The axis' low end: 0, or a round value below the lowest negative one. */
function floor(values: readonly number[]): number {
  const min = Math.min(0, ...values);
  return min < 0 ? -niceMax(-min) : 0;
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

/** The unit most points share (ties: the first seen). */
function mainUnit(points: readonly ChartPoint[]): string {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.target.unit, (counts.get(p.target.unit) ?? 0) + 1);
  let best = "";
  let n = -1;
  for (const [unit, c] of counts) if (c > n) [best, n] = [unit, c];
  return best;
}

function bars(points: readonly ChartPoint[], unit: string): Element {
  const labelW = 150;
  const plotW = 230;
  const rowH = 18;
  const top = 4;
  const values = points.map((p) => signed(p.target));
  const lo = floor(values);
  const hi = niceMax(Math.max(0, ...values));
  const span = hi - lo || 1;
  const x = (v: number) => labelW + ((v - lo) / span) * plotW;
  const height = top + points.length * rowH + 18;
  const width = labelW + plotW + 60;
  return h(
    "svg",
    { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `bars in ${unit || "units"}` },
    h("line", { class: "axis", x1: x(0), x2: x(0), y1: top, y2: top + points.length * rowH }),
    points.map((p, i) => {
      const y = top + i * rowH;
      const v = signed(p.target);
      const x0 = Math.min(x(0), x(v));
      return h(
        "g",
        null,
        h("text", { x: labelW - 6, y: y + 13, "text-anchor": "end" }, p.label.length > 14 ? `${p.label.slice(0, 13)}…` : p.label),
        h("rect", { class: `bar ${p.target.status}`, x: x0, y: y + 3, width: Math.max(1, Math.abs(x(v) - x(0))), height: rowH - 6 }, h("title", null, `${p.label}: ${p.target.text}`)),
        h("text", { x: Math.max(x(0), x(v)) + 4, y: y + 13 }, `${fmt(v)}${unit}`),
      );
    }),
    h("text", { class: "muted", x: labelW, y: height - 4 }, fmt(lo)),
    h("text", { class: "muted", x: labelW + plotW, y: height - 4, "text-anchor": "end" }, `${fmt(hi)}${unit}`),
  );
}

function lines(points: readonly ChartPoint[], unit: string): Element {
  const series = new Map<string, ChartPoint[]>();
  for (const p of points) {
    if (p.region === null || p.year === null) continue;
    const list = series.get(p.region) ?? [];
    list.push(p);
    series.set(p.region, list);
  }
  const all = [...series.values()].flat();
  const years = all.map((p) => p.year as number);
  const y0 = Math.min(...years);
  const y1 = Math.max(...years);
  const values = all.map((p) => signed(p.target));
  const lo = floor(values);
  const hi = niceMax(Math.max(0, ...values));
  const left = 44;
  const plotW = 300;
  const plotH = 120;
  const top = 16; // room for the value label of a point at the top
  const legendH = 16 * series.size;
  const width = left + plotW + 44; // room for the value label of the last year
  const height = top + plotH + 22 + legendH;
  const x = (year: number) => left + (y1 === y0 ? plotW / 2 : ((year - y0) / (y1 - y0)) * plotW);
  const y = (v: number) => top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  const yearTicks = [...new Set(years)].sort((a, b) => a - b);
  return h(
    "svg",
    { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": `lines across years in ${unit || "units"}` },
    h("line", { class: "axis", x1: left, x2: left, y1: top, y2: top + plotH }),
    h("line", { class: "axis", x1: left, x2: left + plotW, y1: y(lo), y2: y(lo) }),
    [lo, (lo + hi) / 2, hi].map((v) => [
      h("line", { class: "grid", x1: left, x2: left + plotW, y1: y(v), y2: y(v) }),
      h("text", { class: "muted", x: left - 4, y: y(v) + 4, "text-anchor": "end" }, fmt(v)),
    ]),
    yearTicks.map((yr) => h("text", { class: "muted", x: x(yr), y: top + plotH + 14, "text-anchor": "middle" }, yr)),
    [...series.entries()].map(([region, pts], i) => {
      const color = PALETTE[i % PALETTE.length] as string;
      const sorted = [...pts].sort((a, b) => (a.year as number) - (b.year as number));
      const coords = sorted.map((p) => `${x(p.year as number).toFixed(1)},${y(signed(p.target)).toFixed(1)}`).join(" ");
      const ly = top + plotH + 22 + i * 16 + 10;
      return h(
        "g",
        null,
        sorted.length > 1 ? h("polyline", { points: coords, fill: "none", stroke: color, "stroke-width": 2 }) : null,
        sorted.map((p) =>
          h(
            "circle",
            // achieved: a filled dot; target: a ring
            p.target.status === "achieved"
              ? { cx: x(p.year as number), cy: y(signed(p.target)), r: 3.5, fill: color }
              : { cx: x(p.year as number), cy: y(signed(p.target)), r: 3.5, fill: "#fff", stroke: color, "stroke-width": 2 },
            h("title", null, `${region} ${p.year}: ${fmt(signed(p.target))}${unit} (${p.target.status}) ${p.target.text}`),
          ),
        ),
        sorted.map((p) => h("text", { x: x(p.year as number) + 5, y: y(signed(p.target)) - 5, fill: color }, fmt(signed(p.target)))),
        h("rect", { x: left, y: ly - 8, width: 10, height: 10, fill: color }),
        h("text", { x: left + 14, y: ly + 1 }, region),
      );
    }),
  );
}

/** A region that appears in two or more years: then the row is drawn as lines. */
function hasYearSeries(points: readonly ChartPoint[]): boolean {
  const years = new Map<string, Set<number>>();
  for (const p of points) {
    if (p.region === null || p.year === null) continue;
    const set = years.get(p.region) ?? new Set<number>();
    set.add(p.year);
    years.set(p.region, set);
  }
  return [...years.values()].some((s) => s.size >= 2);
}

/** A chart for the points of one row, or null when fewer than two share a unit. */
export function rowChart(title: string, points: readonly ChartPoint[]): Element | null {
  const unit = mainUnit(points);
  const used = points.filter((p) => p.target.unit === unit && Number.isFinite(p.target.value));
  if (used.length < 2) return null;
  const left = points.length - used.length;
  const asLines = hasYearSeries(used);
  const note: Child[] = [];
  if (left > 0) note.push(` (${left} in other units left out)`);
  if (asLines && used.some((p) => p.region === null || p.year === null)) note.push(" (documents without region or year left out)");
  return h(
    "figure",
    { class: "chart" },
    h("figcaption", null, `${title}${unit && !title.includes(unit) ? ` (${unit})` : ""}`, h("small", { class: "count" }, note)),
    asLines ? lines(used, unit) : bars(used, unit),
  );
}
