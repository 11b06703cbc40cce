/**
 * compare: several plans side by side, one block per topic, one row per metric.
 */
import {
  buildIndicatorMatcher,
  buildMatcher,
  DEFAULT_CATALOGUE,
  DEFAULT_TAXONOMY,
  type IndicatorCatalogue,
  OTHER_TOPIC,
  targetTopics,
} from "../classify/index.js";
import type { PlanDocument, Target, TopicTaxonomy } from "../types.js";
import { documentRef, flattenSections, sectionsWithTopics } from "./common.js";
import {
  canonicalMetric,
  compatible,
  metricKey,
  metricSimilarity,
  normalizeMetric,
  unitClass,
} from "./metric.js";
import type { CompareResult } from "./types.js";

export interface CompareOptions {
  /** Topic order of the blocks (default: the built-in taxonomy). */
  taxonomy?: TopicTaxonomy;
  /** Two differently worded metrics share a row from this similarity on (default 0.8). */
  threshold?: number;
  /** Only figures of this status (a cell then never mixes a target and an achievement). */
  status?: "target" | "achieved";
  /** Only figures of this indicator id. */
  indicator?: string;
  /** Catalogue whose topics place indicator rows (default: the built-in one). */
  catalogue?: IndicatorCatalogue;
}

const DEFAULT_THRESHOLD = 0.8;

interface Entry {
  doc: number;
  order: number;
  target: Target;
}

interface Group {
  entries: Entry[];
  docs: Set<number>;
}

/** Targets on one topic, grouped into rows. */
function alignRows(
  entries: Entry[],
  docCount: number,
  threshold: number,
): CompareResult["topics"][number]["rows"] {
  // 1. Identical indicators: same canonical/normalised metric, unit class, change and denominator.
  const byKey = new Map<string, Group>();
  for (const e of entries) {
    const t = e.target;
    const key = t.indicator
      ? `indicator:${t.indicator.id}`
      : [
          metricKey(t.metric),
          unitClass(t.unit),
          t.change ?? "",
          t.per ?? "",
        ].join("|");
    let g = byKey.get(key);
    if (!g) {
      g = { entries: [], docs: new Set() };
      byKey.set(key, g);
    }
    g.entries.push(e);
    g.docs.add(e.doc);
  }
  let groups = [...byKey.values()];

  // 2. Differently worded, same indicator: merge groups of DIFFERENT documents, best pairs first.
  // (performance) without containment, two different keys are similar only when they end with
  // the same two characters (metricSimilarity): compare within those buckets only
  const buckets = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const t = (g.entries[0] as Entry).target;
    if (t.indicator) return;
    const key = `${metricKey(t.metric).slice(-2)}|${unitClass(t.unit)}|${t.change ?? ""}`;
    const list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, [i]);
  });
  const pairs: { a: number; b: number; sim: number }[] = [];
  for (const members of buckets.values())
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x] as number;
        const b = members[y] as number;
        const ga = groups[a] as Group;
        const gb = groups[b] as Group;
        const ea = ga.entries[0] as Entry;
        const eb = gb.entries[0] as Entry;
        // a catalogued indicator is its own row: never merged by wording (a row never mixes two)
        if (ea.target.indicator || eb.target.indicator) continue;
        if (!compatible(ea.target, eb.target)) continue;
        const sim = metricSimilarity(ea.target.metric, eb.target.metric);
        if (sim >= threshold) pairs.push({ a, b, sim });
      }
    }
  pairs.sort((x, y) => y.sim - x.sim || x.a - y.a || x.b - y.b);
  const owner = groups.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (owner[r] !== r) r = owner[r] as number;
    return r;
  };
  for (const { a, b } of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const ga = groups[ra] as Group;
    const gb = groups[rb] as Group;
    if ([...gb.docs].some((d) => ga.docs.has(d))) continue; // one document never has two wordings on a row
    ga.entries.push(...gb.entries);
    for (const d of gb.docs) ga.docs.add(d);
    owner[rb] = ra;
  }
  groups = groups.filter((_, i) => find(i) === i);

  const rows = groups.map((g) => {
    g.entries.sort((x, y) => x.doc - y.doc || x.order - y.order);
    const cells: Target[][] = Array.from({ length: docCount }, () => []);
    for (const e of g.entries) (cells[e.doc] as Target[]).push(e.target);
    const first = g.entries[0] as Entry;
    const indicator = first.target.indicator ?? null;
    return {
      metric: indicator ? indicator.name : rowLabel(g.entries),
      indicator,
      headline: g.entries.some((e) => e.target.headline === true),
      cells,
      docs: g.docs.size,
      first,
      unit: unitClass(first.target.unit),
    };
  });
  // Headline indicators first, then the most widely shared rows.
  rows.sort(
    (x, y) =>
      Number(y.headline) - Number(x.headline) ||
      y.docs - x.docs ||
      x.first.doc - y.first.doc ||
      x.first.order - y.first.order,
  );

  // Two rows with the same label (same wording, another unit or denominator): say which is which.
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.metric, (seen.get(r.metric) ?? 0) + 1);
  return rows.map((r) => {
    if ((seen.get(r.metric) ?? 0) < 2 || r.indicator)
      return { metric: r.metric, indicator: r.indicator, cells: r.cells };
    const t = r.first.target;
    const twins = rows.filter((x) => x.metric === r.metric);
    const sameUnit = twins.every((x) => x.unit === r.unit);
    const note = sameUnit
      ? t.per || (t.change ? "变化" : "总量")
      : t.unit || "无单位";
    return {
      metric: `${r.metric}（${note}）`,
      indicator: r.indicator,
      cells: r.cells,
    };
  });
}

/**
 * Synonym canonical when there is one; else the most frequent wording (after
 * normalisation), shown as its shortest original spelling, then the shortest.
 */
function rowLabel(entries: Entry[]): string {
  for (const e of entries) {
    const canonical = canonicalMetric(e.target.metric);
    if (canonical) return canonical;
  }
  const forms = new Map<string, { count: number; spelling: string }>();
  for (const e of entries) {
    const key = normalizeMetric(e.target.metric);
    const spelling = e.target.metric.normalize("NFKC").trim();
    const f = forms.get(key);
    if (!f) forms.set(key, { count: 1, spelling });
    else {
      f.count++;
      if (spelling.length < f.spelling.length) f.spelling = spelling;
    }
  }
  const best = [...forms.values()].sort(
    (x, y) =>
      y.count - x.count ||
      x.spelling.length - y.spelling.length ||
      (x.spelling < y.spelling ? -1 : 1),
  )[0];
  return best?.spelling ?? "";
}

/**
 * The one topic a figure is listed under: its indicator's (the first of the entry's topics the
 * taxonomy knows, else its first), else the first topic its clause and section give it.
 */
export function topicOf(
  t: Target,
  sectionTopics: readonly string[] | undefined,
  matcher: ReturnType<typeof buildMatcher>,
  topicById: Map<string, string>,
): string {
  if (t.indicator) {
    const topic = topicById.get(t.indicator.id);
    if (topic) return topic;
  }
  return targetTopics(t.text, sectionTopics, matcher)[0] ?? OTHER_TOPIC;
}

/** Indicator id → its topic under `taxonomy`. */
export function indicatorTopics(
  catalogue: IndicatorCatalogue,
  taxonomy: TopicTaxonomy,
): Map<string, string> {
  const known = new Set(taxonomy.map((t) => t.topic));
  const out = new Map<string, string>();
  for (const e of buildIndicatorMatcher(catalogue).catalogue.indicators) {
    const topic = e.topic.find((t) => known.has(t)) ?? e.topic[0];
    if (topic) out.set(e.id, topic);
  }
  return out;
}

export function comparePlans(
  docs: PlanDocument[],
  options: CompareOptions = {},
): CompareResult {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const taxonomy = options.taxonomy ?? DEFAULT_TAXONOMY;
  const topicById = indicatorTopics(
    options.catalogue ?? DEFAULT_CATALOGUE,
    taxonomy,
  );
  const keep = (t: Target): boolean =>
    (!options.status || t.status === options.status) &&
    (!options.indicator || t.indicator?.id === options.indicator);

  const matcher = buildMatcher(taxonomy);
  const perDoc = docs.map((doc) => {
    const flat = flattenSections(sectionsWithTopics(doc));
    const topicsById = new Map(
      flat.map((s) => [s.id, s.topics ?? [OTHER_TOPIC]]),
    );
    const listedUnder = doc.targets.map((t) =>
      keep(t)
        ? topicOf(
            t,
            t.sectionId === null ? undefined : topicsById.get(t.sectionId),
            matcher,
            topicById,
          )
        : null,
    );
    return { doc, flat, listedUnder };
  });

  // Topic order: the taxonomy, then topics only the documents or indicators know, 其他 last.
  const order = taxonomy.map((t) => t.topic).filter((t) => t !== OTHER_TOPIC);
  for (const { flat, listedUnder } of perDoc) {
    for (const s of flat)
      for (const t of s.topics ?? [])
        if (t !== OTHER_TOPIC && !order.includes(t)) order.push(t);
    for (const t of listedUnder)
      if (t !== null && t !== OTHER_TOPIC && !order.includes(t)) order.push(t);
  }
  order.push(OTHER_TOPIC);

  const topics: CompareResult["topics"] = [];
  for (const topic of order) {
    const sections = perDoc.map(({ flat }) =>
      flat.filter((s) => (s.topics ?? []).includes(topic)).map((s) => s.id),
    );
    const entries: Entry[] = [];
    perDoc.forEach(({ doc, listedUnder }, d) => {
      doc.targets.forEach((target, order) => {
        if (listedUnder[order] === topic)
          entries.push({ doc: d, order, target });
      });
    });
    if (
      entries.length === 0 &&
      (options.status ||
        options.indicator ||
        sections.every((ids) => ids.length === 0))
    )
      continue;
    topics.push({
      topic,
      sections,
      rows: alignRows(entries, docs.length, threshold),
    });
  }

  return { schemaVersion: 1, documents: docs.map(documentRef), topics };
}
