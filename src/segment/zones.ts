/**
 * Document zoning, in one place: where the outline ends (attachments 附件, signature dates,
 * 抄送), where the back matter (a glossary: 名词解释, 部分用语说明) lies, and which attachment
 * headings open an attachment of targets (used by the status rules, extract/status.ts). Data with
 * examples and counterexamples (test/segment.test.ts).
 */
import type { CleanLine } from "../clean/index.js";

/**
 * A line that ends the outline: an attachment heading (附件 / 附件1 / 附件：), a signature date
 * standing alone, 抄送 / 主题词 lines. Text after it belongs to no section until the next marker,
 * and numbering starts afresh (attachments number their own lists).
 */
export const OUTLINE_CLOSER =
  /^[ \u3000*#]{0,8}(?:附件[ \u3000]{0,2}[0-9０-９一二三四五六七八九十]{0,3}[ \u3000]{0,2}[:：]?[ \u3000*]{0,4}$|附件[:：]|附表[ \u3000]{0,2}[0-9０-９]{0,3}[ \u3000]{0,2}$|抄送[:：]|主题词[:：]|[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日[ \u3000]{0,4}$)/;

export const OUTLINE_CLOSER_EXAMPLES = ["附件1", "附件：", "**附件2**", "2024年1月5日", "抄送：市委办公室"];
export const OUTLINE_CLOSER_COUNTEREXAMPLES = [
  "附件1所列项目要在年底前完成。",
  "2024年1月5日起施行新办法。",
  "一、附件",
];

/**
 * A heading that opens the document's back matter: a glossary of terms (名词解释, 部分用语说明,
 * 注释) printed after the body of government work reports. Its numbered entries define words;
 * they are neither sections of the plan nor targets, so the outline ends there.
 */
export const BACK_MATTER_HEADING =
  /^[ \u3000*#]{0,8}(?:名词解释(?:和说明)?|部分用语说明|用语说明|名词注释|注释|注解)[:：]?[ \u3000*]{0,4}$/;

export const BACK_MATTER_EXAMPLES = ["部分用语说明", "**名词解释**", "名词解释和说明", "注释", "**注释：**"];
export const BACK_MATTER_COUNTEREXAMPLES = ["注释见文末。", "一、名词解释", "名词解释如下:1.八大品质"];

/** Half-open offsets of a glossary: from its heading to the next attachment (附件) or the end. */
export interface BackMatter {
  start: number;
  end: number;
}

/**
 * The back matter of `lines` (the segment stage's lines): the first glossary heading up to the
 * next outline closer (an attachment after it is content again) or the end of the text. `first`
 * is the heading's line index, `end` the index of the line that closes it (lines.length if none);
 * null when there is no glossary.
 */
export function findBackMatter(
  lines: readonly CleanLine[],
  textLength: number,
): { zone: BackMatter; first: number; end: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const cl = lines[i] as CleanLine;
    if (!BACK_MATTER_HEADING.test(cl.text)) continue;
    const zone: BackMatter = { start: cl.offsets[0] as number, end: textLength };
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] as CleanLine;
      if (OUTLINE_CLOSER.test(next.text)) {
        zone.end = next.offsets[0] as number;
        return { zone, first: i, end: j };
      }
    }
    return { zone, first: i, end: lines.length };
  }
  return null;
}

/** "附件" / "附件1" / "附件：" alone on a (heading-stripped) line: an attachment of the status rules. */
export const ATTACHMENT_LINE = /^附件[ 0-9一二三四五六七八九十]{0,3}[：:]?$/;
/** A glossary after the body is not an attachment of targets. */
export const GLOSSARY_WORDS = /名词解释|用语说明|名词注释|词语解释/;

/**
 * Is the line `i` of `lines` (its text `bare`, stripped of heading marks) an attachment heading,
 * and does it open an attachment of targets (`glossary` false) or a glossary (`glossary` true:
 * one of the next two lines names it)? null when it is no attachment heading.
 */
export function attachmentHeading(
  bare: string,
  lines: readonly { text: string }[],
  i: number,
): { glossary: boolean } | null {
  if (!ATTACHMENT_LINE.test(bare)) return null;
  const next = lines[i + 1]?.text ?? "";
  return { glossary: GLOSSARY_WORDS.test(next) || GLOSSARY_WORDS.test(lines[i + 2]?.text ?? "") };
}
