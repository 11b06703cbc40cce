/**
 * Where data goes: stdout (a broken pipe ends output quietly) or an --out file written
 * atomically (a temporary file in the same directory, renamed on success, removed on failure).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { type FileHandle, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { OutStream } from "./io.js";

export interface Sink {
  /** True once the reader went away (EPIPE): stop producing, quietly. */
  readonly broken: boolean;
  write(text: string | Uint8Array): Promise<void>;
  /** Makes the output final (renames the temp file). */
  commit(): Promise<void>;
  /** Drops the output (removes the temp file); stdout cannot be taken back. */
  discard(): Promise<void>;
}

export class StdoutSink implements Sink {
  broken = false;
  private error: NodeJS.ErrnoException | null = null;
  private waiters: (() => void)[] = [];

  constructor(private readonly stream: OutStream) {
    stream.on("error", (err) => {
      this.broken = true;
      if (err.code !== "EPIPE") this.error = err;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** A write error other than a closed pipe (e.g. ENOSPC), to report. */
  get failure(): NodeJS.ErrnoException | null {
    return this.error;
  }

  async write(text: string | Uint8Array): Promise<void> {
    if (this.broken || text.length === 0) return;
    if (this.stream.write(text)) return;
    await new Promise<void>((resolve) => {
      this.waiters.push(resolve);
      this.stream.once("drain", () => {
        this.waiters = this.waiters.filter((w) => w !== resolve);
        resolve();
      });
    });
  }

  async commit(): Promise<void> {}
  async discard(): Promise<void> {}
}

/** Shell syntax in a pager command: only then is it run through `sh -c`. */
const SHELL_SYNTAX = /[|&;<>()$`\\"'*?[\]#~=%{}]/;

/**
 * Output through a pager, the way git does it: `less` gets LESS=FRX unless LESS is set (quit
 * when the text fits on one screen, keep colours, leave the text on the screen), `lv` gets
 * LV=-c. The pager's end of the pipe closing (q in less) ends output quietly, as with `| head`.
 */
export class PagerSink extends StdoutSink {
  private constructor(private readonly child: ChildProcess) {
    super(child.stdin as NonNullable<ChildProcess["stdin"]>);
  }

  /** Starts `command`; null when it cannot be started (not installed), so output goes to stdout. */
  static async start(command: string, env: NodeJS.ProcessEnv): Promise<PagerSink | null> {
    const pagerEnv = { ...env, LESS: env.LESS ?? "FRX", LV: env.LV ?? "-c" };
    const stdio: ["pipe", "inherit", "inherit"] = ["pipe", "inherit", "inherit"];
    const words = command.split(/\s+/);
    const child = SHELL_SYNTAX.test(command)
      ? spawn(command, { shell: true, stdio, env: pagerEnv })
      : spawn(words[0] as string, words.slice(1), { stdio, env: pagerEnv });
    const started = await new Promise<boolean>((resolve) => {
      child.once("spawn", () => resolve(true));
      child.once("error", () => resolve(false));
    });
    return started ? new PagerSink(child) : null;
  }

  /** Ends the pager's input and waits until the reader quits it. */
  override async commit(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once("exit", () => resolve());
    });
    this.child.stdin?.end();
    await exited;
  }

  override async discard(): Promise<void> {
    await this.commit();
  }
}

export class FileSink implements Sink {
  readonly broken = false;
  private constructor(
    private readonly handle: FileHandle,
    private readonly tempPath: string,
    readonly finalPath: string,
  ) {}

  /** Creates the temporary file next to `path`; throws (with a readable message) when it cannot. */
  static async create(path: string, cwd: string): Promise<FileSink> {
    const finalPath = resolve(cwd, path);
    const tempPath = join(
      dirname(finalPath),
      `.${basename(finalPath)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
    );
    const handle = await open(tempPath, "wx", 0o644);
    return new FileSink(handle, tempPath, finalPath);
  }

  async write(text: string | Uint8Array): Promise<void> {
    if (text.length === 0) return;
    if (typeof text === "string") await this.handle.write(text);
    else await this.handle.write(text);
  }

  async commit(): Promise<void> {
    try {
      await this.handle.close();
      await rename(this.tempPath, this.finalPath);
    } catch (err) {
      await unlink(this.tempPath).catch(() => undefined);
      throw err;
    }
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await unlink(this.tempPath).catch(() => undefined);
  }
}

export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case "ENOENT":
      return "no such directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOSPC":
      return "no space left on device";
    case "EROFS":
      return "read-only file system";
    case "ENOTDIR":
      return "a path component is not a directory";
    default:
      return e.code ?? e.message;
  }
}
