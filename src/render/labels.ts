/**
 * How a document is named in tables, column headers and diff titles: by region and year
 * (湖北省 2024), which tells reports apart where long paths differ by one character; the file
 * name only when the text names no region; and the file name added when two documents would
 * otherwise share a label. Shared by targets/deadlines tables, compare and diff.
 */

export interface LabelSource {
  path: string | null;
  region: string | null;
  year: number | null;
  /** tells apart two documents of one region and year (民政局 / 人民政府) */
  issuer?: string | null;
}

/** Generic file names that say nothing about the document; their folder names it instead. */
const GENERIC_NAME = /^(?:input|index|content|text|document|doc|plan|main|full_text)(?:\.[a-z0-9]+)?$/i;

/** The file name, or "folder/name" when the name alone is generic (fixtures/x/input.txt). */
export function shortName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== "");
  const name = parts.pop() ?? path;
  const parent = parts.pop();
  return GENERIC_NAME.test(name) && parent ? `${parent}/${name}` : name || path;
}

/** Label of one document: region + year, else the file name (with the year when known). */
export function documentLabel(doc: LabelSource): string {
  if (doc.region) return doc.year === null ? doc.region : `${doc.region} ${doc.year}`;
  const name = doc.path === null || doc.path === "-" ? "<stdin>" : shortName(doc.path);
  return doc.year === null ? name : `${name} (${doc.year})`;
}

/**
 * Labels of several documents, made unique: documents sharing a label get their issuer when
 * that tells them apart (定海区 2024 定海区民政局), else their file name in brackets, and when even that is shared (湖北省/2024.md, 湖南省/2024.md read as region-less
 * 2024.md) the whole path.
 */
export function documentLabels(docs: readonly LabelSource[]): string[] {
  const base = docs.map(documentLabel);
  const tally = (labels: string[]) => {
    const n = new Map<string, number>();
    for (const l of labels) n.set(l, (n.get(l) ?? 0) + 1);
    return n;
  };
  const baseCount = tally(base);
  const named = base.map((l, i) => {
    if (baseCount.get(l) === 1) return l;
    const issuer = docs[i]?.issuer;
    if (issuer) {
      const twins = docs.filter((_, k) => base[k] === l).map((d) => d.issuer ?? "");
      if (twins.indexOf(issuer) === twins.lastIndexOf(issuer)) return `${l} ${issuer}`;
    }
    const path = docs[i]?.path;
    return path ? `${l} [${shortName(path)}]` : `${l} [${i + 1}]`;
  });
  const namedCount = tally(named);
  return named.map((l, i) => {
    if (namedCount.get(l) === 1) return l;
    const path = docs[i]?.path;
    return path && !l.endsWith(`[${path}]`) ? `${base[i]} [${path}]` : `${l} #${i + 1}`;
  });
}

/**
 * Labels for rows of many documents (a targets table): keyed by path, each path labelled once,
 * unique among the distinct paths.
 */
export function labelsByPath(rows: readonly LabelSource[]): Map<string, string> {
  const seen = new Map<string, LabelSource>();
  for (const r of rows) {
    const key = r.path ?? "-";
    if (!seen.has(key)) seen.set(key, r);
  }
  const docs = [...seen.values()];
  const labels = documentLabels(docs);
  return new Map([...seen.keys()].map((k, i) => [k, labels[i] as string]));
}
