/**
 * `explainPlan`: why each number of a document was taken as a target or not, line by line. The
 * document goes through the ordinary pipeline (parsePlan); each clean line is then read again by
 * the target finder with a listener (extract/explain.ts), and every figure it takes is matched to
 * the document's target (its id, final metric, status and confidence).
 */
import { cleanText } from "./clean/index.js";
import { decodeInput } from "./decode/index.js";
import { explainLine, type LineNumber } from "./extract/explain.js";
import { parsePlan } from "./pipeline.js";
import { segment } from "./segment/index.js";
import type { ParseOptions, Target } from "./types.js";
import { extractMeta } from "./meta/index.js";

export interface ExplainedNumber {
  /** the number as read, in the normalised line */
  text: string;
  /** "taken": a target (`target` is the document's); "rejected": by `rule`; "back-matter": in a glossary */
  verdict: "taken" | "rejected" | "back-matter";
  target?: Target;
  pattern?: string;
  rule?: string;
  says?: string;
  /** the deadline pattern that took the number (rule inside-deadline) */
  deadline?: string;
}

export interface ExplainedLine {
  /** 1-based line of the decoded text */
  line: number;
  text: string;
  numbers: ExplainedNumber[];
}

/** Every line with a number (or only line `onlyLine`), with what happened to each number. */
export function explainPlan(input: string | Buffer, options: ParseOptions & { line?: number } = {}): ExplainedLine[] {
  const doc = parsePlan(input, options);
  const text = typeof input === "string" ? input : decodeInput(input, options.encoding ?? "auto").text;
  const clean = cleanText(text);
  const { meta } = extractMeta(clean, { path: options.path ?? null });
  const { backMatter } = segment(clean, meta);
  const year = options.year ?? meta.year;
  const byStart = new Map<number, Target>();
  for (const t of doc.targets) byStart.set(t.span.start, t);
  const out: ExplainedLine[] = [];
  for (const cl of clean.lines) {
    if (options.line !== undefined && cl.line !== options.line) continue;
    const found: LineNumber[] = explainLine(cl.text, year);
    if (found.length === 0) continue;
    const lineStart = cl.offsets[0] as number;
    const inBack = backMatter !== null && lineStart >= backMatter.start && lineStart < backMatter.end;
    const numbers: ExplainedNumber[] = found.map((n) => {
      if (inBack) return { text: n.text, verdict: "back-matter" };
      if (n.taken !== undefined) {
        const target = byStart.get(cl.offsets[n.taken.start] as number);
        const e: ExplainedNumber = { text: n.text, verdict: "taken", pattern: n.taken.pattern };
        if (target !== undefined) e.target = target;
        return e;
      }
      const e: ExplainedNumber = { text: n.text, verdict: "rejected", rule: n.rejected?.rule, says: n.rejected?.says };
      if (n.deadline !== undefined) e.deadline = n.deadline;
      return e;
    });
    out.push({ line: cl.line, text: cl.text, numbers });
  }
  return out;
}
