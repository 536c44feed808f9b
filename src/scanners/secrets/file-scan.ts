// Scanning one file from disk: size and binary checks, UTF-8 decoding, the per-file time budget.
// Pure and synchronous so the main thread and the worker threads run exactly the same code.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import type { SecretEngine } from "./engine.js";
import { toHits, type SecretHit } from "./hits.js";

// Same test as core/files.ts looksBinary (a NUL byte in the first 8 KiB, as git decides), kept
// here so the worker bundle imports no package at all and runs from any dist/ layout.
function looksBinary(buffer: Uint8Array): boolean {
  const n = Math.min(buffer.length, 8192);
  for (let i = 0; i < n; i++) if (buffer[i] === 0) return true;
  return false;
}

export interface FileScanSettings {
  /** Files larger than this many bytes are skipped and counted. */
  maxFileSize: number;
  /** Milliseconds one file may take before the rest of it is skipped and reported. */
  fileTimeBudgetMs: number;
}

export type SkipReason = "binary" | "oversize" | "unreadable";

export interface FileScanResult {
  path: string;
  bytes: number;
  hits: SecretHit[];
  skipped?: SkipReason;
  /** Set when the time budget ran out part-way through the file. */
  timedOut?: boolean;
}

/** Reads and scans one repository-relative file. Never throws. */
export function scanFile(engine: SecretEngine, root: string, path: string, settings: FileScanSettings): FileScanResult {
  let fd: number | undefined;
  try {
    fd = openSync(join(root, path), "r");
    const size = fstatSync(fd).size;
    if (size > settings.maxFileSize) return { path, bytes: size, hits: [], skipped: "oversize" };
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const data = buffer.subarray(0, read);
    if (looksBinary(data)) return { path, bytes: read, hits: [], skipped: "binary" };
    return scanBytes(engine, path, data, settings);
  } catch {
    return { path, bytes: 0, hits: [], skipped: "unreadable" };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function scanBytes(engine: SecretEngine, path: string, data: Uint8Array, settings: FileScanSettings): FileScanResult {
  let text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const result = engine.scan(text, { path, deadline: performance.now() + settings.fileTimeBudgetMs });
  const out: FileScanResult = { path, bytes: data.byteLength, hits: toHits(text, result.matches) };
  if (result.timedOut) out.timedOut = true;
  return out;
}
