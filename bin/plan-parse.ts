#!/usr/bin/env node
// first: V8 settings must be in place before any pipeline code is compiled (src/cli/v8-tuning.ts)
import "../src/cli/v8-tuning-apply.js";
import { processIO, run } from "../src/cli/run.js";

// A reader that goes away early (`plan-parse --help | head -3`) is not an error: the writes that
// follow are dropped quietly. Batch output has its own handling (src/cli/output.ts); this covers
// help, version and usage text written before or outside it.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") return;
  process.stderr.write(`plan-parse: cannot write to stdout: ${err.message}\n`);
  process.exitCode = 1;
});

process.exitCode = await run(process.argv.slice(2), processIO());
