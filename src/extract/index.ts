import type { CleanDoc } from "../clean/index.js";
import type { Deadline, Meta, Section, Target, Warning } from "../types.js";

export interface ExtractContext {
  clean: CleanDoc;
  meta: Meta;
  sections: Section[];
  /** options.year ?? meta.year */
  year: number | null;
}

/** STUB (to be replaced by the extract stage). */
export function extract(_ctx: ExtractContext): { targets: Target[]; deadlines: Deadline[]; warnings: Warning[] } {
  return { targets: [], deadlines: [], warnings: [] };
}
