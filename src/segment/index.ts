import type { CleanDoc } from "../clean/index.js";
import type { Meta, Section, Warning } from "../types.js";

/** STUB (to be replaced by the segment stage). */
export function segment(_clean: CleanDoc, _meta: Meta): { sections: Section[]; warnings: Warning[] } {
  return { sections: [], warnings: [] };
}
