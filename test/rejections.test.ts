/**
 * The rejection rules of the target finder (src/extract/targets/rejections.ts): every example is
 * rejected by its rule, no counterexample is, and `explainLine` names the rule.
 */
import { describe, expect, it } from "vitest";
import { explainLine } from "../src/extract/explain.js";
import { REJECTIONS, type Rejection } from "../src/extract/targets/rejections.js";

const rules = Object.keys(REJECTIONS) as Rejection[];

function rulesAt(sentence: string, figure: string): string[] {
  const at = sentence.indexOf(figure);
  expect(at, `${figure} in ${sentence}`).toBeGreaterThanOrEqual(0);
  return explainLine(sentence, 2025)
    .filter((n) => n.start <= at && at < n.end)
    .map((n) => n.rejected?.rule ?? "taken");
}

describe("rejection rules", () => {
  for (const name of rules) {
    const rule = REJECTIONS[name];
    for (const [sentence, figure] of rule.examples)
      it(`${name}: ${figure} in ${sentence}`, () => expect(rulesAt(sentence, figure)).toContain(name));
    for (const [sentence, figure] of rule.counterexamples)
      it(`not ${name}: ${figure} in ${sentence}`, () => expect(rulesAt(sentence, figure)).not.toContain(name));
  }

  it("explain names class-threshold for 不足40张 and takes nothing of the class", () => {
    const s = "对现有床位数不足40张且收住人数少于10人的乡镇敬老院进行撤并";
    const ns = explainLine(s, 2025);
    expect(ns.map((n) => n.rejected?.rule)).toEqual(["class-threshold", "class-threshold"]);
  });

  it("every rule says something", () => {
    for (const name of rules) expect(REJECTIONS[name].says.length).toBeGreaterThan(5);
  });
});
