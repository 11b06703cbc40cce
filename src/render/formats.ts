/**
 * The formats `compare` and `diff` write: one list each, read by the command line (choices,
 * --help) and by the renderers. Adding a format here makes it a valid `--format`; it must
 * then be rendered in src/render/compare.ts. No imports: the CLI loads this at start-up.
 */
export const COMPARE_FORMATS = ["json", "table", "md", "csv", "html"] as const;
export const DIFF_FORMATS = ["json", "table", "md", "csv", "html"] as const;
