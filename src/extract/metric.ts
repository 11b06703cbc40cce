/**
 * Metric naming: a short noun phrase for a column header, taken from the words
 * before the figure (after the previous figure of the clause), without reference
 * phrases (比上年, …基础上, 分别) and stripped of scope, time and verb words; a head
 * that is only a verb or a scope ("完成", "三个街道") names the counted noun after
 * the figure, up to its verb ("…儿童进行入户核查" → "…儿童"); a verb that takes the
 * counted object inside the head keeps what follows it ("组织开展…项目" → "…项目");
 * a bare ratio (占比, 覆盖率 …), or a first figure of a clause with no subject at
 * all ("分别在…基础上提高10%"), borrows the subject of the previous clause;
 * never empty (the unit as a last resort: the orchestrator then borrows the
 * metric of the previous figure of the sentence).
 */
import {
  BARE_RATIO_METRICS,
  CHANGE_ONLY_METRICS,
  FRAME_HEAD_SUFFIXES,
  HEAD_END_COUNT_VERBS,
  HEAD_END_VERBS,
  LEADING_OBJECT_VERBS,
  METRIC_LEADING_STRIP,
  METRIC_TRAILING_STRIP,
  OBJECT_COUNT_UNITS,
  OBJECT_VERBS,
  REFERENCE_PHRASE_SOURCE,
  SUBJECT_TRAILING_STRIP,
  TAIL_VERBS,
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

const MAX_METRIC = 24;
/** Adverbs that only lead in to a figure ("又有1600万人进城落户"): the noun after it names it. */
const LEAD_ADVERBS = ["又", "还", "再", "已", "也", "仍", "又有", "还有", "已有", "共有", "新", "自治区"];
const SCOPE_ONLY: ReadonlySet<string> = new Set([...METRIC_LEADING_STRIP, ...LEAD_ADVERBS, "首批", "其中", "年"]);
/** A locative frame "…在X中Y" ("市局在省厅年度信息化考核中分数") names "XY". */
const BARE_RATIOS: ReadonlySet<string> = new Set(BARE_RATIO_METRICS);
const IN_FRAME_RE = /^[^在]{0,6}在([^在中]{2,16})中([^在中]{2,8})$/;
/** Level words a tail keeps ("6条县级界线联检工作任务"): in a head they are scope, after a figure part of the noun. */
const LEVEL_PREFIX_RE = /^(?:省级|市级|县级|区级|乡镇级|村级|国家级|重点){1,3}/;
/** Trailing words a tail drops ("19项养老工程建设" → 养老工程); 工程/行动 name the counted thing there. */
const TAIL_TRAILING = ["建设", "工作"];
/** A head inside a parenthesis it does not close ("发展项目（8个绿美竹园基地建设"): only its inside counts. */
const HEAD_OPEN_PAREN_RE = /[(（]([^)）(（]*)$/;
const LEADING = [...METRIC_LEADING_STRIP].sort((a, b) => b.length - a.length);
const TRAILING = [...METRIC_TRAILING_STRIP].sort((a, b) => b.length - a.length);
const SUBJECT_TRAILING = [...SUBJECT_TRAILING_STRIP];
/** Phrases made of verbs only: the noun is after the figure (新(改)建18个示范性老年餐厅). */
const VERB_ONLY_RE =
  /^(?:新\(改\)建|新（改）建|新建|改建|扩建|建设|建成|改造|提升改造|培训|举办|培育|打造|设立|开展|新增|建立|选树|推出|召开|评选|发放|核查|为|对|向|入户核查|惠及|纳入|纳入保障|排查消除各类|约谈|搬迁|整治|提交|走访|随访|救助|组织|帮助|资助|慰问|落实|支持|完成|实施|推进|推动|实现|确保|力争|开通|培树|确定){1,3}$/;
/** A head ending in one of these verbs: the counted noun follows the figure (各开展1次集中走访). */
const alt = (ws: readonly string[]) => ws.map((w) => w.replace(/[()（）]/g, "\\$&")).join("|");
const VERB_END_RE = new RegExp(`(?:${alt(HEAD_END_VERBS)})$`);
/** …these only when a count unit follows the figure (全力抓好100个重大产业项目). */
const COUNT_VERB_END_RE = new RegExp(`(?:${alt(HEAD_END_COUNT_VERBS)})$`);
const FRAME_HEAD_RE = new RegExp(`(?:${alt(FRAME_HEAD_SUFFIXES)})$`);
const COUNT_UNITS: ReadonlySet<string> = new Set(OBJECT_COUNT_UNITS);
const CHANGE_ONLY: ReadonlySet<string> = new Set(CHANGE_ONLY_METRICS);
/** A head that lists examples or earlier items before the figure ("利孚生物制药等", "领导小组、指挥部和"). */
const LIST_HEAD_END_RE = /(?:等|[、和及与])$/;
const PAREN_WITH_DIGITS_RE = /[(（][^()（）]{0,12}[0-9][^()（）]{0,12}[)）]/g;
const QUOTES_RE = /[“”"‘’「」]/g;
/** Footnote markers of statistical bulletins ("农民工[8]总量"). */
const FOOTNOTE_RE = /\[[0-9]{1,3}\]|［[0-9]{1,3}］/g;
/** A leading year or year-end ("2024年低保新增", "2023年末"): time, not the indicator. */
const LEADING_YEAR_RE = /^(?:19|20)[0-9]{2}年(?:底|末|度)?/;
/** 在 that starts a word (在校生, 在建, 在岗 …) is not the locative 在. */
/** 及 that ends a verb (惠及, 涉及, 普及, 波及) is not the conjunction 及. */
const VERB_JI_RE = /[惠涉普波]及$/;
const ZAI_WORD_RE = /^在(?:校|建|岗|职|读|园|院|册|押|营|线)/;
/** A head that opens with the tail of the previous figure's unit ("638场次、惠及" → "惠及"). */
const UNIT_REMNANT_RE = /^[\u4e00-\u9fff][、，,]/;
const PER_WORDS_RE = /拥有|配备|平均/g;
const TAIL_STOP_RE = /[，,。；;：:]|(?<![A-Za-z][0-9.]{0,4})[0-9０-９](?![0-9.]{0,4}[A-Za-z])|以上|以下|以内|左右|不少于|不低于|至少/;
const LEADING_FIGURE_RE = /^[0-9.]{1,15}(?![A-Za-z])[\u4e00-\u9fff]?/;
/** A parenthesis the tail does not close ("13个工作组（综合工作组、疫情防控组、…"): the noun ends before it. */
const OPEN_PAREN_RE = /[(（][^)）]*$/;
const REFERENCE_RE = new RegExp(REFERENCE_PHRASE_SOURCE, "g");
/** A Chinese count of places is a scope, not the metric: "三个街道", "两个县(市、区)". */
const COUNTED_SCOPE_RE =
  /^[一二两三四五六七八九十0-9]{1,3}个?(?:街道|乡镇|镇|社区|村|县|区|市|县\(市、区\)|县\(区\))$/;
const OBJECT_VERBS_SORTED = [...OBJECT_VERBS].sort((a, b) => b.length - a.length);
const TAIL_VERB_RE = new RegExp(`(?:${TAIL_VERBS.join("|")})(?![数率额量值])`);
/** A clause that ends in a figure ("社会消费品零售总额2000亿元以上"): its subject is before the figure. */
const TRAILING_FIGURE_RE = /[0-9０-９][0-9０-９.,]{0,15}[^0-9０-９]{0,5}$/;
const CLAUSE_MARKS = "，,：:。；;";
const WS_RE = /\s+/g;
/**
 * (performance) The characters QUOTES_RE, \s, PAREN_WITH_DIGITS_RE, FOOTNOTE_RE and an open
 * parenthesis need: a string without any needs none of those replaces (they only remove).
 */
const CLEANUP_RE = /[“”"‘’「」\s(（[［]/;

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
const NO_WORDS: readonly string[] = [];

/** A list-item number glued to the head ("2.打通市域断头路", "(18)新(改)建"). */
const ITEM_NUMBER_RE = /^(?:[0-9]{1,3}[.．、]|[(（][0-9]{1,3}[)）])/;

function stripEdges(s0: string): string {
  let s = s0.replace(ITEM_NUMBER_RE, "").replace(LEADING_YEAR_RE, "");
  let changed = true;
  let guard = 0;
  while (changed && guard++ < 30) {
    changed = false;
    // (performance) indexed loops here and below: stripEdges runs several times per figure
    const leading = LEADING_BY.get(s[0] as string) ?? NO_WORDS;
    for (let i = 0; i < leading.length; i++) {
      const w = leading[i] as string;
      if (w === "在" && ZAI_WORD_RE.test(s)) continue;
      if (s.length > w.length && s.startsWith(w)) {
        s = s.slice(w.length);
        changed = true;
        break;
      }
    }
    const trailing = TRAILING_BY.get(s[s.length - 1] as string) ?? NO_WORDS;
    for (let i = 0; i < trailing.length; i++) {
      const w = trailing[i] as string;
      if (w === "均" && s.endsWith("人均")) continue;
      if (w === "及" && VERB_JI_RE.test(s)) continue;
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
  let raw = prev.replace(QUOTES_RE, "").replace(/\s+/g, "").replace(FOOTNOTE_RE, "");
  const fig = TRAILING_FIGURE_RE.exec(raw);
  if (fig !== null) raw = raw.slice(0, fig.index);
  let s = stripEdges(raw.replace(REFERENCE_RE, ""));
  for (let i = 0; i < SUBJECT_TRAILING.length; i++) {
    const w = SUBJECT_TRAILING[i] as string;
    if (s.length > w.length + 1 && s.endsWith(w)) s = s.slice(0, -w.length);
  }
  const k = lastObjectVerb(s);
  if (k > 0) s = s.slice(k);
  return s.length > 16 ? cap(s, 16) : s;
}

/** OBJECT_VERBS_SORTED indices by the char code their verb starts with; the longest verb length. */
const OBJECT_VERB_FIRST = new Map<number, number[]>();
let OBJECT_VERB_MAX = 0;
OBJECT_VERBS_SORTED.forEach((v, k) => {
  const c = v.charCodeAt(0);
  const bucket = OBJECT_VERB_FIRST.get(c);
  if (bucket) bucket.push(k);
  else OBJECT_VERB_FIRST.set(c, [k]);
  OBJECT_VERB_MAX = Math.max(OBJECT_VERB_MAX, v.length);
});
/** Per verb, the call (stamp) in which its last occurrence was already found. */
const verbSeen = new Int32Array(OBJECT_VERBS_SORTED.length);
let verbStamp = 0;

/**
 * End of the last object verb in `s` that leaves at least 3 characters after it, or -1: over
 * the verbs, the largest end of a verb's LAST occurrence (s.lastIndexOf(v) + v.length) that
 * leaves 3 characters. One walk from the end of `s` finds every verb's last occurrence first.
 */
function lastObjectVerb(s: string): number {
  let best = -1;
  if (verbStamp === 0x7fffffff) {
    verbSeen.fill(0);
    verbStamp = 0;
  }
  const stamp = ++verbStamp;
  for (let p = s.length - 1; p >= 0; p--) {
    // a verb found from here on ends at most at p + OBJECT_VERB_MAX
    if (p + OBJECT_VERB_MAX <= best) break;
    const bucket = OBJECT_VERB_FIRST.get(s.charCodeAt(p));
    if (bucket === undefined) continue;
    for (let b = 0; b < bucket.length; b++) {
      const k = bucket[b] as number;
      if (verbSeen[k] === stamp) continue;
      const v = OBJECT_VERBS_SORTED[k] as string;
      if (!s.startsWith(v, p)) continue;
      verbSeen[k] = stamp;
      const end = p + v.length;
      if (s.length - end >= 3 && end > best) best = end;
    }
  }
  return best;
}

/**
 * An overlong phrase is cut at the earliest list or function-word boundary that
 * makes it fit ("特困人员和经济困难完全失能老年人…覆盖率" → "经济困难完全失能老年人…覆盖率"),
 * never inside a word when a boundary exists.
 */
function cap(s: string, max = MAX_METRIC): string {
  if (s.length <= max) return s;
  for (let i = s.length - max; i < s.length - 3; i++) {
    const c = s[i - 1] as string;
    if ("、和及与的为对在将把".includes(c) && !s.slice(i, i + 4).includes("的")) return s.slice(i);
  }
  return s.slice(-max);
}

function isClauseStart(text: string, pos: number): boolean {
  let k = pos - 1;
  while (k >= 0 && (text[k] === " " || text[k] === "\u3000")) k--;
  return k < 0 || CLAUSE_MARKS.includes(text[k] as string);
}

/** A head listing members ("绿色食品、新能源…和生物医药4个省级产业集群"): a noun, not a verb, follows. */
function listTail(inp: MetricInput): boolean {
  const t = tailNoun(inp);
  return t.length >= 2 && TAIL_VERB_RE.exec(t)?.index !== 0 && !VERB_ONLY_RE.test(t);
}

/** The counted noun after the figure, up to a verb of its own, or "". */
function tailNoun(inp: MetricInput): string {
  let tail = inp.text.slice(inp.figEnd, Math.min(inp.clauseEnd, inp.figEnd + 24));
  const special = CLEANUP_RE.test(tail);
  if (special)
    tail = tail.replace(QUOTES_RE, "").replace(WS_RE, "").replace(PAREN_WITH_DIGITS_RE, "").replace(FOOTNOTE_RE, "");
  tail = tail.replace(LEADING_FIGURE_RE, "");
  const stop = tail.search(TAIL_STOP_RE);
  if (stop >= 0) tail = tail.slice(0, stop);
  if (special) tail = tail.replace(OPEN_PAREN_RE, "");
  const v = TAIL_VERB_RE.exec(tail);
  // a short tail is kept whole ("进城落户"): cutting it would leave a fragment ("进城")
  if (v !== null && v.index >= 2 && tail.length > 4 && !tail.slice(v.index).includes("的"))
    tail = tail.slice(0, v.index);
  tail = tail.replace(/^的/, "");
  const level = LEVEL_PREFIX_RE.exec(tail)?.[0] ?? "";
  tail = stripEdges(tail.slice(level.length));
  if (tail !== "") tail = level + tail;
  for (let i = 0; i < TAIL_TRAILING.length; i++) {
    const w = TAIL_TRAILING[i] as string;
    if (tail.length > w.length + 2 && tail.endsWith(w)) tail = tail.slice(0, -w.length);
  }
  // a change verb alone ("330元提高了90元") names nothing
  return CHANGE_ONLY.has(tail) ? "" : tail;
}

export function metricFor(inp: MetricInput): { metric: string; fromTail: boolean } {
  let fromTail = false;
  const { text } = inp;
  let head = text.slice(Math.max(inp.segStart, inp.leadStart - 40), inp.leadStart);
  // (performance) most heads have no quote, space, parenthesis or bracket to clean up
  const special = CLEANUP_RE.test(head);
  if (special) head = head.replace(QUOTES_RE, "");
  if (inp.per !== undefined) {
    const k = head.lastIndexOf(inp.per);
    if (k >= 0) head = head.slice(0, k) + head.slice(k + inp.per.length);
    head = head.replace(PER_WORDS_RE, "");
  }
  if (special) head = head.replace(WS_RE, "").replace(PAREN_WITH_DIGITS_RE, "").replace(FOOTNOTE_RE, "");
  head = head.replace(REFERENCE_RE, "");
  if (!isClauseStart(text, inp.segStart)) head = head.replace(UNIT_REMNANT_RE, "");
  const open = special ? HEAD_OPEN_PAREN_RE.exec(head) : null;
  // an empty inside ("项目(8个…"): the tail names the figure, if any ("任务(120分)" keeps its head)
  if (open !== null) head = (open[1] as string).length >= 2 || /[\u4e00-\u9fff]/.test(tailNoun(inp)) ? (open[1] as string) : head;
  let metric = stripEdges(head);
  if (COUNTED_SCOPE_RE.test(metric)) metric = "";
  if (metric.includes("在")) metric = metric.replace(IN_FRAME_RE, "$1$2");
  if (metric !== "" && !VERB_ONLY_RE.test(metric)) {
    const k = lastObjectVerb(metric);
    if (k > 0) metric = stripEdges(metric.slice(k));
    for (let i = 0; i < LEADING_OBJECT_VERBS.length; i++) {
      const v = LEADING_OBJECT_VERBS[i] as string;
      if (metric.startsWith(v) && metric.length - v.length >= 4) metric = stripEdges(metric.slice(v.length));
    }
  }
  if (inp.tagger !== null && metric.length > 8) metric = nounTail(metric, inp.tagger);
  // with a count unit, a head that is a verb phrase, a list of examples or earlier items, a
  // scope introduced by 对, or a frame (…标准下) leaves the naming to the noun after the figure
  const objectAfter =
    metric !== "" &&
    COUNT_UNITS.has(inp.unit) &&
    (COUNT_VERB_END_RE.test(metric) ||
      LIST_HEAD_END_RE.test(head) ||
      FRAME_HEAD_RE.test(metric) ||
      (inp.tagger !== null && endsInVerb(metric, inp.tagger)) ||
      (head.startsWith("对") && !head.includes("，")) ||
      (metric.includes("、") && listTail(inp)));
  if (BARE_RATIOS.has(metric) || (metric.startsWith("平均") && BARE_RATIOS.has(metric.slice(2)))) {
    const subject = inp.prevClause !== "" ? subjectOf(inp.prevClause) : "";
    if (subject !== "") metric = subject + metric.replace(/^平均/, "");
  }
  if (
    metric === "" ||
    objectAfter ||
    VERB_ONLY_RE.test(metric) ||
    VERB_END_RE.test(metric) ||
    SCOPE_ONLY.has(metric)
  ) {
    const verb = SCOPE_ONLY.has(metric) || (objectAfter && !VERB_ONLY_RE.test(metric)) ? "" : metric;
    const tail = tailNoun(inp);
    if (tail !== "") {
      fromTail = true;
      metric = (verb === "新增" || verb.startsWith("新") ? verb : "") + tail;
    } else if (metric === "" && inp.prevClause !== "" && isClauseStart(text, inp.segStart)) {
      // no subject of its own: "城乡低保等9类困难群众救助标准,分别在…基础上提高10%"
      metric = subjectOf(inp.prevClause);
    }
    if (metric === "" || VERB_ONLY_RE.test(metric) || SCOPE_ONLY.has(metric))
      metric = metric !== "" ? metric : inp.unit !== "" ? inp.unit : "数值";
  }
  return { metric: cap(danglingShare(metric)), fromTail };
}

/** "空气质量达标的城市占62.8%": a share without its noun ("…占" → "…占比"); "内销比重占" → "内销比重". */
function danglingShare(m: string): string {
  if (m.length < 3 || !m.endsWith("占")) return m;
  const core = m.slice(0, -1);
  return /比重|比例|占比/.test(core) ? core : `${m}比`;
}

/** With POS tags: does the phrase end in a verb ("购买", "加快")? */
function endsInVerb(s: string, tagger: (s: string) => { word: string; tag: string }[]): boolean {
  const words = tagger(s);
  const last = words[words.length - 1];
  return last !== undefined && last.tag.startsWith("v") && last.word.length >= 2;
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
