/**
 * Target or achieved: the section path decides first (上半年工作总结 → achieved,
 * 下半年计划 → target), then the document kind (summary → achieved; plan and
 * scheme → target), and for reports, summary-plans and unknown kinds the clause's
 * own cues (累计 / 支出 / 惠及 … vs 确保 / 力争 / 不少于 …).
 */
import type { DocumentKind } from "../types.js";
import { ACHIEVED_CUES, ACHIEVED_SECTION_WORDS, TARGET_CUES, TARGET_SECTION_WORDS } from "./lexicon/cues.js";

export type Status = "target" | "achieved";

/** The signal of one heading, or null when it says nothing about tense. */
export function headingStatus(title: string): Status | null {
  const t = TARGET_SECTION_WORDS.some((w) => title.includes(w));
  const a = ACHIEVED_SECTION_WORDS.some((w) => title.includes(w));
  if (t && !a) return "target";
  if (a && !t) return "achieved";
  if (a && t) {
    // "上半年工作总结和下半年工作计划": the later word wins only when it is the main noun
    const lastA = Math.max(...ACHIEVED_SECTION_WORDS.map((w) => title.lastIndexOf(w)));
    const lastT = Math.max(...TARGET_SECTION_WORDS.map((w) => title.lastIndexOf(w)));
    return lastA > lastT ? "achieved" : "target";
  }
  return null;
}

function cueScore(clause: string): number {
  let s = 0;
  for (const w of ACHIEVED_CUES) if (clause.includes(w)) s--;
  for (const w of TARGET_CUES) if (clause.includes(w)) s++;
  return s;
}

export interface StatusInput {
  kind: DocumentKind;
  /** titles of the enclosing sections, outermost first */
  sectionTitles: readonly string[];
  /** the sentence (or clause) the figure stands in */
  clause: string;
}

export function statusOf(inp: StatusInput): Status {
  for (let i = inp.sectionTitles.length - 1; i >= 0; i--) {
    const s = headingStatus(inp.sectionTitles[i] as string);
    if (s !== null) return s;
  }
  if (inp.kind === "summary") return "achieved";
  if (inp.kind === "plan" || inp.kind === "scheme") return "target";
  const score = cueScore(inp.clause);
  if (score < 0) return "achieved";
  if (score > 0) return "target";
  return inp.kind === "report" ? "achieved" : "target";
}
