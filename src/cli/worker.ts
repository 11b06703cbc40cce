/**
 * Worker thread entry: parses whole inputs sent by the pool, one after the other in the
 * order they came (the pool keeps the next job queued here so this thread never waits), and
 * posts each outcome back: serialised bytes (transferred, not copied) when the options ask.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type Job, type LoadOptions, loadJob } from "./load.js";

const options = workerData as LoadOptions;
// Load the pipeline while the main thread is still sending the first jobs.
void import("../pipeline.js").catch(() => undefined);
const queue: { id: number; job: Job }[] = [];
let running = false;

async function drain(): Promise<void> {
  running = true;
  for (let message = queue.shift(); message !== undefined; message = queue.shift()) {
    const outcome = await loadJob(message.job, options);
    try {
      const transfer = "chunks" in outcome ? outcome.chunks.map((c) => c.buffer as ArrayBuffer) : [];
      parentPort?.postMessage({ id: message.id, outcome }, transfer);
    } catch (err) {
      // A result that cannot be cloned is reported for its input, not lost.
      parentPort?.postMessage({
        id: message.id,
        outcome: { ok: false, message: `internal error: ${(err as Error).message}`, reason: "internal" },
      });
    }
  }
  running = false;
}

parentPort?.on("message", (message: { id: number; job: Job }) => {
  queue.push(message);
  if (!running) void drain();
});
