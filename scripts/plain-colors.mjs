#!/usr/bin/env node
/**
 * Runs a command (`node scripts/plain-colors.mjs vitest run …`) with colours off unless its
 * output is a terminal: vitest colours whenever TERM is set or CI is (even into a file), so
 * `npm test > log.txt` and CI logs would hold ANSI escape codes. NO_COLOR=1 is set for the
 * child when stdout is not a TTY; FORCE_COLOR (or NO_COLOR) given by the user wins.
 */
import { spawn } from "node:child_process";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write("usage: node scripts/plain-colors.mjs <command> [args...]\n");
  process.exit(2);
}
const env = { ...process.env };
if (!process.stdout.isTTY && env.FORCE_COLOR === undefined && env.NO_COLOR === undefined) env.NO_COLOR = "1";
const child = spawn(command, args, { stdio: "inherit", env, shell: process.platform === "win32" });
child.on("error", (err) => {
  process.stderr.write(`plain-colors: cannot run ${command}: ${err.message}\n`);
  process.exit(127);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : 15) : 1);
});
