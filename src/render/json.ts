/** `--format json`: pretty JSON. A batch is streamed as an array, item by item. */

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Pieces of a streamed JSON array whose concatenation equals `renderJson(items)`:
 * open, then each item (with its index), then close(count). `itemBody` is the part that
 * depends on the value only (a worker thread can compute it); `itemFromBody` adds the
 * separator, so `item(v, i) === itemFromBody(itemBody(v), i)`.
 */
export const jsonArray = {
  open(): string {
    return "[";
  },
  itemBody(value: unknown): string {
    return JSON.stringify(value, null, 2).replace(/\n/g, "\n  ");
  },
  itemFromBody(body: string, index: number): string {
    return `${index === 0 ? "" : ","}\n  ${body}`;
  },
  item(value: unknown, index: number): string {
    return jsonArray.itemFromBody(jsonArray.itemBody(value), index);
  },
  close(count: number): string {
    return count === 0 ? "]\n" : "\n]\n";
  },
};

function isPlainContainer(value: unknown): value is object {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function"
  );
}

/**
 * `JSON.stringify(value, null, pretty ? 2 : undefined)` in pieces, for documents too large to
 * hold as one string (a 30 MB plan serialises to about 60 MB): the concatenation of the
 * pieces is exactly that string, re-indented as if `value` sat `depth` levels deep (the
 * way `jsonArray.itemBody` indents, depth 1). Containers are split down `levels` levels
 * (default: a document's top-level arrays item by item, or an array of documents); below
 * that each value is one `JSON.stringify`.
 */
export function* jsonPieces(
  value: unknown,
  pretty: boolean,
  depth = 0,
  levels = Array.isArray(value) ? 3 : 2,
): Generator<string, void, undefined> {
  const pad = (d: number) => (pretty ? `\n${"  ".repeat(d)}` : "");
  if (levels <= 0 || !isPlainContainer(value)) {
    const text = JSON.stringify(value, null, pretty ? 2 : undefined) as string | undefined;
    // As an array item JSON.stringify writes null for what it cannot represent.
    const body = text ?? "null";
    yield pretty && depth > 0 ? body.replace(/\n/g, pad(depth)) : body;
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? "[" : ","}${pad(depth + 1)}`;
      yield* jsonPieces(value[i], pretty, depth + 1, levels - 1);
    }
    yield `${pad(depth)}]`;
    return;
  }
  let count = 0;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    // Properties JSON.stringify leaves out.
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    yield `${count === 0 ? "{" : ","}${pad(depth + 1)}${JSON.stringify(key)}:${pretty ? " " : ""}`;
    yield* jsonPieces(item, pretty, depth + 1, levels - 1);
    count++;
  }
  yield count === 0 ? "{}" : `${pad(depth)}}`;
}
