import type { EncodingOption, Warning } from "../types.js";

export interface DecodeResult {
  text: string;
  /** The encoding used, as reported in `source.encoding` ("utf8", "utf8-bom", "gb18030", ...). */
  encoding: string;
  warnings: Warning[];
}

/** STUB (to be replaced by the decode stage): UTF-8 only. */
export function decodeInput(input: Buffer, _encoding: EncodingOption = "auto"): DecodeResult {
  return { text: input.toString("utf8"), encoding: "utf8", warnings: [] };
}
