/**
 * Every command-line option as data: flags, help text, which commands take it, how its
 * value is checked. program.ts turns these into commander options.
 */
import { COMPARE_FORMATS, DIFF_FORMATS } from "../render/formats.js";
import { nonEmpty, parseConfidence, parseExt, parseRegex, parseSize, parseYear, positiveInt, repeated } from "./option-values.js";
import type { EncodingOption } from "../types.js";

export { parseConfidence, parseRegex, parseSize, parseYear };

export const COMMANDS = ["parse", "targets", "deadlines", "compare", "diff", "panel"] as const;
export type CommandName = (typeof COMMANDS)[number];

export const PARSE_FORMATS = ["json", "jsonl", "table", "csv", "md", "outline", "html"] as const;
export const ROW_FORMATS = ["json", "jsonl", "table", "csv", "md"] as const;
export { COMPARE_FORMATS, DIFF_FORMATS };
export const DIFF_PARTS = ["targets", "sections"] as const;
/** targets also writes the HTML report (src/render/html): the text with its figures marked. */
export const TARGET_FORMATS = [...ROW_FORMATS, "html"] as const;
export type Format = (typeof PARSE_FORMATS)[number];

/** Extensions searched for in directories when --ext is not given. */
export const DEFAULT_EXT = ["txt", "md"] as const;

export const ENCODINGS = ["auto", "utf8", "gbk", "gb18030", "utf16le", "utf16be", "big5"] as const;

/**
 * Inputs above this are refused ("too large"): parsing holds the text, its normalised copy and
 * the document (about 13× the input at peak: 30 MB → about 400 MB), so the cap keeps one run's
 * memory bounded. Raise it with --max-bytes for larger files. See docs/decisions/cli.md.
 */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** The options after parsing, with defaults applied (format is decided later: TTY or not). */
export interface CliOptions {
  format?: Format;
  encoding: EncodingOption;
  year?: number;
  /** meta given by the user (see cli/given.ts) */
  region?: string;
  province?: string;
  planYear?: number;
  manifest?: string;
  metaFromPath?: string;
  out?: string;
  debug: boolean;
  quiet: boolean;
  color?: boolean;
  bom: boolean;
  jobs: number;
  ext: string[];
  maxBytes: number;
  topics?: string;
  status?: "target" | "achieved";
  /** diff only: show one part of the result. */
  only?: (typeof DIFF_PARTS)[number];
  unit?: string;
  topic?: string;
  /** --grep terms (several: any of them matches, or all with --all-match). */
  grep?: string[];
  /** --grep-regex patterns, combined with the --grep terms. */
  grepRegex?: RegExp[];
  allMatch?: boolean;
  minConfidence?: number;
  /** false with --no-pager. */
  pager?: boolean;
  /** --strict: leave out documents whose region or year is unknown or a guess. */
  strict?: boolean;
  sort: "file" | "value" | "deadline";
  indicators?: string;
  indicator?: string;
  wide?: boolean;
  headline?: boolean;
}

export interface OptionSpec {
  flags: string;
  description: string;
  commands: readonly CommandName[];
  /** Allowed values; per command when they differ. */
  choices?: readonly string[] | ((command: CommandName) => readonly string[]);
  /** Checks a value; `previous` is the value so far (options that can be given several times). */
  parse?: (value: string, previous?: unknown) => unknown;
  default?: unknown;
  /** Shown in --help instead of the raw default. */
  defaultDescription?: string;
}

const ALL = COMMANDS;
const INPUT_COMMANDS = COMMANDS;

export const OPTIONS: readonly OptionSpec[] = [
  {
    flags: "-f, --format <format>",
    description: "output format",
    commands: ALL,
    choices: (command) =>
      command === "parse"
        ? PARSE_FORMATS
        : command === "compare"
          ? COMPARE_FORMATS
          : command === "diff"
            ? DIFF_FORMATS
            : command === "targets"
              ? TARGET_FORMATS
              : ROW_FORMATS,
    defaultDescription:
      "table on a terminal; with --out, taken from the file's extension (.json .jsonl .csv .md .html); json when piped",
  },
  {
    flags: "-e, --encoding <encoding>",
    description: "text encoding of the inputs",
    commands: INPUT_COMMANDS,
    choices: ENCODINGS,
    default: "auto",
  },
  {
    flags: "-y, --year <YYYY>",
    description: "reference year used to resolve deadlines such as 9月底前 (meta.year unchanged: see --plan-year)",
    commands: INPUT_COMMANDS,
    parse: parseYear,
  },
  {
    flags: "--plan-year <YYYY>",
    description:
      "the year the documents plan (sets meta.year, marked given; deadlines follow it unless --year is set)",
    commands: INPUT_COMMANDS,
    parse: parseYear,
  },
  {
    flags: "--region <name>",
    description: "the issuing government's region (e.g. 江西省, 宁波市, 全国); sets meta.region, marked given",
    commands: INPUT_COMMANDS,
    parse: nonEmpty("--region"),
  },
  {
    flags: "--province <name>",
    description: "the province (e.g. 江西省); sets meta.province, marked given",
    commands: INPUT_COMMANDS,
    parse: nonEmpty("--province"),
  },
  {
    flags: "--manifest <file>",
    description:
      "csv, tsv or jsonl with a path column and any of region, province, year, kind; other columns go to meta.extra",
    commands: INPUT_COMMANDS,
    parse: nonEmpty("--manifest"),
  },
  {
    flags: "--meta-from-path <pattern>",
    description:
      "read meta from each input's path, e.g. '{province}/{year}.md' or '{region}_{year}.txt' (also {kind}, *)",
    commands: INPUT_COMMANDS,
    parse: nonEmpty("--meta-from-path"),
  },
  {
    flags: "-o, --out <file>",
    description:
      "write the output to FILE (atomically: temp file, then rename); without --format, the format is FILE's extension (.json .jsonl .csv .md .html)",
    commands: ALL,
  },
  {
    flags: "--status <status>",
    description: "only rows with this status (target: still to do; achieved: done, in a review)",
    commands: ["targets", "deadlines", "compare", "panel", "diff"],
    choices: ["target", "achieved"],
  },
  {
    flags: "--only <part>",
    description: "diff: only the target changes, or only the section changes",
    commands: ["diff"],
    choices: DIFF_PARTS,
  },
  {
    flags: "--indicator <id>",
    description: "only figures of this catalogued indicator (e.g. gdp.growth)",
    commands: ["compare", "panel"],
    parse: nonEmpty("--indicator"),
  },
  {
    flags: "--indicators <file>",
    description: "extra indicator catalogue: a JSON file like data/indicators.json (entries with a known id replace it)",
    commands: INPUT_COMMANDS,
  },
  {
    flags: "--wide",
    description: "one row per document, one column per indicator (of --status, default target)",
    commands: ["panel"],
  },
  {
    flags: "--headline",
    description: "only figures of the headline paragraph (主要预期目标)",
    commands: ["panel"],
  },
  {
    flags: "--unit <unit>",
    description: "only targets with this unit (e.g. %, 万元, 个)",
    commands: ["targets"],
    parse: nonEmpty("--unit"),
  },
  {
    flags: "--topic <topic>",
    description: "only targets listed under this topic, as compare lists them (e.g. 养老服务)",
    commands: ["targets"],
    parse: nonEmpty("--topic"),
  },
  {
    flags: "--grep <text>",
    description:
      "only targets whose metric or text contains TEXT (ignoring case); give it several times for any of the terms (see --all-match)",
    commands: ["targets"],
    parse: repeated("--grep"),
  },
  {
    flags: "--grep-regex <re>",
    description:
      "only targets whose metric or text matches the regular expression RE (JavaScript syntax, ignoring case); repeatable, combined with --grep",
    commands: ["targets"],
    parse: parseRegex,
  },
  {
    flags: "--all-match",
    description: "with several --grep/--grep-regex: a target must match all of them (default: any)",
    commands: ["targets"],
  },
  {
    flags: "--min-confidence <x>",
    description: "only targets whose confidence (0–1, how sure the extractor is) is at least X",
    commands: ["targets"],
    parse: parseConfidence,
  },
  {
    flags: "--sort <key>",
    description: "row order",
    commands: ["targets"],
    choices: ["file", "value", "deadline"],
    default: "file",
  },
  {
    flags: "--topics <file>",
    description:
      'extra topic taxonomy: a JSON file [{"topic": ..., "keywords": [...]}], or "gov-report" (topics of government work reports)',
    commands: INPUT_COMMANDS,
  },
  {
    flags: "-j, --jobs <n>",
    description: "parse in N worker threads (output keeps input order)",
    commands: INPUT_COMMANDS,
    parse: positiveInt("--jobs"),
    defaultDescription: "number of CPU cores, for batches of 32 MiB or more; smaller batches parse in the main thread",
  },
  {
    flags: "--ext <list>",
    description: "file extensions searched for in directories",
    commands: INPUT_COMMANDS,
    parse: parseExt,
    default: [...DEFAULT_EXT],
    defaultDescription: DEFAULT_EXT.join(","),
  },
  {
    flags: "--max-bytes <size>",
    description:
      'refuse inputs larger than this ("too large"); parsing needs about 11–13× the input size in memory',
    commands: INPUT_COMMANDS,
    parse: parseSize,
    default: DEFAULT_MAX_BYTES,
    defaultDescription: "32MiB",
  },
  {
    flags: "--bom",
    description:
      "Excel mode for CSV: a UTF-8 BOM first, and cells Excel would read as a formula (= + - @) or a number (section ids such as 2.10) written as text",
    commands: ALL,
    default: false,
  },
  {
    flags: "--strict",
    description:
      "leave out documents whose region or year is unknown or a guess (no region or year, or a region-guessed, region-redacted, year-guessed, year-ambiguous or year-unknown warning); each is named on stderr",
    commands: INPUT_COMMANDS,
  },
  { flags: "--color", description: "force colours", commands: ALL },
  {
    flags: "--no-pager",
    description: "on a terminal, never page long output (default: PLAN_PARSE_PAGER, PAGER or less, as git does)",
    commands: ALL,
  },
  { flags: "--no-color", description: "never colour (also: NO_COLOR=1)", commands: ALL },
  {
    flags: "-q, --quiet",
    description: "no progress bar and no closing summary",
    commands: ALL,
    default: false,
  },
  {
    flags: "--debug",
    description:
      "stack traces on errors; pattern names and source lines in table/outline views, with a pointer to `plan-parse explain` for each file",
    commands: ALL,
    default: false,
  },
];

export interface CommandSpec {
  name: CommandName;
  arguments: string;
  summary: string;
  examples: string[];
}

export const COMMAND_SPECS: readonly CommandSpec[] = [
  {
    name: "parse",
    arguments: "<inputs...>",
    summary: "parse plans into meta, numbered outline, targets, deadlines and warnings (default command)",
    examples: [
      "plan-parse fixtures/cli/plans/seed-004.txt",
      "plan-parse parse fixtures/cli/plans/seed-004.txt --format json",
      "plan-parse fixtures/cli/plans --out plans.jsonl              # format from the extension",
      "plan-parse 'corpus/**/*.txt' --format csv --bom > plans.csv",
      "cat plan.txt | plan-parse - --format outline",
      "plan-parse 政府工作报告 --ext md --meta-from-path '{province}/{year}.md' --format jsonl",
      "plan-parse corpus --manifest scraped.csv --format jsonl   # path,region,year,kind,...",
    ],
  },
  {
    name: "targets",
    arguments: "<inputs...>",
    summary: "one row per numeric target across all inputs",
    examples: [
      "plan-parse targets fixtures/cli/plans",
      "plan-parse targets fixtures/cli/plans --unit % --status target --sort value",
      "plan-parse targets plans.jsonl --grep 养老 --grep 托育 --out targets.csv",
      "plan-parse targets fixtures/cli/plans --grep-regex '床位|护理' --min-confidence 0.6",
      "plan-parse targets fixtures/cli/plans --format csv --bom > targets.csv      # for Excel",
    ],
  },
  {
    name: "deadlines",
    arguments: "<inputs...>",
    summary: "one row per deadline across all inputs, in date order (undated last)",
    examples: [
      "plan-parse deadlines fixtures/cli/plans",
      "plan-parse deadlines fixtures/cli/plans --format md > timeline.md",
    ],
  },
  {
    name: "compare",
    arguments: "<inputs...>",
    summary: "side by side by topic, one column per document (text files or saved plan-parse JSON)",
    examples: [
      "plan-parse compare a.txt b.txt c.txt --format json",
      "plan-parse fixtures/cli/plans --out plans.json && plan-parse compare plans.json",
    ],
  },
  {
    name: "diff",
    arguments: "<old> <new>",
    summary: "what changed between two plans (text files or saved plan-parse JSON)",
    examples: [
      "plan-parse diff fixtures/diff/henan_2023.md fixtures/diff/henan_2024.md",
      "plan-parse diff fixtures/diff/henan_2023.md fixtures/diff/henan_2024.md --status target --only targets --format csv > changes.csv",
      "plan-parse diff fixtures/diff/henan_2024.md fixtures/diff/zhejiang_2024.md --format md   # two governments, same year",
      "plan-parse fixtures/diff/henan_2023.md --format json --out old.json && plan-parse diff old.json fixtures/diff/henan_2024.md --format json",
    ],
  },
  {
    name: "panel",
    arguments: "<inputs...>",
    summary: "one row per document × indicator × figure (tidy, for spreadsheets); --wide: one row per document",
    examples: [
      "plan-parse panel reports/ --ext md --headline --format csv --bom > panel.csv",
      "plan-parse panel reports/ --ext md --wide --indicator gdp.growth --format csv",
    ],
  },
];
