/**
 * Display width of text in a terminal: East Asian Wide and Fullwidth characters take two
 * columns, combining marks and zero-width characters none. The ranges are the same as those
 * cli-table3 measures with, so our truncation and its padding agree.
 */

// matching ANSI escape sequences on purpose
const ANSI = /\u001b\[[0-9;]{0,32}m/g;
// control characters are what we strip
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;
const WHITESPACE_BREAKS = /[\t\r\n]+/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

export function isWide(cp: number): boolean {
  return (
    cp >= 0x1100 &&
    (cp <= 0x115f ||
      cp === 0x2329 ||
      cp === 0x232a ||
      (cp >= 0x2e80 && cp <= 0x3247 && cp !== 0x303f) ||
      (cp >= 0x3250 && cp <= 0x4dbf) ||
      (cp >= 0x4e00 && cp <= 0xa4c6) ||
      (cp >= 0xa960 && cp <= 0xa97c) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe10 && cp <= 0xfe19) ||
      (cp >= 0xfe30 && cp <= 0xfe6b) ||
      (cp >= 0xff01 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1b000 && cp <= 0x1b001) ||
      (cp >= 0x1f200 && cp <= 0x1f251) ||
      (cp >= 0x20000 && cp <= 0x3fffd))
  );
}

function charWidth(cp: number): number {
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return 0;
  if (cp >= 0x300 && cp <= 0x36f) return 0;
  return isWide(cp) ? 2 : 1;
}

/** Columns `text` occupies in a terminal (ANSI colour codes take none). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of stripAnsi(text)) width += charWidth(ch.codePointAt(0) as number);
  return width;
}

/** One-line cell text: tabs and line breaks become a space, invisible characters go. */
export function sanitizeCell(text: string): string {
  return text.replace(WHITESPACE_BREAKS, " ").replace(CONTROL, "");
}

/** Cut `text` (no ANSI codes) to at most `max` columns, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return "";
  if (displayWidth(text) <= max) return text;
  let out = "";
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) as number);
    if (used + w > max - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** Cut `text` (no ANSI codes) to at most `max` columns keeping its end, starting with "…" when cut. */
export function truncateStart(text: string, max: number): string {
  if (max <= 0) return "";
  if (displayWidth(text) <= max) return text;
  const chars = [...text];
  let out = "";
  let used = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const ch = chars[i] as string;
    const w = charWidth(ch.codePointAt(0) as number);
    if (used + w > max - 1) break;
    out = ch + out;
    used += w;
  }
  return `…${out}`;
}

/**
 * Break `text` (no ANSI codes) into lines of at most `max` columns. A line breaks after its last
 * space when it has one past its first third ("每人每月 610 元 (实)" stays "… 610 元" / "(实)");
 * CJK text has no spaces, so it breaks anywhere.
 */
export function wrap(text: string, max: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  if (max <= 0) return [""];
  const lines: string[] = [];
  let line = "";
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) as number);
    if (used + w > max) {
      const space = line.lastIndexOf(" ");
      if (ch !== " " && space > 0 && displayWidth(line.slice(0, space)) * 3 >= max) {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1);
        used = displayWidth(line);
      } else {
        lines.push(line);
        line = "";
        used = 0;
        if (ch === " ") continue;
      }
    }
    line += ch;
    used += w;
  }
  lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = truncate(`${kept[maxLines - 1]}${lines[maxLines]}`, max);
    return kept;
  }
  return lines;
}

/** Pad with spaces on the right to `width` columns. */
export function padEnd(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? text + " ".repeat(missing) : text;
}

/** Pad with spaces on the left to `width` columns. */
export function padStart(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? " ".repeat(missing) + text : text;
}
