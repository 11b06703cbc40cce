import type { DeadlineUnit } from "../time/deadline-unit.js";
import { DAY_NUM, MONTH_NUM, SP } from "../time/fragments.js";

/** Per-person/per-unit rates ("每人每月610元") are amounts, not schedules. */
const RATE_BEFORE = /(?:每人|每生|每户|每名|每位|每亩|每床|人均|平均|按|元\/)$/;
const AMOUNT_AFTER = /^[^，,。；;]{0,6}?[0-9０-９][0-9０-９.,]{0,12} {0,2}(?:万|亿)?元/;

/** 每月, 每季度, 每个季度, 每年6月, 每周五, 寒暑假, 每年: a recurring schedule (date null). */
export const pattern: DeadlineUnit = {
  name: "deadline-recurring",
  concern: "deadline",
  key: "R",
  description:
    "每年/每月/每(个)季度/每周X/每年N月 and 寒暑假 as a schedule: kind recurring, date null (money rates excluded)",
  source: `(?<Rper>每${SP}(?:个${SP})?(?:年|月|季度|季|半年|旬|周[一二三四五六日天]?|星期[一二三四五六日天])(?:${SP}(?<![0-9０-９])(?:${MONTH_NUM})${SP}月份?(?:${SP}(?:${DAY_NUM})${SP}[日号])?)?(?:月?底|月?末|初)?(?:之前|以前|前)?)|(?<Rvac>(?:每年)?寒暑假)`,
  resolve(ctx) {
    if (ctx.groups.Rper) {
      if (RATE_BEFORE.test(ctx.line.slice(Math.max(0, ctx.start - 3), ctx.start))) return null;
      if (AMOUNT_AFTER.test(ctx.line.slice(ctx.end, ctx.end + 20))) return null;
    }
    return { kind: "recurring", date: null };
  },
  examples: [
    { text: "每月至少进行1次集中学习", expect: { text: "每月", kind: "recurring", date: null } },
    { text: "每个季度开展一次家庭随访", expect: { text: "每个季度" } },
    { text: "明确每年6月为儿童福利保障政策宣传月", expect: { text: "每年6月" } },
    { text: "落实好党员干部每周五学习日制度", expect: { text: "每周五" } },
    { text: "组织儿童主任在寒暑假各开展1次集中走访", expect: { text: "寒暑假" } },
    { text: "在全市每年打造15个左右市级社会组织创新发展基地", expect: { text: "每年" } },
  ],
  counterexamples: [
    { text: "全区城乡低保标准统一提高至每人每月610元", why: "a money rate (每人每月)" },
    { text: "分别从每月457元、206元提高", why: "a money rate (每月457元)" },
    { text: "初中每生每年1250元", why: "a per-pupil rate" },
    { text: "财政补助每人每年提高40元", why: "a per-person rate" },
    { text: "平均每天新增市场主体72", why: "a statistical average" },
  ],
};
