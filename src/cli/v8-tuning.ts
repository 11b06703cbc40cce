/**
 * V8 settings for the plan-parse process, applied before any pipeline code is compiled (bin/
 * imports this module first; worker threads share the process's settings). Measured on the
 * bench corpus (docs/decisions/cli.md, "V8 tuning"): a larger tier-up budget (functions are
 * optimised a little later, with fuller type feedback, so fewer optimised versions are thrown
 * away and compiled again) and no inlining in the optimising compiler (much smaller compile
 * jobs) cut the CPU of a 20 MB parse by 13–18 % and its wall time by 5 % (--jobs 1) to 17 %
 * (--jobs 2); steady speed on 60 MB was not hurt. Only library users who run their own process
 * keep V8's defaults.
 *
 * Set PLAN_PARSE_V8_TUNING=0 to keep V8's defaults. Applied only on the Node majors whose V8
 * is known to have both flags (an unknown flag would print an error on stderr). This module
 * has no side effect; importing v8-tuning-apply.js applies the flags.
 */
import { setFlagsFromString } from "node:v8";

export const V8_TUNING_FLAGS: readonly string[] = ["--interrupt-budget=200000", "--no-turbo-inlining"];
const KNOWN_MAJORS = new Set([20, 22]);

/** Whether the flags apply in this process (Node major, opt-out variable). */
export function v8TuningApplies(env: NodeJS.ProcessEnv = process.env, version: string = process.version): boolean {
  if (env.PLAN_PARSE_V8_TUNING === "0") return false;
  const major = Number.parseInt(version.replace(/^v/, ""), 10);
  return KNOWN_MAJORS.has(major);
}

/** Sets the flags when they apply; returns the flags set. */
export function applyV8Tuning(): readonly string[] {
  if (!v8TuningApplies()) return [];
  for (const flag of V8_TUNING_FLAGS) setFlagsFromString(flag);
  return V8_TUNING_FLAGS;
}
