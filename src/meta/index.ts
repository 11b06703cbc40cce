import type { CleanDoc } from "../clean/index.js";
import type { Meta, Warning } from "../types.js";

/** STUB (to be replaced by the meta stage). */
export function extractMeta(clean: CleanDoc): { meta: Meta; warnings: Warning[] } {
  return {
    meta: {
      title: null,
      issuer: null,
      region: null,
      province: null,
      year: null,
      kind: "other",
      published: clean.published,
    },
    warnings: [],
  };
}
