// Worker-thread entry of the secret engine: scans batches of files the pool hands it and posts
// back only hits (redacted value and hash, never the secret itself).
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { scanFile, type FileScanResult, type FileScanSettings } from "./file-scan.js";
import { defaultEngine } from "./hits.js";

export interface WorkerRequest {
  id: number;
  root: string;
  files: string[];
}

export interface WorkerResponse {
  id: number;
  results: FileScanResult[];
}

/** Marks the worker data so a bundle that is also an entry point knows it runs as the worker. */
export const WORKER_MARKER = "tollgate-secrets-worker";

export function startSecretsWorker(): void {
  const port = parentPort;
  if (!port) return;
  const data = workerData as { marker?: string; settings?: FileScanSettings } | undefined;
  const settings = data?.settings ?? { maxFileSize: 2 * 1024 * 1024, fileTimeBudgetMs: 10_000 };
  const engine = defaultEngine();
  port.on("message", (request: WorkerRequest) => {
    const results = request.files.map((path) => scanFile(engine, request.root, path, settings));
    // Files without hits, skips or timeouts carry only their size: send less.
    const response: WorkerResponse = { id: request.id, results };
    port.postMessage(response);
  });
}

if (!isMainThread && (workerData as { marker?: string } | undefined)?.marker === WORKER_MARKER) startSecretsWorker();
