/** Word lists for status: clause cues and section-title words (data). */

/** Clause cues of a reported (achieved) figure. */
export const ACHIEVED_CUES: readonly string[] = [
  "累计",
  "共发放",
  "支出",
  "支付",
  "惠及",
  "已",
  "建成",
  "完成了",
  "共完成",
  "实现了",
  "纳入保障",
  "比上年",
  "同比",
  "去年",
  "过去",
  "上半年",
  "共有",
  "年末",
];

/** Clause cues of a target. */
export const TARGET_CUES: readonly string[] = [
  "确保",
  "力争",
  "争取",
  "达到",
  "不少于",
  "不低于",
  "新增",
  "年内",
  "将",
  "计划",
  "预计",
  "目标",
  "要",
  "到年底",
  "年底前",
  "以上",
  "左右",
  "以内",
  "控制在",
];

/** Section titles that announce a review of work done. */
export const ACHIEVED_SECTION_WORDS: readonly string[] = [
  "总结",
  "回顾",
  "成效",
  "成绩",
  "取得",
  "完成情况",
  "进展",
];

/**
 * Titles where 总结 is a task of the plan, not a review of work done: "（三）总结经验做法",
 * "（四）开展评估总结" (a scheme's closing steps). Blanked out before ACHIEVED_SECTION_WORDS are
 * looked for.
 */
export const TASK_REVIEW_PHRASES: readonly string[] = ["总结经验", "评估总结", "总结评估", "总结推广", "开展总结"];

/** Section titles that announce planned work. */
export const TARGET_SECTION_WORDS: readonly string[] = [
  "计划",
  "打算",
  "安排",
  "思路",
  "目标",
  "任务",
  "要点",
  "重点",
  "举措",
  "措施",
];
