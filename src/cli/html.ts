/**
 * `--format html` for parse and targets: every document (with the text it was parsed from)
 * is held, then written as one self-contained page. For targets, the filters (--status,
 * --unit, --topic, --grep) decide which figures are marked.
 */
import type { PlanDocument, TopicTaxonomy } from "../types.js";
import { type Emitter, keepTarget, type RowTopics, rowTopics } from "./emitters.js";
import type { CliOptions } from "./options.js";

type Write = (text: string) => Promise<void>;

export async function htmlEmitter(
  write: Write,
  filters: CliOptions | null,
  taxonomy: TopicTaxonomy | undefined,
): Promise<Emitter> {
  const { renderDocumentsHtml } = await import("../render/html/index.js");
  const { targetRows } = await import("../render/rows.js");
  const topicsOf: RowTopics | null = filters?.topic ? await rowTopics(taxonomy) : null;
  const items: { doc: PlanDocument; text: string | null }[] = [];
  return {
    async doc(doc, text) {
      if (filters) {
        const keep = keepTarget(doc, filters, topicsOf);
        const ids = new Set(targetRows(doc).filter(keep).map((r) => r.id));
        doc = { ...doc, targets: doc.targets.filter((t) => ids.has(t.id)) };
      }
      items.push({ doc, text: text ?? null });
    },
    async end() {
      await write(renderDocumentsHtml(items));
    },
  };
}
