/** plan-parse library API. No file or console access happens here. */
export type { CompareOptions, CompareResult, DiffResult, DocumentRef } from "./compare/index.js";
export { comparePlans, diffPlans } from "./compare/index.js";
export { explainPlan, type ExplainedLine, type ExplainedNumber } from "./explain.js";
export { parsePlan } from "./pipeline.js";
export type { IndicatorCatalogue, IndicatorEntry } from "./classify/indicator-types.js";
export { DEFAULT_CATALOGUE, mergeCatalogue, parseCatalogue } from "./classify/indicators.js";
export { type PanelOptions, type PanelRow, panelRows, type WidePanel, widePanel } from "./compare/panel.js";
export * from "./types.js";
