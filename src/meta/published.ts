/**
 * The publication date a page states: the clean stage's harvest, else a
 * labelled date in the raw head (发布时间 / 发布日期 / 生成日期 / 时间 beside 来源),
 * else the front matter `date:`.
 */
import type { MetaLine } from "./view.js";

/** A labelled date: 发布时间:2021-03-23 / 发布日期:2019年01月22日 / 公文生成日期:2012-03-26. */
const LABELLED =
  /(?:发布时间|发布日期|公文生成日期|生成日期|发布于|时间)[:|]{0,3}((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/;
/** A bare stamp "2021-03-13 07:16" on a line that also names a 来源 (news and reposting sites). */
const STAMP_WITH_SOURCE = /((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\d{1,2}:\d{2}/;
const DATE_ONLY = /^((?:19|20)\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})/;
/** Labels whose dates are not publication dates. */
const NOT_PUBLISHED = /(?:成文日期|公示日期|印发日期|施行日期)/;

export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function fromMatch(m: RegExpExecArray | null): string | null {
  if (!m) return null;
  return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function findPublished(
  harvested: string | null,
  head: readonly MetaLine[],
  frontMatterDate: string | null,
): string | null {
  if (harvested && DATE_ONLY.test(harvested)) return harvested;
  for (const l of head) {
    const labelled = LABELLED.exec(l.text);
    if (labelled) {
      const before = l.text.slice(0, labelled.index);
      if (!NOT_PUBLISHED.test(before.slice(-6))) {
        const date = fromMatch(labelled);
        if (date) return date;
      }
    }
    if (l.text.includes("来源")) {
      const date = fromMatch(STAMP_WITH_SOURCE.exec(l.text));
      if (date) return date;
    }
  }
  if (frontMatterDate) return fromMatch(DATE_ONLY.exec(frontMatterDate.replace(/\s+/g, "")));
  return null;
}
