/**
 * `plan-parse explain <file> [--line N] [--year Y] [--json]`: for each number of each line, the
 * figure taken (pattern, unit, comparator, metric, status) or the name of the rule that rejected
 * it. Its own small argument reader, so that the command table stays as it is.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CliIO } from "./io.js";

const USAGE = `Usage: plan-parse explain <file> [--line N] [--year YYYY] [--json]

For each number of each line: the figure taken (pattern, unit, comparator, metric, status,
confidence) or the name of the rule that rejected it (src/extract/targets/rejections.ts).

Options:
  --line N     only line N of the file (1-based, as in warnings and --debug views)
  --year YYYY  the document's year for deadlines (default: from the text)
  --json       one JSON array of lines instead of text
  -h, --help   show this help

Examples:
  plan-parse explain plan.txt --line 12
  plan-parse explain - < plan.txt
`;

export async function explainCommand(args: readonly string[], io: CliIO): Promise<number> {
  let file: string | undefined;
  let line: number | undefined;
  let year: number | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "-h" || a === "--help") {
      io.stdout.write(USAGE);
      return 0;
    }
    if (a === "--json") json = true;
    else if (a === "--line" || a === "--year") {
      const v = Number(args[++i]);
      if (!Number.isInteger(v) || v < 1) {
        io.stderr.write(`plan-parse: ${a} needs a positive whole number\n`);
        return 2;
      }
      if (a === "--line") line = v;
      else year = v;
    } else if (a.startsWith("-") && a !== "-") {
      io.stderr.write(`plan-parse: unknown option ${a} for explain\n${USAGE}`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      io.stderr.write(`plan-parse: explain reads one file\n`);
      return 2;
    }
  }
  if (file === undefined) {
    io.stderr.write(USAGE);
    return 2;
  }
  let input: Buffer;
  try {
    input = file === "-" ? await readStdin(io) : readFileSync(path.resolve(io.cwd, file));
  } catch (err) {
    io.stderr.write(`plan-parse: ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const { explainPlan } = await import("../explain.js");
  const { renderExplain } = await import("../render/explain.js");
  const lines = explainPlan(input, { path: file, ...(year !== undefined ? { year } : {}), ...(line !== undefined ? { line } : {}) });
  io.stdout.write(json ? `${JSON.stringify(lines, null, 2)}\n` : renderExplain(lines, line !== undefined));
  return 0;
}

async function readStdin(io: CliIO): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of io.stdin) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}
