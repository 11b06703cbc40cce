// After tsc: make the CLI executable (tsc keeps the shebang but not the mode bits).
import { chmodSync, existsSync } from "node:fs";

const bin = new URL("../dist/bin/plan-parse.js", import.meta.url);
if (existsSync(bin)) chmodSync(bin, 0o755);
