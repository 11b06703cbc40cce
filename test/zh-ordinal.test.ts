import { describe, expect, it } from "vitest";
import { isZhNumeralChar, parseZhNumeral, parseZhOrdinal } from "../src/util/zh-ordinal.js";

const VALID: [string, number][] = [
  ["一", 1],
  ["九", 9],
  ["十", 10],
  ["十一", 11],
  ["二十", 20],
  ["二十三", 23],
  ["四十六", 46],
  ["九十九", 99],
  ["百", 100],
  ["一百", 100],
  ["两百", 200],
  ["一百零一", 101],
  ["一百一十", 110],
  ["一百二十三", 123],
  ["三千零五", 3005],
  ["一千零一十", 1010],
  ["三千零五十", 3050],
  ["一万二千", 12000],
  ["十万", 100000],
  ["一万零五", 10005],
  ["二〇二四", 2024],
  ["二〇", 20],
  ["一九九八", 1998],
];

const INVALID = [
  "",
  "十十",
  "十四五",
  "一二十",
  "五五",
  "一百零十",
  "十百",
  "万",
  "一万万",
  "甲",
  "一2",
  "零零",
  "一百二",
];

describe("parseZhNumeral", () => {
  it.each(VALID)("%s = %i", (s, n) => {
    expect(parseZhNumeral(s)).toBe(n);
  });
  it.each(INVALID.map((s) => [s]))("refuses %j", (s) => {
    expect(parseZhNumeral(s)).toBeNull();
  });
});

describe("parseZhOrdinal", () => {
  it.each([
    ["〇", null],
    ["零", null],
    ["一", 1],
    ["二十三", 23],
  ] as const)("%s -> %s", (s, n) => {
    expect(parseZhOrdinal(s)).toBe(n);
  });
});

describe("isZhNumeralChar", () => {
  it.each([
    ["一", true],
    ["两", true],
    ["〇", true],
    ["万", true],
    ["是", false],
    ["1", false],
    [undefined, false],
    ["一二", false],
  ] as const)("%s -> %s", (ch, ok) => {
    expect(isZhNumeralChar(ch)).toBe(ok);
  });
});
