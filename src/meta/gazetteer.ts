/**
 * Administrative gazetteer built from china-area-data (province → city →
 * district/county). Loaded lazily on first use, once per process: importing
 * this module costs nothing.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { FORMER_CITIES } from "./former-places.js";

export type PlaceLevel = "province" | "city" | "county";

export interface Place {
  name: string;
  level: PlaceLevel;
  code: string;
  /** Full name of the province (or municipality / autonomous region). */
  province: string;
  /** Full name of the prefecture-level parent; null for provinces and for counties directly under a province. */
  city: string | null;
}

export interface Gazetteer {
  /** Full official names → every place of that name (district names repeat across provinces). */
  byName: Map<string, Place[]>;
  /**
   * Safe short forms → places: 恩施州 / 湘西州 (autonomous prefectures),
   * 石家庄 → 石家庄市 (cities), 河北 → 河北省, 新疆 → 新疆维吾尔自治区.
   * Only used where the context marks a place (before 民政局 / 人民政府 / 省长 ...).
   */
  byShort: Map<string, Place[]>;
  provinces: Place[];
  /** Longest name in `byName` / `byShort`, to bound look-ups. */
  maxLength: number;
}

type AreaData = Record<string, Record<string, string>>;

/** Placeholder nodes whose children belong to the grand-parent. */
const PLACEHOLDERS = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);
/** Economic zones and other non-administrative entries the package also lists. */
const NOT_ADMINISTRATIVE = /(?:开发区|园区|示范区|实验区|管理区|聚集区|食品区|海域|群岛)$/;
/** Hong Kong, Macao, Taiwan: kept as provinces only (their sub-divisions use other scripts/forms). */
const PROVINCE_ONLY = new Set(["710000", "810000", "820000"]);

/** Ethnic-group words found in autonomous prefecture names (for the X州 short form). */
const ETHNIC =
  /^(?:土家|苗|藏|彝|回|哈尼|壮|傣|白|景颇|傈僳|朝鲜|布依|侗|羌|蒙古|哈萨克|柯尔克孜|黎|瑶|纳西|怒|独龙|普米|拉祜|佤|土|撒拉|保安|东乡|锡伯|布朗)族?/;

const PROVINCE_SUFFIX = /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;

let cache: Gazetteer | null = null;

/** The gazetteer, loading the data file on first call. */
export function gazetteer(): Gazetteer {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const file = require.resolve("china-area-data/data.json");
  const data = JSON.parse(readFileSync(file, "utf8")) as AreaData;
  cache = build(data);
  return cache;
}

function add(map: Map<string, Place[]>, key: string, place: Place): void {
  const list = map.get(key);
  if (!list) map.set(key, [place]);
  else if (!list.some((p) => p.code === place.code)) list.push(place);
}

/** 恩施土家族苗族自治州 → 恩施; 黔东南苗族侗族自治州 → 黔东南; null when the name does not parse. */
export function prefectureStem(name: string): string | null {
  if (!name.endsWith("自治州")) return null;
  const body = name.slice(0, -3);
  for (let len = 2; len <= 4 && len < body.length; len++) {
    let rest = body.slice(len);
    let ok = rest.length > 0;
    let guard = 0;
    while (ok && rest.length > 0 && guard++ < 6) {
      const m = ETHNIC.exec(rest);
      if (!m || m[0].length === 0) ok = false;
      else rest = rest.slice(m[0].length);
    }
    if (ok && rest.length === 0) return body.slice(0, len);
  }
  return null;
}

function build(data: AreaData): Gazetteer {
  const byName = new Map<string, Place[]>();
  const byShort = new Map<string, Place[]>();
  const provinces: Place[] = [];

  const addCounty = (code: string, name: string, province: string, city: string | null) => {
    if (code.length > 6 || PLACEHOLDERS.has(name) || NOT_ADMINISTRATIVE.test(name)) return;
    add(byName, name, { name, level: "county", code, province, city });
  };

  for (const [pcode, pname] of Object.entries(data["86"] ?? {})) {
    const province: Place = { name: pname, level: "province", code: pcode, province: pname, city: null };
    provinces.push(province);
    add(byName, pname, province);
    const short = pname.replace(PROVINCE_SUFFIX, "");
    if (short.length >= 2 && short !== pname) add(byShort, short, province);
    if (PROVINCE_ONLY.has(pcode)) continue;

    for (const [ccode, cname] of Object.entries(data[pcode] ?? {})) {
      if (PLACEHOLDERS.has(cname)) {
        for (const [kcode, kname] of Object.entries(data[ccode] ?? {})) addCounty(kcode, kname, pname, null);
        continue;
      }
      if (NOT_ADMINISTRATIVE.test(cname)) continue;
      const city: Place = { name: cname, level: "city", code: ccode, province: pname, city: null };
      add(byName, cname, city);
      const stem = prefectureStem(cname);
      if (stem) add(byShort, `${stem}州`, city);
      else if (/(?:市|地区|盟)$/.test(cname)) {
        const bare = cname.replace(/(?:市|地区|盟)$/, "");
        if (bare.length >= 2) add(byShort, bare, city);
      }
      for (const [kcode, kname] of Object.entries(data[ccode] ?? {})) addCounty(kcode, kname, pname, cname);
    }
  }

  for (const f of FORMER_CITIES) {
    if (byName.has(f.name)) continue;
    const city: Place = { name: f.name, level: "city", code: `former:${f.name}`, province: f.province, city: null };
    add(byName, f.name, city);
    add(byShort, f.name.replace(/市$/, ""), city);
  }

  let maxLength = 0;
  for (const k of byName.keys()) maxLength = Math.max(maxLength, k.length);
  for (const k of byShort.keys()) maxLength = Math.max(maxLength, k.length);
  return { byName, byShort, provinces, maxLength };
}

/** True once the data file has been read (for the start-up test). */
export function gazetteerLoaded(): boolean {
  return cache !== null;
}
