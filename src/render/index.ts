/** Renderers: pure functions from results to strings, one file per format. */
export { painter } from "./color.js";
export { BOM, csvField, csvHeader, csvRecord, csvRow, excelText, renderCsv } from "./csv.js";
export { CHANGE_ARROWS, type FigureFields, figureWithStatus } from "./figure.js";
export { COMPARE_FORMATS, DIFF_FORMATS } from "./formats.js";
export { documentLabel, documentLabels, type LabelSource, labelsByPath, shortName } from "./labels.js";
export { jsonArray, renderJson } from "./json.js";
export { renderJsonLine } from "./jsonl.js";
export {
  MD_SEPARATOR,
  mdTable,
  mdTableHeader,
  mdTableRow,
  renderDeadlinesMarkdown,
  renderMarkdown,
  renderTargetsMarkdown,
} from "./md.js";
export { DEFAULT_RENDER_OPTIONS, type RenderOptions, renderOptions } from "./options.js";
export { renderOutline } from "./outline.js";
export * from "./rows.js";
export { renderDeadlinesTable, renderSummaryTable, renderTable, renderTargetsTable } from "./table.js";
export { displayWidth, padEnd, sanitizeCell, stripAnsi, truncate, truncateStart, wrap } from "./width.js";
