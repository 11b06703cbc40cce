/**
 * DECODE: Buffer → string. Detects UTF-8 (with/without BOM), UTF-16LE/BE (BOM or NUL
 * pattern) and GB18030/GBK; Big5 only when asked. Refuses binary data with an InputError.
 * No file I/O. iconv-lite is loaded lazily, only when a legacy encoding is needed.
 */
import { createRequire } from "node:module";
import { type EncodingOption, InputError, type Warning } from "../types.js";
import { nulStats, scanUtf8, sniffBom, sniffMagic, sniffUtf16ByNul } from "./sniff.js";

export { MAGIC_NUMBERS, scanUtf8, sniffMagic } from "./sniff.js";

export interface DecodeResult {
  text: string;
  /** The encoding used, as reported in `source.encoding` ("utf8", "utf8-bom", "gb18030", ...). */
  encoding: string;
  warnings: Warning[];
}

type Iconv = typeof import("iconv-lite");
let iconvModule: Iconv | null = null;
function iconv(): Iconv {
  if (iconvModule === null) iconvModule = createRequire(import.meta.url)("iconv-lite") as Iconv;
  return iconvModule;
}

const REPLACEMENT = "\uFFFD";

function countReplacements(text: string): number {
  let n = 0;
  let i = text.indexOf(REPLACEMENT);
  while (i !== -1) {
    n++;
    i = text.indexOf(REPLACEMENT, i + 1);
  }
  return n;
}

function undecodable(count: number, encoding: string): Warning {
  return {
    code: "undecodable-bytes",
    message: `${count} undecodable byte sequence${count === 1 ? "" : "s"} replaced by U+FFFD while decoding as ${encoding}`,
  };
}

type WebLabel = "utf-8" | "utf-16le" | "utf-16be";

/**
 * The UTF-8 decoders are made once (Node decodes UTF-8 without converter state); UTF-16 ones,
 * backed by an ICU converter, are made per call.
 */
let utf8Strict: TextDecoder | null = null;
let utf8Lenient: TextDecoder | null = null;
function decoderFor(label: WebLabel, fatal: boolean): TextDecoder {
  if (label !== "utf-8") return new TextDecoder(label, { fatal, ignoreBOM: true });
  if (fatal) return (utf8Strict ??= new TextDecoder(label, { fatal, ignoreBOM: true }));
  return (utf8Lenient ??= new TextDecoder(label, { fatal, ignoreBOM: true }));
}

/**
 * Decodes with the WHATWG decoder; `errors` counts replacements only when the strict pass
 * failed, and then only if `count` (else it is -1: the caller counts them if it needs to).
 */
function webDecode(buf: Buffer, label: WebLabel, count = true): { text: string; errors: number } {
  try {
    return { text: decoderFor(label, true).decode(buf), errors: 0 };
  } catch {
    const text = decoderFor(label, false).decode(buf);
    return { text, errors: count ? replacementErrors(text) : -1 };
  }
}

/** The error count of a lenient decode that the strict one refused (at least 1). */
function replacementErrors(text: string): number {
  return Math.max(1, countReplacements(text));
}

/** iconv-lite replaces bad sequences by U+FFFD; a source U+FFFD can't be told apart (rare in GB text). */
function legacyDecode(buf: Buffer, name: "gb18030" | "gbk" | "big5"): { text: string; errors: number } {
  if (name === "gb18030") {
    const text = gb18030ByIcu(buf);
    if (text !== null) return { text, errors: countReplacements(text) };
  }
  const text = iconv().decode(buf, name);
  return { text, errors: countReplacements(text) };
}

/**
 * The two-byte GB18030 codes that Node's ICU decoder maps otherwise than iconv-lite (the
 * GB18030-2022 changes: ICU gives FE10…, 9FB4…, iconv-lite the private-use code points), as
 * lead << 8 | trail. Checked exhaustively over every one-, two- and four-byte sequence: all
 * others that ICU's strict decoder accepts decode the same in both.
 */
const ICU_DIFFERENT_PAIRS = new Set([
  0xa6d9, 0xa6da, 0xa6db, 0xa6dc, 0xa6dd, 0xa6de, 0xa6df, 0xa6ec, 0xa6ed, 0xa6f3, 0xfe59, 0xfe61, 0xfe66,
  0xfe67, 0xfe6d, 0xfe7e, 0xfe90, 0xfea0,
]);

/**
 * Whether `buf`, read as GB18030 sequences, holds none of ICU_DIFFERENT_PAIRS. (Where the
 * reading goes wrong the input is not valid GB18030, and the strict decoder refuses it.)
 */
function withoutIcuDifferences(buf: Buffer): boolean {
  const n = buf.length - 1;
  for (let i = 0; i < n; i++) {
    const lead = buf[i] as number;
    if (lead < 0x81 || lead === 0xff) continue;
    const second = buf[i + 1] as number;
    if (second >= 0x30 && second <= 0x39)
      i += 3; // a four-byte sequence
    else if (ICU_DIFFERENT_PAIRS.has((lead << 8) | second)) return false;
    else i++;
  }
  return true;
}

/**
 * GB18030 text decoded by Node's ICU converter (strict), when that gives exactly iconv-lite's
 * text: building iconv-lite's GB18030 tables costs more than decoding a whole corpus of
 * documents. Null when the input holds a sequence the two decode differently or is not valid
 * GB18030: iconv-lite decides then.
 */
function gb18030ByIcu(buf: Buffer): string | null {
  if (!withoutIcuDifferences(buf)) return null;
  try {
    return new TextDecoder("gb18030", { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return null;
  }
}

function result(text: string, encoding: string, errors: number, extra: Warning[] = []): DecodeResult {
  const warnings = [...extra];
  if (errors > 0) warnings.push(undecodable(errors, encoding));
  return { text, encoding, warnings };
}

function stripBom(buf: Buffer, bytes: number, present: boolean): Buffer {
  return present ? buf.subarray(bytes) : buf;
}

function decodeAs(buf: Buffer, encoding: Exclude<EncodingOption, "auto">): DecodeResult {
  const bom = sniffBom(buf);
  switch (encoding) {
    case "utf8": {
      const r = webDecode(stripBom(buf, 3, bom === "utf8-bom"), "utf-8");
      return result(r.text, bom === "utf8-bom" ? "utf8-bom" : "utf8", r.errors);
    }
    case "utf16le": {
      const r = webDecode(stripBom(buf, 2, bom === "utf16le"), "utf-16le");
      return result(r.text, "utf16le", r.errors);
    }
    case "utf16be": {
      const r = webDecode(stripBom(buf, 2, bom === "utf16be"), "utf-16be");
      return result(r.text, "utf16be", r.errors);
    }
    default: {
      const r = legacyDecode(buf, encoding);
      return result(r.text, encoding, r.errors);
    }
  }
}

/**
 * Decodes `input`. `encoding` other than "auto" forces that encoding (binary data is still
 * refused). Throws InputError("not text (binary data: …)", "not-text") for binary input;
 * never throws for undecodable bytes (a warning with their count instead).
 */
export function decodeInput(input: Buffer, encoding: EncodingOption = "auto"): DecodeResult {
  if (input.length === 0)
    return { text: "", encoding: encoding === "auto" ? "utf8" : encoding, warnings: [] };

  const bom = sniffBom(input);
  const magic = bom === null ? sniffMagic(input) : null;
  if (magic !== null) throw new InputError(`not text (binary data: ${magic})`, "not-text");

  const stats = nulStats(input);
  const utf16 = bom === "utf16le" || bom === "utf16be" ? bom : sniffUtf16ByNul(stats);
  if (utf16 === null && encoding !== "utf16le" && encoding !== "utf16be") {
    const nul = stats.nulEven + stats.nulOdd;
    if (nul > 0 && (nul >= 4 || nul * 100 >= stats.sampled)) {
      throw new InputError("not text (binary data: NUL bytes)", "not-text");
    }
    if (stats.controls * 10 > stats.sampled) {
      throw new InputError("not text (binary data: control bytes)", "not-text");
    }
  }

  if (encoding !== "auto") return decodeAs(input, encoding);
  if (bom === "utf8-bom") return decodeAs(input, "utf8");
  if (utf16 !== null) return decodeAs(input, utf16);

  // No BOM, no NUL pattern: UTF-8 if it is valid, else GB18030 if that is clean.
  // the replacements of a failed strict pass are counted only when that text is used: a
  // GB18030 file decoded as UTF-8 is nearly all U+FFFD
  const strict = webDecode(input, "utf-8", false);
  if (strict.errors === 0) return result(strict.text, "utf8", 0);
  const scan = scanUtf8(input);

  // Mostly valid UTF-8 with a few broken sequences: GB18030 would "decode" it into
  // mojibake without any replacement character, so trust the well-formed majority.
  if (scan.multibyte >= 8 && scan.invalid * 20 < scan.multibyte)
    return result(strict.text, "utf8", replacementErrors(strict.text));

  const gb = legacyDecode(input, "gb18030");
  if (gb.errors === 0) return result(gb.text, "gb18030", 0);
  const u8 = { text: strict.text, errors: replacementErrors(strict.text) };
  const guessed: Warning = {
    code: "encoding-guessed",
    message: `neither UTF-8 nor GB18030 decodes cleanly (${u8.errors} vs ${gb.errors} bad sequences); using the one with fewer`,
  };
  return u8.errors <= gb.errors
    ? result(u8.text, "utf8", u8.errors, [guessed])
    : result(gb.text, "gb18030", gb.errors, [guessed]);
}
