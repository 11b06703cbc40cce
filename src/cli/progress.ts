/** A one-line progress bar on stderr: files done / total, rate, estimated time left. */
import type { OutStream } from "./io.js";

const BAR = 24;
const EVERY_MS = 100;

export class Progress {
  private done = 0;
  private shown = false;
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly stream: OutStream,
    private readonly total: number,
    readonly enabled: boolean,
  ) {}

  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < EVERY_MS && this.done < this.total) return;
    this.lastDraw = now;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = this.done / seconds;
    const filled = Math.round((BAR * this.done) / Math.max(this.total, 1));
    const eta = rate > 0 ? Math.ceil((this.total - this.done) / rate) : 0;
    this.stream.write(
      `\r\u001b[2K[${"█".repeat(filled)}${"░".repeat(BAR - filled)}] ${this.done}/${this.total}  ${rate.toFixed(1)} files/s  ${eta}s left`,
    );
    this.shown = true;
  }

  /** Clears the bar (before an error line, and at the end). */
  clear(): void {
    if (this.shown) this.stream.write("\r\u001b[2K");
    this.shown = false;
    this.lastDraw = 0;
  }
}
