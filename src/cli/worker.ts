/** Worker thread entry: parses whole inputs sent by the pool and posts each outcome back. */
import { parentPort, workerData } from "node:worker_threads";
import { type Job, type LoadOptions, loadJob } from "./load.js";

const options = workerData as LoadOptions;

parentPort?.on("message", async (message: { id: number; job: Job }) => {
  const outcome = await loadJob(message.job, options);
  try {
    parentPort?.postMessage({ id: message.id, outcome });
  } catch (err) {
    // A result that cannot be cloned is reported for its input, not lost.
    parentPort?.postMessage({
      id: message.id,
      outcome: { ok: false, message: `internal error: ${(err as Error).message}`, reason: "internal" },
    });
  }
});
