/**
 * The place-word check without nodejieba (PLAN_PARSE_NO_JIEBA=1): the listed glue words and
 * overlapping place names stand in for word segmentation. Runs in its own worker, so the
 * variable is set before util/words.ts loads anything.
 */
import { describe, expect, it } from "vitest";

process.env.PLAN_PARSE_NO_JIEBA = "1";
const { findMentions } = await import("../src/meta/places.js");
const { getCutter } = await import("../src/util/words.js");

describe("places are words without nodejieba (fallback)", () => {
  it("has no cutter", () => {
    expect(getCutter()).toBeNull();
  });
  const names = (s: string) => findMentions(s).map((m) => m.name);
  it.each([
    ["南昌都市圈城际铁路", []],
    ["新增城区绿地300万平方米", []],
    ["加快南部滨海新区建设", []],
    ["建好新花溪区", []],
    ["湖州市民政局", ["湖州市"]],
    ["浙江省衢州市衢江区", ["浙江省", "衢州市", "衢江区"]],
    ["天津市滨海新区", ["天津市", "滨海新区"]],
    ["昌都市人民政府", ["昌都市"]],
  ])("%s", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
