/** The text view of `plan-parse explain`: each line with numbers, then one row per number. */
import type { ExplainedLine, ExplainedNumber } from "../explain.js";

const COMPARATOR: Record<string, string> = { "=": "=", ">=": "≥", "<=": "≤", ">": ">", "<": "<", "~": "≈", range: "range" };

function row(n: ExplainedNumber): string {
  if (n.verdict === "back-matter") return `  ${n.text}  —  not read: back matter (a glossary after the body)`;
  if (n.verdict === "rejected") {
    const dl = n.deadline !== undefined ? ` (${n.deadline})` : "";
    return `  ${n.text}  ✗ ${n.rule ?? "?"}${dl}: ${n.says ?? ""}`;
  }
  const t = n.target;
  if (t === undefined) return `  ${n.text}  ✓ ${n.pattern ?? ""} (not in the document's targets)`;
  const value = t.valueMax !== undefined ? `${t.value}–${t.valueMax}` : `${t.value}`;
  const parts = [
    `${t.id}`,
    `pattern ${t.pattern ?? n.pattern ?? ""}`,
    `value ${value}`,
    `unit ${t.unit === "" ? "(none)" : t.unit}`,
    `comparator ${COMPARATOR[t.comparator] ?? t.comparator}`,
    ...(t.change !== undefined ? [`change ${t.change}`] : []),
    ...(t.per !== undefined ? [`per ${t.per}`] : []),
    `metric ${t.metric}`,
    `status ${t.status}`,
    ...(t.deadline !== undefined ? [`deadline ${t.deadline}`] : []),
    `confidence ${t.confidence}`,
  ];
  return `  ${n.text}  ✓ ${parts.join("  ")}`;
}

/** `full`: print whole lines (else lines over 120 characters are cut). */
export function renderExplain(lines: readonly ExplainedLine[], full = false): string {
  const out: string[] = [];
  for (const l of lines) {
    out.push(`L${l.line}  ${!full && l.text.length > 120 ? `${l.text.slice(0, 119)}…` : l.text}`);
    for (const n of l.numbers) out.push(row(n));
  }
  return out.length === 0 ? "no numbers\n" : `${out.join("\n")}\n`;
}
