import type { PlanDocument } from "../types.js";
import type { CompareResult, DiffResult, DocumentRef } from "./types.js";

export type { CompareResult, DiffResult, DocumentRef } from "./types.js";

function ref(doc: PlanDocument): DocumentRef {
  return { path: doc.source.path ?? "-", title: doc.meta.title, region: doc.meta.region, year: doc.meta.year };
}

/** STUB (to be replaced by the compare stage). */
export function comparePlans(docs: PlanDocument[]): CompareResult {
  return { schemaVersion: 1, documents: docs.map(ref), topics: [] };
}

/** STUB (to be replaced by the compare stage). */
export function diffPlans(oldDoc: PlanDocument, newDoc: PlanDocument): DiffResult {
  return {
    schemaVersion: 1,
    old: ref(oldDoc),
    new: ref(newDoc),
    sections: { matched: [], added: [], removed: [] },
    targets: { changed: [], added: [], removed: [] },
  };
}
