/** Self-contained HTML reports (inline CSS and script, no network): parse/targets, compare, diff. */
export { renderCompareHtml } from "./compare.js";
export { renderDiffHtml } from "./diff.js";
export { DOUBTFUL_BELOW, type HtmlDocument, renderDocumentsHtml } from "./document.js";
