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
/** From this many files on, workers start with the scan instead of after the grace period. */
const EAGER_FILES = 256;
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
  const queue: WorkQueue = { next: 0, total, batches: new Map() };
  let pool: Pool | undefined;
  let sliceStart = performance.now();
  const scanAt = (index: number) => {
    results[index] ??= scanFile(engine, options.root, options.files[index] as string, settings);
  };
  for (;;) {
    if (options.signal?.aborted) break;
    // Large inputs start the workers at once (their start-up overlaps this thread's scanning);
    // smaller ones only if they are still running after the grace period.
    if (!pool && workerUrl && total - queue.next > BATCH_FILES && (total >= EAGER_FILES || performance.now() - started > grace)) {
      pool = startPool(workerUrl, threads - 1, options, settings, queue, results);
    }
    if (queue.next < total) {
      scanAt(queue.next++);
    } else {
      // Nothing left to hand out: take back a batch a worker has not returned yet, so a cold or
      // slow worker never makes the run wait (its late answer is then ignored).
      const stolen = [...queue.batches.keys()].pop();
      if (stolen === undefined) break;
      const from = queue.batches.get(stolen)?.from ?? 0;
      const count = queue.batches.get(stolen)?.count ?? 0;
      queue.batches.delete(stolen);
      for (let i = from; i < from + count; i++) scanAt(i);
      pool?.check();
    }
    // Let worker messages, other gates' I/O and the abort signal through now and then.
    if (performance.now() - sliceStart > (pool ? 10 : 50)) {
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
      for (let i = 0; i < total && !options.signal?.aborted; i++) scanAt(i);
      aborted = options.signal?.aborted ?? false;
    }
  }
  return { results: results.filter(Boolean), threads: pool ? pool.size + 1 : 0, aborted };
}

/** Files handed out so far, and the batches workers have not answered yet. */
interface WorkQueue {
  next: number;
  total: number;
  batches: Map<number, { from: number; count: number }>;
}

interface Pool {
  size: number;
  /** Resolves with true when aborted, false when every file has a result. */
  done: Promise<boolean>;
  /** Called after the calling thread took a batch back: finishes the pool when nothing is left. */
  check(): void;
}

function startPool(
  workerUrl: URL,
  size: number,
  options: ScanFilesOptions,
  settings: FileScanSettings,
  queue: WorkQueue,
  results: FileScanResult[],
): Pool {
  const workers: Worker[] = [];
  let requestId = 0;
  let finished = false;
  let settle: (aborted: boolean, error?: unknown) => void = () => undefined;
  const done = new Promise<boolean>((resolve, reject) => {
    settle = (aborted, error) => {
      if (finished) return;
      finished = true;
      options.signal?.removeEventListener("abort", onAbort);
      for (const w of workers) void w.terminate();
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve(aborted);
    };
  });
  const onAbort = () => settle(true);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const check = () => {
    if (queue.next >= queue.total && queue.batches.size === 0) settle(false);
  };
  const feed = (worker: Worker) => {
    const from = queue.next;
    if (from >= queue.total) return check();
    const count = Math.min(BATCH_FILES, queue.total - from);
    queue.next += count;
    const id = requestId++;
    queue.batches.set(id, { from, count });
    const request: WorkerRequest = { id, root: options.root, files: options.files.slice(from, from + count) };
    worker.postMessage(request);
  };
  for (let i = 0; i < size; i++) {
    const worker = new Worker(workerUrl, { workerData: { marker: WORKER_MARKER, settings } });
    workers.push(worker);
    worker.on("message", (response: WorkerResponse) => {
      const batch = queue.batches.get(response.id);
      if (batch) {
        queue.batches.delete(response.id);
        response.results.forEach((r, k) => {
          results[batch.from + k] ??= r;
        });
      }
      feed(worker);
    });
    worker.on("error", (error) => settle(false, error));
    worker.on("exit", (code) => {
      if (!finished && code !== 0) settle(false, new Error(`secret scanner worker exited with code ${code}`));
    });
    // Several batches in flight: the calling thread scans too and only reads worker messages
    // between files, so a worker with a single batch would sit idle waiting for the next one.
    for (let k = 0; k < IN_FLIGHT; k++) feed(worker);
  }
  if (options.signal?.aborted) settle(true);
  return { size, done, check };
}
