/**
 * Comparator and change words (data). 以上/以下/以内 include the bound (Civil Code
 * art. 1259); see docs/decisions/extract-targets.md.
 */
import type { Comparator } from "../../types.js";

/** Words right before a figure (checked longest first, at the end of the text before it). */
export const PREFIX_COMPARATORS: readonly (readonly [string, Comparator])[] = [
  ["不少于", ">="],
  ["不低于", ">="],
  ["不小于", ">="],
  ["不得少于", ">="],
  ["不得低于", ">="],
  ["至少", ">="],
  ["达到", ">="],
  ["达", ">="],
  ["超过", ">"],
  ["超出", ">"],
  // 超200亿元 / 增长超20%: "over"; 突破1000亿元: "passed" (a past-the-mark figure, not a level reached exactly)
  ["超", ">"],
  ["突破", ">"],
  ["高于", ">"],
  ["多于", ">"],
  ["不超过", "<="],
  ["不高于", "<="],
  ["不多于", "<="],
  ["不大于", "<="],
  ["最多", "<="],
  ["低于", "<"],
  ["少于", "<"],
  ["不足", "<"],
  ["大约", "~"],
  ["约", "~"],
  ["近", "~"],
];

/** Words right after a figure (and its unit). */
export const SUFFIX_COMPARATORS: readonly (readonly [string, Comparator])[] = [
  ["以上", ">="],
  ["及以上", ">="],
  ["以下", "<="],
  ["及以下", "<="],
  ["以内", "<="],
  ["之内", "<="],
  ["左右", "~"],
  ["上下", "~"],
];

/** Change verbs: the figure after them is a change, not a level. */
export const CHANGE_WORDS: readonly (readonly [string, "increase" | "decrease"])[] = [
  ["增长", "increase"],
  ["提高", "increase"],
  ["提升", "increase"],
  ["增加", "increase"],
  ["上涨", "increase"],
  ["上升", "increase"],
  ["增幅", "increase"],
  ["增", "increase"],
  ["扩大", "increase"],
  ["下降", "decrease"],
  ["减少", "decrease"],
  ["降低", "decrease"],
  ["压减", "decrease"],
  ["缩减", "decrease"],
  ["减", "decrease"],
  ["降", "decrease"],
];

/** After a change verb these make the figure a level again: 提高至610元, 增长率 … */
export const LEVEL_AFTER_CHANGE: readonly string[] = ["至", "到", "为", "率"];

/** Prefixes that make a figure a threshold of eligibility, not a target (大于 200 平米, 年满70周岁). */
export const THRESHOLD_PREFIXES: readonly string[] = ["大于", "小于", "年满", "满"];
