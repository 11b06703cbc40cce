/**
 * The commander program, built from the option and command tables in options.ts. Parsing
 * never exits the process: `parseArgs` returns what to run, or a usage result with an exit
 * code (0 for --help/--version, 2 for usage errors).
 */
import { Command, CommanderError, Option } from "commander";
import type { CliIO } from "./io.js";
import { type CliOptions, COMMAND_SPECS, type CommandName, DEFAULT_EXT, OPTIONS } from "./options.js";

export interface Invocation {
  command: CommandName;
  inputs: string[];
  options: CliOptions;
}

export type ParseResult = { kind: "run"; invocation: Invocation } | { kind: "exit"; code: number };

function buildProgram(io: CliIO, version: string, onAction: (inv: Invocation) => void): Command {
  const program = new Command("plan-parse");
  program
    .description(
      "Parse Chinese government work plans (工作要点/工作计划/方案/总结/政府工作报告)\ninto meta, a numbered outline, numeric targets, deadlines and warnings.",
    )
    .version(version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.replace(/^error: /, "plan-parse: ")),
    })
    .showHelpAfterError("(see plan-parse <command> --help)")
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      `
Inputs are files, directories (searched recursively for *.txt and *.md; --ext to change),
globs, or - for stdin. Saved plan-parse JSON (.json with one document or an array, .jsonl)
is read back as documents.

Output: a table on a terminal (paged like git when longer than the screen: PLAN_PARSE_PAGER,
PAGER or less; --no-pager), json when piped. With --out FILE the format is taken from its
extension (.json .jsonl .csv .md .html) unless --format is given.

Exit codes: 0 all inputs parsed, 1 at least one input failed (or nothing to compare),
2 usage error, 130 interrupted (Ctrl-C; an --out file is then not written).

Examples:
  plan-parse plan.txt                          # summary table on a terminal
  plan-parse plan.txt --format outline         # the numbered outline with figures
  plan-parse docs/ --out plans.jsonl           # docs/**/*.txt and *.md, one JSON line each
  plan-parse targets docs/ --unit % --format csv --bom > targets.csv   # for Excel
  plan-parse deadlines docs/
  plan-parse diff plan-2023.txt plan-2024.txt`,
    );

  for (const spec of COMMAND_SPECS) {
    const command = program
      .command(spec.name, { isDefault: spec.name === "parse" })
      .description(spec.summary)
      .arguments(spec.arguments)
      .addHelpText("after", `\nExamples:\n${spec.examples.map((e) => `  ${e}`).join("\n")}`);
    for (const opt of OPTIONS) {
      if (!opt.commands.includes(spec.name)) continue;
      const option = new Option(opt.flags, opt.description);
      const choices = typeof opt.choices === "function" ? opt.choices(spec.name) : opt.choices;
      if (choices) option.choices(choices);
      if (opt.parse) option.argParser(opt.parse as (value: string, previous: unknown) => unknown);
      if (opt.default !== undefined) option.default(opt.default, opt.defaultDescription);
      else if (opt.defaultDescription) option.default(undefined, opt.defaultDescription);
      command.addOption(option);
    }
    command.action((...args: unknown[]) => {
      const opts = (args[args.length - 2] as Record<string, unknown>) ?? {};
      const inputs =
        spec.name === "diff"
          ? [args[0] as string, args[1] as string]
          : ((args[0] as string[] | undefined) ?? []);
      onAction({ command: spec.name, inputs, options: normalise(opts) });
    });
  }
  return program;
}

function normalise(opts: Record<string, unknown>): CliOptions {
  return {
    ...(opts as Partial<CliOptions>),
    encoding: (opts.encoding as CliOptions["encoding"]) ?? "auto",
    debug: opts.debug === true,
    quiet: opts.quiet === true,
    bom: opts.bom === true,
    jobs: (opts.jobs as number | undefined) ?? 0,
    ext: (opts.ext as string[] | undefined) ?? [...DEFAULT_EXT],
    allMatch: opts.allMatch === true,
    pager: opts.pager !== false,
    maxBytes: opts.maxBytes as number,
    sort: (opts.sort as CliOptions["sort"]) ?? "file",
  };
}

export function parseArgs(argv: readonly string[], io: CliIO, version: string): ParseResult {
  let invocation: Invocation | undefined;
  const program = buildProgram(io, version, (inv) => {
    invocation = inv;
  });
  try {
    program.parse([...argv], { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) return { kind: "exit", code: err.exitCode === 0 ? 0 : 2 };
    throw err;
  }
  if (!invocation) {
    program.outputHelp({ error: true });
    return { kind: "exit", code: 2 };
  }
  return { kind: "run", invocation };
}
