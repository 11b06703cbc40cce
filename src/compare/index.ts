/** compare and diff: read finished document objects only. */
export { type CompareOptions, comparePlans } from "./compare.js";
export { type DiffOptions, diffPlans } from "./diff.js";
export { canonicalMetric, metricSimilarity, normalizeMetric, unitClass } from "./metric.js";
export type { CompareResult, DiffResult, DocumentRef } from "./types.js";
