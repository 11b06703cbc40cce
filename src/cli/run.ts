/**
 * `run(argv, io)` → exit code. Start-up stays light: `--version` answers before anything
 * else is loaded, and the command machinery (renderers, pool, pipeline) is imported only
 * when a command runs.
 */
import type { CliIO } from "./io.js";
import { readVersion } from "./version.js";

export type { CliIO } from "./io.js";
export { processIO } from "./io.js";

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
    io.stdout.write(`${readVersion()}\n`);
    return 0;
  }
  if (argv[0] === "explain") {
    const { explainCommand } = await import("./explain.js");
    return explainCommand(argv.slice(1), io);
  }
  const { parseArgs } = await import("./program.js");
  const parsed = parseArgs(argv, io, readVersion());
  if (parsed.kind === "exit") return parsed.code;
  const debug = parsed.invocation.options.debug;
  try {
    const { execute } = await import("./execute.js");
    return await execute(parsed.invocation, io);
  } catch (err) {
    // Anything not caught per input: one line, stack only with --debug.
    const e = err instanceof Error ? err : new Error(String(err));
    io.stderr.write(`plan-parse: internal error: ${e.message}\n`);
    if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
