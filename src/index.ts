/** plan-parse library API. No file or console access happens here. */
export type { CompareOptions, CompareResult, DiffResult, DocumentRef } from "./compare/index.js";
export { comparePlans, diffPlans } from "./compare/index.js";
export { explainPlan, type ExplainedLine, type ExplainedNumber } from "./explain.js";
export { parsePlan } from "./pipeline.js";
export * from "./types.js";
