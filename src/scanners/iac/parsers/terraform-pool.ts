// Parses many .tf files: with worker threads when there are enough files and cores (tree-sitter
// parsing is CPU-bound and dominates large scans), else on the calling thread.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { parseTerraform, terraformParser, type TerraformFile } from "./terraform.js";
import { fromTransfer, type TerraformBatch } from "./terraform-transfer.js";

export interface PoolOptions {
  signal?: AbortSignal;
  /** Worker script; default: see defaultWorkerUrl(). */
  workerUrl?: URL;
  /** Below this many files a pool costs more than it saves. */
  minFiles?: number;
  threads?: number;
}

const BATCH = 40;

/**
 * Where the worker script sits: beside the bundle (or one level up from a code-split chunk), or
 * beside this compiled module; undefined when running from TypeScript sources.
 */
export function defaultWorkerUrl(): URL | undefined {
  for (const name of ["./iac-terraform-worker.mjs", "./iac-terraform-worker.js", "../iac-terraform-worker.js", "./terraform-worker.js"]) {
    try {
      const url = new URL(name, import.meta.url);
      if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return url;
    } catch {
      // not a file URL (e.g. a test transform): no worker
    }
  }
  return undefined;
}

export interface PoolResult {
  files: TerraformFile[];
  /** Worker threads used (0: parsed on the calling thread). */
  threads: number;
}

export async function parseTerraformFiles(files: { path: string; text: string }[], options: PoolOptions = {}): Promise<PoolResult> {
  const minFiles = options.minFiles ?? 150;
  const url = options.workerUrl ?? defaultWorkerUrl();
  const threads = Math.min(options.threads ?? availableParallelism(), 4, Math.ceil(files.length / BATCH));
  if (url && threads >= 2 && files.length >= minFiles) {
    try {
      return { files: await inWorkers(files, url, threads, options.signal), threads };
    } catch (error: unknown) {
      if (options.signal?.aborted) throw error;
      // A worker that cannot start (missing script, old runtime) must not cost the scan: parse here.
    }
  }
  return { files: await inProcess(files, options.signal), threads: 0 };
}

async function inProcess(files: { path: string; text: string }[], signal?: AbortSignal): Promise<TerraformFile[]> {
  const parser = await terraformParser();
  const out: TerraformFile[] = [];
  for (let i = 0; i < files.length; i++) {
    if ((i & 31) === 31) {
      signal?.throwIfAborted();
      await new Promise<void>((r) => setImmediate(r));
    }
    const f = files[i];
    if (f) out.push(parseTerraform(parser, f.path, f.text));
  }
  return out;
}

function inWorkers(files: { path: string; text: string }[], url: URL, threads: number, signal?: AbortSignal): Promise<TerraformFile[]> {
  const batches: TerraformBatch[] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push({ id: batches.length, files: files.slice(i, i + BATCH) });
  const results: TerraformFile[][] = new Array<TerraformFile[]>(batches.length);
  const workers: Worker[] = [];
  return new Promise<TerraformFile[]>((resolve, reject) => {
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      for (const w of workers) void w.terminate();
      if (error !== undefined) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(results.flat());
    };
    const onAbort = (): void => finish(signal?.reason ?? new Error("aborted"));
    signal?.addEventListener("abort", onAbort, { once: true });
    const feed = (w: Worker): void => {
      const batch = batches[next++];
      if (batch) w.postMessage(batch);
    };
    for (let t = 0; t < threads; t++) {
      const w = new Worker(url);
      workers.push(w);
      w.on("message", (msg: { id: number; files?: TerraformFile[]; error?: string }) => {
        if (msg.error !== undefined || !msg.files) {
          finish(new Error(msg.error ?? "worker returned nothing"));
          return;
        }
        results[msg.id] = msg.files.map(fromTransfer);
        done++;
        if (done === batches.length) finish();
        else feed(w);
      });
      w.on("error", (error) => finish(error));
      w.on("exit", (code) => {
        if (!settled && code !== 0) finish(new Error(`terraform worker exited with code ${code}`));
      });
      feed(w);
    }
  });
}
