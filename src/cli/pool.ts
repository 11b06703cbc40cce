/**
 * A fixed pool of worker threads parsing whole inputs. Each worker holds up to `depth` jobs
 * (the one it parses and the next ones, so it never idles waiting for the main thread); it
 * works through them in order. A worker that dies fails only the input it was working on (the
 * oldest it held); the others go back to the queue and the worker is replaced. The worker
 * script is resolved next to this file, so it works from dist/ (compiled JS).
 */
import { Worker } from "node:worker_threads";
import type { Job, LoadOptions, Outcome } from "./load.js";

interface Pending {
  id: number;
  job: Job;
  resolve: (o: Outcome) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs sent to this worker, oldest first (the worker answers them in this order). */
  held: Pending[];
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly options: LoadOptions,
    readonly depth = 2,
    private readonly script = new URL("./worker.js", import.meta.url),
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** How many jobs can be in flight at once (workers × depth). */
  get capacity(): number {
    return this.size * this.depth;
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.script, { workerData: this.options }), held: [] };
    slot.worker.on("message", (msg: { id: number; outcome: Outcome }) => {
      const i = slot.held.findIndex((p) => p.id === msg.id);
      if (i >= 0) {
        const [pending] = slot.held.splice(i, 1);
        pending?.resolve(msg.outcome);
      }
      this.pump();
    });
    const die = (err: Error | number) => {
      const index = this.slots.indexOf(slot);
      if (this.closed || index < 0) return;
      this.slots[index] = this.spawn();
      const [current, ...rest] = slot.held.splice(0);
      const why = typeof err === "number" ? `worker exited with code ${err}` : err.message;
      current?.resolve({ ok: false, message: `internal error: ${why}`, reason: "internal" });
      this.queue.unshift(...rest);
      this.pump();
    };
    slot.worker.on("error", die);
    slot.worker.on("exit", (code) => die(code));
    return slot;
  }

  run(job: Job): Promise<Outcome> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job, resolve });
      this.pump();
    });
  }

  /** Hands queued jobs to the least loaded workers, up to `depth` each. */
  private pump(): void {
    while (this.queue.length > 0) {
      let best: Slot | null = null;
      for (const slot of this.slots) {
        if (slot.held.length < this.depth && (!best || slot.held.length < best.held.length)) best = slot;
      }
      if (!best) return;
      const next = this.queue.shift() as Pending;
      best.held.push(next);
      const transfer = next.job.kind === "buffer" ? [next.job.buffer.buffer as ArrayBuffer] : [];
      best.worker.postMessage({ id: next.id, job: next.job }, transfer);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/**
 * Runs `exec` over `items` with at most `concurrency` in flight and hands results to
 * `emit` strictly in input order. Out-of-order results wait in a reorder buffer of at most
 * `window` entries (memory stays flat over thousands of inputs). Aborting `signal` stops
 * starting new items and returns after the current emit; results still in flight are dropped.
 */
export async function runOrdered<T, R>(
  items: readonly T[],
  concurrency: number,
  exec: (item: T, index: number) => Promise<R>,
  emit: (result: R, index: number) => Promise<void> | void,
  signal?: AbortSignal,
  window = Math.max(concurrency * 4, 4),
): Promise<void> {
  const done = new Map<number, { value: R } | { error: unknown }>();
  let next = 0; // next index to start
  let emitted = 0; // next index to emit
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  signal?.addEventListener("abort", notify, { once: true });
  try {
    while (emitted < items.length && !signal?.aborted) {
      while (next < items.length && inFlight < concurrency && next - emitted < window) {
        const index = next++;
        inFlight++;
        exec(items[index] as T, index).then(
          (value) => {
            inFlight--;
            done.set(index, { value });
            notify();
          },
          (error: unknown) => {
            inFlight--;
            done.set(index, { error });
            notify();
          },
        );
      }
      const result = done.get(emitted);
      if (result) {
        done.delete(emitted);
        if ("error" in result) throw result.error;
        await emit(result.value, emitted);
        emitted++;
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    signal?.removeEventListener("abort", notify);
  }
}
