import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { outline } from "./helpers/outline.js";
import {
  classifySections,
  DEFAULT_TAXONOMY,
  mergeTaxonomy,
  OTHER_TOPIC,
  parseTaxonomy,
} from "../src/classify/index.js";
import { parsePlan } from "../src/index.js";
import type { Section } from "../src/types.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fixture = (name: string) => readFileSync(join(root, "fixtures/compare", name), "utf8");

const CONTRACT_TOPICS = [
  "党的建设",
  "社会救助",
  "养老服务",
  "儿童福利",
  "残疾人福利",
  "社会组织",
  "慈善事业",
  "社会工作",
  "基层治理",
  "殡葬管理",
  "婚姻登记",
  "区划地名",
  "福利彩票",
  "流浪乞讨救助",
  "疫情防控",
  "自身建设",
  "其他",
];

/** A one-level outline from "(n)title。body" lines, spans pointing into the joined text. */
function itemsDoc(items: string[]): { text: string; sections: Section[] } {
  const sections: Section[] = [];
  let text = "";
  items.forEach((item, i) => {
    const marker = `(${i + 1})`;
    const start = text.length;
    text += `${marker}${item}\n`;
    const title = item.split("。")[0] as string;
    sections.push({
      id: String(i + 1),
      style: "arabic-paren",
      number: i + 1,
      marker,
      title,
      depth: 1,
      span: { start, end: text.length, line: i + 1 },
      children: [],
    });
  });
  return { text, sections };
}

function topicsOf(item: string): string[] {
  const { text, sections } = itemsDoc([item]);
  classifySections(sections, text);
  return sections[0]?.topics ?? [];
}

describe("taxonomy data", () => {
  it("has every contract topic, in contract order, with keywords (其他 none)", () => {
    expect(DEFAULT_TAXONOMY.map((t) => t.topic)).toEqual(CONTRACT_TOPICS);
    for (const t of DEFAULT_TAXONOMY) {
      if (t.topic === OTHER_TOPIC) expect(t.keywords).toEqual([]);
      else expect(t.keywords.length, t.topic).toBeGreaterThan(0);
    }
  });

  it("data/topics.json (the --topics FILE format) is the same list as the built-in module", () => {
    const json = JSON.parse(readFileSync(join(root, "data/topics.json"), "utf8"));
    expect(parseTaxonomy(json)).toEqual(DEFAULT_TAXONOMY);
  });

  it("no keyword is listed twice", () => {
    const all = DEFAULT_TAXONOMY.flatMap((t) => t.keywords);
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
  });

  it("the gov-report preset (data/topics-gov-report.json) is valid and shares no keyword with the built-in list", () => {
    const preset = parseTaxonomy(JSON.parse(readFileSync(join(root, "data/topics-gov-report.json"), "utf8")));
    expect(preset.length).toBeGreaterThanOrEqual(15);
    const builtIn = new Set(DEFAULT_TAXONOMY.flatMap((t) => t.keywords));
    const mine = preset.flatMap((t) => t.keywords);
    expect(mine.filter((k) => builtIn.has(k))).toEqual([]);
    expect(mine.filter((k, i) => mine.indexOf(k) !== i)).toEqual([]);
    // merged, its topics come before 其他, after the built-in ones
    const merged = mergeTaxonomy(DEFAULT_TAXONOMY, preset);
    expect(merged[merged.length - 1]?.topic).toBe(OTHER_TOPIC);
    expect(merged.map((t) => t.topic)).toContain("经济运行");
  });
});

describe("classifySections: one section", () => {
  const cases: [string, string[]][] = [
    ["完善社会救助保障政策。适时提高低保标准,低保年标准达到1.36万元以上。", ["社会救助"]],
    ["完善养老服务设施建设。推进认知障碍专区床位建设,养老机构护理型床位占比达到58%。", ["养老服务"]],
    ["加强儿童救助保护。指导未成年人救助保护机构及时救助流浪等监护缺失儿童。", ["儿童福利"]],
    ["提升残疾人福利水平。完善残疾人两项补贴标准动态调节机制。", ["残疾人福利"]],
    [
      "实施社会组织党建“红社领航”行动。严格落实社会组织党建工作“十同步”,组织开展清廉社会组织示范点创建工作。",
      ["社会组织", "党的建设"],
    ],
    ["推动慈善事业良性发展。新增慈善组织1-2家,新增慈善信托30万元。", ["慈善事业"]],
    ["创新推进社会工作。推动建立乡镇(街道)社会工作服务站。", ["社会工作"]],
    ["依法依规抓好基层换届。指导完成村(居)民委员会换届工作。", ["基层治理"]],
    ["强化殡葬服务保障力度。推进生态安葬奖补等工作。", ["殡葬管理"]],
    ["深化婚俗改革工作。举办2场以上主题性集体婚礼(颁证)活动。", ["婚姻登记"]],
    ["加强地名规范管理。持续开展清理整治不规范地名活动。", ["区划地名"]],
    ["加强福利彩票发行销售工作。推进站点标准化建设,提升购彩体验。", ["福利彩票"]],
    ["提升救助管理服务能力。开展“夏季送清凉”等流浪乞讨人员专项救助行动。", ["流浪乞讨救助"]],
    ["加强民政服务机构疫情防控。及时接种新冠病毒疫苗。", ["疫情防控"]],
    ["加强干部队伍建设。健全干部培养选拔和考核评价体系。", ["自身建设"]],
    ["强化移民帮扶服务。落实落细后扶各项工作。", [OTHER_TOPIC]],
    // Full-width brackets are matched like ASCII ones.
    ["做好换届选举。指导完成村（居）民委员会换届工作。", ["基层治理"]],
  ];
  it.each(cases)("%s → %j", (item, expected) => {
    expect(topicsOf(item)).toEqual(expected);
  });

  it("a lone body mention does not make a topic (precision over recall)", () => {
    // one 慈善 in the body of a 社会救助 item
    expect(topicsOf("促进政府救助与社会救助有效衔接。完善社会救助制度,引导慈善力量参与。")).toEqual([
      "社会救助",
    ]);
  });

  it("longest keyword wins: 未成年人救助保护 counts for 儿童福利, not 社会救助", () => {
    expect(topicsOf("未成年人救助保护机构实体化。推动机构规范化运行。")).toEqual(["儿童福利"]);
  });
});

describe("classifySections: the tree", () => {
  it("a child without a topic of its own inherits its parent's; a parent without one takes its children's", () => {
    const text =
      "一、养老服务\n(一)提升质量。做好各项工作。\n二、重点工作\n(一)低保。提高低保标准。\n(二)低保扩围。低保对象应保尽保。\n";
    const sections = outline(text);
    classifySections(sections, text);
    const [a, b] = sections as [Section, Section];
    expect(a.topics).toEqual(["养老服务"]);
    expect(a.children[0]?.topics).toEqual(["养老服务"]); // inherited
    expect(b.topics).toEqual(["社会救助"]); // from both children
    expect(b.children.map((c) => c.topics)).toEqual([["社会救助"], ["社会救助"]]);
  });

  it("every section gets topics; 其他 when nothing matches anywhere", () => {
    const text = "一、总体要求\n(一)提高站位。认真谋划。\n";
    const sections = outline(text);
    classifySections(sections, text);
    expect(sections[0]?.topics).toEqual([OTHER_TOPIC]);
    expect(sections[0]?.children[0]?.topics).toEqual([OTHER_TOPIC]);
  });

  it("a parent's own text does not include its children's", () => {
    const text =
      "一、主要任务\n(一)低保。提高低保标准。\n(二)养老。新增养老床位。\n(三)殡葬。推进殡葬改革。\n";
    const sections = outline(text);
    classifySections(sections, text);
    expect(sections[0]?.topics).toEqual([OTHER_TOPIC]); // no topic held by half of its children
  });

  it("works from titles alone when the text is not available", () => {
    const sections = outline("(一)加强社会组织监督管理。\n");
    classifySections(sections, "");
    expect(sections[0]?.topics).toEqual(["社会组织"]);
  });
});

describe("custom taxonomies (--topics FILE)", () => {
  it("a taxonomy passed in replaces the built-in one", () => {
    const { text, sections } = itemsDoc(["推进移民后扶工作。移民帮扶项目落地。"]);
    classifySections(sections, text, [{ topic: "移民", keywords: ["移民"] }]);
    expect(sections[0]?.topics).toEqual(["移民"]);
  });

  it("mergeTaxonomy adds keywords to known topics and new topics before 其他", () => {
    const merged = mergeTaxonomy(DEFAULT_TAXONOMY, [
      { topic: "移民", keywords: ["移民"] },
      { topic: "养老服务", keywords: ["银龄"] },
    ]);
    expect(merged.map((t) => t.topic).slice(-2)).toEqual(["移民", OTHER_TOPIC]);
    expect(merged.find((t) => t.topic === "养老服务")?.keywords).toContain("银龄");
    expect(DEFAULT_TAXONOMY.find((t) => t.topic === "养老服务")?.keywords).not.toContain("银龄");
    const { text, sections } = itemsDoc(["强化移民帮扶服务。落实落细后扶各项工作。"]);
    classifySections(sections, text, merged);
    expect(sections[0]?.topics).toEqual(["移民"]);
  });

  it.each([
    [{ topic: "x", keywords: [] }, "not an array"],
    [[{ keywords: ["a"] }], 'no "topic"'],
    [[{ topic: "x", keywords: "a" }], "keywords"],
    [[{ topic: "x", keywords: [""] }], "keywords"],
  ])("parseTaxonomy rejects %j", (json, message) => {
    expect(() => parseTaxonomy(json)).toThrow(message === "not an array" ? /expected an array/ : message);
  });
});

describe("real plans", () => {
  // Sections by title (exact lead sentence) → expected topics, on the Dinghai 2024 plan.
  const dinghai: [string, string[]][] = [
    ["完善社会救助保障政策", ["社会救助"]],
    ["强化儿童关爱暖心服务", ["儿童福利"]],
    ["强化残疾人群体保障", ["残疾人福利"]],
    ["推动慈善事业良性发展", ["慈善事业"]],
    ["牵头做好老龄工作", ["养老服务"]],
    ["完善养老服务设施建设", ["养老服务"]],
    ["实施社会组织党建“红社领航”行动", ["社会组织", "党的建设"]],
    ["提升区划地名管理服务水平", ["区划地名"]],
    ["强化殡葬服务保障力度", ["殡葬管理"]],
    ["深化婚俗改革工作", ["婚姻登记"]],
    ["提升救助管理服务能力", ["流浪乞讨救助"]],
    ["强化移民帮扶服务", [OTHER_TOPIC]],
    ["以党建铸魂,筑牢思想建设根基", ["党的建设"]],
    ["以人才强基,锻造高素质干部队伍", ["自身建设"]],
  ];

  function byTitle(sections: Section[]): Map<string, Section> {
    const out = new Map<string, Section>();
    const walk = (list: Section[]) => {
      for (const s of list) {
        out.set(s.title.normalize("NFKC"), s);
        walk(s.children);
      }
    };
    walk(sections);
    return out;
  }

  it.each(dinghai)("fixture outline of Dinghai 2024: %s → %j", (title, expected) => {
    const text = fixture("dinghai-2024.txt");
    const sections = outline(text);
    classifySections(sections, text);
    expect(byTitle(sections).get(title)?.topics).toEqual(expected);
  });

  it("parsePlan sets topics on every section of every seed copy", () => {
    for (const name of ["dinghai-2024.txt", "shijiazhuang-2021.txt"]) {
      const doc = parsePlan(fixture(name), { path: name });
      expect(doc.sections.length, `${name}: segment stage found no sections`).toBeGreaterThan(0);
      const flat = [...byTitle(doc.sections).values()];
      expect(flat.every((s) => Array.isArray(s.topics) && s.topics.length > 0)).toBe(true);
    }
  });

  it.each(dinghai)("parsePlan on Dinghai 2024: %s → %j", (title, expected) => {
    const doc = parsePlan(fixture("dinghai-2024.txt"), { path: "dinghai-2024.txt" });
    expect(byTitle(doc.sections).get(title)?.topics).toEqual(expected);
  });

  const seeds = join(root, "../shared/seeds");
  it.skipIf(!existsSync(seeds))("shared seeds 000, 001, 003: no leaf item is left as 其他", () => {
    // (skipped with a message when ../shared is absent)
    const names = ["000_50be63eafae96b0c", "001_81a56e3b06c94496", "003_6b258889b19f4774"];
    for (const name of names) {
      const text = readFileSync(join(seeds, `${name}.txt`), "utf8");
      const sections = outline(text);
      classifySections(sections, text);
      const leaves = [...byTitle(sections).values()].filter((s) => s.children.length === 0);
      const other = leaves.filter((s) => s.topics?.[0] === OTHER_TOPIC).map((s) => s.title);
      expect(other, name).toEqual([]);
    }
  });
});
