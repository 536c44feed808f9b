// Scans zip entries for the (ecosystem, name) pairs their OSV records affect, on worker threads:
// inflating 200,000 small entries is CPU-bound, so every core takes a share. The worker is plain
// JavaScript run with `eval` so it survives bundling into one file.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ZipEntry } from "./zip.js";

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { inflateRawSync } = require("node:zlib");
const { shared, offsets, sizes, methods } = workerData;
const buf = Buffer.from(shared);
const NEEDLE = Buffer.from('"package"');
const HEAD = /^"package"\\s*:\\s*\\{/;
const ECO = /"ecosystem"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"/;
const NAME = /"name"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"/;
const pairs = [];
const owners = [];
const bad = [];
for (let i = 0; i < offsets.length; i++) {
  let data;
  try {
    const p = offsets[i];
    if (buf.readUInt32LE(p) !== 0x04034b50) throw new Error("bad local header");
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const raw = buf.subarray(start, start + sizes[i]);
    if (methods[i] === 0) data = raw;
    else if (methods[i] === 8) data = inflateRawSync(raw);
    else throw new Error("unsupported method");
  } catch {
    bad.push(i);
    continue;
  }
  // Decode only the small "package": {...} objects, found by a byte search, not the whole record.
  for (let from = data.indexOf(NEEDLE); from !== -1; from = data.indexOf(NEEDLE, from + 1)) {
    const close = data.indexOf(125, from);
    if (close === -1) break;
    const body = data.toString("utf8", from, close + 1);
    if (!HEAD.test(body)) continue;
    const eco = ECO.exec(body);
    const name = NAME.exec(body);
    if (eco && name) {
      pairs.push(eco[1], name[1]);
      owners.push(i);
    }
  }
}
parentPort.postMessage({ pairs, owners: Int32Array.from(owners), bad });
`;

export interface ScanResult {
  /** Raw (still JSON-escaped) ecosystem and name, two strings per pair. */
  pairs: string[];
  /** For each pair, the index (into the entries given) of the entry it came from. */
  owners: Int32Array;
  /** Indexes of entries that could not be read. */
  bad: number[];
}

/** Below this many entries, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 8192;

export function scanThreads(entries: number, threshold = WORKER_THRESHOLD): number {
  return entries < threshold ? 1 : Math.max(2, Math.min(4, availableParallelism()));
}

/** Runs the scan on `threads` workers, each over a contiguous share of the entries. */
/** `zip` must be backed by a SharedArrayBuffer (see readShared) so workers read it without copies. */
export async function scanZipEntries(zip: Buffer, entries: ZipEntry[], threads: number, signal?: AbortSignal): Promise<ScanResult> {
  if (!(zip.buffer instanceof SharedArrayBuffer)) throw new Error("scanZipEntries needs a zip in shared memory");
  const shared = zip.buffer;
  const share = Math.ceil(entries.length / threads);
  const workers: Worker[] = [];
  const jobs: Promise<ScanResult & { base: number }>[] = [];
  for (let t = 0; t < threads; t++) {
    const part = entries.slice(t * share, (t + 1) * share);
    if (part.length === 0) continue;
    const base = t * share;
    // tollgate-ignore sast/js-worker-eval: WORKER_SOURCE is a constant of this module, never input
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        shared,
        offsets: Float64Array.from(part, (e) => e.localOffset),
        sizes: Float64Array.from(part, (e) => e.compressedSize),
        methods: Uint8Array.from(part, (e) => e.method),
      },
    });
    workers.push(worker);
    jobs.push(
      new Promise((resolve, reject) => {
        worker.once("message", (result: ScanResult) => resolve({ ...result, base }));
        worker.once("error", reject);
        worker.once("exit", (code) => {
          if (code !== 0) reject(new Error(`zip scan worker stopped with code ${code}`));
        });
      }),
    );
  }
  const stop = (): void => {
    for (const w of workers) void w.terminate();
  };
  signal?.addEventListener("abort", stop, { once: true });
  try {
    const results = await Promise.all(jobs);
    const pairs: string[] = [];
    const owners: number[] = [];
    const bad: number[] = [];
    for (const r of results) {
      for (const p of r.pairs) pairs.push(p);
      for (const o of r.owners) owners.push(o + r.base);
      for (const b of r.bad) bad.push(b + r.base);
    }
    signal?.throwIfAborted();
    return { pairs, owners: Int32Array.from(owners), bad };
  } finally {
    signal?.removeEventListener("abort", stop);
    stop();
  }
}
