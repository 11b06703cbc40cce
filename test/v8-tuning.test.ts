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
