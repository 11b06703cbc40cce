/**
 * The publication date a web page states in its furniture (发布时间 / 发布日期 / 生成日期 /
 * 成文日期 …). Publication labels win over 生成日期, which wins over 成文日期 (the date the
 * document was signed, often days before publication); within a rank the first one wins.
 */

const LABELLED_DATE =
  /(发布时间|发布日期|更新时间|公文生成日期|生成日期|成文日期|时间|日期)[:：]?\|?(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/g;
const LEADING_DATE = /^(?:<!--)?(\d{4})-(\d{1,2})-(\d{1,2})(?: ?\d{1,2}:\d{2}(?::\d{2})?)?(?:来源|-->|$)/;

const RANK: Record<string, number> = {
  发布时间: 0,
  发布日期: 0,
  更新时间: 0,
  时间: 0,
  日期: 0,
  公文生成日期: 1,
  生成日期: 1,
  成文日期: 2,
};

function iso(y: string, m: string, d: string): string | null {
  const mm = Number(m);
  const dd = Number(d);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  return `${y}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
}

export interface DateCandidate {
  date: string;
  rank: number;
}

/** Dates stated on one normalised furniture line, with their rank (lower is better). */
export function datesInLine(line: string): DateCandidate[] {
  const out: DateCandidate[] = [];
  const lead = LEADING_DATE.exec(line);
  if (lead) {
    const date = iso(lead[1] as string, lead[2] as string, lead[3] as string);
    if (date) out.push({ date, rank: 0 });
  }
  LABELLED_DATE.lastIndex = 0;
  for (let m = LABELLED_DATE.exec(line); m !== null; m = LABELLED_DATE.exec(line)) {
    const date = iso(m[2] as string, m[3] as string, m[4] as string);
    if (date) out.push({ date, rank: RANK[m[1] as string] ?? 3 });
  }
  return out;
}

/** The best date over all candidates (first of the lowest rank), or null. */
export function pickPublished(candidates: readonly DateCandidate[]): string | null {
  let best: DateCandidate | null = null;
  for (const c of candidates) if (best === null || c.rank < best.rank) best = c;
  return best?.date ?? null;
}
