/**
 * The shared shape of a pattern unit (targets and deadlines alike).
 *
 * A pattern is a small named unit with one concern ("target-percent",
 * "deadline-month-end", ...). It lives in its own file under
 * `src/extract/patterns/` and exports one `PatternUnit` (by convention as
 * `pattern`) carrying its own examples and counterexamples, which
 * `test/patterns.test.ts` runs through the concern's finder:
 *
 * - target units:   `findTargetsInLine(text)` (src/extract/targets/finder.ts)
 * - deadline units: `findDeadlines(text, year)`          (src/extract/deadlines.ts)
 *
 * Example semantics: the finder, run over `example.text` with
 * `example.year ?? 2024`, returns at least one match whose `pattern` is this
 * unit's `name` and which has every field listed in `example.expect`
 * (compared with toMatchObject, so give only the fields you care about; for
 * several figures in one text give an array: each element must be matched by
 * some match of this unit, in any order).
 *
 * Counterexample semantics: the finder, run over `counter.text`, returns NO
 * match at all (from any unit of the same concern) — unless `only` is set to
 * "self", in which case it returns no match named after this unit. `why`
 * names the exclusion ("document number", "hotline", ...) so failures read well.
 */

export type PatternConcern = "target" | "deadline";

export interface PatternExample<M = Record<string, unknown>> {
  text: string;
  /** Reference year passed to the finder (default 2024). */
  year?: number | null;
  /** Fields the produced match must have (subset); an array = several matches. */
  expect?: Partial<M> | Partial<M>[];
}

export interface PatternCounterexample {
  text: string;
  /** The named exclusion, e.g. "document number 〔2024〕10号". */
  why: string;
  year?: number | null;
  /** "any" (default): no match at all; "self": no match from this unit. */
  only?: "any" | "self";
}

export interface PatternUnit<M = Record<string, unknown>> {
  /** kebab-case, unique across all units, also written to `Target.pattern` / `Deadline.pattern`. */
  name: string;
  concern: PatternConcern;
  /** One sentence: what the unit recognises. */
  description: string;
  examples: readonly PatternExample<M>[];
  counterexamples: readonly PatternCounterexample[];
}
