// Child processes that a gate timeout can always stop: each runs in its own process group,
// and on abort or timeout the whole group is killed (so `sh -c "npm test"` takes its children along).
import { spawn } from "node:child_process";

export interface RunCommandOptions {
  command: string;
  args?: string[];
  cwd: string;
  /** Run through `sh -c` (for policy `command:` strings). */
  shell?: boolean;
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Streams stdout and stderr as they arrive. */
  onOutput?: (chunk: string) => void;
  input?: string;
  /** Bytes of stdout kept (default 64 MiB); output beyond is dropped and `truncated` is set. */
  maxStdout?: number;
}

export interface CommandResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
  truncated: boolean;
  /** Set when the program could not be started (ENOENT...). */
  spawnError?: string;
}

export function runCommand(options: RunCommandOptions): Promise<CommandResult> {
  const maxStdout = options.maxStdout ?? 64 * 1024 * 1024;
  return new Promise((resolve) => {
    const child = options.shell
      ? spawn("sh", ["-c", options.command], { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, detached: true })
      : spawn(options.command, options.args ?? [], { cwd: options.cwd, env: options.env as NodeJS.ProcessEnv, detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let truncated = false;
    let timedOut = false;
    let aborted = false;
    let spawnError: string | undefined;

    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          killGroup();
        }, options.timeoutMs)
      : undefined;
    const onAbort = () => {
      aborted = true;
      killGroup();
    };
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener("abort", onAbort, { once: true });

    child.stdout?.on("data", (chunk: Buffer) => {
      options.onOutput?.(chunk.toString("utf8"));
      if (stdoutBytes + chunk.length > maxStdout) {
        truncated = true;
        return;
      }
      stdoutBytes += chunk.length;
      stdout.push(chunk);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      options.onOutput?.(chunk.toString("utf8"));
      if (stderr.length < 4096) stderr.push(chunk);
    });
    child.on("error", (error) => {
      spawnError = error.message;
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
    child.on("close", (exitCode, signal) => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      const result: CommandResult = {
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        timedOut,
        aborted,
        truncated,
      };
      if (spawnError !== undefined) result.spawnError = spawnError;
      resolve(result);
    });
  });
}

/** True when `name` is an executable on PATH. */
export async function onPath(name: string, env: Record<string, string | undefined> = process.env): Promise<boolean> {
  const { access, constants } = await import("node:fs/promises");
  const { delimiter, join } = await import("node:path");
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    try {
      await access(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}
