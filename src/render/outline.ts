/**
 * `--format outline`: the section tree with markers and titles, and under each section the
 * figures and deadlines that belong to it. Lines are cut to the terminal width; with
 * `debug` each figure shows the pattern that produced it and its source line.
 */
import type { ChalkInstance } from "chalk";
import type { Deadline, PlanDocument, Section, Target } from "../types.js";
import { painter } from "./color.js";
import type { RenderOptions } from "./options.js";
import { countSections, fileLabel, formatFigure } from "./rows.js";
import { displayWidth, sanitizeCell, truncate } from "./width.js";

type Style = (text: string) => string;
type Segment = [text: string, style?: Style];

/** Joins segments, cutting the plain text at `width` columns before colouring. */
function line(segments: Segment[], width: number): string {
  let out = "";
  let room = width;
  for (const [raw, style] of segments) {
    if (room <= 0) break;
    const text = sanitizeCell(raw);
    const w = displayWidth(text);
    const fitted = w <= room ? text : truncate(text, room);
    out += style ? style(fitted) : fitted;
    room -= displayWidth(fitted);
    if (w > displayWidth(fitted)) break;
  }
  return out;
}

function targetLine(t: Target, indent: string, opts: RenderOptions, c: ChalkInstance): string {
  const segments: Segment[] = [
    [indent],
    ["▸ ", c.dim],
    [`${t.metric} `],
    [formatFigure(t), t.status === "achieved" ? c.green.bold : c.yellow.bold],
  ];
  if (t.status === "achieved") segments.push([" achieved", c.green]);
  if (t.deadline) segments.push([` by ${t.deadline}`, c.magenta]);
  if (opts.debug) segments.push([`  [${t.pattern} L${t.span.line} ${t.confidence.toFixed(2)}]`, c.gray]);
  return line(segments, opts.width);
}

function deadlineLine(d: Deadline, indent: string, opts: RenderOptions, c: ChalkInstance): string {
  const segments: Segment[] = [
    [indent],
    ["◷ ", c.dim],
    [d.date ?? "????-??-??", c.magenta],
    [` ${d.kind} ${d.text}`],
  ];
  // like a target: only the met ones are marked
  if (d.status === "achieved") segments.push([" achieved", c.green]);
  if (opts.debug) segments.push([`  [${d.pattern} L${d.span.line}]`, c.gray]);
  return line(segments, opts.width);
}

export function renderOutline(doc: PlanDocument, opts: RenderOptions): string {
  const c = painter(opts.color);
  const targets = groupBySection(doc.targets);
  const deadlines = groupBySection(doc.deadlines);
  const out: string[] = [];
  const m = doc.meta;
  out.push(line([[m.title ?? "(untitled)", c.bold]], opts.width));
  const facts = [
    m.issuer,
    m.region,
    m.province,
    m.year === null ? null : String(m.year),
    m.kind,
    m.published,
  ];
  out.push(line([[`${facts.filter((f) => f).join(" · ")} · ${fileLabel(doc)}`, c.dim]], opts.width));
  out.push(
    line(
      [
        [
          [
            plural(countSections(doc.sections), "section"),
            plural(doc.targets.length, "target"),
            plural(doc.deadlines.length, "deadline"),
          ].join(", "),
          c.dim,
        ],
      ],
      opts.width,
    ),
  );

  const figures = (id: string | null, indent: string) => {
    for (const t of targets.get(id) ?? []) out.push(targetLine(t, indent, opts, c));
    for (const d of deadlines.get(id) ?? []) out.push(deadlineLine(d, indent, opts, c));
  };
  figures(null, "  ");
  const walk = (sections: readonly Section[], depth: number) => {
    for (const s of sections) {
      const indent = "  ".repeat(depth);
      const markerStyle = depth === 0 ? c.cyan.bold : c.cyan;
      out.push(
        line(
          [
            [indent],
            [s.marker, markerStyle],
            [s.title, depth === 0 ? c.bold : undefined],
            ...topicSegment(s, c),
          ],
          opts.width,
        ),
      );
      figures(s.id, `${indent}    `);
      walk(s.children, depth + 1);
    }
  };
  walk(doc.sections, 0);
  for (const w of doc.warnings) {
    out.push(
      line(
        [
          ["⚠ ", c.yellow],
          [`${w.code}${w.line ? ` L${w.line}` : ""}: ${w.message}`, c.yellow],
        ],
        opts.width,
      ),
    );
  }
  return `${out.join("\n")}\n`;
}

function topicSegment(s: Section, c: ChalkInstance): Segment[] {
  return s.topics && s.topics.length > 0 ? [[`  #${s.topics.join(" #")}`, c.blue]] : [];
}

function groupBySection<T extends { sectionId: string | null }>(
  items: readonly T[],
): Map<string | null, T[]> {
  const map = new Map<string | null, T[]>();
  for (const item of items) {
    const list = map.get(item.sectionId);
    if (list) list.push(item);
    else map.set(item.sectionId, [item]);
  }
  return map;
}

/** "1 section", "2 sections". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
