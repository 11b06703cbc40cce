/**
 * Which government, which year: one fixture per failure kind of issue 12 (fixtures/meta-context,
 * see its SOURCES.md), the word-level place matching, and the checked list of the 402 reports in
 * ../shared/reports (test/data/reports-meta.tsv; skipped without ../shared).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findMentions } from "../src/meta/places.js";
import { reportYearVotes, winner } from "../src/meta/report-year.js";
import { parsePlan } from "../src/pipeline.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixtures = path.join(repoRoot, "fixtures/meta-context");
const reports = path.resolve(repoRoot, "../shared/reports/docs");

interface Case {
  region: string | null;
  province: string | null;
  year: number;
  /** warning codes that must be present / absent */
  warns?: string[];
  quiet?: string[];
}

export const CASES: Record<string, Case> = {
  // 南昌都市圈 is not 昌都(市): the province-level report is 江西's
  "jiangxi-2024-dushiquan.txt": { region: "江西省", province: "江西省", year: 2024 },
  // 新增城区 is not 增城区; the congress line names the city
  "changsha-2014-xinzengchengqu.txt": { region: "长沙市", province: "湖南省", year: 2014, quiet: ["region-guessed"] },
  // 宁波's own 南部滨海新区 is not 天津's 滨海新区
  "ningbo-2016-nanbu-binhai.txt": { region: "宁波市", province: "浙江省", year: 2016 },
  // 新花溪区 is a new district being built, not the issuing government
  "guiyang-2013-xinhuaxi.txt": { region: "贵阳市", province: "贵州省", year: 2013 },
  // the congress line and 州长 are the prefecture's, whatever the title's short 大理
  "dali-2014-prefecture.txt": { region: "大理白族自治州", province: "云南省", year: 2014 },
  // 市人民政府 only, but the congress line names 莱芜市 (merged into 济南 in 2019)
  "laiwu-2014-city-only.txt": { region: "莱芜市", province: "山东省", year: 2014 },
  // the reviewed year (2004 ×6) is not the plan year: the headings say 2005
  "beijing-2005-review-year.txt": { region: "北京市", province: "北京市", year: 2005 },
  // delivered in November 2016: the report plans 2017
  "zhangye-2017-november.txt": { region: "张掖市", province: "甘肃省", year: 2017 },
  // 较2016年 ×4, 比2016年 ×2 are base years
  "hami-2022-base-year.txt": { region: null, province: null, year: 2022 },
  // 到2025年 ×5 are future targets
  "henan-2023-future-target.txt": { region: "河南省", province: "河南省", year: 2023 },
  // 二O二三年 with a Latin O
  "jiangsu-2023-o-date.txt": { region: "江苏省", province: "江苏省", year: 2023, quiet: ["year-ambiguous"] },
  // the title names the reviewed year; the delivery line and headings the plan year: warn
  "sichuan-2007-title-names-review.txt": { region: "四川省", province: "四川省", year: 2007, warns: ["year-ambiguous"] },
  // a national body gives 全国
  "guowuyuan-2024-national.txt": { region: "全国", province: null, year: 2024 },
};

describe("fixtures/meta-context: one document per failure kind", () => {
  it.each(Object.entries(CASES))("%s", (file, c) => {
    const d = parsePlan(readFileSync(path.join(fixtures, file)), { path: file });
    expect({ region: d.meta.region, province: d.meta.province, year: d.meta.year }).toEqual({
      region: c.region,
      province: c.province,
      year: c.year,
    });
    const codes = d.warnings.map((w) => w.code);
    for (const w of c.warns ?? []) expect(codes).toContain(w);
    for (const w of c.quiet ?? []) expect(codes).not.toContain(w);
  });

  it("names both candidates when the evidence disagrees", () => {
    const d = parsePlan(readFileSync(path.join(fixtures, "sichuan-2007-title-names-review.txt")));
    const w = d.warnings.find((x) => x.code === "year-ambiguous");
    expect(w?.message).toMatch(/2007/);
    expect(w?.message).toMatch(/2006/);
  });
});

describe("places are words, not substrings", () => {
  const names = (s: string) => findMentions(s).map((m) => m.name);
  it.each([
    ["南昌都市圈城际铁路", []],
    ["新增城区绿地300万平方米", []],
    ["加快南部滨海新区建设", []],
    ["建好新花溪区", []],
    // counterexamples: real places keep matching
    ["湖州市民政局", ["湖州市"]],
    ["浙江省衢州市衢江区", ["浙江省", "衢州市", "衢江区"]],
    ["在滨州市第十届人民代表大会", ["滨州市"]],
    ["天津市滨海新区", ["天津市", "滨海新区"]],
    ["昌都市人民政府", ["昌都市"]],
  ])("%s", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe("a report's plan year from its headings and phrases", () => {
  const vote = (lines: string[]) => {
    const body = lines.map((text, i) => ({ text, line: i + 1 }));
    return winner(reportYearVotes(body, lines.join("\n")))?.year ?? null;
  };
  it.each([
    [["**一、2023年工作回顾**", "**二、2024年工作安排**"], 2024],
    [["一、2020年主要工作和“十三五”发展成就"], 2021],
    [["**2007年经济社会发展情况及本届政府工作回顾**"], 2008],
    [["一、“十五”工作回顾"], 2006],
    [["二、2023年工作总体要求和重点工作"], 2023],
    [["一、2001年的工作", "二、2002年主要工作"], 2002],
    [["今年是“十五”计划的第一年。做好今年的工作意义重大。"], 2001],
    [["刚刚过去的2023年极不平凡。", "2024年全省经济社会发展的主要预期目标是：增长5%。"], 2024],
    // counterexamples: no vote
    [["一、2009年主要工作"], null], // a review in one house, a plan in another: alone it says nothing
    [["二、2035年远景目标和“十四五”时期主要目标任务"], null],
    [["力争到2025年全省生产总值突破7.5万亿元，较2016年增长41.3%。"], null],
    [["一、以振兴老工业基地为契机，全面完成了2004年的工作任务"], null], // 完成: not a plan heading
  ])("%j → %s", (lines, year) => {
    expect(vote(lines)).toBe(year);
  });
});

describe.skipIf(!existsSync(reports))("../shared/reports: region and year of every report", () => {
  it("matches the list checked by reading (test/data/reports-meta.tsv)", () => {
    const rows = readFileSync(path.join(repoRoot, "test/data/reports-meta.tsv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split("\t"));
    expect(rows.length).toBe(402);
    const wrong: string[] = [];
    for (const [file, region, year] of rows) {
      const d = parsePlan(readFileSync(path.join(reports, file as string)), { path: file as string });
      if (d.meta.region !== region || d.meta.year !== Number(year))
        wrong.push(`${file}: ours ${d.meta.region} ${d.meta.year}, checked ${region} ${year}`);
    }
    expect(wrong).toEqual([]);
  });
});
