// Scans a list of files with every core: small inputs stay on the calling thread (no start-up
// cost), and once a run has taken longer than a short grace period the rest of the files go to a
// pool of worker threads that pull batches as they finish.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { scanFile, type FileScanResult, type FileScanSettings } from "./file-scan.js";
import { defaultEngine } from "./hits.js";
import { WORKER_MARKER, type WorkerRequest, type WorkerResponse } from "./worker.js";

export interface ScanFilesOptions extends FileScanSettings {
  root: string;
  /** Repository-relative paths. */
  files: string[];
  signal?: AbortSignal;
  /** Worker threads to use for large inputs (default: the number of CPUs; 1 = never). */
  threads?: number;
  /** How long to scan in-process before handing the rest to workers (default 150 ms). */
  graceMs?: number;
  /** The worker module; defaults to the one shipped next to this module, when there is one. */
  workerUrl?: URL;
}

export interface ScanFilesResult {
  /** Every file's outcome, in the order of `files` (files not reached after an abort are absent). */
  results: FileScanResult[];
  /** Worker threads used (0 when everything ran in-process). */
  threads: number;
  aborted: boolean;
}

const BATCH_FILES = 32;
/** Batches queued per worker at any time. */
const IN_FLIGHT = 3;

/**
 * Where the worker module lives: beside this file when compiled (worker.js), or as the
 * secrets-worker.js entry of a bundle (next to the bundle, or one level up from a code-split chunk).
 */
export function defaultWorkerUrl(): URL | undefined {
  const here = import.meta.url;
  const candidates = ["./secrets-worker.js", "../secrets-worker.js"];
  if (/\/scanners\/secrets\/pool\.js$/.test(here)) candidates.unshift("./worker.js");
  for (const candidate of candidates) {
    const url = new URL(candidate, here);
    try {
      if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return url;
    } catch {
      // not a usable location
    }
  }
  return undefined;
}

export async function scanFiles(options: ScanFilesOptions): Promise<ScanFilesResult> {
  const settings: FileScanSettings = { maxFileSize: options.maxFileSize, fileTimeBudgetMs: options.fileTimeBudgetMs };
  const engine = defaultEngine();
  const total = options.files.length;
  const results: FileScanResult[] = new Array(total);
  const threads = Math.max(1, options.threads ?? availableParallelism());
  // The calling thread keeps scanning too, so N threads means N - 1 workers (each worker is a
  // fresh isolate that pays its own start-up and JIT warm-up).
  const workerUrl = threads > 1 ? (options.workerUrl ?? defaultWorkerUrl()) : undefined;
  const grace = options.graceMs ?? 150;
  const started = performance.now();
  const cursor = { next: 0 };
  let pool: Pool | undefined;
  let sliceStart = performance.now();
  while (cursor.next < total) {
    if (options.signal?.aborted) break;
    if (!pool && workerUrl && performance.now() - started > grace && total - cursor.next > BATCH_FILES) {
      pool = startPool(workerUrl, threads - 1, options, settings, cursor, results);
    }
    const index = cursor.next++;
    results[index] = scanFile(engine, options.root, options.files[index] as string, settings);
    // Let worker messages, other gates' I/O and the abort signal through now and then.
    if (performance.now() - sliceStart > (pool ? 20 : 50)) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  let aborted = options.signal?.aborted ?? false;
  if (pool) {
    try {
      aborted = (await pool.done) || aborted;
    } catch {
      // A worker that cannot start or dies must not lose files: finish what is left here.
      for (let i = 0; i < total && !options.signal?.aborted; i++) {
        results[i] ??= scanFile(engine, options.root, options.files[i] as string, settings);
      }
      aborted = options.signal?.aborted ?? false;
    }
  }
  return { results: results.filter(Boolean), threads: pool ? pool.size + 1 : 0, aborted };
}

interface Pool {
  size: number;
  /** Resolves with true when aborted, false when every batch came back. */
  done: Promise<boolean>;
}

function startPool(
  workerUrl: URL,
  size: number,
  options: ScanFilesOptions,
  settings: FileScanSettings,
  cursor: { next: number },
  results: FileScanResult[],
): Pool {
  const workers: Worker[] = [];
  const done = new Promise<boolean>((resolve, reject) => {
    const pending = new Map<number, number>(); // request id -> first file index
    let requestId = 0;
    let finished = false;
    const finish = (aborted: boolean, error?: unknown) => {
      if (finished) return;
      finished = true;
      options.signal?.removeEventListener("abort", onAbort);
      for (const w of workers) void w.terminate();
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(aborted);
    };
    const onAbort = () => finish(true);
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const feed = (worker: Worker) => {
      const from = cursor.next;
      if (from >= options.files.length) {
        if (pending.size === 0) finish(false);
        return;
      }
      const files = options.files.slice(from, from + BATCH_FILES);
      cursor.next += files.length;
      const id = requestId++;
      pending.set(id, from);
      const request: WorkerRequest = { id, root: options.root, files };
      worker.postMessage(request);
    };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerUrl, { workerData: { marker: WORKER_MARKER, settings } });
      workers.push(worker);
      worker.on("message", (response: WorkerResponse) => {
        const first = pending.get(response.id);
        if (first === undefined) return;
        pending.delete(response.id);
        response.results.forEach((r, k) => {
          results[first + k] = r;
        });
        feed(worker);
      });
      worker.on("error", (error) => finish(false, error));
      worker.on("exit", (code) => {
        if (!finished && code !== 0) finish(false, new Error(`secret scanner worker exited with code ${code}`));
      });
      // Several batches in flight: the calling thread scans too and only reads worker messages
      // between files, so a worker with a single batch would sit idle waiting for the next one.
      for (let k = 0; k < IN_FLIGHT; k++) feed(worker);
    }
    if (options.signal?.aborted) finish(true);
  });
  return { size, done };
}
