/**
 * Input discovery: operands (files, directories, globs, "-") → an ordered list of entries,
 * each a file to read, stdin, or an error to report. Directories are walked recursively
 * (sorted by name) for the chosen extensions, symlinked directories are followed once
 * (loops are reported), FIFOs and other special files are reported and never opened, and a
 * file reached twice (same real path) is kept once.
 */
import type { Dirent, Stats } from "node:fs";
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";

/**
 * Files a directory walk passes over: a folder's own documentation (README.md, SOURCES.md,
 * LICENSE.txt ...), never a plan. Named on the command line, they are read like any file.
 */
export const NOT_A_DOCUMENT =
  /^(?:readme|sources|changelog|changes|history|license|licence|contributing|copying|authors|notice|manifest)(?:\.[a-z0-9]+)?$/i;

/** Characters that can make an operand a glob; only then is fast-glob (20–40 ms to load) imported. */
const GLOB_CHARS = /[*?[\]{}()!+@]/;

async function fastGlob(): Promise<typeof import("fast-glob")> {
  return (await import("fast-glob")).default;
}

export type InputEntry =
  | { kind: "file"; path: string; display: string }
  | { kind: "stdin"; display: "-" }
  | { kind: "error"; display: string; message: string };

export interface DiscoverOptions {
  cwd: string;
  /** Extensions (no dot, lower case) searched for in directories. */
  ext: readonly string[];
}

function specialKind(st: Stats | Dirent): string | null {
  if (st.isFIFO()) return "a FIFO";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  return null;
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "unreadable (no such file or directory)";
    case "EACCES":
    case "EPERM":
      return "unreadable (permission denied)";
    case "ELOOP":
      return "unreadable (symbolic link loop)";
    case "ENOTDIR":
      return "unreadable (a path component is not a directory)";
    case "ENAMETOOLONG":
      return "unreadable (name too long)";
    default:
      return `unreadable (${code ?? (err as Error).message})`;
  }
}

class Discovery {
  readonly entries: InputEntry[] = [];
  private readonly seenFiles = new Set<string>();
  private stdinSeen = false;
  /** Extensions of the files a directory walk passed over, with counts (for the hint). */
  private skipped = new Map<string, number>();

  constructor(private readonly opts: DiscoverOptions) {}

  private error(display: string, message: string): void {
    this.entries.push({ kind: "error", display, message });
  }

  private async addFile(path: string, display: string): Promise<void> {
    let real: string;
    try {
      real = await realpath(path);
    } catch (err) {
      this.error(display, reason(err));
      return;
    }
    if (this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    this.entries.push({ kind: "file", path: real, display });
  }

  private matchesExt(name: string): boolean {
    return this.opts.ext.includes(extname(name).slice(1).toLowerCase()) && !NOT_A_DOCUMENT.test(name);
  }

  async operand(op: string): Promise<void> {
    if (op === "-") {
      if (!this.stdinSeen) this.entries.push({ kind: "stdin", display: "-" });
      this.stdinSeen = true;
      return;
    }
    const abs = resolve(this.opts.cwd, op);
    let st: Stats;
    try {
      st = await stat(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && GLOB_CHARS.test(op) && (await fastGlob()).isDynamicPattern(op)) {
        return this.glob(op);
      }
      if (code === "ENOENT") {
        const dangling = await lstat(abs).then(
          (l) => l.isSymbolicLink(),
          () => false,
        );
        return this.error(op, dangling ? "unreadable (broken symbolic link)" : reason(err));
      }
      return this.error(op, reason(err));
    }
    if (st.isDirectory()) {
      const before = this.entries.length;
      this.skipped.clear();
      await this.walk(abs, op, new Set([await realpath(abs)]));
      if (this.entries.length === before) this.error(op, this.emptyDirectory());
      return;
    }
    const special = specialKind(st);
    if (special) return this.error(op, `not a regular file (${special})`);
    return this.addFile(abs, op);
  }

  /** "no *.txt, *.md files in this directory (it holds 3 *.html: add --ext html)". */
  private emptyDirectory(): string {
    const searched = this.opts.ext.map((e) => `*.${e}`).join(", ");
    const others = [...this.skipped].sort((a, b) => b[1] - a[1]).slice(0, 3);
    const hint =
      others.length > 0
        ? `it holds ${others.map(([e, n]) => `${n} ${e ? `*.${e}` : "without extension"}`).join(", ")}: add --ext ${[...this.opts.ext, ...others.map(([e]) => e).filter((e) => e !== "")].join(",")}`
        : "--ext names the extensions searched for";
    return `no ${searched} files in this directory (${hint})`;
  }

  private async glob(pattern: string): Promise<void> {
    let matches: string[];
    try {
      const fg = await fastGlob();
      matches = await fg(pattern, {
        cwd: this.opts.cwd,
        onlyFiles: true,
        followSymbolicLinks: false,
        suppressErrors: true,
        unique: true,
      });
    } catch (err) {
      return this.error(pattern, `bad glob (${(err as Error).message})`);
    }
    if (matches.length === 0) return this.error(pattern, "no files match this pattern");
    matches.sort();
    for (const m of matches) await this.addFile(resolve(this.opts.cwd, m), m);
  }

  /** `visited` holds the real paths of the directories on the way down (loop detection). */
  private async walk(dir: string, display: string, visited: Set<string>): Promise<void> {
    let dirents: Dirent[];
    try {
      dirents = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      return this.error(display, reason(err));
    }
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of dirents) {
      const path = join(dir, d.name);
      const shown = join(display, d.name);
      if (d.isDirectory()) {
        const real = await realpath(path).catch(() => path);
        await this.walk(path, shown, new Set([...visited, real]));
      } else if (d.isSymbolicLink()) {
        let target: Stats;
        try {
          target = await stat(path);
        } catch (err) {
          if (this.matchesExt(d.name) || (err as NodeJS.ErrnoException).code === "ELOOP") {
            this.error(
              shown,
              (err as NodeJS.ErrnoException).code === "ENOENT"
                ? "unreadable (broken symbolic link)"
                : reason(err),
            );
          }
          continue;
        }
        if (target.isDirectory()) {
          const real = await realpath(path).catch(() => path);
          if (visited.has(real)) this.error(shown, "skipped (symbolic link loop back to a parent directory)");
          else await this.walk(path, shown, new Set([...visited, real]));
        } else if (this.matchesExt(d.name)) {
          const special = specialKind(target);
          if (special) this.error(shown, `not a regular file (${special})`);
          else await this.addFile(path, shown);
        }
      } else if (this.matchesExt(d.name)) {
        const special = specialKind(d);
        if (special) this.error(shown, `not a regular file (${special})`);
        else if (d.isFile()) await this.addFile(path, shown);
      } else if (d.isFile() && !d.name.startsWith(".")) {
        const ext = extname(d.name).slice(1).toLowerCase();
        this.skipped.set(ext, (this.skipped.get(ext) ?? 0) + 1);
      }
    }
  }
}

export async function discoverInputs(
  operands: readonly string[],
  opts: DiscoverOptions,
): Promise<InputEntry[]> {
  const discovery = new Discovery(opts);
  for (const op of operands) await discovery.operand(op);
  return discovery.entries;
}
