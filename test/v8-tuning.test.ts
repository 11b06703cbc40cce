import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { V8_TUNING_FLAGS, v8TuningApplies } from "../src/cli/v8-tuning.js";

describe("V8 tuning of the plan-parse process", () => {
  it("applies on the Node majors known to have the flags", () => {
    expect(v8TuningApplies({}, "v20.20.2")).toBe(true);
    expect(v8TuningApplies({}, "v22.11.0")).toBe(true);
  });
  it("keeps V8's defaults on other majors (an unknown flag would print on stderr)", () => {
    expect(v8TuningApplies({}, "v18.19.0")).toBe(false);
    expect(v8TuningApplies({}, "v24.1.0")).toBe(false);
  });
  it("can be switched off with PLAN_PARSE_V8_TUNING=0", () => {
    expect(v8TuningApplies({ PLAN_PARSE_V8_TUNING: "0" }, "v20.20.2")).toBe(false);
    expect(v8TuningApplies({ PLAN_PARSE_V8_TUNING: "1" }, "v20.20.2")).toBe(true);
  });
  it("sets only flags that change when code is optimised", () => {
    expect(V8_TUNING_FLAGS).toEqual(["--interrupt-budget=200000", "--no-turbo-inlining"]);
  });
});

describe("young generation cap of the plan-parse process (Node 20)", () => {
  // A child process allocates short-lived objects (with some survivors, as a parse does) and
  // reports how large V8's new space grew: with the tuning applied and capYoungGeneration
  // called as the CLI calls it, it stops at the cap; without, V8 doubles it past the cap.
  const script = (apply: boolean): string => `
    import { getHeapSpaceStatistics } from "node:v8";
    const m = await import(${JSON.stringify(new URL("../dist/src/cli/v8-tuning.js", import.meta.url).href)});
    if (${apply}) m.applyV8Tuning();
    const keep = [];
    let max = 0;
    let capped = false;
    for (let r = 0; r < 1500; r++) {
      const a = [];
      for (let i = 0; i < 20000; i++) a.push({ i, s: "x" + i });
      if (r % 10 === 0) keep.push(a.slice(0, 100));
      if (keep.length > 50) keep.shift();
      capped = m.capYoungGeneration();
      for (const s of getHeapSpaceStatistics()) if (s.space_name === "new_space") max = Math.max(max, s.space_size);
    }
    process.stdout.write(JSON.stringify({ max, capped, cap: m.YOUNG_GENERATION_CAP_BYTES }));
  `;
  const run = (apply: boolean) =>
    JSON.parse(
      execFileSync(process.execPath, ["--input-type=module", "-e", script(apply)], {
        encoding: "utf8",
        env: { ...process.env, PLAN_PARSE_V8_TUNING: "1" },
      }),
    ) as { max: number; capped: boolean; cap: number };

  it.runIf(process.versions.node.startsWith("20."))("stops the new space at the cap once tuned", () => {
    const tuned = run(true);
    expect(tuned.capped).toBe(true);
    expect(tuned.max).toBeLessThanOrEqual(tuned.cap);
    // the control: the same allocation without the tuning grows past the cap (else this test
    // would pass whether or not the cap works)
    const untuned = run(false);
    expect(untuned.capped).toBe(false);
    expect(untuned.max).toBeGreaterThan(untuned.cap);
  });
});
