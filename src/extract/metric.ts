/**
 * Metric naming: a short noun phrase for a column header, taken from the words
 * before the figure (after the previous figure of the clause), stripped of scope,
 * time and verb words; a bare ratio (占比, 覆盖率 …) borrows its subject from the
 * previous clause; when nothing is left, the words after the figure; never empty.
 */
import {
  BARE_RATIO_METRICS,
  METRIC_LEADING_STRIP,
  METRIC_TRAILING_STRIP,
  SUBJECT_TRAILING_STRIP,
} from "./lexicon/cues.js";

export interface MetricInput {
  text: string;
  /** where the metric may start (clause start or the end of the previous figure) */
  segStart: number;
  /** start of the comparator / change words before the figure */
  leadStart: number;
  figEnd: number;
  clauseEnd: number;
  per?: string | undefined;
  unit: string;
  /** the previous clause of the same sentence, or "" */
  prevClause: string;
  tagger: ((s: string) => { word: string; tag: string }[]) | null;
}

const MAX_METRIC = 20;
const SCOPE_ONLY: ReadonlySet<string> = new Set([...METRIC_LEADING_STRIP, "首批", "其中"]);
const LEADING = [...METRIC_LEADING_STRIP].sort((a, b) => b.length - a.length);
const TRAILING = [...METRIC_TRAILING_STRIP].sort((a, b) => b.length - a.length);
const SUBJECT_TRAILING = [...SUBJECT_TRAILING_STRIP];
/** Phrases made of verbs only: the noun is after the figure (新(改)建18个示范性老年餐厅). */
const VERB_ONLY_RE =
  /^(?:新\(改\)建|新（改）建|新建|改建|扩建|建设|建成|改造|提升改造|培训|举办|培育|打造|设立|开展|新增|建立|选树|推出|召开|评选|发放|核查|为|对|向|入户核查|惠及|纳入|纳入保障|排查消除各类|约谈|搬迁|整治|提交|走访|随访|救助|组织|帮助|资助|慰问|落实|支持|完成|实施|推进|推动|实现|确保|力争|开通|培树|确定){1,3}$/;
/** A head ending in one of these verbs: the counted noun follows the figure (各开展1次集中走访). */
const VERB_END_RE =
  /(?:开展|进行|举办|组织|建成|新建|打造|培育|设立|提交|培训|推出|选树|召开|评选|发放|救助|建设|新(?:\(改\)|（改）)建)$/;
const PAREN_WITH_DIGITS_RE = /[(（][^()（）]{0,12}[0-9][^()（）]{0,12}[)）]/g;
const QUOTES_RE = /[“”"‘’「」]/g;
const PER_WORDS_RE = /拥有|配备|平均/g;
const TAIL_STOP_RE = /[，,。；;：:(（0-9]|以上|以下|以内|左右/;
const LEADING_FIGURE_RE = /^[0-9.]{1,15}[\u4e00-\u9fff]?/;

/** words indexed by their first (leading) or last (trailing) character */
function byChar(words: readonly string[], last: boolean): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const w of words) {
    const k = last ? (w[w.length - 1] as string) : (w[0] as string);
    m.set(k, [...(m.get(k) ?? []), w]);
  }
  return m;
}
const LEADING_BY = byChar(LEADING, false);
const TRAILING_BY = byChar(TRAILING, true);

function stripEdges(s0: string): string {
  let s = s0;
  let changed = true;
  let guard = 0;
  while (changed && guard++ < 30) {
    changed = false;
    for (const w of LEADING_BY.get(s[0] as string) ?? []) {
      if (s.length > w.length && s.startsWith(w)) {
        s = s.slice(w.length);
        changed = true;
        break;
      }
    }
    for (const w of TRAILING_BY.get(s[s.length - 1] as string) ?? []) {
      if (s.length >= w.length && s.endsWith(w)) {
        s = s.slice(0, s.length - w.length);
        changed = true;
        break;
      }
    }
  }
  return s.trim();
}

function subjectOf(prev: string): string {
  let s = stripEdges(prev.replace(QUOTES_RE, ""));
  for (const w of SUBJECT_TRAILING) if (s.length > w.length + 1 && s.endsWith(w)) s = s.slice(0, -w.length);
  return s.length > 12 ? s.slice(-12) : s;
}

function cap(s: string): string {
  if (s.length <= MAX_METRIC) return s;
  // prefer cutting after a function word inside the overlong phrase
  const cut = s.slice(-MAX_METRIC);
  const k = cut.search(/[的为对在将把]/);
  return k >= 0 && k < cut.length - 3 ? cut.slice(k + 1) : cut;
}

export function metricFor(inp: MetricInput): { metric: string; fromTail: boolean } {
  let fromTail = false;
  const { text } = inp;
  let head = text.slice(Math.max(inp.segStart, inp.leadStart - 40), inp.leadStart).replace(QUOTES_RE, "");
  if (inp.per !== undefined) {
    const k = head.lastIndexOf(inp.per);
    if (k >= 0) head = head.slice(0, k) + head.slice(k + inp.per.length);
    head = head.replace(PER_WORDS_RE, "");
  }
  head = head.replace(/\s+/g, "").replace(PAREN_WITH_DIGITS_RE, "");
  let metric = stripEdges(head);
  if (inp.tagger !== null && metric.length > 8) metric = nounTail(metric, inp.tagger);
  if (BARE_RATIO_METRICS.includes(metric) || BARE_RATIO_METRICS.includes(metric.replace(/^平均/, ""))) {
    const subject = inp.prevClause !== "" ? subjectOf(inp.prevClause) : "";
    if (subject !== "") metric = subject + metric.replace(/^平均/, "");
  }
  if (metric === "" || VERB_ONLY_RE.test(metric) || VERB_END_RE.test(metric) || SCOPE_ONLY.has(metric)) {
    const verb = SCOPE_ONLY.has(metric) ? "" : metric;
    let tail = text
      .slice(inp.figEnd, Math.min(inp.clauseEnd, inp.figEnd + 24))
      .replace(QUOTES_RE, "")
      .replace(/\s+/g, "");
    tail = tail.replace(LEADING_FIGURE_RE, "");
    const stop = tail.search(TAIL_STOP_RE);
    if (stop >= 0) tail = tail.slice(0, stop);
    tail = stripEdges(tail.replace(/^的/, ""));
    if (tail !== "") fromTail = true;
    if (tail !== "") metric = (verb === "新增" || verb.startsWith("新") ? verb : "") + tail;
    else if (metric === "" || VERB_ONLY_RE.test(metric) || SCOPE_ONLY.has(metric))
      metric = metric !== "" ? metric : inp.unit !== "" ? inp.unit : "数值";
  }
  return { metric: cap(metric), fromTail };
}

/** With POS tags: keep the trailing run that ends the phrase from its first noun on. */
function nounTail(s: string, tagger: (s: string) => { word: string; tag: string }[]): string {
  const words = tagger(s);
  // cut after the last verb that is followed by a noun
  let cut = 0;
  let pos = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as { word: string; tag: string };
    pos += w.word.length;
    const next = words[i + 1];
    if (w.tag.startsWith("v") && next !== undefined && next.tag.startsWith("n") && pos < s.length - 2)
      cut = pos;
  }
  const out = s.slice(cut);
  return out.length >= 2 ? out : s;
}
