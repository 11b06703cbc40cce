/** Options shared by every renderer. Renderers are pure: results in, string out. */
export interface RenderOptions {
  /** Emit ANSI colour codes (the CLI decides: TTY, NO_COLOR, --color/--no-color). */
  color: boolean;
  /** Display columns available (terminal width); tables and outlines fit inside it. */
  width: number;
  /** Show pattern names of targets and deadlines (the `--debug` explain view). */
  debug: boolean;
  /** CSV only: start the output with a UTF-8 byte-order mark. */
  bom: boolean;
}

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { color: false, width: 120, debug: false, bom: false };

export function renderOptions(partial: Partial<RenderOptions> = {}): RenderOptions {
  return { ...DEFAULT_RENDER_OPTIONS, ...partial };
}
