/**
 * THE unit table: every unit of measure the figure reader knows, one record each, derived from
 * the seeds and the corpus (民政 plans, government work reports, statistical bulletins). Every
 * list the finder uses (the reader's alternation, the units a Chinese numeral may carry, the money
 * units) is derived from it; adding a unit is one row (docs/CONTRIBUTING.md). A unit that is not
 * here is still kept as written, with a lower confidence, by the open-unit rules
 * (targets/open-unit.ts).
 */

/** What a unit measures: figures of one class can be compared. */
export type UnitClass =
  | "percent"
  | "permille"
  | "points"
  | "permille-points"
  | "money"
  | "person"
  | "person-times"
  | "household"
  | "pair"
  | "count"
  | "bed"
  | "times"
  | "multiple"
  | "tenths"
  | "score"
  | "hour"
  | "area"
  | "length"
  | "volume"
  | "mass"
  | "energy"
  | "power"
  | "container"
  /** a bare number or one with only a magnitude (万 亿 万亿): what it counts is not written */
  | "number";

export interface UnitRecord {
  /** as written after the figure (magnitudes 万/亿 before it are kept: "万元" is read as 万 + 元 only when not a row) */
  unit: string;
  class: UnitClass;
  /** a Chinese numeral may carry it (一次, 两场, 十五个 …); the rest are too ambiguous after 一二三 */
  zh?: boolean;
}

export const UNIT_TABLE: readonly UnitRecord[] = [
  { unit: "个百分点", class: "points", zh: true },
  { unit: "个千分点", class: "permille-points" },
  { unit: "千分点", class: "permille-points" },
  { unit: "百分点", class: "points", zh: true },
  { unit: "%", class: "percent", zh: true },
  { unit: "‰", class: "permille", zh: true },
  { unit: "亿元", class: "money", zh: true },
  { unit: "万元", class: "money", zh: true },
  { unit: "千元", class: "money" },
  { unit: "元", class: "money", zh: true },
  { unit: "美元", class: "money" },
  { unit: "亿美元", class: "money" },
  { unit: "人次", class: "person-times", zh: true },
  { unit: "万人次", class: "person-times" },
  { unit: "户次", class: "times" },
  { unit: "场次", class: "times" },
  { unit: "件次", class: "times" },
  { unit: "架次", class: "times" },
  { unit: "人", class: "person", zh: true },
  { unit: "名", class: "person", zh: true },
  { unit: "户", class: "household", zh: true },
  { unit: "位", class: "person" },
  { unit: "对", class: "pair" },
  { unit: "个", class: "count", zh: true },
  { unit: "家", class: "count", zh: true },
  { unit: "处", class: "count", zh: true },
  { unit: "张", class: "bed", zh: true },
  { unit: "座", class: "count", zh: true },
  { unit: "项", class: "count", zh: true },
  { unit: "件", class: "count", zh: true },
  { unit: "次", class: "times", zh: true },
  { unit: "场", class: "count", zh: true },
  { unit: "篇", class: "count", zh: true },
  { unit: "条", class: "count", zh: true },
  { unit: "类", class: "count" },
  { unit: "所", class: "count", zh: true },
  { unit: "支", class: "count", zh: true },
  { unit: "批", class: "count" },
  { unit: "期", class: "count" },
  { unit: "套", class: "count" },
  { unit: "台", class: "count" },
  { unit: "辆", class: "count" },
  { unit: "间", class: "count" },
  { unit: "份", class: "count" },
  { unit: "批次", class: "times" },
  { unit: "例", class: "count" },
  { unit: "起", class: "count" },
  { unit: "块", class: "count" },
  { unit: "株", class: "count" },
  { unit: "棵", class: "count" },
  { unit: "盏", class: "count" },
  { unit: "枚", class: "count" },
  { unit: "倍", class: "multiple", zh: true },
  { unit: "番", class: "multiple", zh: true },
  { unit: "成", class: "tenths", zh: true },
  { unit: "分", class: "score" },
  { unit: "个学时", class: "hour" },
  { unit: "学时", class: "hour" },
  { unit: "课时", class: "hour" },
  { unit: "平方公里", class: "area" },
  { unit: "平方千米", class: "area" },
  { unit: "平方米", class: "area" },
  { unit: "平米", class: "area" },
  { unit: "万亩", class: "area" },
  { unit: "亩", class: "area" },
  { unit: "公顷", class: "area" },
  { unit: "公里", class: "length" },
  { unit: "千米", class: "length" },
  { unit: "米", class: "length" },
  { unit: "立方米", class: "volume" },
  { unit: "吨", class: "mass" },
  { unit: "万吨", class: "mass" },
  { unit: "千瓦时", class: "energy" },
  { unit: "千瓦", class: "power" },
  { unit: "万千瓦", class: "power" },
  { unit: "千克", class: "mass" },
  { unit: "公斤", class: "mass" },
  { unit: "斤", class: "mass" },
  { unit: "标箱", class: "container" },
  { unit: "床", class: "bed" },
];

/** Units allowed after any figure (Arabic or Chinese numerals). */
export const UNITS: readonly string[] = UNIT_TABLE.map((r) => r.unit);

/** Units that a Chinese numeral may carry (一次, 两场, 十五个 …): the rest are too ambiguous. */
export const ZH_NUMERAL_UNITS: ReadonlySet<string> = new Set(UNIT_TABLE.filter((r) => r.zh === true).map((r) => r.unit));

/** Units that make a figure a money amount. */
export const MONEY_UNITS: ReadonlySet<string> = new Set(UNIT_TABLE.filter((r) => r.class === "money").map((r) => r.unit));

/** Magnitude characters kept in the unit (value as written: "1.36万元" → 1.36 "万元"). */
export const KEPT_MAGNITUDES: readonly string[] = ["万亿", "亿", "万"];

const CLASS_OF: ReadonlyMap<string, UnitClass> = new Map(UNIT_TABLE.map((r) => [r.unit, r.class]));

/**
 * The class of a unit as the finder writes it: a row of the table, after a kept magnitude
 * (万人 → person), before a "/人/月" tail (元/人/月 → money); "number" for none or a bare
 * magnitude; undefined for an open unit (not in the table).
 */
export function unitClassOf(unit: string): UnitClass | undefined {
  const head = unit.split("/")[0] as string;
  if (head === "" || KEPT_MAGNITUDES.includes(head)) return "number";
  const direct = CLASS_OF.get(head);
  if (direct !== undefined) return direct;
  for (const m of KEPT_MAGNITUDES) if (head.startsWith(m) && CLASS_OF.has(head.slice(m.length))) return CLASS_OF.get(head.slice(m.length));
  return undefined;
}

/**
 * Words right after a figure that make it a date, an age, an edition, a body count,
 * a time limit … rather than a measured quantity. Checked at the figure's end.
 */
export const NOT_A_QUANTITY_AFTER: readonly string[] = [
  "周岁",
  "岁",
  "周年",
  "年",
  "月",
  "日",
  "号",
  "时",
  "点",
  "小时",
  "分钟",
  "秒",
  "天",
  "周",
  "届",
  "星",
  "级",
  "部门",
  "部委",
  "个部门",
  "个部委",
  "个单位",
  "个工作日",
  "个月",
  "个季度",
  "个小时",
  "个星期",
  "家单位",
  "世纪",
  "代",
];

/** Following words that make a unit part of another word: 一个时期, 一次性, 分类 … */
export const UNIT_WORD_BREAKERS: Readonly<Record<string, readonly string[]>> = {
  次: ["性", "全会", "会议", "党代会", "代表大会", "全体会议"],
  个: ["时期", "阶段", "方面", "中心", "基本点", "一"],
  分: ["类", "别", "层", "级", "钟", "批", "步", "期", "区", "散", "阶段", "之"],
  期: ["间", "限", "工程", "项目", "建设"],
  成: ["为", "立", "效", "果", "本", "员", "熟", "功", "绩", "就", "长", "不变"],
  条: ["例", "件", "款", "线"],
  类: ["型", "别", "似"],
  所: ["有", "在", "属", "以", "得"],
  支: ["出", "持", "付", "部"],
  对: ["象", "接", "于", "口", "照", "策", "话"],
  位: ["于", "置", "一体"],
  起: ["来", "草", "点", "步", "到"],
  例: ["如", "外"],
  倍: ["增"],
  间: [],
  处: ["置", "理", "室", "分", "级"],
  场: ["所", "景", "地", "馆"],
  家: ["庭", "园", "属", "人", "长", "乡", "风"],
  项: ["目"],
  台: ["账", "阶"],
  起止: [],
  块: ["化"],
  名: ["单", "称", "义", "额", "录", "牌", "片"],
  张: ["贴"],
  床: ["位"],
  份: ["额"],
  米: [],
  户: ["籍", "口", "外"],
  件: ["事"],
  人: ["员", "民", "口", "才", "大", "士", "群", "身", "格", "力", "物", "们", "社"],
  篇: ["章"],
};
