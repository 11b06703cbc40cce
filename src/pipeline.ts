/**
 * The per-document pipeline: decode → clean → meta → segment → extract → classify.
 * Each stage imports only earlier ones; this file only wires them and collects warnings.
 */
import { createHash } from "node:crypto";
import { classifiedWith, classifySections, classifyTargets } from "./classify/index.js";
import { cleanText } from "./clean/index.js";
import { decodeInput } from "./decode/index.js";
import { extract } from "./extract/index.js";
import { extractMeta } from "./meta/index.js";
import { segment } from "./segment/index.js";
import { type ParseOptions, type PlanDocument, SCHEMA_VERSION, type Warning } from "./types.js";

export function parsePlan(input: string | Buffer, options: ParseOptions = {}): PlanDocument {
  const buffer = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const warnings: Warning[] = [];

  const decoded =
    typeof input === "string"
      ? { text: input, encoding: "utf8", warnings: [] }
      : decodeInput(buffer, options.encoding ?? "auto");
  warnings.push(...decoded.warnings);

  const clean = cleanText(decoded.text);
  warnings.push(...clean.warnings);

  const { meta, warnings: metaWarnings } = extractMeta(clean, {
    path: options.path ?? null,
    ...(options.meta ? { given: options.meta } : {}),
  });
  warnings.push(...metaWarnings);

  const { sections, warnings: segmentWarnings, backMatter } = segment(clean, meta);
  warnings.push(...segmentWarnings);

  const year = options.year ?? meta.year;
  const extracted = extract({ clean, meta, sections, year, backMatter });
  warnings.push(...extracted.warnings);

  classifySections(sections, decoded.text, options.topics);
  classifyTargets(extracted.targets, decoded.text, options.indicators);

  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: options.path ?? null,
      encoding: decoded.encoding,
      bytes: buffer.length,
      sha256: createHash("sha256").update(buffer).digest("hex"),
    },
    meta,
    sections,
    targets: extracted.targets,
    deadlines: extracted.deadlines,
    warnings,
    classifiedWith: classifiedWith(options.topics, options.indicators),
  };
}
