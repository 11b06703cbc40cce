import type { DeadlineUnit } from "../time/deadline-unit.js";
import { SHORT_COUNT, SP } from "../time/fragments.js";

/** 半年内, 24小时内, 3个工作日内, 30日内, 两年内: a duration limit that names no calendar day. */
export const pattern: DeadlineUnit = {
  name: "deadline-within",
  concern: "deadline",
  key: "I",
  description:
    "a count of hours/days/working days/weeks/months/quarters/years + 内/以内/之内: kind within, date null",
  source: `(?<![0-9０-９月.])(?<In>${SHORT_COUNT})${SP}(?:个${SP})?(?:小时|工作日|天|日|周|星期|月|季度|年)(?:之内|以内|内)|(?<![0-9０-９月.])(?<Ih>${SHORT_COUNT})${SP}(?:个${SP})?小时(?=先行|响应|办结|到场|到达|处置|答复|回应)`,
  resolve(ctx) {
    const n = ctx.groups.In ?? ctx.groups.Ih ?? "";
    // 几/百 alone are vague counts ("几年内"): keep them, they are still a duration limit
    if (n === "") return null;
    return { kind: "within", date: null };
  },
  examples: [
    {
      text: "初次信访事项一次性办结率达90%且半年内重复率低于10%",
      expect: { text: "半年内", kind: "within", date: null },
    },
    { text: "急难对象24小时内先行救助", expect: { text: "24小时内", kind: "within" } },
    { text: "全面落实急难对象24小时先行救助制度", expect: { text: "24小时", kind: "within" } },
    { text: "3个工作日内办结", expect: { text: "3个工作日内" } },
    { text: "30日内作出决定", expect: { text: "30日内" } },
    { text: "两年内实现全覆盖", expect: { text: "两年内" } },
  ],
  counterexamples: [
    { text: "开通24小时服务热线", why: "an availability (24小时热线), not a limit", only: "self" },
    { text: "12月5日内", why: "a date, not a count", only: "self" },
  ],
};
