import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CleanDoc, CleanLine } from "../src/clean/index.js";
import { gazetteer, gazetteerLoaded, prefectureStem } from "../src/meta/gazetteer.js";
import { extractMeta } from "../src/meta/index.js";
import { findMasked, findMentions } from "../src/meta/places.js";
import type { Meta } from "../src/types.js";
import { lineStarts } from "../src/util/location.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = path.join(repoRoot, "fixtures/meta");
const shared = path.resolve(repoRoot, "../shared");

/** A CleanDoc as the stub clean stage makes it: one line per non-blank source line, text unchanged. */
function doc(text: string, published: string | null = null): CleanDoc {
  const starts = lineStarts(text);
  const lines: CleanLine[] = [];
  starts.forEach((start, i) => {
    let end = i + 1 < starts.length ? (starts[i + 1] as number) : text.length;
    while (end > start && (text[end - 1] === "\n" || text[end - 1] === "\r")) end--;
    const raw = text.slice(start, end);
    if (raw.trim() === "") return;
    const offsets = new Int32Array(raw.length + 1);
    for (let k = 0; k <= raw.length; k++) offsets[k] = start + k;
    lines.push({ text: raw, offsets, line: i + 1 });
  });
  return { text, lines, furniture: [], published, frontMatterTitle: null, lineStarts: starts, warnings: [] };
}

function meta(text: string, published: string | null = null) {
  return extractMeta(doc(text, published));
}

// Must run first: importing the stage may not read the gazetteer.
describe("start-up", () => {
  it("does not load the gazetteer at import time", () => {
    expect(gazetteerLoaded()).toBe(false);
    meta("石家庄市民政局2021年工作要点\n一、总体要求");
    expect(gazetteerLoaded()).toBe(true);
  });
});

const BODY = "一、加强党的建设\n(一)提高政治站位。全市民政系统要坚持党的领导。";

describe("title", () => {
  const cases: [string, string | null][] = [
    [`市民政局2024年工作要点\n${BODY}`, "市民政局2024年工作要点"],
    [
      `索引号 11330902002638059M/2024-74010\n 组配分类 计划总结  发布机构 区民政局\n\n定海区民政局2024年工作计划\n${BODY}`,
      "定海区民政局2024年工作计划",
    ],
    [`---\ntitle: 滨州市政府工作报告（2024年1月15日 李春田）\n---\n各位代表：`, "滨州市政府工作报告"],
    [
      `标　　题：  国务院办公厅关于印发《政府网站集约化试点工作方案》的通知\n正文。`,
      "国务院办公厅关于印发《政府网站集约化试点工作方案》的通知",
    ],
    [
      `吉林省民政厅关于印发2022年全省民政工作要点的通知-吉民发〔2022〕4号\n${BODY}`,
      "吉林省民政厅关于印发2022年全省民政工作要点的通知",
    ],
    [`政府工作报\n告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上`, "政府工作报告"],
    [`**政府工作报告**\n各位代表：`, "政府工作报告"],
    [`全市民政工作要点2022\n来源:工作范文网 时间:2022-05-09 10:02:22\n${BODY}`, "全市民政工作要点2022"],
    // counterexamples: an organisation line, a furniture line, an outline heading, a sentence
    [
      `石家庄市民政局\n发布时间:2021-03-23    来源:民政局网站管理员\n2021年是“十四五”开局之年。\n${BODY}`,
      null,
    ],
    [`一、上半年工作总结\n(一)民生保障更有温度。`, null],
    [`为推动《泰安市民政事业“十四五”发展规划》有序实施，现结合我市实际，制定如下工作方案。\n${BODY}`, null],
    [`组配分类 计划总结  发布机构 区民政局\n${BODY}`, null],
    ["", null],
  ];
  it.each(cases)("%#: %s", (text, expected) => {
    expect(meta(text).meta.title).toBe(expected);
  });
});

describe("issuer", () => {
  const cases: [string, string | null][] = [
    [`定海区民政局2024年工作计划\n${BODY}`, "定海区民政局"],
    [`市民政局2024年工作要点\n${BODY}`, "市民政局"],
    [`2020年县民政局2020年工作总结\n${BODY}`, "县民政局"],
    [`石家庄市民政局\n发布时间:2021-03-23\n${BODY}`, "石家庄市民政局"],
    [`发文机关：  国务院办公厅  成文日期：  2018年10月27日\n${BODY}`, "国务院办公厅"],
    [`${BODY}\n版权说明:文章内容来自泰安市民政局,其用途仅限内部交流`, "泰安市民政局"],
    [
      `湘西州政府工作报告\n——2021年12月29日在湘西土家族苗族自治州第十五届人民代表大会第一次会议上`,
      "湘西土家族苗族自治州人民政府",
    ],
    [
      `2017年政府工作报告\n甘肃省省长 林铎\n各位代表：\n现在，我代表省人民政府，向大会作工作报告。`,
      "甘肃省人民政府",
    ],
    // counterexamples: 民政局 inside a word, a site's user name, a body mention of 国务院
    [`下载后可任意编辑民政局上年工作总结和下年工作计划一、上半年工作总结`, null],
    [`发布时间:2021-03-23 来源:民政局网站管理员\n${BODY}`, null],
    [`2018年11月，党中央、国务院印发《关于学前教育深化改革规范发展的若干意见》。\n${BODY}`, null],
  ];
  it.each(cases)("%#: %s", (text, expected) => {
    expect(meta(text).meta.issuer).toBe(expected);
  });
});

describe("region and province", () => {
  const cases: [string, string | null, string | null, boolean][] = [
    // text, region, province, region-redacted warning
    [`定海区民政局2024年工作计划\n${BODY}`, "定海区", "浙江省", false],
    [`石家庄民政局2021年工作要点\n${BODY}`, "石家庄市", "河北省", false],
    [`衢江区民政局2021年度政府信息公开年度报告\n${BODY}`, "衢江区", "浙江省", false],
    [`北京市民政局2023年工作要点\n${BODY}`, "北京市", "北京市", false],
    [`吉林省民政厅关于印发2022年全省民政工作要点的通知\n${BODY}`, "吉林省", "吉林省", false],
    [`国务院关于印发国家职业教育改革实施方案的通知\n${BODY}`, "全国", null, false],
    // a district name shared by three cities of one province; by four of three provinces
    [`桥西区民政局2024年工作要点\n${BODY}`, "桥西区", "河北省", false],
    [`鼓楼区民政局2024年工作要点\n${BODY}`, "鼓楼区", null, false],
    [
      `鼓楼区民政局2024年工作要点\n在福州市委、市政府领导下，福州市民政工作稳步推进。`,
      "鼓楼区",
      "福建省",
      false,
    ],
    // a report's congress line names the place
    [
      `2019年政府工作报告\n——19年2月24日在太原市第十四届人民代表大会第四次会议上\n代市长 李晓波`,
      "太原市",
      "山西省",
      false,
    ],
    // the most frequent place when nothing else names one; 我市 ×2 sets the level
    [`${BODY}\n我市要在泰安市委领导下，推进泰安市养老服务。我市将继续……`, "泰安市", "山东省", false],
    // masked own place
    [
      `市民政局2024年工作要点\n出台《XX市最低生活保障工作操作规程》。落实《安徽省社会救助办法》。`,
      null,
      "安徽省",
      true,
    ],
    [
      `市民政局2024年工作总结和2025年工作计划\n2024 年,x市民政局以习近平新时代中国特色社会主义思想为指导。`,
      null,
      null,
      true,
    ],
    // counterexamples: a single neighbour mentioned once, generic words 城区 / 新城区 / 市场
    [
      `一、上半年工作总结\n全区低保标准提高。主动与市民政局以及宿城区对接沟通。全区完成任务。`,
      null,
      "江苏省",
      false,
    ],
    [`${BODY}\n城区养老服务设施建设，新城区配套，城区、郊区、矿区全覆盖，义乌市场繁荣。`, null, null, false],
    [`定海区民政工作要点\n推广定海经验。`, "定海区", "浙江省", false],
    [`定海区民政工作\n推广定海经验。`, null, "浙江省", false],
    [`推广定海经验，推广定海做法。\n${BODY}`, null, null, false],
  ];
  it.each(cases)("%#: %s", (text, region, province, redacted) => {
    const r = meta(text);
    expect(r.meta.region).toBe(region);
    expect(r.meta.province).toBe(province);
    expect(r.warnings.some((w) => w.code === "region-redacted")).toBe(redacted);
  });
});

describe("year", () => {
  const cases: [string, string | null, number | null][] = [
    [`定海区民政局2024年工作计划\n${BODY}`, null, 2024],
    [`市民政局2024年工作总结和2025年工作计划\n${BODY}`, null, 2024],
    [`全市民政工作要点2022\n${BODY}`, null, 2022],
    [`江苏省民政厅关于2017年度法治政府建设情况的报告\n时间:2018-05-02`, null, 2017],
    // a work report: the delivery date, December → the next year; Chinese numerals; two-digit year
    [
      `---\ntitle: 湘西州政府工作报告（2021年12月29日 龙晓华）\n---\n——2021年12月29日在湘西土家族苗族自治州第十五届人民代表大会第一次会议上`,
      null,
      2022,
    ],
    [`政府工作报告\n——二〇一五年一月二十八日在河南省第十二届人民代表大会第四次会议上`, null, 2015],
    [`- 政府工作报告\n- ——19年2月24日在太原市第十四届人民代表大会第四次会议上`, null, 2019],
    // a five-year plan: the year it was adopted (published), not 2035 nor 2025
    [
      `中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要\n到2025年，……`,
      "2021-03-13",
      2021,
    ],
    [`黄石港区民政事业第十三个五年发展规划\n${BODY}`, null, 2016],
    // no title: published year for a plan; "2021年是"; the dominant year of a summary
    [`石家庄市民政局\n发布时间:2021-03-23\n2021年是中国共产党成立100周年。\n${BODY}`, null, 2021],
    [`一、上半年工作总结\n自 2020 年 4 月 1 日起,全区低保标准提高。2020年上半年支出救助资金。`, null, 2020],
    [`现结合我市实际，就2022年度实施《规划》重点工作任务制定如下工作方案。\n到2025年，建成……`, null, 2022],
    // counterexamples: masked years, no years at all
    [`篇一\n20xx年我市民政工作在市委领导下取得成效。\n一、20xx年全市民政工作情况`, null, null],
    [`${BODY}`, null, null],
  ];
  it.each(cases)("%#: %s", (text, published, expected) => {
    expect(meta(text, published).meta.year).toBe(expected);
  });

  it("warns when the years a summary mentions are close", () => {
    const r = meta("一、工作总结\n2019年完成任务。2020年完成任务。2020年继续。2019年开始。");
    expect(r.meta.year).toBe(2020);
    expect(r.warnings.map((w) => w.code)).toContain("year-ambiguous");
  });

  it("takes the file name only as a last resort, with a warning", () => {
    const r = extractMeta(doc(BODY), { path: "docs/foo_2019_plan.txt" });
    expect(r.meta.year).toBe(2019);
    expect(r.warnings.map((w) => w.code)).toContain("year-ambiguous");
    expect(extractMeta(doc(`定海区民政局2024年工作计划\n${BODY}`), { path: "x_2019.txt" }).meta.year).toBe(
      2024,
    );
  });
});

describe("kind", () => {
  const cases: [string, Meta["kind"]][] = [
    [`市民政局2024年工作要点\n${BODY}`, "plan"],
    [`区民政局2023年工作总结2024年工作计划\n${BODY}`, "summary-plan"],
    [`民政局2021年上半年工作总结及下半年工作计划\n${BODY}`, "summary-plan"],
    [`市民政局2018年度上半年工作总结\n${BODY}`, "summary"],
    [`嘉峪关市民政局2022年政府信息公开工作年度报告\n${BODY}`, "summary"],
    [`中华人民共和国2022年国民经济和社会发展统计公报\n${BODY}`, "summary"],
    [`2017年政府工作报告\n各位代表：`, "report"],
    [`国务院办公厅关于印发《政府网站集约化试点工作方案》的通知\n${BODY}`, "scheme"],
    [`关于公开征求《海盐县关于推进养老服务高质量发展的工作方案(征求意见稿)》的通知\n${BODY}`, "scheme"],
    [`吉林省民政厅关于印发2022年全省民政工作要点的通知\n${BODY}`, "plan"],
    [`滁州市人民政府办公室关于印发滁州市“十四五”养老服务发展规划的通知\n${BODY}`, "plan"],
    [`国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知\n${BODY}`, "scheme"],
    // no title: the opening sentence, then the top-level headings
    [
      `为推动《泰安市民政事业“十四五”发展规划》有序实施，就2022年度重点工作任务制定如下工作方案。\n${BODY}`,
      "scheme",
    ],
    [`2021年是“十四五”开局之年。全市民政工作的总体思路是：坚持稳中求进。\n${BODY}`, "plan"],
    [`一、上半年工作总结\n(一)民生保障。\n二、下半年工作计划\n(一)继续推进。`, "summary-plan"],
    [`篇一\n一、20xx年全市民政工作情况\n(一)社会救助体系进一步完善。`, "summary"],
    // counterexamples: a notice that sets no work, a plain body
    [`关于表彰2023年度先进集体的通知\n${BODY}`, "other"],
    [`${BODY}`, "other"],
  ];
  it.each(cases)("%#: %s", (text, expected) => {
    expect(meta(text).meta.kind).toBe(expected);
  });
});

describe("published", () => {
  const cases: [string, string | null, string | null][] = [
    ["石家庄市民政局\n发布时间:2021-03-23    来源:民政局网站管理员\n正文。", null, "2021-03-23"],
    [" 生成日期 2024-05-27  公开方式 主动公开\n正文。", null, "2024-05-27"],
    ["发文字号：  国办发〔2018〕128号  发布日期：  2019年01月21日\n正文。", null, "2019-01-21"],
    ["  • 发布时间: 2022-04-18 09: 47\n正文。", null, "2022-04-18"],
    ["<!-- 2021-03-13 07:16 来源： 新华社 -->\n正文。", null, "2021-03-13"],
    ["---\ntitle: 某报告\ndate: 2020-05-22\n---\n正文。", null, "2020-05-22"],
    ["正文。", "2023-02-28", "2023-02-28"],
    // counterexamples: a 成文日期, a 公示日期 range, an impossible date, a date in the body
    ["发文机关：  国务院办公厅  成文日期：  2018年12月29日\n正文。", null, null],
    ["公示日期:2022年4月18日至2022年5月18日\n正文。", null, null],
    ["发布时间:2021-02-30\n正文。", null, null],
    ["自2020年4月1日起，全区低保标准提高。", null, null],
  ];
  it.each(cases)("%#: %s", (text, harvested, expected) => {
    expect(meta(text, harvested).meta.published).toBe(expected);
  });
});

describe("gazetteer and places", () => {
  it.each([
    ["恩施土家族苗族自治州", "恩施"],
    ["黔东南苗族侗族自治州", "黔东南"],
    ["博尔塔拉蒙古自治州", "博尔塔拉"],
    ["石家庄市", null],
  ])("prefecture stem of %s", (name, stem) => {
    expect(prefectureStem(name)).toBe(stem);
  });

  it("indexes districts with their province and city", () => {
    const g = gazetteer();
    expect(g.byName.get("定海区")?.map((p) => p.province)).toEqual(["浙江省"]);
    expect(g.byName.get("桥西区")?.length).toBe(3);
    expect(g.byShort.get("恩施州")?.[0]?.name).toBe("恩施土家族苗族自治州");
    expect(g.byName.has("石家庄高新技术产业开发区")).toBe(false);
  });

  it.each([
    ["浙江省衢州市衢江区民政局", ["浙江省", "衢州市", "衢江区"]],
    ["马鞍山市和县民政局", ["马鞍山市", "和县"]],
    ["省市和县区民政部门", []],
    ["城区郊区矿区新城区的区域规划", []],
    ["义乌市场", []],
  ])("mentions in %s", (text, names) => {
    expect(findMentions(text).map((m) => m.name)).toEqual(names);
  });

  it.each([
    ["《XX市最低生活保障工作操作规程》", ["XX市"]],
    ["2024年,x市民政局", ["x市"]],
    ["以***新时代中国特色社会主义思想为指导", []],
    ["**区域创新能力上升", []],
    ["box市", []],
  ])("masked places in %s", (text, masks) => {
    expect(findMasked(text).map((m) => m.text)).toEqual(masks);
  });
});

interface Expected {
  title?: string | null;
  issuer?: string | null;
  region: string | null;
  province: string | null;
  year: number;
  kind: Meta["kind"];
  published?: string | null;
  redacted: boolean;
}

const SEEDS: [string, Expected][] = [
  [
    "000_50be63eafae96b0c.txt",
    {
      title: "市民政局2024年工作要点",
      issuer: "市民政局",
      region: null,
      province: "安徽省",
      year: 2024,
      kind: "plan",
      published: null,
      redacted: true,
    },
  ],
  [
    "001_81a56e3b06c94496.txt",
    {
      title: null,
      issuer: "石家庄市民政局",
      region: "石家庄市",
      province: "河北省",
      year: 2021,
      kind: "plan",
      published: "2021-03-23",
      redacted: false,
    },
  ],
  [
    "002_04b8069d10a8ddcd.txt",
    {
      title: null,
      issuer: null,
      region: null,
      province: "江苏省",
      year: 2020,
      kind: "summary-plan",
      redacted: false,
    },
  ],
  [
    "003_6b258889b19f4774.txt",
    {
      title: null,
      issuer: "泰安市民政局",
      region: "泰安市",
      province: "山东省",
      year: 2022,
      kind: "scheme",
      redacted: false,
    },
  ],
  [
    "004_c35945630577941b.txt",
    {
      title: "定海区民政局2024年工作计划",
      issuer: "定海区民政局",
      region: "定海区",
      province: "浙江省",
      year: 2024,
      kind: "plan",
      published: "2024-05-27",
      redacted: false,
    },
  ],
];

describe("seeds (fixtures/meta)", () => {
  it.each(SEEDS)("%s", (file, expected) => {
    const text = readFileSync(path.join(fixtures, file), "utf8");
    const r = extractMeta(doc(text));
    const { redacted, ...fields } = expected;
    expect(r.meta).toMatchObject(fields);
    expect(r.warnings.some((w) => w.code === "region-redacted")).toBe(redacted);
  });
});

/** Manifest kinds → contract kinds. */
const KIND_OF: Record<string, Meta["kind"]> = {
  plan: "plan",
  summary: "summary",
  "summary+plan": "summary-plan",
  gov_report: "report",
  scheme: "scheme",
};
const MANIFEST_PART = /[^省市区县州]{1,12}(?:省|自治区|市|州|县|区)/g;

/**
 * Rows where we knowingly differ from the manifest, with the reason (docs/decisions/meta.md).
 * They still count as misses in the accuracy figures.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  "jiangsu_2018_minzheng_fazhi_summary_excerpt.txt:year":
    "a summary's year is the year it reviews (contract): 关于2017年度…的报告 → 2017; the manifest gives the publication year",
  "sichuan_2019_gov_report.txt:year":
    "delivered 2020年5月9日 (the 2020 session, postponed): it plans 2020; the source files it under 2019",
  "hefei-district_2023_minzheng_summary-plan_excerpt.txt:region":
    "the district is masked (XX区); the contract wants null for a redacted region, not its parent city 合肥市",
};

/** Whether our region names the manifest's last place (湘西州 ≡ 湘西土家族苗族自治州). */
function sameRegion(ours: string | null, theirs: string): boolean {
  if (ours === theirs) return true;
  if (ours === null) return false;
  const g = gazetteer();
  return (g.byShort.get(theirs) ?? []).some((p) => p.name === ours);
}

describe.skipIf(!existsSync(path.join(shared, "corpus/MANIFEST.tsv")))("corpus against MANIFEST.tsv", () => {
  it("reaches the accuracy targets on year, kind and region", () => {
    const manifest = readFileSync(path.join(shared, "corpus/MANIFEST.tsv"), "utf8")
      .trim()
      .split("\n")
      .slice(1);
    const score: Record<"year" | "kind" | "region" | "province", [number, number]> = {
      year: [0, 0],
      kind: [0, 0],
      region: [0, 0],
      province: [0, 0],
    };
    const misses: string[] = [];
    const miss = (file: string, field: string, ours: unknown, theirs: unknown) => {
      const known = KNOWN_DIFFERENCES[`${file}:${field}`];
      misses.push(
        `${file} ${field}: ours ${JSON.stringify(ours)} manifest ${JSON.stringify(theirs)}${known ? ` (known: ${known})` : ""}`,
      );
    };
    const tally = (field: keyof typeof score, ok: boolean) => {
      score[field][1]++;
      if (ok) score[field][0]++;
    };
    for (const row of manifest) {
      const [file, , , regionCol, yearCol, kindCol] = row.split("\t") as string[];
      if (!file || !regionCol || !yearCol || !kindCol) continue;
      const text = readFileSync(path.join(shared, "corpus/docs", file), "utf8");
      const { meta: m } = extractMeta(doc(text), { path: file });
      if (/^\d{4}$/.test(yearCol)) {
        tally("year", m.year === Number(yearCol));
        if (m.year !== Number(yearCol)) miss(file, "year", m.year, yearCol);
      }
      const kind = KIND_OF[kindCol];
      tally("kind", m.kind === kind);
      if (m.kind !== kind) miss(file, "kind", m.kind, kindCol);
      if (regionCol === "全国") {
        tally("region", m.region === "全国" && m.province === null);
        if (m.region !== "全国") miss(file, "region", m.region, regionCol);
      } else if (!/unknown|\(/.test(regionCol)) {
        const parts = regionCol.match(MANIFEST_PART) ?? [];
        const last = parts[parts.length - 1] as string;
        const first = parts[0] as string;
        tally("region", sameRegion(m.region, last));
        if (!sameRegion(m.region, last)) miss(file, "region", m.region, regionCol);
        tally("province", m.province === first);
        if (m.province !== first) miss(file, "province", m.province, regionCol);
      }
    }
    for (const [file, e] of SEEDS) {
      const { meta: m } = extractMeta(doc(readFileSync(path.join(shared, "seeds", file), "utf8")));
      tally("year", m.year === e.year);
      tally("kind", m.kind === e.kind);
      tally("region", m.region === e.region);
      tally("province", m.province === e.province);
    }
    const pct = (k: keyof typeof score) => score[k][0] / Math.max(1, score[k][1]);
    console.log(
      `meta accuracy over seeds + corpus: ${(Object.keys(score) as (keyof typeof score)[])
        .map((k) => `${k} ${score[k][0]}/${score[k][1]} (${(100 * pct(k)).toFixed(1)}%)`)
        .join(", ")}\n${misses.join("\n")}`,
    );
    expect(pct("year")).toBeGreaterThanOrEqual(0.95);
    expect(pct("kind")).toBeGreaterThanOrEqual(0.95);
    expect(pct("region")).toBeGreaterThanOrEqual(0.9);
    expect(pct("province")).toBeGreaterThanOrEqual(0.9);
  });

  it("reports, without scoring, the rows whose region the manifest only infers", () => {
    const manifest = readFileSync(path.join(shared, "corpus/MANIFEST.tsv"), "utf8")
      .trim()
      .split("\n")
      .slice(1);
    const rows = manifest.map((r) => r.split("\t")).filter((c) => /unknown|\(/.test(c[3] ?? ""));
    const lines = rows.map((c) => {
      const { meta: m } = extractMeta(
        doc(readFileSync(path.join(shared, "corpus/docs", c[0] as string), "utf8")),
      );
      return `${c[0]}: ours ${m.region}/${m.province}, manifest ${c[3]}`;
    });
    console.log(lines.join("\n"));
    expect(rows.length).toBeGreaterThan(0);
  });

  it("runs over every corpus file without throwing and with a valid kind", () => {
    const files = readdirSync(path.join(shared, "corpus/docs")).filter((f) => f.endsWith(".txt"));
    for (const f of files) {
      const { meta: m } = extractMeta(doc(readFileSync(path.join(shared, "corpus/docs", f), "utf8")));
      expect(["plan", "summary", "summary-plan", "report", "scheme", "other"]).toContain(m.kind);
      if (m.published !== null) expect(m.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

if (!existsSync(path.join(shared, "corpus/MANIFEST.tsv"))) {
  console.log(`meta corpus tests skipped: ${shared} is absent`);
}
