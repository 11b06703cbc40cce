import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeInput } from "../src/decode/index.js";
import { scanUtf8, sniffMagic } from "../src/decode/sniff.js";
import { InputError } from "../src/types.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const seed = readFileSync(path.join(here, "../fixtures/decode/002_04b8069d10a8ddcd.txt"), "utf8");

const bom = (bytes: number[], body: Buffer) => Buffer.concat([Buffer.from(bytes), body]);
const utf16be = (s: string) => iconv.encode(s, "utf16-be");

describe("decodeInput: the same text in every supported encoding", () => {
  const cases: [string, Buffer, string][] = [
    ["UTF-8", Buffer.from(seed, "utf8"), "utf8"],
    ["UTF-8 with BOM", bom([0xef, 0xbb, 0xbf], Buffer.from(seed, "utf8")), "utf8-bom"],
    ["GBK", iconv.encode(seed, "gbk"), "gb18030"],
    ["GB18030", iconv.encode(seed, "gb18030"), "gb18030"],
    ["UTF-16LE with BOM", bom([0xff, 0xfe], Buffer.from(seed, "utf16le")), "utf16le"],
    ["UTF-16LE without BOM", Buffer.from(seed, "utf16le"), "utf16le"],
    ["UTF-16BE with BOM", bom([0xfe, 0xff], utf16be(seed)), "utf16be"],
    ["UTF-16BE without BOM", utf16be(seed), "utf16be"],
  ];
  it.each(cases)("%s", (_name, bytes, encoding) => {
    const r = decodeInput(bytes);
    expect(r.encoding).toBe(encoding);
    expect(r.text).toBe(seed);
    expect(r.warnings).toEqual([]);
  });

  it("GB18030-only characters (outside GBK) survive", () => {
    const text = "𠀀 鿿 㐀 民政工作要点";
    const r = decodeInput(iconv.encode(text, "gb18030"));
    expect(r).toMatchObject({ text, encoding: "gb18030" });
  });
});

describe("decodeInput: undecodable bytes give a count, never an exception", () => {
  const cases: [string, () => Buffer, string, number][] = [
    [
      "UTF-8 with two broken bytes",
      () => {
        const b = Buffer.from(seed, "utf8");
        b[3000] = 0xff;
        b[6001] = 0xc0;
        return b;
      },
      "utf8",
      2,
    ],
    [
      "GBK with a stray 0xFF pair",
      () => {
        const b = iconv.encode(seed, "gbk");
        b[50] = 0xff;
        b[51] = 0xff;
        return b;
      },
      "gb18030",
      2,
    ],
  ];
  it.each(cases)("%s", (_name, make, encoding, minCount) => {
    const r = decodeInput(make());
    expect(r.encoding).toBe(encoding);
    const w = r.warnings.find((x) => x.code === "undecodable-bytes");
    expect(w).toBeDefined();
    const count = Number(/^(\d+) /.exec(w?.message ?? "")?.[1]);
    expect(count).toBeGreaterThanOrEqual(minCount);
    expect(count).toBeLessThan(10);
  });
});

describe("decodeInput: binary input is refused", () => {
  const cases: [string, Buffer, string][] = [
    ["PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "PNG image"],
    ["JPEG", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), "JPEG image"],
    ["GIF", Buffer.from("GIF89a\x01\x00", "latin1"), "GIF image"],
    ["PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n", "latin1"), "PDF document"],
    ["docx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]), "ZIP archive"],
    ["gzip", Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]), "gzip archive"],
    ["7z", Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), "7z archive"],
    ["RAR", Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0]), "RAR archive"],
    ["ELF", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), "ELF executable"],
    ["doc (OLE2)", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), "OLE2"],
    ["NUL-heavy data", Buffer.from([1, 0, 0, 7, 0, 9, 200, 0, 0, 0, 3, 0, 0, 0, 0, 1]), "NUL bytes"],
  ];
  it.each(cases)("%s", (_name, bytes, what) => {
    let error: unknown;
    try {
      decodeInput(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).reason).toBe("not-text");
    expect((error as InputError).message).toMatch(/^not text \(binary data: /);
    expect((error as InputError).message).toContain(what);
  });

  it("exact message for a PNG", () => {
    expect(() => decodeInput(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]))).toThrow(
      "not text (binary data: PNG image)",
    );
  });

  const textLike: [string, Buffer][] = [
    ["text starting with BM", Buffer.from("BM是缩写,民政工作要点。")],
    ["text starting with MZ", Buffer.from("MZ区民政局2024年工作计划")],
  ];
  it.each(textLike)("%s is not mistaken for binary", (_name, bytes) => {
    expect(sniffMagic(bytes)).toBeNull();
    expect(decodeInput(bytes).text).toBe(bytes.toString("utf8"));
  });
});

describe("decodeInput: options and edge cases", () => {
  it("empty input decodes to an empty string", () => {
    expect(decodeInput(Buffer.alloc(0))).toEqual({ text: "", encoding: "utf8", warnings: [] });
  });

  const overrides: [string, Buffer, "utf8" | "gbk" | "gb18030" | "utf16le" | "utf16be" | "big5", string][] = [
    ["big5 only when asked", iconv.encode("民政工作要點", "big5"), "big5", "民政工作要點"],
    ["gbk forced", iconv.encode("养老服务", "gbk"), "gbk", "养老服务"],
    ["utf16le forced on BOM-less text", Buffer.from("民政", "utf16le"), "utf16le", "民政"],
    ["utf8 forced strips the BOM", bom([0xef, 0xbb, 0xbf], Buffer.from("要点")), "utf8", "要点"],
  ];
  it.each(overrides)("--encoding: %s", (_name, bytes, encoding, text) => {
    const r = decodeInput(bytes, encoding);
    expect(r.text).toBe(text);
  });

  it("--encoding overrides detection (valid UTF-8 read as GBK gives other text)", () => {
    const bytes = Buffer.from("民政工作", "utf8");
    expect(decodeInput(bytes).text).toBe("民政工作");
    const forced = decodeInput(bytes, "gbk");
    expect(forced.encoding).toBe("gbk");
    expect(forced.text).not.toBe("民政工作");
  });

  it("Big5 bytes are not auto-detected as Big5", () => {
    const r = decodeInput(iconv.encode("民政工作要點", "big5"));
    expect(r.encoding).not.toBe("big5");
  });

  it("scanUtf8 counts well-formed and ill-formed sequences", () => {
    expect(scanUtf8(Buffer.from("a民政b"))).toEqual({ multibyte: 2, invalid: 0 });
    expect(scanUtf8(Buffer.from([0x61, 0xe6, 0xb0, 0x62, 0xff]))).toEqual({ multibyte: 0, invalid: 2 });
  });

  it("decodes 20 MB of UTF-8 quickly (linear)", () => {
    const big = Buffer.from(seed.repeat(Math.ceil(20e6 / Buffer.byteLength(seed))), "utf8");
    const t0 = performance.now();
    const r = decodeInput(big);
    const ms = performance.now() - t0;
    expect(r.encoding).toBe("utf8");
    expect(ms).toBeLessThan(1500);
  });
});
