/** `--format json`: pretty JSON. A batch is streamed as an array, item by item. */

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Pieces of a streamed JSON array whose concatenation equals `renderJson(items)`:
 * open, then each item (with its index), then close(count).
 */
export const jsonArray = {
  open(): string {
    return "[";
  },
  item(value: unknown, index: number): string {
    const body = JSON.stringify(value, null, 2).replace(/\n/g, "\n  ");
    return `${index === 0 ? "" : ","}\n  ${body}`;
  },
  close(count: number): string {
    return count === 0 ? "]\n" : "\n]\n";
  },
};
