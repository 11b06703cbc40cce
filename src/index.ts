/** plan-parse library API. No file or console access happens here. */
export { parsePlan } from "./pipeline.js";
export * from "./types.js";
