/**
 * The public shapes of plan-parse (contract v1) and the few internal shapes
 * that stages hand to each other. Field names of the contract are fixed;
 * fields marked "(added)" are ours and may be relied on as well.
 */

export const SCHEMA_VERSION = 1 as const;

/** Half-open range of UTF-16 offsets into the decoded text; `line` is 1-based. */
export interface Span {
  start: number;
  end: number;
  line: number;
}

export interface Warning {
  /** kebab-case code, listed in `WARNING_CODES`. */
  code: WarningCode;
  message: string;
  line?: number;
}

export const WARNING_CODES = [
  "undecodable-bytes", // replacement characters were needed while decoding
  "empty-document", // no text after cleaning
  "truncated", // the document ends mid-sentence
  "numbering-gap", // 一、 then 三、
  "numbering-duplicate", // the same number twice in a row
  "numbering-order", // a number smaller than its predecessor
  "no-sections", // a non-empty document without any recognised marker
  "year-unknown", // deadlines could not be resolved to a calendar day
  "year-ambiguous", // several candidate years; the reported one is a guess
  "region-redacted", // XX市 / ***: the region is masked
  "target-uncertain", // a figure was kept but its reading is doubtful
  "deadline-unresolved", // a deadline whose date could not be computed
  "encoding-guessed", // auto-detection was not conclusive
  "region-guessed", // the region comes from the places the text mentions most, not from its title, issuer, congress line or signature
  "year-guessed", // the year comes from the years the text mentions most (no title, delivery line or heading names it)
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * (added) Warnings that put a document's context in doubt: its region or year is a guess,
 * ambiguous, masked or unknown. `--strict` drops documents carrying one; panel lists them in
 * its `warnings` column.
 */
export const CONTEXT_WARNING_CODES: readonly WarningCode[] = [
  "region-guessed",
  "region-redacted",
  "year-guessed",
  "year-ambiguous",
  "year-unknown",
];

/** The context warnings of a document, in code order (empty when its region and year are sound). */
export function contextWarnings(warnings: readonly Warning[]): WarningCode[] {
  const codes = new Set(warnings.map((w) => w.code));
  return CONTEXT_WARNING_CODES.filter((c) => codes.has(c));
}

export type SectionStyle = "hanzi" | "hanzi-paren" | "arabic" | "arabic-paren" | "circled" | "ordinal" | "part";

export interface Section {
  id: string;
  style: SectionStyle;
  number: number;
  marker: string;
  title: string;
  depth: number;
  topics?: string[];
  span: Span;
  children: Section[];
}

export type Comparator = ">=" | ">" | "<=" | "<" | "=" | "~" | "range";

export interface Target {
  id: string;
  sectionId: string | null;
  text: string;
  metric: string;
  comparator: Comparator;
  value: number;
  valueMax?: number;
  unit: string;
  change?: "increase" | "decrease";
  per?: string;
  status: "target" | "achieved";
  deadline?: string;
  span: Span;
  /** (added) the pattern that produced the figure, for tracing and `explain`. */
  pattern: string;
  /** (added) 0..1: how sure the extractor is that this is a real target, read right. */
  confidence: number;
  /**
   * (added) the catalogued indicator this figure measures (`data/indicators.json`), or null when
   * no entry matches: never a guess. Absent in JSON saved by earlier versions.
   */
  indicator?: IndicatorRef | null;
  /** (added) what changes how the figure reads: 年均, 累计, 力争, 同口径, 实际. Absent when none. */
  qualifiers?: Qualifier[];
  /** (added) true for a figure of the headline paragraph (主要预期目标); absent otherwise. */
  headline?: boolean;
}

/** (added) A catalogued indicator: stable ASCII id (e.g. "gdp.growth") and its Chinese name. */
export interface IndicatorRef {
  id: string;
  name: string;
}

/**
 * (added) Qualifiers of a figure:
 * - "average-annual": 年均 / 年平均;
 * - "cumulative": 累计;
 * - "stretch": 力争 / 争取, a stretch value kept apart from the base value;
 * - "same-basis": 同口径;
 * - "real": 实际 (real terms).
 */
export const QUALIFIERS = ["average-annual", "cumulative", "stretch", "same-basis", "real"] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export type DeadlineKind = "by" | "from" | "within" | "recurring";

export interface Deadline {
  id: string;
  sectionId: string | null;
  text: string;
  date: string | null;
  kind: DeadlineKind;
  /**
   * (added) "target" for a limit still ahead of the document (a plan's "年底前完成"), "achieved"
   * for one met in what it reviews (a summary's "6月底前完成了"); the same rules as a target's.
   * Always set by the extractor; absent in JSON saved by earlier versions.
   */
  status?: "target" | "achieved";
  span: Span;
  /** (added) the pattern that produced the deadline. */
  pattern: string;
}

export type DocumentKind = "plan" | "summary" | "summary-plan" | "report" | "scheme" | "other";

export interface Meta {
  title: string | null;
  issuer: string | null;
  region: string | null;
  province: string | null;
  year: number | null;
  kind: DocumentKind;
  published: string | null;
  /**
   * (added) where each field came from: "given" (a flag, a manifest or a path pattern), "text"
   * (read from the title, issuer, congress line or signature), "guessed" (weak evidence; a warning
   * says so). Fields not listed are unknown (null).
   */
  sources?: MetaSources;
  /** (added) a manifest's other columns for this document, carried through to the outputs. */
  extra?: Record<string, string>;
}

export type MetaSource = "given" | "text" | "guessed";

/** (added) Meta values given by the caller; `extra` is carried to `meta.extra` unchanged. */
export interface GivenMeta {
  title?: string;
  issuer?: string;
  region?: string;
  province?: string;
  year?: number;
  kind?: DocumentKind;
  extra?: Record<string, string>;
}
export type MetaSources = Partial<Record<"title" | "issuer" | "region" | "province" | "year" | "kind" | "published", MetaSource>>;

export interface Source {
  path: string | null;
  encoding: string;
  bytes: number;
  sha256: string;
}

export interface PlanDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  source: Source;
  meta: Meta;
  sections: Section[];
  targets: Target[];
  deadlines: Deadline[];
  warnings: Warning[];
  /**
   * (added) Fingerprints of the topic taxonomy and indicator catalogue the document was
   * classified with: saved output read back with other ones is reclassified, with a note.
   */
  classifiedWith?: { topics: string; indicators: string };
}

export type EncodingName = "utf8" | "gbk" | "gb18030" | "utf16le" | "utf16be" | "big5";
export type EncodingOption = EncodingName | "auto";

export interface ParseOptions {
  /** Shown in `source.path`; the library never reads it. */
  path?: string | null;
  encoding?: EncodingOption;
  /** Overrides the reference year used to resolve deadlines. */
  year?: number;
  /**
   * (added) What the caller knows about the document (a flag, a manifest row, a path pattern):
   * each value given wins over the text's, and `meta.sources` marks it "given". `meta.year`
   * given also sets the deadline year unless `year` is set.
   */
  meta?: GivenMeta;
  /** Extra topic taxonomy (see classify stage). */
  topics?: TopicTaxonomy;
  /** (added) Indicator catalogue replacing the built-in one (see classify/indicators). */
  indicators?: import("./classify/indicator-types.js").IndicatorCatalogue;
}

export interface TopicDefinition {
  topic: string;
  keywords: string[];
}
export type TopicTaxonomy = TopicDefinition[];

/**
 * A user error about one input (not text, empty, too large, ...). The CLI prints
 * its message on one line without a stack trace.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly reason: "not-text" | "undecodable" | "empty" | "unreadable" | "too-large" | "invalid-json",
  ) {
    super(message);
    this.name = "InputError";
  }
}
