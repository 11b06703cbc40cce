/**
 * A tiny HTML builder that escapes by construction. Pages are trees of typed elements whose
 * children are text (always escaped) or other elements; there is no way to pass markup in a
 * string. The only unescaped content is the page's own stylesheet and script (`Asset`, made
 * from constants of this package, never from input) and JSON data, which `jsonData` encodes so
 * that it cannot end its <script> element.
 *
 * Attribute names are checked: no event handlers (on*), no `style`, and URL attributes only take
 * in-page fragments ("#..."), so input can neither run script nor load anything.
 */

/** The elements pages are built of (HTML, plus the SVG subset the charts draw with). */
export type Tag =
  | "html" | "head" | "body" | "meta" | "title" | "style" | "script"
  | "header" | "main" | "nav" | "aside" | "footer" | "section" | "article" | "details" | "summary"
  | "div" | "span" | "p" | "h1" | "h2" | "h3" | "h4" | "ul" | "ol" | "li" | "a" | "mark" | "small"
  | "strong" | "em" | "code" | "del" | "ins" | "dl" | "dt" | "dd" | "table" | "caption" | "thead"
  | "tbody" | "colgroup" | "col" | "tr" | "th" | "td" | "label" | "select" | "option" | "input" | "button" | "figure"
  | "figcaption" | "br" | "svg" | "g" | "rect" | "line" | "polyline" | "circle" | "text";

const VOID = new Set<Tag>(["meta", "input", "br", "col"]);
/** SVG shapes are written self-closing when empty (valid in foreign content). */
const SVG_EMPTY = new Set<Tag>(["rect", "line", "polyline", "circle"]);

export type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Readonly<Record<string, AttrValue>>;

export interface Element {
  readonly kind: "element";
  readonly tag: Tag;
  readonly attrs: Attrs;
  readonly children: readonly Child[];
}

/** Trusted page code (stylesheet, script): constants of this package, never input. */
export interface Asset {
  readonly kind: "asset";
  readonly text: string;
}

export type Child = Element | Asset | string | number | null | undefined | false | readonly Child[];

const ATTR_NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;
const URL_ATTRS = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "srcset"]);

function checkAttr(name: string, value: string): void {
  if (!ATTR_NAME.test(name) || /^on/i.test(name) || name.toLowerCase() === "style") {
    throw new Error(`html: attribute ${JSON.stringify(name)} is not allowed`);
  }
  if (URL_ATTRS.has(name.toLowerCase()) && !value.startsWith("#")) {
    throw new Error(`html: ${name} must be an in-page fragment ("#..."), got ${JSON.stringify(value)}`);
  }
}

/** Header cells of a column / of a row. */
export const COL: Attrs = { scope: "col" };
export const ROW: Attrs = { scope: "row" };

/** An id from any text: letters, digits and "-" as they are, everything else as "_<hex>". */
export function safeId(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/g, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}`);
}

export function h(tag: Tag, attrs: Attrs | null = null, ...children: Child[]): Element {
  return { kind: "element", tag, attrs: attrs ?? {}, children };
}

/** Page code: only for the constants in assets.ts. Refuses text that could end its element. */
export function asset(text: string): Asset {
  if (/<\/(?:script|style)|<!--/i.test(text)) throw new Error("html: an asset may not contain </script, </style or <!--");
  return { kind: "asset", text };
}

/**
 * Characters that are parse errors in HTML text (C0/C1 controls but tab, LF, CR; noncharacters;
 * lone surrogates) become U+FFFD, so the page stays valid whatever the input holds.
 */
const INVALID_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const TEXT_SPECIAL = /[&<>]/g;
const ATTR_SPECIAL = /[&<>"]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeText(text: string): string {
  return text.replace(INVALID_CHARS, "\ufffd").replace(TEXT_SPECIAL, (c) => ENTITIES[c] as string);
}

export function escapeAttr(text: string): string {
  return text.replace(INVALID_CHARS, "\ufffd").replace(ATTR_SPECIAL, (c) => ENTITIES[c] as string);
}

/** JSON for <script type="application/json">: "<", ">", "&" and U+2028/9 as \u escapes. */
export function jsonScriptText(value: unknown): string {
  return (JSON.stringify(value) ?? "null")
    .replace(INVALID_CHARS, "\ufffd")
    .replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A data block the page script reads with JSON.parse(el.textContent). */
export function jsonData(id: string, value: unknown): Element {
  return h("script", { type: "application/json", id }, { kind: "asset", text: jsonScriptText(value) });
}

function write(child: Child, out: string[], raw: boolean): void {
  if (child === null || child === undefined || child === false) return;
  if (typeof child === "string") {
    if (raw) throw new Error("html: <script> and <style> take assets only");
    out.push(escapeText(child));
  } else if (typeof child === "number") out.push(String(child));
  else if (Array.isArray(child)) for (const c of child) write(c, out, raw);
  else if ((child as Asset).kind === "asset") out.push((child as Asset).text);
  else writeElement(child as Element, out);
}

function writeElement(el: Element, out: string[]): void {
  out.push("<", el.tag);
  for (const [name, value] of Object.entries(el.attrs)) {
    if (value === null || value === undefined || value === false) continue;
    const text = value === true ? "" : String(value);
    checkAttr(name, text);
    out.push(value === true ? ` ${name}` : ` ${name}="${escapeAttr(text)}"`);
  }
  if (VOID.has(el.tag)) {
    out.push(">");
    return;
  }
  if (SVG_EMPTY.has(el.tag) && el.children.length === 0) {
    out.push("/>");
    return;
  }
  out.push(">");
  const raw = el.tag === "script" || el.tag === "style";
  for (const c of el.children) write(c, out, raw);
  out.push("</", el.tag, ">");
}

/** The whole page: doctype + the <html> element. */
export function renderPage(root: Element): string {
  const out: string[] = ["<!DOCTYPE html>\n"];
  writeElement(root, out);
  out.push("\n");
  return out.join("");
}

/** Serialises a fragment (for tests). */
export function renderFragment(child: Child): string {
  const out: string[] = [];
  write(child, out, false);
  return out.join("");
}
