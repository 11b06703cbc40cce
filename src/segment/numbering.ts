/**
 * Segment pass: numbering checks. A number that does not follow the previous one of its level
 * (a gap, a repeat, a step back) is warned about; at most MAX_NUMBERING_WARNINGS per document,
 * the rest summarised in one.
 */
import type { Warning } from "../types.js";

/** At most this many numbering warnings per document; the rest are summarised in one. */
export const MAX_NUMBERING_WARNINGS = 50;

export class NumberingChecks {
  private suppressed = 0;
  constructor(private readonly warnings: Warning[]) {}

  private warn(code: Warning["code"], message: string, line: number): void {
    if (this.warnings.length < MAX_NUMBERING_WARNINGS) this.warnings.push({ code, message, line });
    else this.suppressed++;
  }

  /**
   * Number `n` (marker text `text[start, end)`) continues an open level whose last number is
   * `last`. (performance) The marker text is cut only for a warning; no closure per heading.
   */
  continued(text: string, start: number, end: number, n: number, last: number, line: number): void {
    if (n === last + 1) return;
    const label = text.slice(start, end);
    if (n === last) this.warn("numbering-duplicate", `${label} repeats the number of the previous item`, line);
    else if (n > last + 1) this.warn("numbering-gap", `${label} follows number ${last}: ${n - last - 1} missing`, line);
    else if (n < last) this.warn("numbering-order", `${label} is smaller than the previous number ${last}`, line);
  }

  /** Number `n` opens a level again; `last` is the last number its style had (0 if none). */
  reopened(text: string, start: number, end: number, n: number, last: number, line: number): void {
    if (n === 1 || n === last + 1) return;
    const label = text.slice(start, end);
    if (n > last + 1)
      this.warn("numbering-gap", `${label} starts a level after number ${last}: ${n - last - 1} missing`, line);
    else if (n === last) this.warn("numbering-duplicate", `${label} repeats the number of the previous item`, line);
    else this.warn("numbering-order", `${label} is smaller than the previous number ${last}`, line);
  }

  /** The summary of the warnings not listed, if any. */
  finish(): void {
    if (this.suppressed > 0) {
      this.warnings.push({
        code: "numbering-order",
        message: `${this.suppressed} more numbering problems not listed (the outline is unreliable)`,
      });
    }
  }
}
