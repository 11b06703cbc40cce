/**
 * Byte-level sniffing: binary magic numbers, BOMs, UTF-16 by NUL pattern and a
 * linear UTF-8 validity scan. Pure functions over a Buffer; no allocation per byte.
 */

export interface Magic {
  /** what the data is, shown to the user: "PNG image" */
  name: string;
  /** bytes at `offset` (default 0) */
  bytes: readonly number[];
  offset?: number;
  /** extra check when the magic alone is too short to be sure */
  confirm?: (buf: Buffer) => boolean;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

const hasNulIn = (buf: Buffer, n: number): boolean => {
  const end = Math.min(buf.length, n);
  for (let i = 0; i < end; i++) if (buf[i] === 0) return true;
  return false;
};

/** Magic numbers of common non-text formats (data, with the name shown in the error). */
export const MAGIC_NUMBERS: readonly Magic[] = [
  { name: "PNG image", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: "JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF image", bytes: ascii("GIF8") },
  {
    name: "WebP image",
    bytes: ascii("WEBP"),
    offset: 8,
    confirm: (b) => b.subarray(0, 4).equals(Buffer.from("RIFF")),
  },
  { name: "TIFF image", bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: "TIFF image", bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: "BMP image", bytes: ascii("BM"), confirm: (b) => hasNulIn(b, 32) },
  { name: "PDF document", bytes: ascii("%PDF") },
  { name: "ZIP archive (docx/xlsx/epub?)", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "ZIP archive", bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: "gzip archive", bytes: [0x1f, 0x8b] },
  {
    name: "bzip2 archive",
    bytes: ascii("BZh"),
    confirm: (b) => (b[3] ?? 0) >= 0x31 && (b[3] ?? 0) <= 0x39,
  },
  { name: "xz archive", bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: "zstd archive", bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: "7z archive", bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: "RAR archive", bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  {
    name: "Microsoft Office document (OLE2: doc/xls/ppt)",
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  },
  { name: "ELF executable", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: "Windows executable", bytes: ascii("MZ"), confirm: (b) => hasNulIn(b, 64) },
  { name: "Mach-O executable", bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: "Java class file", bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { name: "WebAssembly module", bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: "SQLite database", bytes: ascii("SQLite format 3") },
  { name: "MP3 audio", bytes: ascii("ID3"), confirm: (b) => hasNulIn(b, 16) },
  { name: "MP4/MOV video", bytes: ascii("ftyp"), offset: 4 },
  { name: "Ogg media", bytes: ascii("OggS") },
  { name: "RTF document", bytes: ascii("{\\rtf") },
];

/** The name of the binary format `buf` starts with, or null. */
export function sniffMagic(buf: Buffer): string | null {
  for (const m of MAGIC_NUMBERS) {
    const off = m.offset ?? 0;
    if (buf.length < off + m.bytes.length) continue;
    let ok = true;
    for (let i = 0; i < m.bytes.length; i++) {
      if (buf[off + i] !== m.bytes[i]) {
        ok = false;
        break;
      }
    }
    if (ok && (m.confirm === undefined || m.confirm(buf))) return m.name;
  }
  return null;
}

export type Bom = "utf8-bom" | "utf16le" | "utf16be";

export function sniffBom(buf: Buffer): Bom | null {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return "utf8-bom";
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return "utf16le";
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return "utf16be";
  return null;
}

export interface NulStats {
  sampled: number;
  nulEven: number;
  nulOdd: number;
  /** C0 control bytes other than \t \n \r \f \v ESC, and DEL */
  controls: number;
}

/** NUL, C0 controls other than \t \n \v \f \r ESC, and DEL: the bytes nulStats counts. */
const COUNTED_BYTE = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]/;

/** NUL and control-byte counts over the first `limit` bytes. */
export function nulStats(buf: Buffer, limit = 65536): NulStats {
  const n = Math.min(buf.length, limit);
  // text has none of the counted bytes: one native scan of the bytes read as Latin-1 says so
  // (cheaper than the loop below while it still runs in the interpreter)
  if (!COUNTED_BYTE.test(buf.toString("latin1", 0, n)))
    return { sampled: n, nulEven: 0, nulOdd: 0, controls: 0 };
  let nulEven = 0;
  let nulOdd = 0;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i] as number;
    if (b === 0) {
      if (i & 1) nulOdd++;
      else nulEven++;
    } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f) controls++;
  }
  return { sampled: n, nulEven, nulOdd, controls };
}

/**
 * UTF-16 without BOM, recognised by NULs in one byte position only (the high byte of
 * ASCII characters: digits, newlines, punctuation). Returns null when the pattern is absent.
 */
export function sniffUtf16ByNul(s: NulStats): "utf16le" | "utf16be" | null {
  const pairs = s.sampled >> 1;
  if (pairs === 0) return null;
  const minNul = Math.max(2, pairs * 0.01);
  // CJK code points such as U+4E00 一 put a NUL in the other position, so allow 1 in 4.
  if (s.nulOdd >= minNul && s.nulEven * 4 <= s.nulOdd) return "utf16le";
  if (s.nulEven >= minNul && s.nulOdd * 4 <= s.nulEven) return "utf16be";
  return null;
}

export interface Utf8Scan {
  /** well-formed multi-byte sequences */
  multibyte: number;
  /** ill-formed sequences (each would become one U+FFFD or more) */
  invalid: number;
}

/** One linear pass counting well-formed multi-byte UTF-8 sequences and ill-formed ones. */
export function scanUtf8(buf: Buffer): Utf8Scan {
  let multibyte = 0;
  let invalid = 0;
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need; j++) {
      const c = buf[i + j];
      if (c === undefined) break;
      if (j === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) break;
    }
    if (j > need) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i += j;
    }
  }
  return { multibyte, invalid };
}
