/** The process's streams and environment, passed in so `run()` can be driven by tests. */
export interface OutStream {
  write(chunk: string | Uint8Array, callback?: (err?: Error | null) => void): boolean;
  once(event: "drain", listener: () => void): unknown;
  on(event: "error", listener: (err: NodeJS.ErrnoException) => void): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}
