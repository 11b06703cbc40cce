import { describe, expect, it } from "vitest";
import { parseArabic, parseZhNumber } from "../src/extract/numerals/zh-number.js";

const CASES: [string, number | null][] = [
  ["一", 1],
  ["两", 2],
  ["十五", 15],
  ["二十三", 23],
  ["一百二十", 120],
  ["三千五百", 3500],
  ["一百零五", 105],
  ["一千零十", 1010],
  ["十一亿零九千零三十二", 1100009032],
  ["七百三", 730],
  ["三万五", 35000],
  ["一千两百三十四万", 12340000],
  ["三亿五千万", 350000000],
  ["二〇二四", 2024],
  ["〇", 0],
  ["壹佰贰拾", 120],
  ["1.36万", 13600],
  ["3万", 30000],
  ["5千", 5000],
  ["4.78万亿", 4780000000000],
  ["16.4亿", 1640000000],
  ["1,234", 1234],
  ["１，２３４", 1234],
  ["1748.8513", 1748.8513],
  ["1748 .8513", 1748.8513],
  ["负三点八", -3.8],
  ["零点零零一", 0.001],
  ["十 余 万", 100000],
  ["百", null],
  ["千年", null],
  ["一次", null],
  ["abc", null],
  ["", null],
];

describe("parseZhNumber", () => {
  it.each(CASES)("%s → %s", (input, want) => {
    expect(parseZhNumber(input)).toBe(want);
  });
});

describe("parseArabic", () => {
  it.each([
    ["1,234", 1234],
    ["１２.５", 12.5],
    ["12 345", 12345],
    ["三", null],
    ["1.2.3", null],
  ] as [string, number | null][])("%s → %s", (input, want) => {
    expect(parseArabic(input)).toBe(want);
  });
});
