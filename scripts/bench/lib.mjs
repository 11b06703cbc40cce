// Helpers for scripts/bench.mjs: child processes with wall time and peak RSS,
// statistics, machine description. Node built-ins only.
import { execFileSync, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const TIME_BIN = "/usr/bin/time";

/** How peak RSS is measured here: GNU time's %M when it works, else polling /proc/<pid>/status VmHWM. */
export const rssMethod = detectRssMethod();

function detectRssMethod() {
  if (existsSync(TIME_BIN)) {
    const out = path.join(os.tmpdir(), `plan-parse-bench-time-${process.pid}`);
    try {
      execFileSync(TIME_BIN, ["-f", "%M", "-o", out, process.execPath, "-e", "0"], { stdio: "ignore" });
      const kb = Number.parseInt(readFileSync(out, "utf8").trim().split("\n").pop() ?? "", 10);
      if (Number.isFinite(kb) && kb > 0) return "gnu-time";
    } catch {
      // fall through to /proc polling
    } finally {
      rmSync(out, { force: true });
    }
  }
  if (existsSync(`/proc/${process.pid}/status`)) return "proc-vmhwm";
  return "none";
}

function readVmHWM(pid) {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs one command to completion. stdout goes to /dev/null ("null"), to a file ({ file }),
 * or is captured ("capture"); the last 4 KB of stderr are kept. The child gets its own
 * process group, killed as a whole when `timeoutMs` passes.
 *
 * @returns {Promise<{ wallMs: number, peakRssKb: number | null, code: number | null, signal: string | null,
 *   timedOut: boolean, stdout: string, stderrTail: string }>}
 */
export function run(cmd, args, { stdout = "null", timeoutMs = 600_000, cwd, env } = {}) {
  return new Promise((resolve) => {
    let outFd = null;
    if (stdout === "null") outFd = openSync("/dev/null", "w");
    else if (typeof stdout === "object" && stdout.file) outFd = openSync(stdout.file, "w");
    const timeFile =
      rssMethod === "gnu-time" ? path.join(os.tmpdir(), `plan-parse-bench-${process.pid}-${seq++}`) : null;
    const [file, argv] = timeFile ? [TIME_BIN, ["-f", "%M", "-o", timeFile, cmd, ...args]] : [cmd, args];

    const started = performance.now();
    const child = spawn(file, argv, {
      cwd,
      env: env ? { ...process.env, ...env } : process.env,
      stdio: ["ignore", outFd ?? "pipe", "pipe"],
      detached: true,
    });
    if (outFd !== null) closeSync(outFd);

    let captured = "";
    child.stdout?.setEncoding("utf8").on("data", (d) => {
      captured += d;
    });
    let errTail = "";
    child.stderr.setEncoding("utf8").on("data", (d) => {
      errTail = (errTail + d).slice(-4096);
    });

    let polledKb = 0;
    const poll =
      rssMethod === "proc-vmhwm"
        ? setInterval(() => {
            polledKb = Math.max(polledKb, readVmHWM(child.pid));
          }, 5)
        : null;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutMs);

    child.on("error", (err) => {
      errTail += String(err);
    });
    child.on("close", (code, signal) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      let peakRssKb = rssMethod === "proc-vmhwm" ? polledKb || null : null;
      if (timeFile) {
        try {
          // GNU time writes "Command exited with non-zero status N" before the figure.
          const last = readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "";
          const kb = Number.parseInt(last, 10);
          peakRssKb = Number.isFinite(kb) ? kb : null;
        } catch {
          peakRssKb = null;
        }
        rmSync(timeFile, { force: true });
      }
      resolve({ wallMs, peakRssKb, code, signal, timedOut, stdout: captured, stderrTail: errTail });
    });
  });
}
let seq = 0;

/** One-line reason a run did not succeed, or null when it exited 0. */
export function failure(r) {
  if (r.timedOut) return "timed out";
  if (r.code === 0) return null;
  const last = r.stderrTail.trim().split("\n").slice(-3).join(" | ");
  return `exit ${r.code ?? r.signal}${last ? `: ${last.slice(0, 300)}` : ""}`;
}

export function median(xs) {
  const s = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function machine(repo) {
  let commit = null;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repo, encoding: "utf8" }).trim();
  } catch {
    // not a git checkout
  }
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism?.() ?? cpus.length,
    cpu: cpus[0]?.model?.trim() ?? "unknown",
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    memGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
    rssMethod,
    commit,
  };
}

export const MB = 1024 * 1024;
export const fmt = (x, digits = 1) => (x === null || x === undefined ? "n/a" : x.toFixed(digits));
