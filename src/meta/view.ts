/**
 * What the meta extractors look at: the body lines (from the clean stage) and
 * the raw head/tail of the decoded text (where web furniture, front matter and
 * signatures live, whether or not the clean stage has removed them), all
 * normalised with `normalizeLine`.
 */
import type { CleanDoc, CleanLine } from "../clean/index.js";
import { normalizeLine, normalizeLines } from "./normalize.js";

export interface MetaLine {
  text: string;
  /** 1-based line in the decoded text. */
  line: number;
}

export interface FrontMatter {
  title: string | null;
  date: string | null;
  /** Last line (1-based) of the front matter block, 0 when there is none. */
  endLine: number;
}

export interface DocView {
  /** Normalised body lines, front matter lines dropped. */
  body: MetaLine[];
  /** Normalised non-blank lines of the decoded text, the first HEAD_LINES of them. */
  head: MetaLine[];
  /** Normalised non-blank lines of the decoded text, the last TAIL_LINES of them. */
  tail: MetaLine[];
  /** The body lines joined with "\n". */
  bodyText: string;
  frontMatter: FrontMatter;
}

const HEAD_LINES = 40;
const TAIL_LINES = 8;
const FM_OPEN = /^-{3}\s*$/;
const FM_CLOSE = /^-{3,}\s*$/;
const FM_FIELD = /^(title|date)\s*:\s*(.{1,200})$/;
const FM_MAX_LINES = 60;

function rawLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** YAML front matter at the very top: `---` … `---` (lawtext closes some with `----`). */
export function parseFrontMatter(lines: readonly string[]): FrontMatter {
  const none: FrontMatter = { title: null, date: null, endLine: 0 };
  let i = 0;
  while (i < lines.length && i < 3 && (lines[i] as string).replace(/[\s\u200b\ufeff]/g, "") === "") i++;
  if (i >= lines.length || !FM_OPEN.test((lines[i] as string).replace(/^\ufeff/, ""))) return none;
  const fm: FrontMatter = { title: null, date: null, endLine: 0 };
  for (let k = i + 1; k < lines.length && k <= i + FM_MAX_LINES; k++) {
    const line = lines[k] as string;
    if (FM_CLOSE.test(line)) {
      fm.endLine = k + 1;
      return fm;
    }
    const m = FM_FIELD.exec(line.trim());
    if (!m) continue;
    const value = (m[2] as string).trim().replace(/^["']|["']$/g, "");
    if (m[1] === "title") fm.title = value;
    else fm.date = value;
  }
  return none;
}

/**
 * The raw lines of `text` as `rawLines` would give them, read one at a time from the line
 * starts (the view needs only the first and last few: no split of the whole text).
 */
function lineReader(text: string, starts: readonly number[]): { count: number; at: (i: number) => string } {
  if (starts.length === 0 || starts[0] !== 0) {
    const lines = rawLines(text);
    return { count: lines.length, at: (i) => lines[i] as string };
  }
  const count = starts.length;
  return {
    count,
    at(i) {
      const s = starts[i] as number;
      if (i + 1 >= count) return text.slice(s);
      let e = (starts[i + 1] as number) - 1; // the line break (\n, \r or the \n of \r\n)
      if (e > s && text.charCodeAt(e) === 10 && text.charCodeAt(e - 1) === 13) e--;
      return text.slice(s, e);
    },
  };
}

export function buildView(clean: CleanDoc): DocView {
  const lines = lineReader(clean.text, clean.lineStarts);
  const first: string[] = [];
  for (let i = 0; i < lines.count && i < FM_MAX_LINES + 4; i++) first.push(lines.at(i));
  const frontMatter = parseFrontMatter(first);
  const head: MetaLine[] = [];
  for (let i = 0; i < lines.count && head.length < HEAD_LINES; i++) {
    const text = normalizeLine(lines.at(i));
    if (text !== "") head.push({ text, line: i + 1 });
  }
  const tail: MetaLine[] = [];
  for (let i = lines.count - 1; i >= 0 && tail.length < TAIL_LINES; i--) {
    const text = normalizeLine(lines.at(i));
    if (text !== "") tail.unshift({ text, line: i + 1 });
  }
  const { body, bodyText } = bodyLines(clean.lines, frontMatter.endLine);
  return { body, head, tail, bodyText, frontMatter };
}

/** The normalised non-blank body lines after the front matter, and their text joined with "\n". */
function bodyLines(
  lines: readonly CleanLine[],
  frontMatterEnd: number,
): { body: MetaLine[]; bodyText: string } {
  const raws: string[] = [];
  const numbers: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as CleanLine;
    if (l.line <= frontMatterEnd) continue;
    raws.push(l.text);
    numbers.push(l.line);
  }
  const texts = normalizeLines(raws);
  const body: MetaLine[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    if (text !== "") body.push({ text, line: numbers[i] as number });
  }
  return { body, bodyText: texts.length === body.length ? texts.join("\n") : joinTexts(body) };
}

function joinTexts(lines: readonly MetaLine[]): string {
  const texts: string[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) texts[i] = (lines[i] as MetaLine).text;
  return texts.join("\n");
}
