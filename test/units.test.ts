/**
 * The unit table (src/extract/lexicon/units.ts) and the open-unit rules
 * (src/extract/targets/open-unit.ts): every unit the reader can produce has a class, and units
 * outside the table come out as written.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UNIT_TABLE, UNITS, unitClassOf, ZH_NUMERAL_UNITS } from "../src/extract/lexicon/units.js";
import { findTargetsInLine } from "../src/extract/targets/finder.js";
import { isOpenUnitShape } from "../src/extract/targets/open-unit.js";

const repoRoot = path.resolve(__dirname, "..");

function* texts(dir: string): Generator<string> {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) yield* texts(p);
    else if (/\.txt$/.test(e)) yield readFileSync(p, "utf8");
  }
}

describe("unit table", () => {
  it("has one record per unit, each with a class", () => {
    expect(new Set(UNITS).size).toBe(UNITS.length);
    for (const r of UNIT_TABLE) expect(unitClassOf(r.unit), r.unit).toBe(r.class);
    for (const u of ZH_NUMERAL_UNITS) expect(UNITS).toContain(u);
  });

  it("every unit the reader produces on the fixtures has a class or is an open unit", () => {
    const units = new Set<string>();
    for (const text of texts(path.join(repoRoot, "fixtures")))
      for (const line of text.split("\n")) for (const t of findTargetsInLine(line)) units.add(t.unit);
    expect(units.size).toBeGreaterThan(20);
    const orphans = [...units].filter((u) => unitClassOf(u) === undefined && !isOpenUnitShape(u));
    expect(orphans).toEqual([]);
  });

  it("derives magnitudes and tails: 万人 → person, 元/人/月 → money, 万 → number", () => {
    expect(unitClassOf("万人")).toBe("person");
    expect(unitClassOf("元/人/月")).toBe("money");
    expect(unitClassOf("万")).toBe("number");
    expect(unitClassOf("亿美元")).toBe("money");
    expect(unitClassOf("‰")).toBe("permille");
  });
});

describe("open units come out as written", () => {
  const cases: [string, number, string][] = [
    ["火化遗体596.6万具，", 596.6, "万具"],
    ["城乡低保平均标准1697.4元/人·月", 1697.4, "元/人·月"],
    ["死亡率下降0.4个千分点", 0.4, "个千分点"],
    ["志愿服务时间6507.4万小时。", 6507.4, "万小时"],
    ["全年办理580单。", 580, "单"],
    ["PM2.5浓度低于42.5微克/立方米", 42.5, "微克/立方米"],
    ["新增光伏装机300兆瓦以上", 300, "兆瓦"],
    ["新型储能规模达到150GWh，", 150, "GWh"],
  ];
  for (const [text, value, unit] of cases)
    it(`${text} → ${value} ${unit}`, () => {
      const t = findTargetsInLine(text).find((x) => x.value === value);
      expect(t?.unit).toBe(unit);
      expect(t?.openUnit === true || unit === "个千分点" || unit === "元/人·月").toBe(true);
    });

  const counter: [string, string][] = [
    ["实施营商环境改革创新6.0版", "a version, not a quantity"],
    ["500千伏输变电工程", "a voltage class after 千 (a factor otherwise)"],
    ["新建1.8万个5G基站", "5G is a name"],
    ["创建5A级景区", "a rating"],
    ["2 二、工作目标", "a numeral after a number"],
  ];
  for (const [text, why] of counter)
    it(`no open unit: ${text} (${why})`, () => {
      for (const t of findTargetsInLine(text)) expect(t.openUnit === true, `${t.value}${t.unit}`).toBe(false);
    });
});
