/** The frame every report shares: doctype, head with the inline stylesheet, body, data, script. */
import { createHash } from "node:crypto";
import { SCRIPT, STYLE } from "./assets.js";
import { type Child, type Element, h, jsonData, renderPage } from "./dom.js";

export interface PageParts {
  title: string;
  /** Shown under the heading: one short fact each. */
  facts: string[];
  /** Extra header content (legend, toolbar). */
  header?: Child;
  body: Child;
  /** Read by the page script (figure fields by element id). */
  figures?: Record<string, [string, string][]>;
}

/** sha256 source expression of an inline element's text, for the Content-Security-Policy. */
function hashOf(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * Defence in depth behind escaping: the Content-Security-Policy forbids every fetch and allows
 * only the page's own stylesheet and script, by hash, so even markup that got through could
 * neither run nor load anything.
 */
const CSP = [
  "default-src 'none'",
  `style-src ${hashOf(STYLE.text)}`,
  `script-src ${hashOf(SCRIPT.text)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export function page(parts: PageParts): string {
  const root: Element = h(
    "html",
    { lang: "zh-CN" },
    h(
      "head",
      null,
      h("meta", { charset: "utf-8" }),
      h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
      h("meta", { "http-equiv": "Content-Security-Policy", content: CSP }),
      h("meta", { name: "generator", content: "plan-parse" }),
      h("title", null, parts.title),
      h("style", null, STYLE),
    ),
    h(
      "body",
      null,
      h(
        "header",
        { class: "top" },
        h("h1", null, parts.title),
        parts.facts.length > 0 ? h("p", { class: "meta" }, parts.facts.map((f) => h("span", null, f))) : null,
        parts.header,
      ),
      parts.body,
      jsonData("pp-figures", parts.figures ?? {}),
      h("script", null, SCRIPT),
    ),
  );
  return renderPage(root);
}
