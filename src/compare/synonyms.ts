/**
 * Metric synonyms as data. Every wording in `variants` (after scope words are
 * stripped, see metric.ts) is read as `canonical`; the canonical wording is also
 * the row label in `compare`. Only list wordings that measure the SAME thing:
 * 低保标准 and 特困供养标准 are different indicators and stay apart.
 */
export interface MetricSynonym {
  canonical: string;
  variants: string[];
}

export const METRIC_SYNONYMS: MetricSynonym[] = [
  {
    canonical: "护理型床位占比",
    variants: [
      "护理型床位比例",
      "护理型养老床位占比",
      "护理型养老床位比例",
      "养老机构护理型床位占比",
      "护理型床位平均占比",
      "护理型床位数占比",
    ],
  },
  {
    canonical: "低保标准",
    variants: [
      "低保年标准",
      "低保月标准",
      "城乡低保标准",
      "城市低保标准",
      "农村低保标准",
      "最低生活保障标准",
      "城乡最低生活保障标准",
      "低保保障标准",
    ],
  },
  {
    canonical: "特困人员基本生活标准",
    variants: ["特困供养标准", "特困人员供养标准", "特困人员救助供养标准", "农村特困人员基本生活标准"],
  },
  {
    canonical: "孤儿基本生活费标准",
    variants: ["孤儿基本生活保障标准", "孤儿保障标准", "孤儿基本生活费保障标准"],
  },
  {
    canonical: "持证养老护理员数",
    variants: ["持证养老护理员", "每万老年人拥有持证养老护理员数", "持证护理员数"],
  },
  {
    canonical: "适老化改造户数",
    variants: [
      "适老化改造",
      "家庭适老化改造",
      "困难老年人家庭适老化改造",
      "特殊困难老年人家庭适老化改造",
      "经济困难老年人家庭适老化改造",
      "困难老年人家庭适老化改造户数",
    ],
  },
  {
    canonical: "养老护理员培训人数",
    variants: ["护理员培训", "养老护理员培训", "培训养老护理员"],
  },
];
