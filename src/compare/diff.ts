/**
 * diff: what changed between two versions of a plan (or two plans of the same year).
 *
 * Sections are matched by title and content (diff-sections.ts), targets are paired by
 * indicator, then metric and section, never across status or base/stretch (diff-targets.ts).
 * The result lists headline figures (主要预期目标, headline.ts) first, and keeps the pairs
 * whose figure did not change (`targets.unchanged`) apart from the changes.
 */
import type { PlanDocument, Target } from "../types.js";
import { documentRef } from "./common.js";
import { describeBoth, matchSections } from "./diff-sections.js";
import { pairTargets, sameFigure } from "./diff-targets.js";
import { asHeadline, headlineIds } from "./headline.js";
import type { DiffResult, TargetChange } from "./types.js";

export interface DiffOptions {
  /** The decoded text of OLD (its spans point into it); sharpens section matching. */
  oldText?: string;
  /** The decoded text of NEW. */
  newText?: string;
  /** Sections match from this similarity on (default 0.3). */
  threshold?: number;
  /** Only targets of this status take part (default: both, never paired across). */
  status?: "target" | "achieved";
  /** Word segmentation for section matching (default true; bigrams when false or unavailable). */
  words?: boolean;
}

const DEFAULT_THRESHOLD = 0.2;

function byHeadlineFirst<T>(list: T[], isHead: (x: T) => boolean): T[] {
  return [...list.filter(isHead), ...list.filter((x) => !isHead(x))];
}

export function diffPlans(oldDoc: PlanDocument, newDoc: PlanDocument, options: DiffOptions = {}): DiffResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const withText = options.oldText !== undefined && options.newText !== undefined;
  const texts = withText ? { old: options.oldText, new: options.newText } : {};
  const [oldInfo, newInfo] = describeBoth(oldDoc, newDoc, texts, options.words ?? true);
  const sections = matchSections(oldInfo, newInfo, withText, { threshold });

  const sectionMap = new Map<string | null, string | null>([[null, null]]);
  for (const m of sections.matched) sectionMap.set(m.old, m.new);
  const keep = (t: Target) => options.status === undefined || t.status === options.status;
  const headline = {
    old: headlineIds(oldDoc, texts.old),
    new: headlineIds(newDoc, texts.new),
  };
  const mark = (t: Target, side: "old" | "new") => (headline[side].has(t.id) ? asHeadline(t) : t);
  const { pairs, added, removed, skipped } = pairTargets({
    old: oldDoc.targets.filter(keep),
    new: newDoc.targets.filter(keep),
    sectionMap,
    headline,
  });
  const changed: TargetChange[] = [];
  const unchanged: TargetChange[] = [];
  for (const [o, n] of pairs) {
    const entry: TargetChange = { metric: n.metric, old: mark(o, "old"), new: mark(n, "new") };
    if (headline.old.has(o.id) || headline.new.has(n.id)) entry.headline = true;
    if (sectionMap.get(o.sectionId) !== n.sectionId) entry.moved = true;
    (sameFigure(o, n) ? unchanged : changed).push(entry);
  }
  const isHead = (t: Target) => t.headline === true;

  return {
    schemaVersion: 1,
    old: documentRef(oldDoc),
    new: documentRef(newDoc),
    sections,
    targets: {
      changed: byHeadlineFirst(changed, (c) => c.headline === true),
      added: byHeadlineFirst(
        added.map((t) => mark(t, "new")),
        isHead,
      ),
      removed: byHeadlineFirst(
        removed.map((t) => mark(t, "old")),
        isHead,
      ),
      unchanged: byHeadlineFirst(unchanged, (c) => c.headline === true),
      skipped,
    },
    titles: {
      old: Object.fromEntries(oldInfo.map((i) => [i.section.id, i.section.title])),
      new: Object.fromEntries(newInfo.map((i) => [i.section.id, i.section.title])),
    },
  };
}
