/**
 * Word lists for status, metric naming and exclusions (data), one file per concern:
 * status-cues.ts, metric-words.ts, not-targets.ts. Re-exported here for existing imports.
 */
export * from "./metric-words.js";
export * from "./not-targets.js";
export * from "./status-cues.js";
