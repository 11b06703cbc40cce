/** `--format jsonl`: one compact JSON value per line. */
export function renderJsonLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
