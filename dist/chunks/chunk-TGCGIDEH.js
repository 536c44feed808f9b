#!/usr/bin/env node
import { createRequire as __tollgateCreateRequire } from 'node:module';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
import { dirname as __tollgateDirname } from 'node:path';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);

// src/core/exec.ts
import { spawn } from "node:child_process";
function runCommand(options) {
  const maxStdout = options.maxStdout ?? 64 * 1024 * 1024;
  return new Promise((resolve) => {
    const child = options.shell ? spawn("sh", ["-c", options.command], { cwd: options.cwd, env: options.env, detached: true }) : spawn(options.command, options.args ?? [], { cwd: options.cwd, env: options.env, detached: true });
    const stdout = [];
    const stderr = [];
    let stdoutBytes = 0;
    let truncated = false;
    let timedOut = false;
    let aborted = false;
    let spawnError;
    const killGroup = () => {
      if (child.pid === void 0) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    const timer = options.timeoutMs ? setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.timeoutMs) : void 0;
    const onAbort = () => {
      aborted = true;
      killGroup();
    };
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    child.stdout?.on("data", (chunk) => {
      options.onOutput?.(chunk.toString("utf8"));
      if (stdoutBytes + chunk.length > maxStdout) {
        truncated = true;
        return;
      }
      stdoutBytes += chunk.length;
      stdout.push(chunk);
    });
    child.stderr?.on("data", (chunk) => {
      options.onOutput?.(chunk.toString("utf8"));
      if (stderr.length < 4096) stderr.push(chunk);
    });
    child.on("error", (error) => {
      spawnError = error.message;
    });
    if (options.input !== void 0) child.stdin?.end(options.input);
    else child.stdin?.end();
    child.on("close", (exitCode, signal) => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      const result = {
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        timedOut,
        aborted,
        truncated
      };
      if (spawnError !== void 0) result.spawnError = spawnError;
      resolve(result);
    });
  });
}
async function onPath(name, env = process.env) {
  const { access, constants } = await import("node:fs/promises");
  const { delimiter, join } = await import("node:path");
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    try {
      await access(join(dir, name), constants.X_OK);
      return true;
    } catch {
    }
  }
  return false;
}

export {
  runCommand,
  onPath
};
