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
 * The process also caps its main heap's young generation once it has grown to 16 MiB
 * (capYoungGeneration, called by the CLI after each input it parses in the main thread): peak
 * memory then stays flat however many inputs follow.
 *
 * Set PLAN_PARSE_V8_TUNING=0 to keep V8's defaults. Applied only on the Node majors whose V8
 * is known to have the flags (an unknown flag would print an error on stderr); the young
 * generation's cap only on Node 20, where it was measured. This module
 * has no side effect; importing v8-tuning-apply.js applies the flags.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";

export const V8_TUNING_FLAGS: readonly string[] = ["--interrupt-budget=200000", "--no-turbo-inlining"];
const KNOWN_MAJORS = new Set([20, 22]);

/** Whether the flags apply in this process (Node major, opt-out variable). */
export function v8TuningApplies(env: NodeJS.ProcessEnv = process.env, version: string = process.version): boolean {
  if (env.PLAN_PARSE_V8_TUNING === "0") return false;
  return KNOWN_MAJORS.has(nodeMajor(version));
}

function nodeMajor(version: string): number {
  return Number.parseInt(version.replace(/^v/, ""), 10);
}

let tuned = false;

/** Sets the flags when they apply; returns the flags set. */
export function applyV8Tuning(): readonly string[] {
  if (!v8TuningApplies()) return [];
  for (const flag of V8_TUNING_FLAGS) setFlagsFromString(flag);
  tuned = true;
  return V8_TUNING_FLAGS;
}

/**
 * The young generation's cap, as the new space's size (two semi-spaces of 8 MiB). V8 starts it
 * small and doubles it as objects survive; on this workload it reaches 16 MiB within the first
 * ~20 MB of input and 32 MiB somewhere past 50 MB, which was the whole step in peak memory
 * between a 20 MB and a 100 MB batch (83 → 100 MB) and bought no speed (measured alternating,
 * docs/decisions/cli.md, "V8 tuning").
 */
export const YOUNG_GENERATION_CAP_BYTES = 16 * 1024 * 1024;

let youngCapped = false;
/** The Node majors where the cap was measured. */
const YOUNG_CAP_HERE = new Set([20]).has(nodeMajor(process.version));

/**
 * Stops the young generation of this process's main heap from growing past
 * YOUNG_GENERATION_CAP_BYTES: once it has reached the cap, V8's growth factor is set to 1
 * (`--max-semi-space-size` is read only when the heap is set up, so it cannot be set from here;
 * the growth factor is read at each growth). Called after each input parsed in the main thread;
 * a no-op unless applyV8Tuning has run (the library never changes its host's VM) and once the
 * cap is set. Returns whether the cap is set. Worker threads are left alone: the flag is
 * process-wide (the first worker to reach the cap would stop the others' growth wherever they
 * are), and the documented per-worker limit (resourceLimits.maxYoungGenerationSizeMb = 24)
 * measured 5–8 % slower on 100 MB with --jobs 2 (RSS 196 → 164 MB).
 */
export function capYoungGeneration(): boolean {
  if (youngCapped || !tuned || !YOUNG_CAP_HERE) return youngCapped;
  const spaces = getHeapSpaceStatistics();
  for (let i = 0; i < spaces.length; i++) {
    const space = spaces[i] as (typeof spaces)[number];
    if (space.space_name === "new_space" && space.space_size >= YOUNG_GENERATION_CAP_BYTES) {
      setFlagsFromString("--semi-space-growth-factor=1");
      youngCapped = true;
    }
  }
  return youngCapped;
}
