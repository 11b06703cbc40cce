import { BEFORE_SUFFIX, type DeadlineUnit } from "../time/deadline-unit.js";
import { SP } from "../time/fragments.js";

/** 月底前, 本月底前 with no month named: a limit whose month is unknown (date null). */
export const pattern: DeadlineUnit = {
  name: "deadline-month-end",
  concern: "deadline",
  key: "E",
  description: "月底前/本月底前/当月底前 without a month number: kind by, date null (the month is not named)",
  source: `(?<![0-9０-９一二三四五六七八九十月每])(?:本|当)?月${SP}(?:底|末)${SP}${BEFORE_SUFFIX}`,
  resolve() {
    return { kind: "by", date: null };
  },
  examples: [{ text: "各地于当月底前报送数据", expect: { text: "当月底前", kind: "by", date: null } }],
  counterexamples: [{ text: "每月月底前报送", why: "recurring (每月), not a one-off limit", only: "self" }],
};
