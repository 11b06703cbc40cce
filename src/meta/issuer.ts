/**
 * The issuing body: an organisation word (民政局, 民政厅, 人民政府办公室, 国务院 ...)
 * with the place written before it, found in the title, a metadata field
 * (发文机关 / 发布机构 / 信息来源), an organisation-only line near the top, a
 * signature or attribution at the end, or a work report's "我代表…人民政府".
 */
import { type PlaceChain, placeChainBefore } from "./places.js";
import type { MetaLine } from "./view.js";

export interface IssuerCandidate {
  /** As it will be reported, e.g. "定海区民政局", "市民政局", "国务院办公厅". */
  name: string;
  org: string;
  chain: PlaceChain;
  national: boolean;
  source: "title" | "field" | "line" | "signature" | "speech";
}

const ORG =
  /(?:国务院办公厅|国务院|国家统计局|民政部|人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|民政局|民政厅|统计局|政府)/g;
const NATIONAL = new Set(["国务院办公厅", "国务院", "国家统计局", "民政部"]);
const FIELD = /(?:发文机关|发布机构|发布单位|信息来源|来源|内容来自)[:|]{0,3}/g;
/** What may follow an organisation name in a metadata field: the next label or the end. */
const AFTER_FIELD_ORG =
  /^(?:$|[^\u3400-\u9fff]|成文|发布|浏览|公开|组配|生成|时间|日期|主题|其用途|[,，。;；])/;
const ORG_LINE_TAIL = /^(?:(?:19|20)\d{2}[-年.]\d{1,2}[-月.]\d{1,2}日?)?$/;
const SPEECH = /我代表((?:[\u4e00-\u9fa5]{0,12}?)人民政府|国务院)/;
const TITLE_START_SLACK = /^(?:(?:19|20)\d{2}年度?)?$/;

function candidateAt(text: string, index: number, org: string, source: IssuerCandidate["source"]) {
  const chain = placeChainBefore(text, index);
  const national = NATIONAL.has(org);
  if (org === "政府" || org.startsWith("政府办公")) {
    if (chain.places.length === 0 && !chain.levelOnly) return null;
  }
  const named = national || chain.places.length > 0 || chain.levelOnly !== null || chain.masked;
  const start = index - chain.text.length;
  const bareAtStart = start === 0;
  if (!named && !bareAtStart) return null;
  // 政府 / 政府办公室 written without 人民: report the full form (市政府 = 市人民政府).
  const fullOrg = org.startsWith("政府") ? `人民${org}` : org;
  const c: IssuerCandidate = { name: chain.text + fullOrg, org: fullOrg, chain, national, source };
  return { c, start, end: index + org.length };
}

function orgsIn(text: string, source: IssuerCandidate["source"]) {
  const out: { c: IssuerCandidate; start: number; end: number }[] = [];
  ORG.lastIndex = 0;
  for (let m = ORG.exec(text); m; m = ORG.exec(text)) {
    const found = candidateAt(text, m.index, m[0], source);
    if (found) out.push(found);
  }
  return out;
}

/** An organisation written at the start of the title (after an optional year). */
export function issuerFromTitle(title: string): IssuerCandidate | null {
  for (const f of orgsIn(title, "title")) {
    if (TITLE_START_SLACK.test(title.slice(0, f.start))) return f.c;
  }
  return null;
}

/** 发文机关:国务院办公厅 / 发布机构:厦门市民政局 / 信息来源:县民政局 / 内容来自泰安市民政局. */
export function issuerFromFields(lines: readonly MetaLine[]): IssuerCandidate | null {
  for (const l of lines) {
    FIELD.lastIndex = 0;
    for (let m = FIELD.exec(l.text); m; m = FIELD.exec(l.text)) {
      const valueStart = m.index + m[0].length;
      const value = l.text.slice(valueStart, valueStart + 40);
      for (const f of orgsIn(value, "field")) {
        if (f.start !== 0) continue;
        if (!AFTER_FIELD_ORG.test(value.slice(f.end))) continue;
        return f.c;
      }
    }
  }
  return null;
}

/** A line that is only an organisation (maybe with a date): "石家庄市民政局", "阳泉市人民政府办公室". */
export function issuerFromLines(
  lines: readonly MetaLine[],
  source: "line" | "signature",
): IssuerCandidate | null {
  for (const l of lines) {
    if (l.text.length > 40) continue;
    for (const f of orgsIn(l.text, source)) {
      if (f.start === 0 && ORG_LINE_TAIL.test(l.text.slice(f.end))) return f.c;
    }
  }
  return null;
}

/** "我代表深圳市人民政府" / "我代表国务院" in a work report. */
export function issuerFromSpeech(lines: readonly MetaLine[]): IssuerCandidate | null {
  for (const l of lines) {
    const m = SPEECH.exec(l.text);
    if (!m) continue;
    const phrase = m[1] as string;
    const at = m.index + 3;
    const org = phrase === "国务院" ? "国务院" : "人民政府";
    const found = candidateAt(l.text, at + phrase.length - org.length, org, "speech");
    if (found) return found.c;
  }
  return null;
}
