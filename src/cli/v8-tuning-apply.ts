/** Imported first by bin/plan-parse.ts: sets the V8 flags of v8-tuning.ts at load time. */
import { applyV8Tuning } from "./v8-tuning.js";

applyV8Tuning();
