import { describe, expect, it } from "vitest";
import { lineOf, lineStarts } from "../src/util/location.js";

describe("lineStarts / lineOf", () => {
  it("\\n only (the indexOf path)", () => {
    expect(lineStarts("")).toEqual([0]);
    expect(lineStarts("a\nbc\n\nd")).toEqual([0, 2, 5, 6]);
    expect(lineStarts("a\n")).toEqual([0, 2]);
  });
  it("\\r\\n and lone \\r (the character loop)", () => {
    expect(lineStarts("a\r\nbc\rd\n")).toEqual([0, 3, 6, 8]);
    expect(lineStarts("\r\r\n")).toEqual([0, 1, 3]);
  });
  it("lineOf is 1-based and finds the line holding an offset", () => {
    const starts = lineStarts("ab\ncd\nef");
    expect([0, 2, 3, 5, 6, 7].map((o) => lineOf(starts, o))).toEqual([1, 1, 2, 2, 3, 3]);
  });
});
