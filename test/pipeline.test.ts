/** The whole per-document pipeline through the library API (no CLI, no files). */
import { describe, expect, it } from "vitest";
import { InputError, parsePlan } from "../src/index.js";

describe("parsePlan", () => {
  it("takes a string or a Buffer and gives the same document", () => {
    const text = "定海区民政局2024年工作计划\n一、主要任务\n1.完善救助。低保年标准达到1.36万元以上。\n";
    const fromString = parsePlan(text, { path: "a.txt" });
    const fromBuffer = parsePlan(Buffer.from(text), { path: "a.txt" });
    expect(fromString).toEqual(fromBuffer);
    expect(fromString.targets.map((t) => [t.value, t.unit, t.comparator])).toEqual([[1.36, "万元", ">="]]);
  });

  it("extracts nothing from a glossary after the body, but does from an attachment after it", () => {
    const text = [
      "某市2024年政府工作报告",
      "一、2024年工作安排",
      "(一)抓项目。新建养老床位500张。",
      "部分用语说明",
      "1.“1+1188”发展格局:指1个中心城区、11个重点园区、88个特色小镇。",
      "附件1",
      "一、稳定扩大就业",
      "年度目标:城镇新增就业4万人以上。",
      "",
    ].join("\n");
    const doc = parsePlan(text);
    expect(doc.targets.map((t) => `${t.value}${t.unit}`)).toEqual(["500张", "4万人"]);
    expect(doc.sections.map((s) => s.title)).toEqual(["2024年工作安排", "稳定扩大就业"]);
  });

  it("--year overrides the reference year used for deadlines", () => {
    const text = "一、工作安排\n(一)9月底前完成全部登记。\n";
    expect(parsePlan(text, { year: 2030 }).deadlines.map((d) => d.date)).toEqual(["2030-09-30"]);
  });

  it("keeps a deadline without a known year, with date null and a warning", () => {
    const doc = parsePlan("一、工作安排\n(一)9月底前完成全部登记。\n");
    expect(doc.meta.year).toBeNull();
    expect(doc.deadlines.map((d) => [d.text, d.date])).toEqual([["9月底前", null]]);
    expect(doc.warnings.map((w) => w.code)).toContain("year-unknown");
  });

  it("an empty or whitespace-only input is a valid empty document with a warning", () => {
    for (const input of [Buffer.alloc(0), Buffer.from(" \n\u3000\n")]) {
      const doc = parsePlan(input);
      expect(doc.sections).toEqual([]);
      expect(doc.warnings.map((w) => w.code)).toContain("empty-document");
    }
  });

  it("refuses binary input with an InputError naming the reason", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => parsePlan(png)).toThrow(InputError);
    expect(() => parsePlan(png)).toThrow(/not text/);
  });
});
