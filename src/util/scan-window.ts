/**
 * Static bounds for scanning a line only near "trigger" characters.
 *
 * A global regular expression tries a match at every position of a line. When every match of
 * the expression must consume one of a few trigger characters (every deadline holds 年, 月, 内 …),
 * and at most `lead` code units can come before the first trigger of a match, then a match can
 * only start in [t - lead, t] for a trigger at t: trying the sticky expression at those positions
 * alone finds exactly the matches of the global scan, in the same order.
 *
 * It also collects the characters a match can start with, so positions in the window whose
 * character starts no alternative are not tried at all.
 *
 * `analyseSource` reads these facts off the expression's source (the subset the pattern units use:
 * literals, classes, escapes, groups, lookarounds, `?` and `{m,n}`), so the bound follows the
 * patterns when they change. Anything it does not understand, or an unbounded repetition, gives
 * null: the caller then scans every position as before.
 */

/** What the analysis knows about a node of the expression. -Infinity = impossible. */
interface Bound {
  /** longest match (code units) that holds no trigger character */
  free: number;
  /** most code units before the first trigger character of a match that holds one */
  lead: number;
  /** code-unit ranges [lo, hi] a non-empty match may start with (a superset) */
  first: Range[];
  /** may match the empty string */
  nullable: boolean;
}

type Range = readonly [number, number];

const NONE = Number.NEGATIVE_INFINITY;
/** stands for an unbounded repetition when only first sets are wanted */
const UNBOUNDED = 1e9;
const ANY: Range[] = [[0, 0xffff]];
const ZERO_WIDTH: Bound = { free: 0, lead: NONE, first: [], nullable: true };
/** ECMAScript \s */
const SPACE_RANGES: Range[] = [
  [9, 13],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const DIGIT_RANGES: Range[] = [[48, 57]];
const WORD_RANGES: Range[] = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];

class Unsupported extends Error {}

/** Parser over `source` computing `Bound`s; `isTrigger` tells trigger code units. */
class Analyser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly isTrigger: (code: number) => boolean,
    private readonly triggers: readonly number[],
    /** read `*`, `+` and `{n,}` (as a huge bound) instead of refusing them: for first sets only */
    private readonly unbounded = false,
  ) {}

  run(): Bound {
    const b = this.alternation();
    if (this.i !== this.src.length) throw new Unsupported("unbalanced )");
    return b;
  }

  private alternation(): Bound {
    let out = this.sequence();
    while (this.src[this.i] === "|") {
      this.i++;
      const next = this.sequence();
      out = {
        free: Math.max(out.free, next.free),
        lead: Math.max(out.lead, next.lead),
        first: [...out.first, ...next.first],
        nullable: out.nullable || next.nullable,
      };
    }
    return out;
  }

  private sequence(): Bound {
    let out: Bound = { free: 0, lead: NONE, first: [], nullable: true };
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")") {
      const t = this.quantified(this.atom());
      out = {
        free: out.free + t.free,
        lead: Math.max(out.lead, out.free + t.lead),
        first: out.nullable ? [...out.first, ...t.first] : out.first,
        nullable: out.nullable && t.nullable,
      };
    }
    return out;
  }

  private quantified(x: Bound): Bound {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === "?") {
      min = 0;
      max = 1;
      this.i++;
    } else if (c === "*" || c === "+") {
      if (!this.unbounded) throw new Unsupported("unbounded repetition");
      min = c === "*" ? 0 : 1;
      max = UNBOUNDED;
      this.i++;
    } else if (c === "{") {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i, this.i + 16));
      if (m === null) throw new Unsupported("bad {}");
      min = Number(m[1]);
      if (m[2] === undefined) max = min;
      else if (m[3] === "" || m[3] === undefined) {
        if (!this.unbounded) throw new Unsupported("unbounded repetition");
        max = UNBOUNDED;
      }
      else max = Number(m[3]);
      this.i += m[0].length;
    } else {
      return x;
    }
    if (this.src[this.i] === "?") this.i++; // lazy: same set of matches
    if (max === 0) return ZERO_WIDTH;
    const free = x.free === NONE ? (min === 0 ? 0 : NONE) : max * x.free;
    // the first trigger lies in some repetition k; the ones before it hold none
    const lead = x.lead === NONE ? NONE : (max - 1) * Math.max(0, x.free) + x.lead;
    return { free, lead, first: x.first, nullable: min === 0 || x.nullable };
  }

  private atom(): Bound {
    const src = this.src;
    const c = src[this.i] as string;
    if (c === "(") {
      this.i++;
      let zeroWidth = false;
      if (src.startsWith("?:", this.i)) this.i += 2;
      else if (src.startsWith("?=", this.i) || src.startsWith("?!", this.i)) {
        this.i += 2;
        zeroWidth = true;
      } else if (src.startsWith("?<=", this.i) || src.startsWith("?<!", this.i)) {
        this.i += 3;
        zeroWidth = true;
      } else if (src.startsWith("?<", this.i)) {
        const close = src.indexOf(">", this.i);
        if (close < 0) throw new Unsupported("bad group name");
        this.i = close + 1;
      } else if (src[this.i] === "?") throw new Unsupported("unknown group");
      const inner = this.alternation();
      if (src[this.i] !== ")") throw new Unsupported("unclosed group");
      this.i++;
      return zeroWidth ? ZERO_WIDTH : inner;
    }
    if (c === "[") return this.charClass();
    if (c === "^" || c === "$") {
      this.i++;
      return ZERO_WIDTH;
    }
    if (c === ".") {
      this.i++;
      return this.chars(true, true, 2, ANY);
    }
    if (c === "\\") {
      const e = this.escape();
      if (e === "zero") return ZERO_WIDTH;
      if (e === "any") return this.chars(true, true, 2, ANY);
      if (typeof e !== "number") return this.chars(false, true, 1, e);
      return this.single(e);
    }
    if (c === ")" || c === "|" || c === "?" || c === "*" || c === "+" || c === "{") {
      throw new Unsupported(`unexpected ${c}`);
    }
    this.i++;
    return this.single(c.charCodeAt(0));
  }

  private single(code: number): Bound {
    const first: Range[] = [[code, code]];
    return this.isTrigger(code)
      ? { free: NONE, lead: 0, first, nullable: false }
      : { free: 1, lead: NONE, first, nullable: false };
  }

  private chars(canTrigger: boolean, canOther: boolean, width: number, first: Range[]): Bound {
    return { free: canOther ? width : NONE, lead: canTrigger ? 0 : NONE, first, nullable: false };
  }

  /**
   * Reads an escape at `this.i` ("\\…"): a code unit, or "zero" (\b \B), the ranges of \d \w \s
   * (no CJK trigger in them), "any" (negated sets, unknown).
   */
  private escape(): number | "zero" | Range[] | "any" {
    const src = this.src;
    const e = src[this.i + 1];
    if (e === undefined) throw new Unsupported("trailing \\");
    if (e === "u" && /^[0-9a-fA-F]{4}$/.test(src.slice(this.i + 2, this.i + 6))) {
      const code = Number.parseInt(src.slice(this.i + 2, this.i + 6), 16);
      this.i += 6;
      return code;
    }
    if (e === "x" && /^[0-9a-fA-F]{2}$/.test(src.slice(this.i + 2, this.i + 4))) {
      const code = Number.parseInt(src.slice(this.i + 2, this.i + 4), 16);
      this.i += 4;
      return code;
    }
    this.i += 2;
    if (e === "b" || e === "B") return "zero";
    if (e === "d") return DIGIT_RANGES;
    if (e === "w") return WORD_RANGES;
    if (e === "s") return SPACE_RANGES;
    if (e === "D" || e === "W" || e === "S") return "any";
    if (/[1-9k]/.test(e)) throw new Unsupported("back-reference");
    if (e === "n") return 10;
    if (e === "t") return 9;
    if (e === "r") return 13;
    if (e === "f") return 12;
    if (e === "v") return 11;
    if (/[A-Za-z0-9]/.test(e)) return "any"; // \p{…}, \c…, \u{…}: unknown here
    return e.charCodeAt(0); // an escaped punctuation character
  }

  private charClass(): Bound {
    const src = this.src;
    this.i++;
    let negated = false;
    if (src[this.i] === "^") {
      negated = true;
      this.i++;
    }
    let canTrigger = false;
    let canOther = false;
    let width = 1;
    const first: Range[] = [];
    const member = (): number | Range[] | "any" => {
      if (src[this.i] === "\\") {
        const e = this.escape();
        if (e === "zero") return 8; // [\b] is a backspace
        return e;
      }
      const code = src.charCodeAt(this.i);
      if (code >= 0xd800 && code <= 0xdbff) width = 2;
      this.i++;
      return code;
    };
    let guard = 0;
    while (src[this.i] !== "]") {
      if (this.i >= src.length || ++guard > 10000) throw new Unsupported("unclosed class");
      const lo = member();
      if (src[this.i] === "-" && src[this.i + 1] !== "]" && typeof lo === "number") {
        this.i++;
        const hi = member();
        if (typeof hi !== "number" || hi < lo) throw new Unsupported("bad range");
        const inRange = this.triggers.filter((t) => t >= lo && t <= hi).length;
        if (inRange > 0) canTrigger = true;
        if (hi - lo + 1 > inRange) canOther = true;
        first.push([lo, hi]);
      } else if (typeof lo === "number") {
        if (this.isTrigger(lo)) canTrigger = true;
        else canOther = true;
        first.push([lo, lo]);
      } else if (lo !== "any") {
        canOther = true;
        first.push(...lo);
      } else {
        canTrigger = true;
        canOther = true;
        width = 2;
        first.push(...ANY);
      }
    }
    this.i++;
    if (negated) return this.chars(true, true, 2, ANY);
    if (!canTrigger && !canOther) return { free: NONE, lead: NONE, first: [], nullable: false }; // [] never matches
    return this.chars(canTrigger, canOther, width, first);
  }
}

export interface ScanWindow {
  /** most code units a match can hold before its first trigger character */
  lead: number;
  /** 1 at every code unit a match can start with (a superset) */
  first: Uint8Array;
}

/**
 * The scan window of `source` for `triggerChars`: how far before its first trigger a match can
 * start, and which characters it can start with. Null when some match may hold no trigger at all,
 * a repetition is unbounded, or the source uses syntax this reader does not know.
 */
export function analyseSource(source: string, triggerChars: string): ScanWindow | null {
  const triggers = [...triggerChars].map((ch) => ch.charCodeAt(0));
  const set = new Set(triggers);
  let b: Bound;
  try {
    b = new Analyser(source, (code) => set.has(code), triggers).run();
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
  if (b.free !== NONE || b.lead === NONE || !Number.isFinite(b.lead) || b.nullable) return null;
  const first = new Uint8Array(0x10000);
  for (const [lo, hi] of b.first) first.fill(1, lo, hi + 1);
  return { lead: b.lead, first };
}

/**
 * 1 at every code unit a match of `source` can start with (a superset), or null when the source
 * can match the empty string or uses syntax this reader does not know. A global scan finds its
 * match at the first position ≥ lastIndex where the sticky form matches; positions whose
 * character is 0 here can be skipped without trying.
 */
export function firstCharTable(source: string): Uint8Array | null {
  let b: Bound;
  try {
    b = new Analyser(source, () => false, [], true).run();
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
  if (b.nullable) return null;
  const first = new Uint8Array(0x10000);
  for (const [lo, hi] of b.first) first.fill(1, lo, hi + 1);
  return first;
}

/** `analyseSource(…).lead`, or null. */
export function triggerLead(source: string, triggerChars: string): number | null {
  return analyseSource(source, triggerChars)?.lead ?? null;
}
